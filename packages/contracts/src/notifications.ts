import { z } from 'zod';

export const NOTIFICATION_TYPES = [
  'friend_request',
  'friend_accepted',
  'new_message',
  'system',
  'account_warning',
  'premium_expired',
  'match_report_resolved',
] as const;

export const ZNotification = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  content: z.string(),
  relatedUserId: z.string().nullable(),
  relatedUsername: z.string().nullable(),
  relatedUserId7Digit: z.string().nullable(),
  relatedProfilePicture: z.string().nullable(),
  relatedId: z.string().nullable(),
  actionUrl: z.string().nullable(),
  isRead: z.boolean(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationsQuery = z.object({
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z.enum(['true', 'false']).optional(),
});
export const ZMarkNotificationsRead = z.union([
  z.object({ notificationIds: z.array(z.uuid()).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export const ZNotificationIdParam = z.object({ id: z.uuid() });

/** The live push of a stored notification: the same fields, named as seed 000's event names them. */
export const ZNotificationNew = ZNotification.omit({ id: true, isRead: true, createdAt: true }).extend({
  notificationId: z.string(),
  timestamp: z.string(),
  priority: z.enum(['low', 'medium', 'high']),
});
export const ZNotificationCountUpdate = z.object({
  unreadCount: z.number().int().nonnegative(),
  /** Seed 000 (optional): the newest notification, when the count went up because of it. */
  lastNotification: ZNotificationNew.optional(),
});
export const ZNotificationMarkRead = z.object({ notificationIds: z.array(z.uuid()).min(1).max(100) });
export const ZNotificationDelete = z.object({ notificationId: z.uuid() });

export const ZNotificationsResponse = z.object({
  success: z.literal(true),
  notifications: z.array(ZNotification),
  unreadCount: z.number().int(),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: z.string().nullable(),
});
export const ZUnreadCountResponse = z.object({ success: z.literal(true), unreadCount: z.number().int() });

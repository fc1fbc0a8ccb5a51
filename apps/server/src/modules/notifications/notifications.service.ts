import type { ServerPayload, TNotification } from '@guftagu/contracts';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import type { GroupedNotification, StoredGroupedNotification } from './grouped-notification.js';
import {
  countUnread,
  deleteAllNotifications,
  deleteByRelatedId,
  deleteNotification,
  findNotification,
  insertNotification,
  listNotifications,
  markRead,
  purgeExpired,
  toNotification,
} from './notifications.repo.js';
import type { NotificationRow } from './notifications.schema.js';

type NotificationNewPayload = ServerPayload<'notification_new'>;

/** Seed 000: notifications are deleted 30 days after they were created. */
export const NOTIFICATION_TTL_DAYS = 30;

export interface NewNotification {
  userId: string;
  type: NotificationRow['type'];
  title: string;
  content: string;
  relatedUserId?: string | null;
  relatedId?: string | null;
  actionUrl?: string | null;
  priority?: 'low' | 'medium' | 'high';
}

export interface NotificationPage {
  notifications: TNotification[];
  unreadCount: number;
  nextCursor: string | null;
}

/**
 * Stored notifications with live delivery. Other modules call `notify` after their own transaction
 * has committed; the row is written first and only then pushed, so a reconnecting client that asks
 * for its notifications always sees what it was sent.
 */
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly publisher: RealtimePublisher,
  ) {}

  /** Seed 000's `notification_count_update`, with the notification that raised it when there is one. */
  private async pushCount(userId: string, lastNotification?: NotificationNewPayload): Promise<number> {
    const unreadCount = await countUnread(this.db, userId);
    this.publisher.toUser(userId, 'notification_count_update', {
      unreadCount,
      ...(lastNotification ? { lastNotification } : {}),
    });
    return unreadCount;
  }

  async notify(input: NewNotification): Promise<TNotification> {
    const id = newId();
    await insertNotification(this.db, {
      id,
      userId: input.userId,
      type: input.type,
      title: input.title.slice(0, 100),
      content: input.content.slice(0, 300),
      relatedUserId: input.relatedUserId ?? null,
      relatedId: input.relatedId ?? null,
      actionUrl: input.actionUrl ?? null,
      expiresAt: new Date(Date.now() + NOTIFICATION_TTL_DAYS * 86_400_000),
    });
    const row = await findNotification(this.db, id);
    if (!row) throw new Error('notification vanished after insert');
    const notification = toNotification(row);
    const announced: NotificationNewPayload = {
      notificationId: notification.id,
      type: notification.type,
      title: notification.title,
      content: notification.content,
      relatedUserId: notification.relatedUserId,
      relatedUsername: notification.relatedUsername,
      relatedUserId7Digit: notification.relatedUserId7Digit,
      relatedProfilePicture: notification.relatedProfilePicture,
      relatedId: notification.relatedId,
      actionUrl: notification.actionUrl,
      timestamp: notification.createdAt,
      priority: input.priority ?? 'medium',
    };
    this.publisher.toUser(input.userId, 'notification_new', announced);
    await this.pushCount(input.userId, announced);
    return notification;
  }

  /**
   * Sends the events `notify` sends, for a grouped notification the caller stored in its own
   * statement (see grouped-notification.ts), built from rows the caller already holds.
   */
  announceGrouped(notification: GroupedNotification, stored: StoredGroupedNotification): void {
    const announced: NotificationNewPayload = {
      notificationId: notification.id,
      type: notification.type,
      title: stored.title,
      content: notification.content,
      relatedUserId: notification.relatedUserId,
      relatedUsername: stored.related.username,
      relatedUserId7Digit: stored.related.publicId,
      relatedProfilePicture: stored.related.profilePicture,
      relatedId: notification.relatedId,
      actionUrl: notification.actionUrl,
      timestamp: stored.createdAt.toISOString(),
      priority: 'medium',
    };
    this.publisher.toUser(notification.userId, 'notification_new', announced);
    this.publisher.toUser(notification.userId, 'notification_count_update', {
      unreadCount: stored.unreadCount,
      lastNotification: announced,
    });
  }

  async list(
    userId: string,
    options: { before?: string | undefined; limit: number; unreadOnly: boolean },
  ): Promise<NotificationPage> {
    const rows = await listNotifications(this.db, userId, { ...options, limit: options.limit + 1 });
    const page = rows.slice(0, options.limit).map(toNotification);
    return {
      notifications: page,
      unreadCount: await countUnread(this.db, userId),
      nextCursor: rows.length > options.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  unreadCount(userId: string): Promise<number> {
    return countUnread(this.db, userId);
  }

  /** Marks read and tells the user's other tabs the new count. Ids that are not the user's are ignored. */
  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    await markRead(this.db, userId, ids);
    return this.pushCount(userId);
  }

  async delete(userId: string, id: string): Promise<number> {
    if (!(await deleteNotification(this.db, userId, id)))
      throw new AppError('NOT_FOUND', 'Notification not found');
    return this.pushCount(userId);
  }

  async clear(userId: string): Promise<number> {
    await deleteAllNotifications(this.db, userId);
    return this.pushCount(userId);
  }

  async withdraw(userId: string, relatedId: string): Promise<void> {
    if ((await deleteByRelatedId(this.db, userId, relatedId)) > 0) await this.pushCount(userId);
  }

  purgeExpired(): Promise<number> {
    return purgeExpired(this.db);
  }
}

import { z } from 'zod';
import { callClientEvents, callServerEvents } from './calls.js';
import { channelMessageClientEvents, channelMessageServerEvents } from './channel-messages.js';
import { communityServerEvents } from './communities.js';
import { ZErrorEnvelope } from './errors.js';
import { matchClientEvents, matchServerEvents } from './matchmaking.js';
import { dmClientEvents, dmServerEvents } from './messaging.js';
import {
  ZNotificationCountUpdate,
  ZNotificationDelete,
  ZNotificationMarkRead,
  ZNotificationNew,
} from './notifications.js';
import {
  ZBlockBody,
  ZBlockedByUser,
  ZFriendPresence,
  ZFriendProfileUpdated,
  ZFriendRequestAccepted,
  ZFriendRequestCancelled,
  ZFriendRequestReceived,
  ZFriendRequestRejected,
  ZRequestIdBody,
  ZSendFriendRequestEvent,
  ZUnfriendEvent,
  ZUnfriended,
  ZUpdateStatus,
} from './social.js';
import { voiceClientEvents, voiceServerEvents } from './voice.js';

/**
 * The Socket.IO contract: one Zod schema per event, both directions. The server parses every client
 * event against `clientEvents`; the web client parses every server event against `serverEvents` before
 * it reaches a store. Event names follow seed 000's snake_case.
 */

export const ZAuthenticate = z.object({ token: z.string().min(1).max(4096) });
export const ZHeartbeat = z.object({}).strict().optional();

export const ZNoPayload = z.object({}).strict().optional();

export const clientEvents = {
  authenticate: ZAuthenticate,
  heartbeat: ZHeartbeat,
  send_friend_request: ZSendFriendRequestEvent,
  accept_friend_request: ZRequestIdBody,
  reject_friend_request: ZRequestIdBody,
  cancel_friend_request: ZRequestIdBody,
  unfriend: ZUnfriendEvent,
  block_user: ZBlockBody,
  unblock_user: ZBlockBody,
  update_status: ZUpdateStatus,
  notification_mark_read: ZNotificationMarkRead,
  notification_delete: ZNotificationDelete,
  notification_clear_all: ZNoPayload,
  ...matchClientEvents,
  ...dmClientEvents,
  ...callClientEvents,
  ...voiceClientEvents,
  ...channelMessageClientEvents,
} as const;

export const ZAuthenticated = z.object({
  userId: z.string(),
  username: z.string().nullable(),
  userId7Digit: z.string(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
  isAdmin: z.boolean(),
  isPremium: z.boolean(),
  friendsCount: z.number().int(),
  unreadNotifications: z.number().int(),
  unreadMessages: z.number().int(),
});
export type TAuthenticated = z.infer<typeof ZAuthenticated>;

export const ZAuthError = z.object({ message: z.string(), code: z.string() });
export const ZReconnected = z.object({
  missedNotifications: z.number().int(),
  missedMessages: z.number().int(),
});
export const ZForceDisconnect = z.object({
  reason: z.enum(['logged_out', 'account_banned', 'session_revoked', 'duplicate_session', 'server_shutdown']),
});
export const ZUserCountUpdate = z.object({ count: z.number().int().nonnegative(), timestamp: z.string() });
export type TUserCountUpdate = z.infer<typeof ZUserCountUpdate>;

export const ZSocketError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export const ZRateLimitExceeded = z.object({
  endpoint: z.string(),
  retryAfter: z.number(),
  limit: z.number().int(),
  window: z.number(),
});

/** Seed 000: a client event's payload failed validation (also in its ack as VALIDATION_ERROR). */
export const ZValidationErrorEvent = z.object({
  field: z.string(),
  message: z.string(),
  value: z.string().optional(),
});
/** Seed 000: an event needs a signed-in socket (also in its ack as UNAUTHORIZED). */
export const ZAuthRequired = z.object({ action: z.string(), message: z.string() });
/** Seed 000: the socket may not do this to that object (also in its ack as FORBIDDEN). */
export const ZPermissionDenied = z.object({
  action: z.string(),
  requiredRole: z.string(),
  message: z.string(),
});
/** Seed 000: the account (or, for anonymous video chat, an account seen on this network) is banned. */
export const ZUserBanned = z.object({
  reason: z.string(),
  banType: z.enum(['permanent', 'temporary']),
  banUntil: z.string().nullable(),
  appealUrl: z.string().optional(),
});

export const serverEvents = {
  authenticated: ZAuthenticated,
  auth_error: ZAuthError,
  reconnected: ZReconnected,
  force_disconnect: ZForceDisconnect,
  user_count_update: ZUserCountUpdate,
  error: ZSocketError,
  rate_limit_exceeded: ZRateLimitExceeded,
  validation_error: ZValidationErrorEvent,
  auth_required: ZAuthRequired,
  permission_denied: ZPermissionDenied,
  user_banned: ZUserBanned,
  friend_request_received: ZFriendRequestReceived,
  friend_request_accepted: ZFriendRequestAccepted,
  friend_request_rejected: ZFriendRequestRejected,
  friend_request_cancelled: ZFriendRequestCancelled,
  friend_online: ZFriendPresence,
  friend_offline: ZFriendPresence,
  unfriended: ZUnfriended,
  blocked_by_user: ZBlockedByUser,
  friend_profile_updated: ZFriendProfileUpdated,
  notification_new: ZNotificationNew,
  notification_count_update: ZNotificationCountUpdate,
  ...matchServerEvents,
  ...dmServerEvents,
  ...callServerEvents,
  ...voiceServerEvents,
  ...communityServerEvents,
  ...channelMessageServerEvents,
} as const;

/** Every acknowledgement is the envelope: `{ success: true, ... }` or the error envelope. */
export const ZAckOk = z.object({ success: z.literal(true) }).loose();
export const ZAck = z.union([ZAckOk, ZErrorEnvelope]);
export type TAck = z.infer<typeof ZAck>;

export type ClientEventName = keyof typeof clientEvents;
export type ServerEventName = keyof typeof serverEvents;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEvents)[E]>;
export type ServerPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;

/** Socket.IO typed maps derived from the schemas, so the types are never written twice. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack?: (response: TAck) => void) => void;
};
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};

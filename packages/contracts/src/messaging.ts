import { z } from 'zod';
import { ZPresenceStatus } from './profile.js';
import { ZByUser, ZUserCard } from './social.js';
import { ZAttachment, ZAttachmentIds } from './uploads.js';

/**
 * Direct messages (seed 000 "Direct Messaging System", seeds 003/004): messages, requests, receipts,
 * reactions, replies, edits and search. The maps at the bottom are spread into `socket.ts`.
 *
 * Ids are UUIDv7, so they sort by creation time: pagination cursors and sync positions are message ids.
 * Every timestamp is an ISO 8601 string.
 */

const ZUuid = z.uuid('Must be an id');

export const DM_MAX_LENGTH = 2000;
export const DM_PAGE_SIZE_DEFAULT = 50;
export const DM_PAGE_SIZE_MAX = 100;
/** The sender may edit a message for this long after sending it (seed 001). */
export const DM_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A typing indicator that never gets its stop event disappears after this long (server-side expiry). */
export const DM_TYPING_TTL_MS = 6000;
export const DM_REACTION_MAX_LENGTH = 32;
export const DM_NONCE_MAX_LENGTH = 64;

/** Any Unicode, at most 2000 characters (UTF-16 code units, like the textarea counter), never blank. */
export const ZDmContent = z
  .string()
  .max(DM_MAX_LENGTH, `A message is at most ${DM_MAX_LENGTH} characters`)
  .refine((value) => value.trim().length > 0, 'A message cannot be blank');

/** The client's id for one send attempt; retrying with the same nonce returns the original message. */
export const ZDmNonce = z
  .string()
  .min(1)
  .max(DM_NONCE_MAX_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'A nonce is letters, digits, - or _');

/** One emoji (or a short emoji sequence: skin tones, ZWJ families, flags, keycaps); no text. */
const EMOJI_SEQUENCE = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200D|\uFE0F|\u20E3)+$/u;
const HAS_PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
export const ZDmEmoji = z
  .string()
  .min(1)
  .max(DM_REACTION_MAX_LENGTH)
  .refine((value) => EMOJI_SEQUENCE.test(value) && HAS_PICTOGRAPH.test(value), 'A reaction is one emoji');

export const ZDmMessageType = z.enum(['text', 'image', 'file', 'system']);
export type TDmMessageType = z.infer<typeof ZDmMessageType>;
export const ZDmStatus = z.enum(['sent', 'delivered', 'read']);
export type TDmStatus = z.infer<typeof ZDmStatus>;

/** A quoted preview of the message being replied to; `deleted` hides the text of a tombstone. */
export const ZDmReplyPreview = z.object({
  id: z.string(),
  senderId: z.string(),
  /** The first 200 characters of the quoted message; empty when it was deleted. */
  content: z.string(),
  messageType: ZDmMessageType,
  deleted: z.boolean(),
});
export type TDmReplyPreview = z.infer<typeof ZDmReplyPreview>;

export const ZDmReaction = z.object({
  emoji: z.string(),
  count: z.number().int().positive(),
  /** Whether the user this payload was built for reacted with this emoji. */
  mine: z.boolean(),
  userIds: z.array(z.string()),
});
export type TDmReaction = z.infer<typeof ZDmReaction>;

/** One direct message as every REST response and socket event carries it. */
export const ZDirectMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  senderId: z.string(),
  recipientId: z.string(),
  /** Empty for a message deleted for everyone (the tombstone keeps its place in the history). */
  content: z.string(),
  messageType: ZDmMessageType,
  attachments: z.array(ZAttachment),
  replyTo: ZDmReplyPreview.nullable(),
  reactions: z.array(ZDmReaction),
  /** 'read' is only reported when the recipient sends read receipts; otherwise 'delivered' at most. */
  status: ZDmStatus,
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  /** Set when the text was edited; the previous text is never returned. */
  editedAt: z.string().nullable(),
  deletedForEveryone: z.boolean(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The sender's nonce; only returned to the sender (null for the recipient). */
  nonce: z.string().nullable(),
});
export type TDirectMessage = z.infer<typeof ZDirectMessage>;

/** The caller's view of a conversation's message-request state (seed 004 chat requests). */
export const ZDmRequestState = z.enum(['none', 'incoming', 'outgoing', 'rejected']);
export type TDmRequestState = z.infer<typeof ZDmRequestState>;

export const ZDmOtherUser = ZUserCard.extend({
  isOnline: z.boolean(),
  status: ZPresenceStatus,
  lastActive: z.string().nullable(),
  isFriend: z.boolean(),
});
export type TDmOtherUser = z.infer<typeof ZDmOtherUser>;

export const ZDmLastMessage = z.object({
  id: z.string(),
  senderId: z.string(),
  /** Truncated to 100 characters; empty for a deleted message. */
  content: z.string(),
  messageType: ZDmMessageType,
  status: ZDmStatus,
  deleted: z.boolean(),
  createdAt: z.string(),
});

export const ZConversation = z.object({
  id: z.string(),
  otherUser: ZDmOtherUser,
  lastMessage: ZDmLastMessage.nullable(),
  lastMessageAt: z.string().nullable(),
  unreadCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  requestState: ZDmRequestState,
  /** False when the caller cannot send here right now (blocked, rejected request, privacy). */
  canSend: z.boolean(),
});
export type TConversation = z.infer<typeof ZConversation>;

// ---------------------------------------------------------------- REST bodies, queries, responses

export const ZSendDm = z
  .object({
    to: ZUuid,
    message: ZDmContent.optional(),
    nonce: ZDmNonce,
    replyTo: ZUuid.optional(),
    attachmentIds: ZAttachmentIds.optional(),
  })
  .refine((value) => value.message !== undefined || (value.attachmentIds?.length ?? 0) > 0, {
    message: 'A message needs text or an attachment',
    path: ['message'],
  });
export type TSendDm = z.infer<typeof ZSendDm>;

export const ZSendDmResponse = z.object({
  success: z.literal(true),
  message: ZDirectMessage,
  /** True when this nonce had already been used: `message` is the original, nothing new was stored. */
  duplicate: z.boolean(),
});
export type TSendDmResponse = z.infer<typeof ZSendDmResponse>;

export const ZConversationsQuery = z.object({
  view: z.enum(['inbox', 'archived', 'requests']).default('inbox'),
  /** Filters by the other user's name, username or 7-digit id. */
  q: z.string().trim().max(50).optional(),
  /** A conversation id (a previous page's `nextCursor`): return the conversations listed after it. */
  before: ZUuid.optional(),
});
export type TConversationsQuery = z.infer<typeof ZConversationsQuery>;
export const ZConversationsResponse = z.object({
  success: z.literal(true),
  conversations: z.array(ZConversation),
  /** Pass as `before` for the next page; null on the last page. */
  nextCursor: ZUuid.nullable().optional(),
});

export const ZDmUserParam = z.object({ userId: ZUuid });
export const ZDmMessageParam = z.object({ messageId: ZUuid });

export const ZMessagesQuery = z.object({
  /** A message id: return messages older than it. */
  before: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(DM_PAGE_SIZE_MAX).default(DM_PAGE_SIZE_DEFAULT),
});
export type TMessagesQuery = z.infer<typeof ZMessagesQuery>;
export const ZMessagesResponse = z.object({
  success: z.literal(true),
  /** Newest first. */
  messages: z.array(ZDirectMessage),
  /** Pass as `before` for the next (older) page; null when there is nothing older. */
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
  /** Null when the two users never exchanged a message. */
  conversation: ZConversation.nullable(),
  otherUser: ZDmOtherUser,
});
export type TMessagesResponse = z.infer<typeof ZMessagesResponse>;

/** Seed 000 `PUT /api/messages/read`: the given messages, or every message from `fromUserId`. */
export const ZMarkDmRead = z
  .object({
    messageIds: z.array(ZUuid).max(500).optional(),
    fromUserId: ZUuid.optional(),
  })
  .refine((value) => value.messageIds !== undefined || value.fromUserId !== undefined, {
    message: 'Name messageIds or fromUserId',
    path: ['messageIds'],
  });
export type TMarkDmRead = z.infer<typeof ZMarkDmRead>;
export const ZMarkDmReadResponse = z.object({
  success: z.literal(true),
  messageIds: z.array(z.string()),
  readAt: z.string(),
});

export const ZDmUnreadResponse = z.object({
  success: z.literal(true),
  total: z.number().int().nonnegative(),
  /** Unread count per other user id; users with nothing unread are absent. */
  byUser: z.record(z.string(), z.number().int().positive()),
});
export type TDmUnreadResponse = z.infer<typeof ZDmUnreadResponse>;

export const ZDmSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  /** Limit the search to the conversation with this user. */
  with: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TDmSearchQuery = z.infer<typeof ZDmSearchQuery>;
export const ZDmSearchResult = z.object({
  message: ZDirectMessage,
  otherUser: ZUserCard,
  /** HTML-escaped text with matches wrapped in `<mark>…</mark>`; nothing else is markup. */
  snippet: z.string(),
  rank: z.number(),
});
export const ZDmSearchResponse = z.object({
  success: z.literal(true),
  results: z.array(ZDmSearchResult),
});

export const ZEditDm = z.object({ messageId: ZUuid, message: ZDmContent });
export const ZEditDmBody = z.object({ message: ZDmContent });
export const ZDmDeleteScope = z.enum(['everyone', 'me']);
export const ZDeleteDm = z.object({ messageId: ZUuid, scope: ZDmDeleteScope.default('everyone') });
export const ZDeleteDmQuery = z.object({ scope: ZDmDeleteScope.default('everyone') });
export const ZReactDm = z.object({ messageId: ZUuid, emoji: ZDmEmoji });
export const ZReactDmBody = z.object({ emoji: ZDmEmoji });
export const ZDmMessageResponse = z.object({ success: z.literal(true), message: ZDirectMessage });
export const ZDmConversationResponse = z.object({ success: z.literal(true), conversation: ZConversation });

/**
 * Reconnect catch-up: `after` maps each conversation the client knows to its last known message id
 * (null: knows none). The answer holds every newer message (oldest first) of those conversations, the
 * messages of conversations the client did not name that were sent after `changedSince`, and messages
 * at or before a cursor that changed after `changedSince` (edits, deletions, reactions, receipts).
 * Applying it by id gives the fresh state. Ids of conversations that are not the caller's are ignored.
 */
export const ZDmSync = z.object({
  after: z.record(ZUuid, ZUuid.nullable()).default({}),
  /** The `syncedAt` of the previous sync (or when the client last heard from the server). */
  changedSince: z.iso.datetime({ offset: true }).optional(),
});
export type TDmSync = z.infer<typeof ZDmSync>;
export const ZDmSyncResponse = z.object({
  success: z.literal(true),
  /** New messages, oldest first. */
  messages: z.array(ZDirectMessage),
  /** Already-known messages whose state changed; replace them by id. */
  changed: z.array(ZDirectMessage),
  /** Ids the caller deleted for themselves since `changedSince` (e.g. in another tab): drop them. */
  removed: z.array(z.string()),
  /** True when more new messages exist than one answer holds: sync again from the last one. */
  hasMore: z.boolean(),
  /** Pass as `changedSince` next time (slightly in the past, so in-flight commits are not missed). */
  syncedAt: z.string(),
});
export type TDmSyncResponse = z.infer<typeof ZDmSyncResponse>;

// ---------------------------------------------------------------- socket events, client → server

export const ZDmSendEvent = ZSendDm;
export const ZDmMarkDelivered = z.object({ messageIds: z.array(ZUuid).min(1).max(500) });
export const ZDmMarkRead = ZMarkDmRead;
export const ZDmTypingEvent = z.object({ to: ZUuid });
/** Which conversation this socket shows, so a new message there creates no `new_message` notification. */
export const ZDmViewing = z.object({ userId: ZUuid.nullable() });
export const ZDmRequestAction = z.object({ userId: ZUuid });

// ---------------------------------------------------------------- socket events, server → client

/** Seed 000 `dm_receive` fields plus the full message (the same object REST returns). */
export const ZDmReceive = ZDirectMessage.extend({
  messageId: z.string(),
  from: ZUserCard,
  message: z.string(),
  timestamp: z.string(),
});
export type TDmReceive = z.infer<typeof ZDmReceive>;

export const ZDmDelivered = z.object({
  /** The newest of `messageIds` (seed 000 names one id). */
  messageId: z.string(),
  messageIds: z.array(z.string()),
  conversationId: z.string(),
  deliveredAt: z.string(),
  toUserId: z.string(),
});
export const ZDmRead = z.object({
  messageIds: z.array(z.string()),
  conversationId: z.string(),
  readAt: z.string(),
  readBy: z.string(),
});
export const ZDmTypingStarted = z.object({
  from: z.object({ userId: z.string(), username: z.string() }),
  conversationId: z.string(),
  /** The indicator hides itself after this long unless another start arrives. */
  expiresInMs: z.number().int().positive(),
});
export const ZDmTypingStopped = z.object({
  from: z.object({ userId: z.string() }),
  conversationId: z.string(),
});
export const ZDmEdited = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  content: z.string(),
  editedAt: z.string(),
  message: ZDirectMessage,
});
export const ZDmDeleted = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  deletedBy: z.string(),
  /** 'me' is only sent to the deleting user's own sockets. */
  scope: ZDmDeleteScope,
  timestamp: z.string(),
});
export const ZDmReactionUpdated = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  /** Every reaction of the message after the change, `mine` computed for the receiving user. */
  reactions: z.array(ZDmReaction),
  actor: z.object({ userId: z.string(), emoji: z.string(), action: z.enum(['added', 'removed']) }),
});
export const ZDmRequestReceived = z.object({
  conversationId: z.string(),
  from: ZUserCard,
  message: ZDirectMessage,
});
export const ZDmRequestAccepted = z.object({
  conversationId: z.string(),
  by: ZUserCard,
  acceptedAt: z.string(),
});
export const ZDmRequestRejected = z.object({
  conversationId: z.string(),
  by: ZByUser,
  rejectedAt: z.string(),
});
export const ZDmUnreadUpdate = z.object({
  total: z.number().int().nonnegative(),
  /** New counts of the other users whose conversations changed (0 = all read); others unchanged. */
  byUser: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type TDmUnreadUpdate = z.infer<typeof ZDmUnreadUpdate>;
export const ZDmError = z.object({
  error: z.string(),
  code: z.string(),
  originalMessage: z.string(),
  nonce: z.string().nullable(),
  to: z.string().nullable(),
});
/** Archive state or request state changed (e.g. from another tab of the same user). */
export const ZDmConversationUpdated = z.object({ conversation: ZConversation });

export const dmClientEvents = {
  dm_send: ZDmSendEvent,
  dm_mark_delivered: ZDmMarkDelivered,
  dm_mark_read: ZDmMarkRead,
  dm_typing_start: ZDmTypingEvent,
  dm_typing_stop: ZDmTypingEvent,
  dm_edit: ZEditDm,
  dm_delete: ZDeleteDm,
  dm_react: ZReactDm,
  dm_unreact: ZReactDm,
  dm_viewing: ZDmViewing,
  dm_sync: ZDmSync,
  dm_request_accept: ZDmRequestAction,
  dm_request_reject: ZDmRequestAction,
} as const satisfies Record<string, z.ZodType>;

export const dmServerEvents = {
  dm_receive: ZDmReceive,
  dm_delivered: ZDmDelivered,
  dm_read: ZDmRead,
  dm_typing_start: ZDmTypingStarted,
  dm_typing_stop: ZDmTypingStopped,
  dm_edited: ZDmEdited,
  dm_deleted: ZDmDeleted,
  dm_reaction_updated: ZDmReactionUpdated,
  dm_request_received: ZDmRequestReceived,
  dm_request_accepted: ZDmRequestAccepted,
  dm_request_rejected: ZDmRequestRejected,
  dm_unread_update: ZDmUnreadUpdate,
  dm_error: ZDmError,
  dm_conversation_updated: ZDmConversationUpdated,
} as const satisfies Record<string, z.ZodType>;

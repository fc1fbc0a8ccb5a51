import { z } from 'zod';
import { ZDmEmoji, ZDmNonce } from './messaging.js';
import { ZAttachment, ZAttachmentIds } from './uploads.js';

/**
 * Channel messages (seed 001 "Message Model", "Message Endpoints", "Channel Events" and "Messaging
 * Events", seed 004's message features, issue 10). Seed 001's kebab-case events are snake_case here
 * with the seed's payload fields; what we add is optional for a client written from the seed.
 *
 * Ids are UUIDv7, so they sort by creation time: history cursors, read positions and sync positions
 * are message ids. Every timestamp is an ISO 8601 string.
 */

const ZUuid = z.uuid('Must be an id');

export const CHANNEL_MESSAGE_MAX_LENGTH = 2000;
export const CHANNEL_PAGE_SIZE_DEFAULT = 50;
export const CHANNEL_PAGE_SIZE_MAX = 100;
export const CHANNEL_PINS_MAX = 50;
/** A typing indicator that never gets its stop event should be hidden by the client after this long. */
export const CHANNEL_TYPING_TTL_MS = 8000;

/** Any Unicode, at most 2000 characters (UTF-16 code units), never blank. */
export const ZChannelMessageContent = z
  .string()
  .max(CHANNEL_MESSAGE_MAX_LENGTH, `A message is at most ${CHANNEL_MESSAGE_MAX_LENGTH} characters`)
  .refine((value) => value.trim().length > 0, 'A message cannot be blank');

/** Seed 001's `fileUrl`: a link to a file, http(s) only (never `javascript:` or `data:`). */
export const ZChannelFileUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'fileUrl must be an http(s) URL');

/** Seed 001's `user` of `new-message` (the REST `author` is the same object). */
export const ZChannelMessageAuthor = z.object({
  _id: z.string(),
  username: z.string(),
  /** Our permanent 7-digit public id stands in for Discord's discriminator. */
  discriminator: z.string(),
  avatar: z.string().nullable(),
  displayName: z.string().nullable().optional(),
});
export type TChannelMessageAuthor = z.infer<typeof ZChannelMessageAuthor>;

export const ZChannelReplyPreview = z.object({
  id: z.string(),
  authorId: z.string(),
  /** The first 200 characters of the quoted message; empty when it was deleted. */
  content: z.string(),
  deleted: z.boolean(),
});

export const ZChannelReaction = z.object({
  emoji: z.string(),
  count: z.number().int().positive(),
  /** Whether the user this payload was built for reacted (false in room broadcasts). */
  mine: z.boolean(),
  userIds: z.array(z.string()),
});
export type TChannelReaction = z.infer<typeof ZChannelReaction>;

export const ZChannelMentions = z.object({
  users: z.array(z.string()),
  roles: z.array(z.string()),
  /** `@everyone` or `@here` by someone allowed to (MENTION_EVERYONE); otherwise plain text. */
  everyone: z.boolean(),
});

/** One channel message as every REST response and socket event carries it. */
export const ZChannelMessage = z.object({
  // Seed 001 fields.
  _id: z.string(),
  content: z.string(),
  user: ZChannelMessageAuthor,
  author: ZChannelMessageAuthor,
  channel: z.string(),
  server: z.string(),
  createdAt: z.string(),
  fileUrl: z.string().nullable(),
  edited: z.boolean(),
  editedAt: z.string().nullable(),
  // Ours.
  id: z.string(),
  channelId: z.string(),
  serverId: z.string(),
  attachments: z.array(ZAttachment),
  replyTo: ZChannelReplyPreview.nullable(),
  reactions: z.array(ZChannelReaction),
  mentions: ZChannelMentions,
  pinned: z.boolean(),
  /** The author's nonce; only returned to the author. */
  nonce: z.string().nullable(),
  /** True when the viewer blocked the author: the client collapses the message (REST and sync only). */
  authorBlocked: z.boolean().optional(),
});
export type TChannelMessage = z.infer<typeof ZChannelMessage>;

// ---------------------------------------------------------------- REST

export const ZChannelMessagesParam = z.object({ channelId: ZUuid });
export const ZServerMessagesParam = z.object({ serverId: ZUuid });
export const ZChannelMessageParam = z.object({ channelId: ZUuid, messageId: ZUuid });
export const ZChannelReactionParam = z.object({ channelId: ZUuid, messageId: ZUuid, emoji: ZDmEmoji });

const ZSendChannelMessageFields = z.object({
  content: ZChannelMessageContent.optional(),
  fileUrl: ZChannelFileUrl.optional(),
  /** Retrying a send with the same nonce returns the original message instead of a second one. */
  nonce: ZDmNonce.optional(),
  attachmentIds: ZAttachmentIds.optional(),
  replyTo: ZUuid.optional(),
});
const hasBody = (value: z.infer<typeof ZSendChannelMessageFields>) =>
  value.content !== undefined || value.fileUrl !== undefined || (value.attachmentIds?.length ?? 0) > 0;
const NEEDS_BODY = { message: 'A message needs content or a file', path: ['content'] };

export const ZSendChannelMessage = ZSendChannelMessageFields.refine(hasBody, NEEDS_BODY);
export type TSendChannelMessage = z.infer<typeof ZSendChannelMessage>;

export const ZSendChannelMessageResponse = z.object({
  success: z.literal(true),
  message: ZChannelMessage,
  /** True when this nonce had already been used: `message` is the original, nothing new was stored. */
  duplicate: z.boolean(),
});

export const ZChannelMessagesQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(CHANNEL_PAGE_SIZE_MAX).default(CHANNEL_PAGE_SIZE_DEFAULT),
    /** A message id: messages older than it. */
    before: ZUuid.optional(),
    /** A message id: messages newer than it. */
    after: ZUuid.optional(),
    /** A message id: that message and the messages around it (half older, half newer). */
    around: ZUuid.optional(),
  })
  .refine(
    (value) => [value.before, value.after, value.around].filter((cursor) => cursor !== undefined).length <= 1,
    { message: 'Name at most one of before, after and around', path: ['before'] },
  );
export type TChannelMessagesQuery = z.infer<typeof ZChannelMessagesQuery>;

export const ZChannelMessagesResponse = z.object({
  success: z.literal(true),
  /** Newest first (seed 001 leaves the order open; Discord's). */
  messages: z.array(ZChannelMessage),
  /** More messages exist beyond this page in the direction asked (older for before/none, newer for after). */
  hasMore: z.boolean(),
  hasMoreBefore: z.boolean(),
  hasMoreAfter: z.boolean(),
});

export const ZEditChannelMessageBody = z.object({ content: ZChannelMessageContent });
export const ZChannelMessageResponse = z.object({ success: z.literal(true), message: ZChannelMessage });
export const ZChannelOkResponse = z.object({ success: z.literal(true) });
export const ZChannelPinsResponse = z.object({
  success: z.literal(true),
  /** Most recently pinned first. */
  messages: z.array(ZChannelMessage),
});

export const ZChannelSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  channelId: ZUuid.optional(),
  authorId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(25),
});
export const ZChannelSearchResult = z.object({
  message: ZChannelMessage,
  /** HTML-escaped text with matches wrapped in `<mark>…</mark>`; nothing else is markup. */
  snippet: z.string(),
  rank: z.number(),
});
export const ZChannelSearchResponse = z.object({
  success: z.literal(true),
  results: z.array(ZChannelSearchResult),
});

export const ZMarkChannelRead = z.object({ messageId: ZUuid });
export const ZChannelReadState = z.object({
  channelId: z.string(),
  /** The newest message the user has read here (never moves backwards); null: none yet. */
  lastReadId: z.string().nullable(),
  /** The newest message of the channel, null when it has none. */
  lastMessageId: z.string().nullable(),
  /** Messages by others after `lastReadId` that are not deleted. */
  unreadCount: z.number().int().nonnegative(),
  /** Of those, the ones that mention the user (directly, by role, or @everyone/@here). */
  mentionCount: z.number().int().nonnegative(),
});
export type TChannelReadState = z.infer<typeof ZChannelReadState>;
export const ZChannelReadResponse = z.object({ success: z.literal(true), state: ZChannelReadState });
export const ZServerUnreadResponse = z.object({
  success: z.literal(true),
  serverId: z.string(),
  /** Every channel the user may read (voice channels count nothing), in no particular order. */
  channels: z.array(ZChannelReadState),
  unreadCount: z.number().int().nonnegative(),
  mentionCount: z.number().int().nonnegative(),
});

// ---------------------------------------------------------------- socket, client → server

/** Seed 001 sends the bare channel id: `socket.emit('join-channel', channelId)`. */
export const ZJoinChannel = ZUuid;
export const ZChannelRef = z.object({ channelId: ZUuid });
export const ZSendMessageEvent = ZSendChannelMessageFields.extend({ channelId: ZUuid }).refine(
  hasBody,
  NEEDS_BODY,
);
export const ZEditMessageEvent = z.object({ messageId: ZUuid, newContent: ZChannelMessageContent });
export const ZMessageRef = z.object({ messageId: ZUuid });
export const ZReactionEvent = z.object({ messageId: ZUuid, emoji: ZDmEmoji });
export const ZMarkChannelReadEvent = z.object({ channelId: ZUuid, messageId: ZUuid });

/**
 * Reconnect catch-up: `after` maps each channel the client shows to the last message id it holds
 * (null: none). The answer holds every newer message (oldest first), messages at or before the
 * cursor that changed after `changedSince` (edits, reactions, pins) and ids deleted since then.
 * Channels the caller cannot read are answered in `denied` and nothing else.
 */
export const ZChannelSync = z.object({
  after: z
    .record(ZUuid, ZUuid.nullable())
    .refine((value) => Object.keys(value).length <= 200, 'Sync at most 200 channels at once'),
  changedSince: z.iso.datetime({ offset: true }).optional(),
});
export type TChannelSync = z.infer<typeof ZChannelSync>;
export const ZChannelSyncResponse = z.object({
  success: z.literal(true),
  messages: z.array(ZChannelMessage),
  changed: z.array(ZChannelMessage),
  removed: z.array(z.string()),
  denied: z.array(z.string()),
  /** More new messages exist than one answer holds: sync again from the last one. */
  hasMore: z.boolean(),
  /** Pass as `changedSince` next time. */
  syncedAt: z.string(),
});
export type TChannelSyncResponse = z.infer<typeof ZChannelSyncResponse>;

// ---------------------------------------------------------------- socket, server → client

export const ZChannelJoined = z.object({ channelId: z.string() });
export const ZUserTyping = z.object({
  userId: z.string(),
  username: z.string(),
  channelId: z.string(),
  expiresInMs: z.number().int().positive().optional(),
});
export const ZUserStopTyping = z.object({ userId: z.string(), channelId: z.string() });
export const ZNewMessage = ZChannelMessage;
export const ZMessageEdited = z.object({
  messageId: z.string(),
  newContent: z.string(),
  editedAt: z.string(),
  channelId: z.string().optional(),
});
export const ZMessageDeleted = z.object({
  messageId: z.string(),
  channelId: z.string().optional(),
  deletedBy: z.string().optional(),
});
export const ZReactionChanged = z.object({
  messageId: z.string(),
  channelId: z.string(),
  emoji: z.string(),
  userId: z.string(),
  /** How many users reacted with this emoji after the change. */
  count: z.number().int().nonnegative(),
});
export const ZMessagePinned = z.object({
  messageId: z.string(),
  channelId: z.string(),
  pinnedBy: z.string(),
  message: ZChannelMessage.optional(),
});
export const ZMessageUnpinned = z.object({
  messageId: z.string(),
  channelId: z.string(),
  unpinnedBy: z.string(),
});
/** The user's read position changed (from any tab): the exact counts of that channel. */
export const ZChannelReadUpdate = ZChannelReadState.extend({ serverId: z.string() });

export const channelMessageClientEvents = {
  join_channel: ZJoinChannel,
  leave_channel: ZJoinChannel,
  send_message: ZSendMessageEvent,
  typing: ZChannelRef,
  stop_typing: ZChannelRef,
  edit_message: ZEditMessageEvent,
  delete_message: ZMessageRef,
  add_reaction: ZReactionEvent,
  remove_reaction: ZReactionEvent,
  pin_message: ZMessageRef,
  unpin_message: ZMessageRef,
  mark_channel_read: ZMarkChannelReadEvent,
  channel_sync: ZChannelSync,
} as const satisfies Record<string, z.ZodType>;

export const channelMessageServerEvents = {
  channel_joined: ZChannelJoined,
  channel_left: ZChannelJoined,
  new_message: ZNewMessage,
  user_typing: ZUserTyping,
  user_stop_typing: ZUserStopTyping,
  message_edited: ZMessageEdited,
  message_deleted: ZMessageDeleted,
  reaction_added: ZReactionChanged,
  reaction_removed: ZReactionChanged,
  message_pinned: ZMessagePinned,
  message_unpinned: ZMessageUnpinned,
  channel_read_update: ZChannelReadUpdate,
} as const satisfies Record<string, z.ZodType>;

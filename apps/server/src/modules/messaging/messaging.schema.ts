import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One conversation per pair of users, stored with the lower id first so the pair is unique. The
 * request columns implement seed 004's chat requests: a non-friend's first message opens a request
 * (`pending`, `requested_by` = the sender) that the recipient accepts or rejects.
 */
export const dmConversations = pgTable(
  'dm_conversations',
  {
    id: uuid('id').primaryKey(),
    userLowId: uuid('user_low_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userHighId: uuid('user_high_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestState: text('request_state', { enum: ['none', 'pending', 'accepted', 'rejected'] })
      .notNull()
      .default('none'),
    requestedBy: uuid('requested_by'),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('dm_conversations_pair_key').on(table.userLowId, table.userHighId)],
);
export type DmConversationRow = typeof dmConversations.$inferSelect;

/** Each participant's own view of a conversation (archive), and the index for "my conversations". */
export const dmParticipants = pgTable(
  'dm_participants',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => dmConversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    otherUserId: uuid('other_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    archived: boolean('archived').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.userId] }),
    uniqueIndex('dm_participants_user_other_key').on(table.userId, table.otherUserId),
  ],
);

/**
 * Seed 000's Messages collection. `updated_at` moves on every change after the insert (receipts,
 * edits, deletion, reactions) so a reconnecting client can ask what changed since it last synced.
 * `search` is PostgreSQL full-text search over the text ('simple': no language stemming, because
 * messages are in any language).
 */
export const dmMessages = pgTable(
  'dm_messages',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => dmConversations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    messageType: text('message_type', { enum: ['text', 'image', 'file', 'system'] })
      .notNull()
      .default('text'),
    replyToId: uuid('reply_to_id'),
    nonce: text('nonce').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** Deleted for everyone: the row stays as a tombstone with its content wiped. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', content)`),
  },
  (table) => [
    // A retried send carries the same nonce: the second insert hits this and returns the original.
    uniqueIndex('dm_messages_sender_nonce_key').on(table.senderId, table.nonce),
    index('dm_messages_conversation_idx').on(table.conversationId, table.id),
    index('dm_messages_conversation_updated_idx').on(table.conversationId, table.updatedAt),
    index('dm_messages_unread_idx')
      .on(table.recipientId, table.senderId)
      .where(sql`${table.readAt} is null and ${table.deletedAt} is null`),
    index('dm_messages_undelivered_idx')
      .on(table.recipientId, table.id)
      .where(sql`${table.deliveredAt} is null`),
    index('dm_messages_search_idx').using('gin', table.search),
  ],
);
export type DmMessageRow = typeof dmMessages.$inferSelect;

/** "Delete for me": the message stays for the other participant and disappears for this user. */
export const dmHidden = pgTable(
  'dm_hidden',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => dmMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.messageId, table.userId] }),
    index('dm_hidden_user_idx').on(table.userId, table.createdAt),
  ],
);

/** One row per (message, user, emoji): the primary key is what makes reaction spam a no-op. */
export const dmReactions = pgTable(
  'dm_reactions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => dmMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.userId, table.emoji] })],
);

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
import { channels, servers } from '../communities/communities.schema.js';
import { users } from '../users/users.schema.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Seed 001's Message model. `updated_at` moves on every change after the insert (edit, delete,
 * reaction, pin) so a reconnecting client can ask what changed since it last synced. Deleted
 * messages stay as tombstones (content wiped) so sync can report them. `search` is full-text search
 * over the text ('simple': messages are in any language).
 */
export const channelMessages = pgTable(
  'channel_messages',
  {
    id: uuid('id').primaryKey(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    fileUrl: text('file_url'),
    replyToId: uuid('reply_to_id'),
    /** The client's nonce, or a server-made one when the client sent none. */
    nonce: text('nonce').notNull(),
    mentionUserIds: uuid('mention_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    mentionRoleIds: uuid('mention_role_ids').array().notNull().default(sql`'{}'::uuid[]`),
    mentionsEveryone: boolean('mentions_everyone').notNull().default(false),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    pinnedBy: uuid('pinned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', content)`),
  },
  (table) => [
    // A retried send carries the same nonce: the second insert hits this and returns the original.
    uniqueIndex('channel_messages_author_nonce_key').on(table.authorId, table.nonce),
    index('channel_messages_channel_idx').on(table.channelId, table.id),
    index('channel_messages_channel_updated_idx').on(table.channelId, table.updatedAt),
    index('channel_messages_server_idx').on(table.serverId),
    index('channel_messages_pinned_idx')
      .on(table.channelId, table.pinnedAt)
      .where(sql`${table.pinnedAt} is not null`),
    index('channel_messages_search_idx').using('gin', table.search),
  ],
);
export type ChannelMessageRow = typeof channelMessages.$inferSelect;

/** One row per (message, user, emoji): the primary key makes a repeated reaction a no-op. */
export const channelReactions = pgTable(
  'channel_reactions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => channelMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.userId, table.emoji] })],
);

/**
 * Who a message mentions, resolved at send time (direct mentions and members of mentioned roles who
 * may see the channel), for mention counts. `@everyone` is the message's own flag instead.
 */
export const channelMentions = pgTable(
  'channel_mentions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => channelMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.messageId, table.userId] }),
    index('channel_mentions_user_channel_idx').on(table.userId, table.channelId, table.messageId),
  ],
);

/** Each user's read position per channel; it only moves forward, whichever tab moves it. */
export const channelReadStates = pgTable(
  'channel_read_states',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    lastReadId: uuid('last_read_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.channelId] })],
);

import type { TConnectionQuality, TMatchEndReason, TMatchStatus } from '@guftagu/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';

/** One line of a match's text chat, kept for reports (seed 000 Matches.chatMessages). */
export interface StoredChatMessage {
  senderId: string;
  senderUsername: string;
  message: string;
  timestamp: string;
}

/**
 * Seed 000's Matches collection. The live state of a running match is in the match queue (memory or
 * Redis); this row is its record: written when the pair is made, finished exactly once when it ends.
 * `endReason` is stored from user 1's point of view and translated for user 2 when read.
 */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey(),
    user1Id: uuid('user1_id').references(() => users.id, { onDelete: 'set null' }),
    user2Id: uuid('user2_id').references(() => users.id, { onDelete: 'set null' }),
    user1SocketId: text('user1_socket_id').notNull(),
    user2SocketId: text('user2_socket_id').notNull(),
    user1Username: text('user1_username').notNull(),
    user2Username: text('user2_username').notNull(),
    user1PublicId: text('user1_public_id'),
    user2PublicId: text('user2_public_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Seconds. */
    duration: integer('duration'),
    status: text('status').$type<TMatchStatus>().notNull().default('active'),
    endReason: text('end_reason').$type<TMatchEndReason>(),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    matchedByInterests: boolean('matched_by_interests').notNull().default(false),
    chatMessages: jsonb('chat_messages').$type<StoredChatMessage[]>().notNull().default([]),
    messageCount: integer('message_count').notNull().default(0),
    connectionQuality: text('connection_quality').$type<TConnectionQuality>(),
    iceConnectionState: text('ice_connection_state'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('matches_user1_started_idx').on(table.user1Id, table.startedAt),
    index('matches_user2_started_idx').on(table.user2Id, table.startedAt),
    index('matches_status_idx').on(table.status),
    index('matches_started_idx').on(table.startedAt),
  ],
);

export type MatchRow = typeof matches.$inferSelect;

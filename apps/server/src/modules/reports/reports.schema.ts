import type { TReportReason } from '@guftagu/contracts';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { matches, type StoredChatMessage } from '../matchmaking/matchmaking.schema.js';
import { users } from '../users/users.schema.js';

export type ReportStatus = 'pending' | 'reviewed' | 'action_taken' | 'dismissed';

/**
 * Seed 000's Reports collection. Either side may be anonymous (null user ids, "Anonymous"). A row with
 * both user ids also keeps the pair apart in matchmaking for good (read at every join).
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reporterSocketId: text('reporter_socket_id'),
    reporterUsername: text('reporter_username').notNull(),
    reporterPublicId: text('reporter_public_id'),
    reportedUserId: uuid('reported_user_id').references(() => users.id, { onDelete: 'set null' }),
    reportedSocketId: text('reported_socket_id'),
    reportedUsername: text('reported_username').notNull(),
    reportedPublicId: text('reported_public_id'),
    matchId: uuid('match_id').references(() => matches.id, { onDelete: 'set null' }),
    reason: text('reason').$type<TReportReason>().notNull(),
    description: text('description').notNull().default(''),
    /** The match's chat as it was when the report was made. */
    transcript: jsonb('transcript').$type<StoredChatMessage[]>().notNull().default([]),
    status: text('status').$type<ReportStatus>().notNull().default('pending'),
    priority: text('priority', { enum: ['low', 'medium', 'high', 'critical'] })
      .notNull()
      .default('medium'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    actionTaken: text('action_taken'),
    moderatorNotes: text('moderator_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('reports_reporter_idx').on(table.reporterId, table.createdAt),
    index('reports_reported_idx').on(table.reportedUserId, table.status),
    index('reports_status_created_idx').on(table.status, table.createdAt),
  ],
);

export type ReportRow = typeof reports.$inferSelect;
export type { StoredChatMessage };

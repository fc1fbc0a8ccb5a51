import type { TCallOutcome, TCallStatus, TCallType } from '@guftagu/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';

/** A participant's media state as the other side should show it. */
export interface StoredVoiceState {
  muted: boolean;
  video: boolean;
  screenSharing: boolean;
}

/**
 * One 1:1 call (issue 12): its record and, while it rings or runs, its live state. Every transition
 * is one conditional UPDATE (`WHERE status = ...`), so two tabs or two nodes racing for it end with
 * exactly one winner. The deadlines are columns, swept by a job on every node: no timer lives in a
 * process that could die with the call.
 */
export const dmCalls = pgTable(
  'dm_calls',
  {
    id: uuid('id').primaryKey(),
    callerId: uuid('caller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    calleeId: uuid('callee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    callType: text('call_type').$type<TCallType>().notNull(),
    status: text('status').$type<TCallStatus>().notNull().default('ringing'),
    outcome: text('outcome').$type<TCallOutcome>(),
    /** The signaling socket of each side; the callee's is the tab that answered. */
    callerSocketId: text('caller_socket_id'),
    calleeSocketId: text('callee_socket_id'),
    callerState: jsonb('caller_state').$type<StoredVoiceState>().notNull(),
    calleeState: jsonb('callee_state').$type<StoredVoiceState>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Seconds from answer to end. */
    duration: integer('duration'),
    endedBy: uuid('ended_by'),
    /** Unanswered at this moment, the call is missed. */
    ringDeadline: timestamp('ring_deadline', { withTimezone: true }).notNull(),
    /** Set when a side's signaling socket dropped: the call ends at this moment unless it comes back. */
    callerGraceUntil: timestamp('caller_grace_until', { withTimezone: true }),
    calleeGraceUntil: timestamp('callee_grace_until', { withTimezone: true }),
  },
  (table) => [
    index('dm_calls_caller_idx').on(table.callerId, table.startedAt),
    index('dm_calls_callee_idx').on(table.calleeId, table.startedAt),
    index('dm_calls_live_idx').on(table.status).where(sql`${table.status} <> 'ended'`),
  ],
);

/**
 * One row per user in a call: the primary key makes "one active call per user" hold across tabs and
 * nodes. Claimed with the call's insert, released in the transaction that ends it.
 */
export const dmCallSlots = pgTable('dm_call_slots', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  callId: uuid('call_id')
    .notNull()
    .references(() => dmCalls.id, { onDelete: 'cascade' }),
});

export type DmCallRow = typeof dmCalls.$inferSelect;

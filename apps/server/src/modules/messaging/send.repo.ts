import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { PgDialect, type PgSession, type PgTable } from 'drizzle-orm/pg-core';
import {
  type GroupedNotification,
  groupedNotificationCtes,
  unreadCountAfterGrouping,
} from '../notifications/index.js';
import { relationColumns } from '../social/index.js';
import { type UserRow, users } from '../users/index.js';
import type { Executor } from './messaging.repo.js';
import {
  type DmConversationRow,
  type DmMessageRow,
  dmConversations,
  dmHidden,
  dmMessages,
} from './messaging.schema.js';
import type { RequestState } from './send-policy.js';

/**
 * The send path's statements (send.service.ts). Each folds what used to be several round trips into
 * one, because on a busy server every statement costs CPU on both sides of the connection; the rows
 * come back as JSON and are mapped with Drizzle's own column decoders, so they equal what `select()`
 * would have returned.
 */

const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of on every send (planning these CTEs cost as much as running them). The text of each
 * name never changes; only the parameters do.
 */
function executeNamed(db: Executor, name: string, query: SQL) {
  const { session } = (db as unknown as { _: { session: PgSession } })._;
  return session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute() as Promise<{
    rows: unknown[];
  }>;
}

/** A row of `table` from its JSON form (snake_case keys), decoded column by column like Drizzle does. */
function decodeRow<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

export interface Relation {
  isFriend: boolean;
  block: 'blocked' | 'blocked_by' | null;
}

function toRelation(raw: { blocked: boolean; blocked_by: boolean; is_friend: boolean }): Relation {
  return {
    isFriend: raw.is_friend,
    block: raw.blocked ? 'blocked' : raw.blocked_by ? 'blocked_by' : null,
  };
}

export interface SendSnapshot {
  users: Map<string, UserRow>;
  /** Read without a lock: `insertCheckedMessage` re-checks it on the locked row. */
  conversation: DmConversationRow | undefined;
  /** Read at this statement's snapshot, which can predate a block that committed while we waited. */
  relation: Relation;
}

/**
 * One round trip: share-locks both users (in id order, see `shareLockUsers` for why) and reads,
 * unlocked, what the decision needs. The relation and the conversation are only a forecast here:
 * this statement's snapshot was taken before it waited for the user locks, so a block committed
 * during that wait is invisible to it. `insertCheckedMessage` runs later, under the locks, and
 * stores the message only if the forecast still holds.
 */
export async function lockAndForecast(
  tx: Executor,
  senderId: string,
  recipientId: string,
  pair: [string, string],
): Promise<SendSnapshot> {
  const result = await executeNamed(
    tx,
    'dm_send_lock_forecast',
    sql`
    with locked as (
      select * from ${users} where ${users.id} in (${senderId}, ${recipientId}) order by ${users.id} for share
    )
    select
      (select coalesce(json_agg(locked), '[]'::json) from locked) as users,
      (select row_to_json(c) from ${dmConversations} c where c.user_low_id = ${pair[0]} and c.user_high_id = ${pair[1]}) as conversation,
      ${relationColumns(senderId, recipientId)}`,
  );
  const raw = result.rows[0] as {
    users: Record<string, unknown>[];
    conversation: Record<string, unknown> | null;
    blocked: boolean;
    blocked_by: boolean;
    is_friend: boolean;
  };
  const locked = raw.users.map((json) => decodeRow(users, json) as UserRow);
  return {
    users: new Map(locked.map((row) => [row.id, row])),
    conversation: raw.conversation ? decodeRow(dmConversations, raw.conversation) : undefined,
    relation: toRelation(raw),
  };
}

export interface CheckedInsert {
  /** The relation and request state as seen under the locks. */
  relation: Relation;
  requestState: RequestState;
  requestedBy: string | null;
  /** False: the locked state differs from the forecast, nothing was written; decide again. */
  matched: boolean;
  /** Undefined when matched: the sender already stored a message with this nonce (a replay). */
  row: DmMessageRow | undefined;
}

/**
 * One round trip: locks the conversation, re-reads the relation (the users are share-locked, so it
 * cannot change any more) and, only if both equal the forecast the decision was made on, inserts
 * the message and moves the conversation on (last message time, request state). A nonce the sender
 * already used inserts nothing (ON CONFLICT), which is how a replay is detected.
 */
export async function insertCheckedMessage(
  tx: Executor,
  input: {
    id: string;
    conversationId: string;
    senderId: string;
    recipientId: string;
    content: string;
    replyToId: string | null;
    nonce: string;
    expected: { relation: Relation; requestState: RequestState; requestedBy: string | null };
    next: { requestState: RequestState; requestedBy: string | null };
  },
): Promise<CheckedInsert> {
  const { expected, next } = input;
  const result = await executeNamed(
    tx,
    'dm_send_checked_insert',
    sql`
    with conv as (
      select request_state, requested_by from ${dmConversations} where id = ${input.conversationId} for update
    ), state as (
      select conv.request_state, conv.requested_by, ${relationColumns(input.senderId, input.recipientId)} from conv
    ), inserted as (
      insert into ${dmMessages} (id, conversation_id, sender_id, recipient_id, content, reply_to_id, nonce)
      select ${input.id}::uuid, ${input.conversationId}::uuid, ${input.senderId}::uuid, ${input.recipientId}::uuid,
             ${input.content}::text, ${input.replyToId}::uuid, ${input.nonce}::text
      from state
      where state.request_state = ${expected.requestState}
        and state.requested_by is not distinct from ${expected.requestedBy}::uuid
        and state.blocked = ${expected.relation.block === 'blocked'}
        and state.blocked_by = ${expected.relation.block === 'blocked_by'}
        and state.is_friend = ${expected.relation.isFriend}
      on conflict (sender_id, nonce) do nothing
      returning *
    ), moved as (
      update ${dmConversations} c
      set last_message_at = inserted.created_at, request_state = ${next.requestState}, requested_by = ${next.requestedBy}::uuid
      from inserted where c.id = inserted.conversation_id
    )
    select state.*, (select row_to_json(inserted) from inserted) as message from state`,
  );
  const raw = result.rows[0] as
    | {
        request_state: RequestState;
        requested_by: string | null;
        blocked: boolean;
        blocked_by: boolean;
        is_friend: boolean;
        message: Record<string, unknown> | null;
      }
    | undefined;
  if (!raw) throw new Error('conversation vanished while sending');
  const relation = toRelation(raw);
  const matched =
    raw.request_state === expected.requestState &&
    raw.requested_by === expected.requestedBy &&
    relation.block === expected.relation.block &&
    relation.isFriend === expected.relation.isFriend;
  return {
    relation,
    requestState: raw.request_state,
    requestedBy: raw.requested_by,
    matched,
    row: raw.message ? decodeRow(dmMessages, raw.message) : undefined,
  };
}

/** The CTEs `unread`, `hidden` and `counts` (sender_id, count): `userId`'s unread messages by sender. */
function unreadCountsCtes(userId: string): SQL {
  return sql`
    unread as materialized (
      select sender_id, count(*)::int as n from ${dmMessages}
      where recipient_id = ${userId} and read_at is null and deleted_at is null
      group by sender_id
    ), hidden as materialized (
      -- Driven from the reader's few hidden rows, never by probing dm_hidden for every unread
      -- message: OFFSET 0 keeps the planner from flattening the LATERAL lookup into a join it may
      -- turn around.
      select m.sender_id, count(*)::int as n
      from ${dmHidden} h
      cross join lateral (
        select sender_id from ${dmMessages}
        where id = h.message_id and recipient_id = ${userId} and read_at is null and deleted_at is null
        offset 0
      ) m
      where h.user_id = ${userId}
      group by m.sender_id
    ), counts as (
      select u.sender_id, u.n - coalesce(h.n, 0) as count
      from unread u left join hidden h on h.sender_id = u.sender_id
      where u.n - coalesce(h.n, 0) > 0
        and not exists (
          select 1 from ${dmConversations} c
          where c.user_low_id = least(u.sender_id, ${userId}::uuid) and c.user_high_id = greatest(u.sender_id, ${userId}::uuid)
            and c.request_state = 'rejected' and c.requested_by = u.sender_id
        )
    )`;
}

const toCounts = (rows: Array<{ sender_id: string; count: number | string }> | null) =>
  new Map((rows ?? []).map((row) => [row.sender_id, Number(row.count)]));

/**
 * `unreadBySender` (messaging.repo.ts) computed per sender instead of per message: the unread
 * partial index gives the counts, then the few messages the reader hid and the senders whose
 * request the reader rejected are taken out once per sender, not probed for every unread message.
 * Same result (one conversation per pair, so the request check is per sender); it runs after every
 * send, so on a reader with many unread messages it is the cheaper shape.
 */
export async function unreadCountsBySender(db: Executor, userId: string): Promise<Map<string, number>> {
  const result = await executeNamed(
    db,
    'dm_unread_counts',
    sql`with ${unreadCountsCtes(userId)} select sender_id, count from counts`,
  );
  return toCounts(result.rows as Array<{ sender_id: string; count: number }>);
}

export interface NotifiedUnread {
  /** The recipient's unread messages by sender, after this message. */
  unread: Map<string, number>;
  title: string;
  createdAt: Date;
  /** The recipient's unread notifications, after this one. */
  unreadCount: number;
}

/**
 * One round trip after a message to a recipient who is not looking at the conversation: their
 * unread message counts, and the notification about the message (notifications builds that SQL:
 * for `new_message` it replaces the same sender's earlier unread ones, one live notification per
 * sender, titled with the count). The unread notification count is the one after these changes.
 */
export async function countUnreadAndNotify(
  db: Executor,
  values: GroupedNotification,
): Promise<NotifiedUnread> {
  const result = await executeNamed(
    db,
    'dm_unread_and_notify',
    sql`
    with ${unreadCountsCtes(values.userId)},
    ${groupedNotificationCtes(values, sql`coalesce((select count from counts where sender_id = ${values.relatedUserId}), 1)`)}
    select (select json_agg(counts) from counts) as counts, (select row_to_json(added) from added) as added,
      ${unreadCountAfterGrouping(values.userId)} as unread_count`,
  );
  const raw = result.rows[0] as {
    counts: Array<{ sender_id: string; count: number }> | null;
    added: { created_at: string; title: string };
    unread_count: number | string;
  };
  return {
    unread: toCounts(raw.counts),
    title: raw.added.title,
    createdAt: new Date(raw.added.created_at),
    unreadCount: Number(raw.unread_count),
  };
}

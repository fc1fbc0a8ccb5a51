import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { newId } from '../../platform/ids.js';
import type { UserRow } from '../users/index.js';
import { users } from '../users/index.js';
import {
  type DmConversationRow,
  type DmMessageRow,
  dmConversations,
  dmHidden,
  dmMessages,
  dmParticipants,
} from './messaging.schema.js';

/** A transaction or the pool: repo functions work inside either. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** The pair in storage order (lower id first), so one pair has exactly one conversation row. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

export async function findConversation(
  db: Executor,
  a: string,
  b: string,
): Promise<DmConversationRow | undefined> {
  const [low, high] = orderedPair(a, b);
  const [row] = await db
    .select()
    .from(dmConversations)
    .where(and(eq(dmConversations.userLowId, low), eq(dmConversations.userHighId, high)));
  return row;
}

/**
 * Locks the pair's conversation, creating it (and both participant rows) the first time. The common
 * case, an existing conversation, is one locking read and no writes.
 */
export async function lockConversation(tx: Executor, a: string, b: string): Promise<DmConversationRow> {
  const [low, high] = orderedPair(a, b);
  const lockExisting = async () => {
    const [row] = await tx
      .select()
      .from(dmConversations)
      .where(and(eq(dmConversations.userLowId, low), eq(dmConversations.userHighId, high)))
      .for('update');
    return row;
  };
  const existing = await lockExisting();
  if (existing) return existing;
  // Two first messages racing: one insert wins, the other finds its row (after it commits) and locks it.
  await tx
    .insert(dmConversations)
    .values({ id: newId(), userLowId: low, userHighId: high })
    .onConflictDoNothing();
  const row = await lockExisting();
  if (!row) throw new Error('conversation vanished while locking it');
  await tx
    .insert(dmParticipants)
    .values([
      { conversationId: row.id, userId: a, otherUserId: b },
      { conversationId: row.id, userId: b, otherUserId: a },
    ])
    .onConflictDoNothing();
  return row;
}

/**
 * Share-locks both users for the length of a send. Blocking and unfriending lock the same rows with
 * NO KEY UPDATE, which conflicts with SHARE: a block that commits while a message is being stored
 * waits for it (and the message was allowed), and a send that starts after the block sees it.
 */
export async function shareLockUsers(db: Executor, ids: string[]): Promise<Map<string, UserRow>> {
  const rows = await db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(ids)].sort()))
    .orderBy(asc(users.id))
    .for('share');
  return new Map(rows.map((row) => [row.id, row]));
}

// The block and friendship rules are social's; messaging asks through its public API (inside its own
// transaction, which is why they take an executor).
export { areFriends, isBlockedEitherWay as blockBetween } from '../social/index.js';

export async function findByNonce(
  db: Executor,
  senderId: string,
  nonce: string,
): Promise<DmMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(dmMessages)
    .where(and(eq(dmMessages.senderId, senderId), eq(dmMessages.nonce, nonce)));
  return row;
}

export async function findMessage(db: Executor, id: string, lock = false): Promise<DmMessageRow | undefined> {
  const query = db.select().from(dmMessages).where(eq(dmMessages.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function isHiddenFor(db: Executor, messageId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ messageId: dmHidden.messageId })
    .from(dmHidden)
    .where(and(eq(dmHidden.messageId, messageId), eq(dmHidden.userId, userId)));
  return rows.length > 0;
}

/** SQL: the message is not deleted for `userId` (for-me deletions are per user). */
export function notHiddenFor(userId: string) {
  return sql`not exists (select 1 from ${dmHidden} where ${dmHidden.messageId} = ${dmMessages.id} and ${dmHidden.userId} = ${userId})`;
}

/**
 * SQL: the message counts as unread for its recipient. Messages of a request the recipient rejected
 * stay unread in storage (marking them read would tell the requester they were seen) but do not count.
 */
export function countsAsUnread(recipientId: string) {
  return and(
    eq(dmMessages.recipientId, recipientId),
    isNull(dmMessages.readAt),
    isNull(dmMessages.deletedAt),
    notHiddenFor(recipientId),
    sql`not exists (select 1 from ${dmConversations} where ${dmConversations.id} = ${dmMessages.conversationId} and ${dmConversations.requestState} = 'rejected' and ${dmConversations.requestedBy} = ${dmMessages.senderId})`,
  );
}

export async function unreadBySender(
  db: Executor,
  userId: string,
  senderId?: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ senderId: dmMessages.senderId, count: sql<number>`count(*)::int` })
    .from(dmMessages)
    .where(and(countsAsUnread(userId), senderId ? eq(dmMessages.senderId, senderId) : undefined))
    .groupBy(dmMessages.senderId);
  return new Map(rows.map((row) => [row.senderId, row.count]));
}

export async function setArchived(db: Executor, userId: string, otherUserId: string, archived: boolean) {
  return db
    .update(dmParticipants)
    .set({ archived })
    .where(and(eq(dmParticipants.userId, userId), eq(dmParticipants.otherUserId, otherUserId)))
    .returning();
}

import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { type ChannelMessageRow, channelMessages } from './channel-messages.schema.js';

/** A transaction or the pool: repo functions work inside either. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export async function findMessage(
  db: Executor,
  id: string,
  lock = false,
): Promise<ChannelMessageRow | undefined> {
  const query = db.select().from(channelMessages).where(eq(channelMessages.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findByNonce(
  db: Executor,
  authorId: string,
  nonce: string,
): Promise<ChannelMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(channelMessages)
    .where(and(eq(channelMessages.authorId, authorId), eq(channelMessages.nonce, nonce)));
  return row;
}

/** Live (not deleted) messages of a channel older than `before` (or the newest), newest first. */
export function olderThan(db: Executor, channelId: string, before: string | undefined, limit: number) {
  return db
    .select()
    .from(channelMessages)
    .where(
      and(
        eq(channelMessages.channelId, channelId),
        isNull(channelMessages.deletedAt),
        before ? lt(channelMessages.id, before) : undefined,
      ),
    )
    .orderBy(desc(channelMessages.id))
    .limit(limit);
}

/** Live messages of a channel newer than `after`, oldest first. */
export function newerThan(db: Executor, channelId: string, after: string, limit: number, inclusive = false) {
  return db
    .select()
    .from(channelMessages)
    .where(
      and(
        eq(channelMessages.channelId, channelId),
        isNull(channelMessages.deletedAt),
        inclusive ? sql`${channelMessages.id} >= ${after}` : gt(channelMessages.id, after),
      ),
    )
    .orderBy(asc(channelMessages.id))
    .limit(limit);
}

/**
 * Seconds the author must still wait before posting in a slow-mode channel (0: may post). Run inside
 * the sending transaction after `lockAuthorInChannel`, so two tabs cannot both slip through.
 */
export async function slowModeWait(
  tx: Executor,
  channelId: string,
  authorId: string,
  seconds: number,
): Promise<number> {
  const result = await tx.execute<{ wait: number | string | null } & Record<string, unknown>>(sql`
    select ceil(extract(epoch from (max(created_at) + make_interval(secs => ${seconds}) - now())))::int as wait
    from ${channelMessages}
    where channel_id = ${channelId} and author_id = ${authorId}
      and created_at > now() - make_interval(secs => ${seconds})`);
  const wait = Number(result.rows[0]?.wait ?? 0);
  return Number.isFinite(wait) && wait > 0 ? wait : 0;
}

/** Serialises one author's sends in one channel for the length of the transaction. */
export async function lockAuthorInChannel(tx: Executor, channelId: string, authorId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${channelId}:${authorId}`}, 0))`);
}

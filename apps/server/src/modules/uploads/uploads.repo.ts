import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { type AttachmentRow, attachments } from './uploads.schema.js';

/** A transaction or the pool: repo functions work inside either. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export type NewAttachment = typeof attachments.$inferInsert;

export async function insertAttachments(db: Executor, rows: NewAttachment[]): Promise<AttachmentRow[]> {
  if (rows.length === 0) return [];
  return db.insert(attachments).values(rows).returning();
}

/** Locks the rows, so two messages claiming the same attachment serialise and the second sees the claim. */
export async function lockAttachments(db: Executor, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.id, ids)).for('update');
}

/** Claims the rows for a message, recording each one's position in `ids`. */
export async function setMessageId(db: Executor, ids: string[], messageId: string): Promise<void> {
  if (ids.length === 0) return;
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const position = sql<number>`array_position(ARRAY[${list}]::uuid[], ${attachments.id})`;
  await db.update(attachments).set({ messageId, position }).where(inArray(attachments.id, ids));
}

export async function findByMessageIds(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .orderBy(attachments.messageId, attachments.position, attachments.id);
}

export async function deleteByMessageIds(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db.delete(attachments).where(inArray(attachments.messageId, messageIds)).returning();
}

export async function findByStorageKey(db: Executor, key: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(sql`${attachments.storageKey} = ${key} or ${attachments.thumbnailKey} = ${key}`)
    .limit(1);
  return row;
}

/**
 * Deletes up to `limit` unclaimed rows created before `before` and returns them, so their objects can be
 * removed. SKIP LOCKED lets several nodes sweep at once without waiting on a row a claim holds.
 */
export async function deleteUnclaimedBefore(
  db: Executor,
  before: Date,
  limit: number,
): Promise<AttachmentRow[]> {
  const stale = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(isNull(attachments.messageId), lt(attachments.createdAt, before)))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .delete(attachments)
    .where(and(inArray(attachments.id, stale), isNull(attachments.messageId)))
    .returning();
}

/**
 * Claims one image of `ownerId` for `holderId` (a server's icon, say) unless another holder has it;
 * claiming it again for the same holder is a no-op. Returns the row, or undefined when refused.
 */
export async function claimImageFor(
  db: Executor,
  input: { attachmentId: string; ownerId: string; holderId: string },
): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .update(attachments)
    .set({ messageId: input.holderId })
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        eq(attachments.ownerId, input.ownerId),
        eq(attachments.kind, 'image'),
        or(isNull(attachments.messageId), eq(attachments.messageId, input.holderId)),
      ),
    )
    .returning();
  return row;
}

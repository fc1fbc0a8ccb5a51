import type { TNotification } from '@guftagu/contracts';
import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { users } from '../users/index.js';
import { notifications } from './notifications.schema.js';

const selection = {
  id: notifications.id,
  type: notifications.type,
  title: notifications.title,
  content: notifications.content,
  relatedUserId: notifications.relatedUserId,
  relatedUsername: users.username,
  relatedUserId7Digit: users.publicId,
  relatedProfilePicture: users.profilePicture,
  relatedId: notifications.relatedId,
  actionUrl: notifications.actionUrl,
  isRead: notifications.isRead,
  createdAt: notifications.createdAt,
};

type Selected = Omit<TNotification, 'createdAt'> & { createdAt: Date };

export function toNotification(row: Selected): TNotification {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function insertNotification(
  db: Database,
  values: typeof notifications.$inferInsert,
): Promise<void> {
  await db.insert(notifications).values(values);
}

export async function findNotification(db: Database, id: string) {
  const [row] = await db
    .select(selection)
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.relatedUserId))
    .where(eq(notifications.id, id))
    .limit(1);
  return row;
}

/** Newest first by id (UUIDv7 is time-ordered), so `before` is a stable cursor under inserts. */
export async function listNotifications(
  db: Database,
  userId: string,
  options: { before?: string | undefined; limit: number; unreadOnly: boolean },
) {
  return db
    .select(selection)
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.relatedUserId))
    .where(
      and(
        eq(notifications.userId, userId),
        sql`${notifications.expiresAt} > now()`,
        options.before ? lt(notifications.id, options.before) : undefined,
        options.unreadOnly ? eq(notifications.isRead, false) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(options.limit);
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.isRead, false),
        sql`${notifications.expiresAt} > now()`,
      ),
    );
  return row?.value ?? 0;
}

export async function markRead(db: Database, userId: string, ids: string[] | 'all'): Promise<void> {
  await db
    .update(notifications)
    .set({ isRead: true, readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.isRead, false),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    );
}

export async function deleteNotification(db: Database, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function deleteAllNotifications(db: Database, userId: string): Promise<void> {
  await db.delete(notifications).where(eq(notifications.userId, userId));
}

/** Removes the friend-request notification once the request is answered or withdrawn. */
export async function deleteByRelatedId(db: Database, userId: string, relatedId: string): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.relatedId, relatedId)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function purgeExpired(db: Database): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(sql`${notifications.expiresAt} <= now()`)
    .returning({ id: notifications.id });
  return rows.length;
}

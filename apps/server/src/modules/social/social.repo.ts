import type { TFriend, TFriendRequest, TRelationship, TUserCard } from '@guftagu/contracts';
import { aliasedTable, and, asc, desc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { adjustFriendsCount, type UserRow, users } from '../users/index.js';
import { blocks, type FriendRequestRow, friendRequests, friendships } from './social.schema.js';

/** A transaction or the pool: repo functions work inside either. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export function toUserCard(
  row: Pick<UserRow, 'id' | 'publicId' | 'username' | 'displayName' | 'profilePicture'>,
): TUserCard {
  return {
    userId: row.id,
    userId7Digit: row.publicId,
    username: row.username ?? '',
    displayName: row.displayName,
    profilePicture: row.profilePicture,
  };
}

/**
 * What others may see of someone's presence: invisible looks exactly like offline. An invisible
 * user's lastActive is hidden too, because heartbeats keep moving it and would give them away.
 */
export function visiblePresence(row: Pick<UserRow, 'isOnline' | 'status' | 'customStatus' | 'lastActive'>) {
  const isInvisible = row.status === 'invisible';
  const online = row.isOnline && !isInvisible;
  return {
    isOnline: online,
    status: online ? row.status : ('offline' as const),
    customStatus: online ? row.customStatus : null,
    lastActive: isInvisible ? null : row.lastActive.toISOString(),
  };
}

/**
 * Block and friendship between two users as the SQL columns `blocked`, `blocked_by` and `is_friend`,
 * for another module's statement that must read them in the same round trip as its own rows
 * (messaging's send path decides on them under its locks, in one statement).
 */
export function relationColumns(userId: string, otherId: string): SQL {
  return sql`
    exists (select 1 from ${blocks} where ${blocks.blockerId} = ${userId} and ${blocks.blockedId} = ${otherId}) as blocked,
    exists (select 1 from ${blocks} where ${blocks.blockerId} = ${otherId} and ${blocks.blockedId} = ${userId}) as blocked_by,
    exists (select 1 from ${friendships} where ${friendships.userId} = ${userId} and ${friendships.friendId} = ${otherId}) as is_friend`;
}

/** Everyone this user blocked or was blocked by. */
export async function findBlockedEitherWayIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)));
  return rows.map((row) => (row.blockerId === userId ? row.blockedId : row.blockerId));
}

export async function isBlockedEitherWay(
  db: Executor,
  a: string,
  b: string,
): Promise<'blocked' | 'blocked_by' | null> {
  const rows = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)),
        and(eq(blocks.blockerId, b), eq(blocks.blockedId, a)),
      ),
    );
  if (rows.some((row) => row.blockerId === a)) return 'blocked';
  return rows.length > 0 ? 'blocked_by' : null;
}

export async function areFriends(db: Executor, a: string, b: string): Promise<boolean> {
  const rows = await db
    .select({ userId: friendships.userId })
    .from(friendships)
    .where(and(eq(friendships.userId, a), eq(friendships.friendId, b)))
    .limit(1);
  return rows.length > 0;
}

/** A pending request between the two, whichever of them sent it. */
function pendingBetween(a: string, b: string) {
  return and(
    eq(friendRequests.status, 'pending'),
    or(
      and(eq(friendRequests.senderId, a), eq(friendRequests.receiverId, b)),
      and(eq(friendRequests.senderId, b), eq(friendRequests.receiverId, a)),
    ),
  );
}

export async function findPendingBetween(
  db: Executor,
  a: string,
  b: string,
): Promise<FriendRequestRow | undefined> {
  const [row] = await db.select().from(friendRequests).where(pendingBetween(a, b)).limit(1);
  return row;
}

export async function relationshipBetween(
  db: Executor,
  viewerId: string,
  targetId: string,
): Promise<{ relationship: TRelationship; requestId: string | null }> {
  if (viewerId === targetId) return { relationship: 'self', requestId: null };
  const blocked = await isBlockedEitherWay(db, viewerId, targetId);
  if (blocked) return { relationship: blocked, requestId: null };
  if (await areFriends(db, viewerId, targetId)) return { relationship: 'friends', requestId: null };
  const pending = await findPendingBetween(db, viewerId, targetId);
  if (!pending) return { relationship: 'none', requestId: null };
  return {
    relationship: pending.senderId === viewerId ? 'request_sent' : 'request_received',
    requestId: pending.id,
  };
}

export async function lockRequest(db: Executor, id: string): Promise<FriendRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(friendRequests)
    .where(eq(friendRequests.id, id))
    .for('update')
    .limit(1);
  return row;
}

export async function insertFriendshipPair(db: Executor, a: string, b: string): Promise<boolean> {
  const inserted = await db
    .insert(friendships)
    .values([
      { userId: a, friendId: b },
      { userId: b, friendId: a },
    ])
    .onConflictDoNothing()
    .returning({ userId: friendships.userId });
  if (inserted.length === 0) return false;
  await adjustFriendsCount(db, [a, b], 1);
  return true;
}

export async function deleteFriendshipPair(db: Executor, a: string, b: string): Promise<boolean> {
  const deleted = await db
    .delete(friendships)
    .where(
      or(
        and(eq(friendships.userId, a), eq(friendships.friendId, b)),
        and(eq(friendships.userId, b), eq(friendships.friendId, a)),
      ),
    )
    .returning({ userId: friendships.userId });
  if (deleted.length === 0) return false;
  await adjustFriendsCount(db, [a, b], -1);
  return true;
}

export async function closePendingBetween(db: Executor, a: string, b: string): Promise<FriendRequestRow[]> {
  return db
    .update(friendRequests)
    .set({ status: 'cancelled', respondedAt: new Date() })
    .where(pendingBetween(a, b))
    .returning();
}

export async function friendIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: friendships.friendId })
    .from(friendships)
    .where(eq(friendships.userId, userId));
  return rows.map((row) => row.id);
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
const likePrefix = (value: string) => `${escapeLike(value)}%`;
const likeContains = (value: string) => `%${escapeLike(value)}%`;

export async function listFriends(
  db: Executor,
  userId: string,
  options: {
    q?: string | undefined;
    sort: 'recent_activity' | 'alphabetical' | 'recently_added';
    /** Narrow to one friend (used right after accepting). */
    friendId?: string;
  },
): Promise<TFriend[]> {
  const filter = options.q
    ? or(ilike(users.username, likeContains(options.q)), ilike(users.displayName, likeContains(options.q)))
    : undefined;
  const order =
    options.sort === 'alphabetical'
      ? [asc(sql`lower(${users.username})`)]
      : options.sort === 'recently_added'
        ? [desc(friendships.friendsSince)]
        : // Invisible friends sort as if never active: ordering by their hidden lastActive would leak it.
          [
            desc(sql`${users.isOnline} AND ${users.status} <> 'invisible'`),
            sql`CASE WHEN ${users.status} = 'invisible' THEN NULL ELSE ${users.lastActive} END DESC NULLS LAST`,
          ];
  const rows = await db
    .select({ user: users, friendsSince: friendships.friendsSince })
    .from(friendships)
    .innerJoin(users, eq(users.id, friendships.friendId))
    .where(
      and(
        eq(friendships.userId, userId),
        filter,
        options.friendId ? eq(friendships.friendId, options.friendId) : undefined,
      ),
    )
    .orderBy(...order);
  return rows.map(({ user, friendsSince }) => ({
    ...toUserCard(user),
    ...visiblePresence(user),
    friendsSince: friendsSince.toISOString(),
  }));
}

const sender = aliasedTable(users, 'sender');
const receiver = aliasedTable(users, 'receiver');

export async function listRequests(db: Executor, where: ReturnType<typeof and>): Promise<TFriendRequest[]> {
  const rows = await db
    .select({ request: friendRequests, from: sender, to: receiver })
    .from(friendRequests)
    .innerJoin(sender, eq(sender.id, friendRequests.senderId))
    .innerJoin(receiver, eq(receiver.id, friendRequests.receiverId))
    .where(where)
    .orderBy(desc(friendRequests.sentAt));
  return rows.map(({ request, from, to }) => ({
    id: request.id,
    status: request.status,
    message: request.message,
    sentAt: request.sentAt.toISOString(),
    from: toUserCard(from),
    to: toUserCard(to),
  }));
}

export async function getRequestView(db: Executor, id: string): Promise<TFriendRequest | undefined> {
  const [view] = await listRequests(db, and(eq(friendRequests.id, id)));
  return view;
}

export function pendingReceived(userId: string) {
  return and(eq(friendRequests.receiverId, userId), eq(friendRequests.status, 'pending'));
}

export function pendingSent(userId: string) {
  return and(eq(friendRequests.senderId, userId), eq(friendRequests.status, 'pending'));
}

/** Username prefix search that never shows people on either side of a block. */
export async function searchUsers(
  db: Executor,
  viewerId: string,
  prefix: string,
  limit: number,
): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(
        ilike(users.username, likePrefix(prefix)),
        ne(users.id, viewerId),
        sql`NOT EXISTS (SELECT 1 FROM ${blocks} WHERE (${blocks.blockerId} = ${viewerId} AND ${blocks.blockedId} = ${users.id}) OR (${blocks.blockerId} = ${users.id} AND ${blocks.blockedId} = ${viewerId}))`,
      ),
    )
    .orderBy(asc(sql`length(${users.username})`), asc(sql`lower(${users.username})`))
    .limit(limit);
}

export async function listBlocked(db: Executor, userId: string): Promise<TUserCard[]> {
  const rows = await db
    .select({ user: users })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, userId))
    .orderBy(desc(blocks.createdAt));
  return rows.map(({ user }) => toUserCard(user));
}

import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { type UserRow, users } from './users.schema.js';

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}

export interface NewUser {
  id: string;
  publicId: string;
  email: string;
  isVerified: boolean;
  username?: string | null;
  passwordHash?: string | null;
  isAdmin?: boolean;
}

/** Inserts; returns undefined when a unique key (email, username or public id) already exists. */
export async function insertUser(db: Database, values: NewUser): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return row;
}

export async function setUsername(
  db: Database,
  id: string,
  username: string,
  displayName: string | null,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ username, displayName, updatedAt: new Date() })
    .where(sql`${users.id} = ${id} AND ${users.username} IS NULL`)
    .returning();
  return row;
}

/**
 * The owner of the mailbox proved it with a code: the account becomes verified, and a password set
 * by whoever registered the address before them stops working. Only an unverified row is touched.
 */
export async function claimVerified(
  db: Database,
  id: string,
  makeAdmin: boolean,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      isVerified: true,
      passwordHash: null,
      isAdmin: sql`${users.isAdmin} OR ${makeAdmin}`,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, id), eq(users.isVerified, false)))
    .returning();
  return row;
}

/** Presence lives in memory on a single node, so after a restart nobody can still be online. */
export async function markAllOffline(db: Database): Promise<number> {
  const rows = await db
    .update(users)
    .set({ isOnline: false })
    .where(eq(users.isOnline, true))
    .returning({ id: users.id });
  return rows.length;
}

export async function findUserByPublicId(db: Database, publicId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.publicId, publicId)).limit(1);
  return row;
}

/** The public face of several users (history lists, reports), by id, in one query. */
export interface PublicPerson {
  id: string;
  username: string | null;
  publicId: string;
  displayName: string | null;
  profilePicture: string | null;
}

export async function findPeopleByIds(db: Database, ids: string[]): Promise<Map<string, PublicPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      publicId: users.publicId,
      displayName: users.displayName,
      profilePicture: users.profilePicture,
    })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Ban state of a few users (the accounts seen on an anonymous socket's browser or address). */
export async function findBanStates(
  db: Database,
  ids: string[],
): Promise<Array<Pick<UserRow, 'id' | 'isBanned' | 'banUntil'>>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, isBanned: users.isBanned, banUntil: users.banUntil })
    .from(users)
    .where(inArray(users.id, ids));
}

/**
 * The statement that counts one more match for each of these users. Matchmaking appends it to its
 * match insert so recording a match stays one round trip between the pairing and `match_found`.
 */
export function countMatchStatement(userIds: string[]): SQL {
  return sql`update ${users} set total_matches = ${users.totalMatches} + 1 where ${inArray(users.id, userIds)}`;
}

/** Sets how an account presents itself (the name shown, its privacy settings). */
export async function updateAccountProfile(
  db: Database,
  id: string,
  changes: Partial<Pick<UserRow, 'displayName' | 'privacy'>>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

/** A transaction or the pool: the counter writes below run inside the caller's transaction. */
export type UsersExecutor = Pick<Database, 'select' | 'update'>;

/**
 * Locks users in id order, so two transactions touching the same pair can never deadlock.
 * NO KEY UPDATE still serializes these transactions but lets foreign-key checks through: a
 * notification insert checks its two users in column order, and behind FOR UPDATE that deadlocked.
 */
export async function lockUsers(db: UsersExecutor, ids: string[]): Promise<Map<string, UserRow>> {
  const sorted = [...new Set(ids)].sort();
  const rows = await db
    .select()
    .from(users)
    .where(inArray(users.id, sorted))
    .orderBy(asc(users.id))
    .for('no key update');
  return new Map(rows.map((row) => [row.id, row]));
}

/** One more (or one fewer) friend for each user; the count never drops below zero. */
export async function adjustFriendsCount(db: UsersExecutor, ids: string[], delta: 1 | -1): Promise<void> {
  await db
    .update(users)
    .set({
      friendsCount: delta > 0 ? sql`${users.friendsCount} + 1` : sql`greatest(${users.friendsCount} - 1, 0)`,
    })
    .where(inArray(users.id, ids));
}

/** Stores whether the user has a socket open now, and stamps them active. */
export async function setOnline(
  db: Database,
  userId: string,
  isOnline: boolean,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ isOnline, lastActive: new Date() })
    .where(eq(users.id, userId))
    .returning();
  return row;
}

export async function touchLastActive(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ lastActive: new Date() }).where(eq(users.id, userId));
}

/** The status a user chose; `customStatus` undefined keeps the current text, '' or null clears it. */
export async function setStatus(
  db: Database,
  userId: string,
  status: UserRow['status'],
  customStatus: string | null | undefined,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      status,
      ...(customStatus !== undefined ? { customStatus: customStatus || null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId))
    .returning();
  return row;
}

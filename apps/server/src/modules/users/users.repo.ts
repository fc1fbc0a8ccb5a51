import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
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

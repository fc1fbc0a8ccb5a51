import { eq, sql } from 'drizzle-orm';
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

export async function markVerified(db: Database, id: string): Promise<void> {
  await db.update(users).set({ isVerified: true, updatedAt: new Date() }).where(eq(users.id, id));
}

export async function findUserByPublicId(db: Database, publicId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.publicId, publicId)).limit(1);
  return row;
}

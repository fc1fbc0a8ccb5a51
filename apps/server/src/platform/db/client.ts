import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import { tables } from './schema.js';

export type Database = NodePgDatabase<typeof tables>;

/** Postgres' 64-bit bigints and timestamps come back as JS values we can use directly. */
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close: () => Promise<void>;
}

export function connectDatabase(connectionString: string, maxConnections = 20): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: maxConnections, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema: tables });
  return { db, pool, close: () => pool.end() };
}

/** Arbitrary constant: the advisory lock that serialises migrations when several nodes boot at once. */
const MIGRATION_LOCK_KEY = 727_274_001;

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

export async function pingDatabase(handle: DatabaseHandle): Promise<boolean> {
  try {
    await handle.pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** True when `error` is PostgreSQL's unique violation on `constraint`, whether raw or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = error instanceof pg.DatabaseError ? error : error instanceof Error ? error.cause : undefined;
  return cause instanceof pg.DatabaseError && cause.code === '23505' && cause.constraint === constraint;
}

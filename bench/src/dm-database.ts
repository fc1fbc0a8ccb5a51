/** What the DM bench reads from the server's PostgreSQL: stored rows and session activity. */
import pg from 'pg';
import { round } from './stats.js';

export async function countStored(databaseUrl: string | undefined): Promise<number | null> {
  if (!databaseUrl) return null;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM dm_messages');
    return result.rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Samples PostgreSQL every 500 ms during a phase: how many of the server's sessions are running a
 * statement, and how many of those are waiting for a row or transaction lock held by another.
 */
export function sampleSessions(
  databaseUrl: string | undefined,
): () => Promise<{ active: number; lockWaits: number } | null> {
  if (!databaseUrl) return async () => null;
  const client = new pg.Client({ connectionString: databaseUrl });
  const samples: Array<{ active: number; lockWaits: number }> = [];
  let timer: NodeJS.Timeout | undefined;
  const ready = client.connect().then(() => {
    timer = setInterval(() => {
      client
        .query<{ active: number; lock_waits: number }>(
          `SELECT count(*) FILTER (WHERE state <> 'idle')::int AS active,
                  count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock_waits
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
        .then(({ rows: [row] }) => row && samples.push({ active: row.active, lockWaits: row.lock_waits }))
        .catch(() => undefined);
    }, 500);
  });
  return async () => {
    await ready.catch(() => undefined);
    clearInterval(timer);
    await client.end().catch(() => undefined);
    if (samples.length === 0) return null;
    const mean = (pick: (sample: { active: number; lockWaits: number }) => number) =>
      round(samples.reduce((sum, sample) => sum + pick(sample), 0) / samples.length, 1);
    return { active: mean((sample) => sample.active), lockWaits: mean((sample) => sample.lockWaits) };
  };
}

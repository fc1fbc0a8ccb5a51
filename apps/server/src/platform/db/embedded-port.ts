import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * The first port tried. It sits below Linux's ephemeral range (32768+), so an outgoing client socket
 * never holds it while the database is down; the search stays in that range for the same reason.
 */
export const DEFAULT_EMBEDDED_PG_PORT = 15432;
const SEARCH_SPAN = 200;

/** Where a checkout remembers the port its embedded PostgreSQL was given, inside `DATA_DIR`. */
export function embeddedPortFile(dataDir: string): string {
  return path.resolve(dataDir, 'embedded-pg-port');
}

/** Whether nothing listens on 127.0.0.1:port (where the embedded PostgreSQL listens). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function rememberedPort(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const port = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/**
 * The embedded PostgreSQL's port when `EMBEDDED_PG_PORT` is not set: the one this `DATA_DIR` used
 * before while it is free, otherwise the first free one from 15432 up, written down so the next
 * start of this checkout asks for the same port. Two checkouts on one machine then each get their
 * own port instead of the second failing on 15432.
 */
export async function chooseEmbeddedPort(
  dataDir: string,
  first: number = DEFAULT_EMBEDDED_PG_PORT,
): Promise<number> {
  const file = embeddedPortFile(dataDir);
  const remembered = rememberedPort(file);
  if (remembered !== undefined && (await isPortFree(remembered))) return remembered;
  for (let port = first; port < first + SEARCH_SPAN && port < 65536; port++) {
    if (port === remembered || !(await isPortFree(port))) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${port}\n`);
    return port;
  }
  throw new Error(
    `No free port for the embedded PostgreSQL in ${first}–${first + SEARCH_SPAN - 1}; set EMBEDDED_PG_PORT or DATABASE_URL.`,
  );
}

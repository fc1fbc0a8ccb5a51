import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseEmbeddedPort, embeddedPortFile, isPortFree } from './embedded-port.js';

let dataDir: string;
const held: Server[] = [];

/** Stands in for another checkout's PostgreSQL listening on the port. */
async function occupy(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, resolve);
  });
  held.push(server);
}

/** A start port well away from 15432, so a developer's running instance does not disturb the test. */
async function freeRunStart(): Promise<number> {
  for (let port = 21000 + Math.floor(Math.random() * 5000); ; port += 10) {
    let free = true;
    for (let offset = 0; offset < 5; offset++) free &&= await isPortFree(port + offset);
    if (free) return port;
  }
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guftagu-pgport-'));
});

afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('chooseEmbeddedPort', () => {
  it('takes the first free port and remembers it in DATA_DIR', async () => {
    const first = await freeRunStart();
    const port = await chooseEmbeddedPort(dataDir, first);
    expect(port).toBe(first);
    expect(readFileSync(embeddedPortFile(dataDir), 'utf8').trim()).toBe(String(first));
    expect(await chooseEmbeddedPort(dataDir, first)).toBe(first);
  });

  it('skips a port another checkout holds, and keeps its own port on the next start', async () => {
    const first = await freeRunStart();
    await occupy(first);
    const port = await chooseEmbeddedPort(dataDir, first);
    expect(port).toBe(first + 1);
    // The other checkout stopped: this one still comes back on the port it was given.
    await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    expect(await chooseEmbeddedPort(dataDir, first)).toBe(first + 1);
  });

  it('moves to a new port (and remembers it) when its remembered one is taken', async () => {
    const first = await freeRunStart();
    writeFileSync(embeddedPortFile(dataDir), `${first}\n`);
    await occupy(first);
    const port = await chooseEmbeddedPort(dataDir, first);
    expect(port).toBe(first + 1);
    expect(readFileSync(embeddedPortFile(dataDir), 'utf8').trim()).toBe(String(first + 1));
  });

  it('ignores a damaged port file', async () => {
    const first = await freeRunStart();
    writeFileSync(embeddedPortFile(dataDir), 'not a port');
    expect(await chooseEmbeddedPort(dataDir, first)).toBe(first);
  });
});

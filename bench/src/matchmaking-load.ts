/**
 * One matchmaking load cell: open the sockets, pace queue entries with churn, and time every pair's
 * `match_found` at both sides (see matchmaking.ts for the scenario and BENCHMARKS.md for the method).
 */
import { performance } from 'node:perf_hooks';
import { connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { benchLoop, cpuShare, loadAverage, log, loopBusy, pace, sleep } from './common.js';
import { whenReady } from './fleet.js';
import type { ServerProcess } from './server-process-handle.js';
import { type Distribution, distribution, round } from './stats.js';

export type Topology = 'single' | 'two-node';

/** The server's default MATCH_RELAX_AFTER_MS: an entry with interests waits this long for a common one. */
const RELAX_AFTER_MS = 5000;
const INTEREST_POOL = ['music', 'movies', 'gaming', 'travel', 'art', 'sports'];
const INTEREST_SHARE = 0.3;
const SIGNED_IN_SHARE = 0.1;

/** The population and its behaviour; recorded in the results JSON. */
export const LOAD_SHAPE = {
  clientsPerEntryPerSecond: 2.5,
  minClients: 200,
  churnMs: [100, 1000],
  restMs: [0, 500],
  interestShare: INTEREST_SHARE,
  signedInShare: SIGNED_IN_SHARE,
  relaxAfterMs: RELAX_AFTER_MS,
};

const between = ([low, high]: number[]) => (low ?? 0) + Math.random() * ((high ?? 0) - (low ?? 0));

function pickInterests(): string[] {
  const count = 1 + Math.floor(Math.random() * 3);
  const start = Math.floor(Math.random() * INTEREST_POOL.length);
  // Neighbouring slices of one small pool: sets overlap often, but not always.
  return Array.from(
    { length: count },
    (_, i) => INTEREST_POOL[(start + i) % INTEREST_POOL.length] ?? 'music',
  );
}

interface Client {
  socket: GuftaguSocket;
  interests: string[];
  state: 'idle' | 'queued' | 'matched';
  restUntil: number;
  /** When this socket last entered the queue (join emit, skip emit, or re-queue seen). */
  entryAt: number;
  matchId: string | undefined;
  churn: NodeJS.Timeout | undefined;
  skipped: { matchId: string; at: number } | undefined;
}

interface Side {
  entryAt: number;
  receivedAt: number;
  hasInterests: boolean;
}

export interface RunResult {
  topology: Topology;
  targetEntriesPerSecond: number;
  clients: number;
  signedInClients: number;
  achievedEntriesPerSecond: number;
  joinEmitsPerSecond: number;
  requeuesPerSecond: number;
  matchesPerSecond: number;
  matchedByInterestsShare: number;
  /** match_found at each side minus the moment the pair became possible (later entry, or relax). */
  pairing: Distribution;
  pairingByInterests: Distribution;
  /** match_found at each side minus that side's own entry (queue wait included). */
  wait: Distribution;
  poolEmptyTicks: number;
  errors: Record<string, number>;
  serverLoopBusy: number[];
  /** Share of a core each server process actually got (CPU time / wall time). */
  serverCpu: number[];
  /** SQL statements (all nodes) per match made in the window. */
  queriesPerMatch: number;
  benchLoopBusy: number;
  loadAverage: string;
}

async function openClients(urls: string[], tokens: string[], count: number): Promise<Client[]> {
  const clients: Client[] = [];
  const every = Math.round(1 / SIGNED_IN_SHARE);
  for (let start = 0; start < count; start += 200) {
    const batch: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + 200); index++) {
      const url = urls[index % urls.length] ?? '';
      // Signed-in sockets are spread evenly through the population (and so over both nodes).
      const token = index % every === 0 ? tokens[(index / every) % tokens.length] : undefined;
      const socket = connectSocket(url, token ? { token } : {});
      batch.push(whenReady(socket, token ? 'authenticated' : 'connect'));
      clients.push({
        socket,
        interests: Math.random() < INTEREST_SHARE ? pickInterests() : [],
        state: 'idle',
        restUntil: 0,
        entryAt: 0,
        matchId: undefined,
        churn: undefined,
        skipped: undefined,
      });
    }
    await Promise.all(batch);
  }
  return clients;
}

export async function runLoad(
  topology: Topology,
  servers: ServerProcess[],
  tokens: string[],
  rate: number,
  timing: { warmupSeconds: number; windowSeconds: number },
): Promise<RunResult> {
  const count = Math.max(LOAD_SHAPE.minClients, Math.ceil(rate * LOAD_SHAPE.clientsPerEntryPerSecond));
  const clients = await openClients(
    servers.map((server) => server.url),
    tokens,
    count,
  );
  log(`${topology} @ ${rate}/s: ${count} sockets connected`);

  const idle: Client[] = [...clients];
  const matches = new Map<string, { byInterests: boolean; sides: Side[] }>();
  const errors: Record<string, number> = {};
  const counted = { entries: 0, joins: 0, requeues: 0, poolEmpty: 0 };
  let measuring = false;
  let running = true;
  const window = { start: 0, end: Number.POSITIVE_INFINITY };
  const windowCount = { entries: 0, joins: 0, requeues: 0 };
  const pairing: number[] = [];
  const pairingByInterests: number[] = [];
  const waits: number[] = [];
  let windowMatches = 0;
  let windowByInterests = 0;

  const fail = (what: string, code: string) => {
    const key = `${what}:${code}`;
    errors[key] = (errors[key] ?? 0) + 1;
  };
  const entered = (kind: 'joins' | 'requeues') => {
    counted.entries += 1;
    counted[kind] += 1;
    if (measuring) {
      windowCount.entries += 1;
      windowCount[kind] += 1;
    }
  };
  const becomeIdle = (client: Client) => {
    client.state = 'idle';
    client.matchId = undefined;
    client.restUntil = performance.now() + between(LOAD_SHAPE.restMs);
    idle.push(client);
  };

  const settle = (matchId: string) => {
    const record = matches.get(matchId);
    if (!record || record.sides.length < 2) return;
    matches.delete(matchId);
    // The pair became possible when its later side entered, or (matched without common interests)
    // when the later side's interest wait had run out.
    const ready = Math.max(
      ...record.sides.map(
        (side) => side.entryAt + (side.hasInterests && !record.byInterests ? RELAX_AFTER_MS : 0),
      ),
    );
    if (ready < window.start || ready > window.end) return;
    windowMatches += 1;
    if (record.byInterests) windowByInterests += 1;
    for (const side of record.sides) {
      const delay = side.receivedAt - ready;
      pairing.push(delay);
      if (record.byInterests) pairingByInterests.push(delay);
      waits.push(side.receivedAt - side.entryAt);
    }
  };

  for (const client of clients) {
    client.socket.on('match_found', (found) => {
      const receivedAt = performance.now();
      client.state = 'matched';
      client.matchId = found.matchId;
      const record = matches.get(found.matchId) ?? { byInterests: found.matchedByInterests, sides: [] };
      record.sides.push({ entryAt: client.entryAt, receivedAt, hasInterests: client.interests.length > 0 });
      matches.set(found.matchId, record);
      settle(found.matchId);
      if (!running) return;
      client.churn = setTimeout(() => {
        client.churn = undefined;
        if (!running || client.matchId !== found.matchId) return;
        if (Math.random() < 0.5) {
          client.skipped = { matchId: found.matchId, at: performance.now() };
          client.socket.emit('skip_partner', { matchId: found.matchId }, (ack) => {
            if (!ack.success) fail('skip_partner', ack.code);
          });
        } else {
          client.socket.emit('end_chat', { matchId: found.matchId }, (ack) => {
            if (!ack.success) fail('end_chat', ack.code);
          });
        }
      }, between(LOAD_SHAPE.churnMs));
    });
    client.socket.on('match_ended', (ended) => {
      if (ended.matchId !== client.matchId) return;
      clearTimeout(client.churn);
      client.churn = undefined;
      if (ended.requeued && running) {
        client.state = 'queued';
        client.matchId = undefined;
        // The skipper entered when it asked; the skipped partner when the server told it (just
        // before the server re-queues it, so this slightly overstates its latency).
        const skip = client.skipped?.matchId === ended.matchId ? client.skipped : undefined;
        client.entryAt = skip ? skip.at : performance.now();
        entered('requeues');
      } else {
        becomeIdle(client);
      }
    });
  }

  const join = (client: Client) => {
    client.state = 'queued';
    client.entryAt = performance.now();
    entered('joins');
    client.socket.emit(
      'join_queue',
      client.interests.length ? { interests: client.interests } : {},
      (ack) => {
        if (ack.success) return;
        fail('join_queue', ack.code);
        if (client.state === 'queued') becomeIdle(client);
      },
    );
  };

  let busy = () => 0;
  const pacer = pace(rate, (total) => {
    let due = total - counted.entries;
    const now = performance.now();
    let rotations = 0;
    while (due > 0 && idle.length > 0 && rotations < idle.length) {
      const client = idle.shift() as Client;
      if (client.state !== 'idle') continue;
      if (client.restUntil > now) {
        idle.push(client);
        rotations += 1;
        continue;
      }
      join(client);
      due -= 1;
    }
    if (due > 0) counted.poolEmpty += 1;
  });
  await sleep(timing.warmupSeconds * 1000);
  const serverAtWindow = await Promise.all(servers.map((server) => server.loop()));
  window.start = performance.now();
  measuring = true;
  busy = benchLoop();
  await sleep(timing.windowSeconds * 1000);
  window.end = performance.now();
  measuring = false;
  const benchLoopBusy = busy();
  const serverAfter = await Promise.all(servers.map((server) => server.loop()));
  pacer.stop();
  running = false;
  // Matches made inside the window may still be on their way.
  await sleep(2000);
  for (const client of clients) {
    clearTimeout(client.churn);
    client.socket.disconnect();
  }

  const seconds = (window.end - window.start) / 1000;
  return {
    topology,
    targetEntriesPerSecond: rate,
    clients: count,
    signedInClients: clients.filter((_, index) => index % Math.round(1 / SIGNED_IN_SHARE) === 0).length,
    achievedEntriesPerSecond: round(windowCount.entries / seconds, 1),
    joinEmitsPerSecond: round(windowCount.joins / seconds, 1),
    requeuesPerSecond: round(windowCount.requeues / seconds, 1),
    matchesPerSecond: round(windowMatches / seconds, 1),
    matchedByInterestsShare: round(windowMatches ? windowByInterests / windowMatches : 0, 2),
    pairing: distribution(pairing),
    pairingByInterests: distribution(pairingByInterests),
    wait: distribution(waits),
    poolEmptyTicks: counted.poolEmpty,
    errors,
    serverLoopBusy: serverAtWindow.map((before, i) => loopBusy(before, serverAfter[i] ?? before)),
    serverCpu: serverAtWindow.map((before, i) => cpuShare(before, serverAfter[i] ?? before)),
    queriesPerMatch: round(
      serverAtWindow.reduce(
        (sum, before, i) => sum + ((serverAfter[i]?.queries ?? 0) - (before.queries ?? 0)),
        0,
      ) / Math.max(1, windowMatches),
      1,
    ),
    benchLoopBusy,
    loadAverage: loadAverage(),
  };
}

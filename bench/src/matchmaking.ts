/**
 * Matchmaking benchmark (issue 3): how long from a queue entry to `match_found` at BOTH sockets of a
 * pair, at a paced rate of queue entries with churn, on one node (in-process queue) and on two nodes
 * sharing one PostgreSQL and one Redis (Redis queue, half the clients on each node). See BENCHMARKS.md.
 *
 *   npx tsx bench/src/matchmaking.ts [--quick] [--no-build is implied: run through `npm run bench`]
 *   --rates=100,500   queue entries per second (default 100,500; quick 100)
 *   --topologies=single,two-node
 *   --out=FILE        default bench/results/matchmaking.json
 *
 * A queue entry is a `join_queue` emit, a `skip_partner` emit (the server re-queues the skipper) or
 * the server re-queueing a skipped partner (seen as `match_ended` with `requeued: true`). The pacer
 * emits `join_queue` from idle sockets so that all entries together hold the target rate. Each matched
 * socket skips (50 %) or stops (50 %) after 100–1000 ms unless its partner acts first; a stopped
 * socket rests 0–500 ms before it may join again. 30 % of sockets send 1–3 interests from a pool of 6,
 * so interest matching happens; 10 % are signed in (20 users shared by those sockets).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import {
  BENCH_DIR,
  benchLoop,
  commonFlags,
  cpuShare,
  HAS_REDIS,
  loadAverage,
  log,
  loopBusy,
  machine,
  pace,
  sleep,
  startRedis,
  type ThrowawayRedis,
  writeResults,
} from './common.js';
import { whenReady } from './fleet.js';
import { killAllSync, ServerProcess, stopAll } from './server-process-handle.js';
import { type Distribution, distribution, ms, round, table } from './stats.js';
import { signUpUsers } from './users.js';

const TARGET_P99_MS = 20;
/** The server's default MATCH_RELAX_AFTER_MS: an entry with interests waits this long for a common one. */
const RELAX_AFTER_MS = 5000;
const INTEREST_POOL = ['music', 'movies', 'gaming', 'travel', 'art', 'sports'];
const INTEREST_SHARE = 0.3;
const SIGNED_IN_SHARE = 0.1;
const SIGNED_IN_USERS = 20;

type Topology = 'single' | 'two-node';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    out: { type: 'string' },
    rates: { type: 'string' },
    topologies: { type: 'string' },
  },
  strict: true,
});
const { quick } = commonFlags(process.argv);
const rates = (flags.rates ?? (quick ? '100' : '100,500')).split(',').map(Number);
const topologies = (flags.topologies ?? 'single,two-node').split(',') as Topology[];
for (const topology of topologies) {
  if (topology !== 'single' && topology !== 'two-node') throw new Error(`unknown topology ${topology}`);
}
const config = {
  quick,
  rates,
  topologies,
  warmupSeconds: quick ? 1 : 3,
  windowSeconds: quick ? 5 : 20,
  clientsPerEntryPerSecond: 2.5,
  minClients: 200,
  churnMs: [100, 1000],
  restMs: [0, 500],
  interestShare: INTEREST_SHARE,
  signedInShare: SIGNED_IN_SHARE,
  relaxAfterMs: RELAX_AFTER_MS,
};
const OUT = flags.out ?? `${BENCH_DIR}results/matchmaking.json`;

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

interface RunResult {
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

async function runLoad(
  topology: Topology,
  servers: ServerProcess[],
  tokens: string[],
  rate: number,
): Promise<RunResult> {
  const count = Math.max(config.minClients, Math.ceil(rate * config.clientsPerEntryPerSecond));
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
    client.restUntil = performance.now() + between(config.restMs);
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
      }, between(config.churnMs));
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
  await sleep(config.warmupSeconds * 1000);
  const serverAtWindow = await Promise.all(servers.map((server) => server.loop()));
  window.start = performance.now();
  measuring = true;
  busy = benchLoop();
  await sleep(config.windowSeconds * 1000);
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

async function startTopology(
  topology: Topology,
): Promise<{ servers: ServerProcess[]; redis?: ThrowawayRedis }> {
  if (topology === 'single') return { servers: [await ServerProcess.start('gateway')] };
  const redis = await startRedis();
  const shared = {
    BENCH_REDIS_URL: redis.url,
    BENCH_REDIS_PREFIX: `bench-${process.pid}`,
    BENCH_JWT_SECRET: `bench-${process.pid}-jwt-secret-0123456789abcdef0123456789`,
  };
  const first = await ServerProcess.start('gateway', shared).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const databaseUrl = first.info.databaseUrl ?? '';
  const second = await ServerProcess.start('gateway', { ...shared, BENCH_DATABASE_URL: databaseUrl }).catch(
    async (error: unknown) => {
      await first.stop();
      await redis.stop();
      throw error;
    },
  );
  return { servers: [first, second], redis };
}

function report(results: RunResult[]): string {
  const rows = results.map((result) => [
    result.topology,
    result.targetEntriesPerSecond,
    result.achievedEntriesPerSecond,
    `${result.joinEmitsPerSecond} + ${result.requeuesPerSecond}`,
    result.matchesPerSecond,
    result.matchedByInterestsShare,
    ms(result.pairing.p50),
    `**${ms(result.pairing.p99)}**`,
    ms(result.pairing.max),
    ms(result.pairingByInterests.p99),
    ms(result.wait.p50),
    ms(result.wait.p99),
    Object.entries(result.errors)
      .map(([key, value]) => `${key} ×${value}`)
      .join(', ') || '0',
    result.serverLoopBusy.join(' / '),
    result.serverCpu.join(' / '),
    result.queriesPerMatch,
    result.benchLoopBusy,
    result.loadAverage.split(' ')[0] ?? '',
  ]);
  return table(
    [
      'topology',
      'target entries/s',
      'achieved entries/s',
      'joins + re-queues /s',
      'matches/s',
      'by interests',
      'pairing p50',
      'pairing p99',
      'pairing max',
      'p99 (interest pairs)',
      'wait p50',
      'wait p99',
      'errors',
      'server loop busy',
      'server CPU',
      'SQL/match',
      'bench loop busy',
      'load (1 min)',
    ],
    rows,
  );
}

async function main(): Promise<void> {
  const host = machine();
  log(
    `matchmaking bench ${quick ? '(quick) ' : ''}rates=${rates.join('/')} topologies=${topologies.join(',')}`,
  );
  const results: RunResult[] = [];
  for (const topology of topologies) {
    if (topology === 'two-node' && !HAS_REDIS) {
      log('two-node: skipped, /usr/bin/redis-server is not installed');
      continue;
    }
    log(
      `${topology}: starting ${topology === 'single' ? 'one server process' : 'Redis and two server processes'}`,
    );
    const { servers, redis } = await startTopology(topology);
    try {
      const tokens = await signUpUsers(servers[0]?.url ?? '', SIGNED_IN_USERS);
      for (const rate of rates) {
        const result = await runLoad(topology, servers, tokens, rate);
        results.push(result);
        log(
          `${topology} @ ${rate}/s: achieved ${result.achievedEntriesPerSecond}/s, ${result.matchesPerSecond} matches/s, ` +
            `pairing p50 ${ms(result.pairing.p50)} p99 ${ms(result.pairing.p99)} (n=${result.pairing.n}), ` +
            `wait p99 ${ms(result.wait.p99)}, server busy ${result.serverLoopBusy.join('/')} cpu ${result.serverCpu.join('/')}, bench busy ${result.benchLoopBusy}`,
        );
        await sleep(1000);
      }
    } finally {
      for (const server of [...servers].reverse()) await server.stop();
      await redis?.stop();
    }
  }
  const markdown = report(results);
  const single = results.filter((result) => result.topology === 'single');
  const verdicts = single.map(
    (result) =>
      `single node @ ${result.targetEntriesPerSecond}/s: pairing p99 ${ms(result.pairing.p99)} (target ≤ ${TARGET_P99_MS} ms) ` +
      `${result.pairing.p99 <= TARGET_P99_MS ? 'MET' : 'MISSED'}`,
  );
  process.stdout.write(`\n${markdown}\n\n${verdicts.map((line) => `- ${line}`).join('\n')}\n\n`);
  writeResults(OUT, {
    scenario: 'matchmaking',
    date: new Date().toISOString(),
    machine: host,
    config,
    targets: { pairingP99Ms: TARGET_P99_MS },
    results,
    verdicts,
  });
}

process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
process.once('SIGTERM', () => void stopAll().finally(() => process.exit(143)));
process.on('exit', killAllSync);

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`matchmaking bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 200).unref());

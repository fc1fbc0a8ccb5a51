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
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  commonFlags,
  HAS_REDIS,
  log,
  machine,
  sleep,
  startRedis,
  type ThrowawayRedis,
  writeResults,
} from './common.js';
import { LOAD_SHAPE, type RunResult, runLoad, type Topology } from './matchmaking-load.js';
import { killAllSync, ServerProcess, stopAll } from './server-process-handle.js';
import { ms, table } from './stats.js';
import { signUpUsers } from './users.js';

const TARGET_P99_MS = 20;
const SIGNED_IN_USERS = 20;

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
const timing = { warmupSeconds: quick ? 1 : 3, windowSeconds: quick ? 5 : 20 };
const config = { quick, rates, topologies, ...timing, ...LOAD_SHAPE };
const OUT = flags.out ?? `${BENCH_DIR}results/matchmaking.json`;

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
        const result = await runLoad(topology, servers, tokens, rate, timing);
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

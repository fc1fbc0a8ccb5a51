/**
 * DM relay benchmark (issue 5): 1,000 pairs of signed-in sockets (2,000 users, each pair friends)
 * send paced direct messages; every message is timed from its `dm_send` emit to the partner's
 * `dm_receive`, checked to arrive exactly once at the right socket, and counted in the database.
 * The same load runs against a bare Socket.IO relay without persistence (relay-process.ts) as the
 * floor. See BENCHMARKS.md.
 *
 *   npx tsx bench/src/dm.ts [--quick] [--pairs=1000] [--steady=2000] [--ramp=3000,4000,5000,6000]
 *                           [--servers=gateway,relay] [--out=FILE]
 *
 * Users are created through the real password route (`POST /api/auth/register`, argon2id and all;
 * the bench server relaxes only the per-IP registration limit) and befriended through the real
 * friend-request routes. Phases: a steady phase at 2,000 msg/s for 20 s, then 10 s steps up the ramp
 * until a step is not sustained (see `sustained`).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  benchLoop,
  commonFlags,
  cpuShare,
  loadAverage,
  log,
  loopBusy,
  machine,
  pace,
  sleep,
  writeResults,
} from './common.js';
import { countStored, sampleSessions } from './dm-database.js';
import { type FinalTally, Ledger } from './dm-ledger.js';
import { gatewayParticipants, relayParticipants } from './dm-participants.js';
import { killAllSync, ServerProcess, stopAll } from './server-process-handle.js';
import { type Distribution, distribution, ms, round, table } from './stats.js';

const TARGETS = { p99AtSteadyMs: 50, steadyRate: 2000, sustainedRate: 3000 };

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    out: { type: 'string' },
    pairs: { type: 'string' },
    ramp: { type: 'string' },
    steady: { type: 'string' },
    servers: { type: 'string' },
  },
  strict: true,
});
const { quick } = commonFlags(process.argv);
const config = {
  quick,
  pairs: Number(flags.pairs ?? (quick ? 100 : 1000)),
  steady: { rate: Number(flags.steady ?? (quick ? 500 : 2000)), seconds: quick ? 5 : 20 },
  ramp: (flags.ramp ?? (quick ? '1000,1500' : '3000,4000,5000,6000')).split(',').filter(Boolean).map(Number),
  rampSeconds: quick ? 3 : 10,
  /** A step is sustained when everything it sent was received within this long after it ended. */
  drainLimitMs: 1000,
  servers: (flags.servers ?? 'gateway,relay').split(','),
};
const OUT = flags.out ?? `${BENCH_DIR}results/dm.json`;

interface PhaseResult {
  target: string;
  phase: string;
  targetRate: number;
  seconds: number;
  sent: number;
  sentPerSecond: number;
  acked: number;
  deliveredPerSecond: number;
  storedPerSecond: number | null;
  latency: Distribution;
  drainMs: number;
  lost: number;
  duplicates: number;
  misrouted: number;
  errors: Record<string, number>;
  sustained: boolean;
  serverLoopBusy: number;
  serverCpu: number;
  /** SQL statements the server sent per message of this phase (round trips to PostgreSQL). */
  queriesPerMessage: number | null;
  /** Mean PostgreSQL sessions busy, and of those waiting for a lock, during the phase. */
  pgActive: number | null;
  pgLockWaits: number | null;
  benchLoopBusy: number;
  loadAverage: string;
}
async function runPhase(
  target: string,
  server: ServerProcess,
  ledger: Ledger,
  phase: string,
  rate: number,
  seconds: number,
  firstSeq: number,
): Promise<{ result: PhaseResult; nextSeq: number }> {
  const storedBefore = await countStored(server.info.databaseUrl);
  const serverBefore = await server.loop();
  const busy = benchLoop();
  const sessions = sampleSessions(server.info.databaseUrl);
  let seq = firstSeq;
  const started = performance.now();
  const pacer = pace(rate, (total) => {
    while (seq - firstSeq < total) ledger.send(seq++);
  });
  await sleep(seconds * 1000);
  pacer.stop();
  const ended = performance.now();
  const benchLoopBusy = busy();
  const serverAfter = await server.loop();
  const pgSessions = await sessions();
  const drainMs = await ledger.drain(firstSeq, seq, 15_000);
  // Receipts may still be counted after the drain limit; give stragglers a moment before judging.
  await sleep(500);
  const serverDrained = await server.loop();
  const storedAfter = await countStored(server.info.databaseUrl);

  const latencies: number[] = [];
  let acked = 0;
  let lost = 0;
  let duplicates = 0;
  let deliveredInWindow = 0;
  for (let s = firstSeq; s < seq; s++) {
    const sentAt = ledger.sentAt[s] ?? 0;
    const receivedAt = ledger.receivedAt[s];
    if (ledger.ackedAt[s] !== undefined) {
      acked += 1;
      if (receivedAt === undefined) lost += 1;
    }
    if ((ledger.receipts[s] ?? 0) > 1) duplicates += 1;
    if (receivedAt !== undefined) {
      latencies.push(receivedAt - sentAt);
      if (receivedAt <= ended) deliveredInWindow += 1;
    }
  }
  const elapsed = (ended - started) / 1000;
  const sent = seq - firstSeq;
  const result: PhaseResult = {
    target,
    phase,
    targetRate: rate,
    seconds: round(elapsed, 1),
    sent,
    sentPerSecond: round(sent / elapsed, 0),
    acked,
    deliveredPerSecond: round(deliveredInWindow / elapsed, 0),
    storedPerSecond:
      storedBefore === null || storedAfter === null ? null : round((storedAfter - storedBefore) / elapsed, 0),
    latency: distribution(latencies),
    drainMs: round(drainMs, 0),
    lost,
    duplicates,
    misrouted: ledger.misrouted,
    errors: { ...ledger.errors },
    sustained: false,
    serverLoopBusy: loopBusy(serverBefore, serverAfter),
    serverCpu: cpuShare(serverBefore, serverAfter),
    queriesPerMessage:
      serverDrained.queries === undefined || serverBefore.queries === undefined
        ? null
        : round((serverDrained.queries - serverBefore.queries) / Math.max(1, seq - firstSeq), 1),
    pgActive: pgSessions?.active ?? null,
    pgLockWaits: pgSessions?.lockWaits ?? null,
    benchLoopBusy,
    loadAverage: loadAverage(),
  };
  result.sustained =
    result.sentPerSecond >= rate * 0.95 &&
    result.deliveredPerSecond >= rate * 0.95 &&
    acked === sent &&
    lost === 0 &&
    drainMs <= config.drainLimitMs;
  log(
    `${target} ${phase} @ ${rate}/s: sent ${result.sentPerSecond}/s, delivered ${result.deliveredPerSecond}/s, ` +
      `stored ${result.storedPerSecond ?? '–'}/s, p50 ${ms(result.latency.p50)} p99 ${ms(result.latency.p99)}, ` +
      `drain ${result.drainMs} ms, lost ${lost}, dup ${duplicates}, errors ${JSON.stringify(result.errors)}, ` +
      `server busy ${result.serverLoopBusy} cpu ${result.serverCpu} sql/msg ${result.queriesPerMessage ?? '–'} pg busy/lock ${result.pgActive}/${result.pgLockWaits}, bench busy ${benchLoopBusy} ` +
      `${result.sustained ? 'SUSTAINED' : 'not sustained'}`,
  );
  return { result, nextSeq: seq };
}

const finals: FinalTally[] = [];

async function runTarget(target: string): Promise<PhaseResult[]> {
  log(`${target}: starting server process`);
  const server = await ServerProcess.start(target === 'gateway' ? 'gateway' : 'relay');
  const results: PhaseResult[] = [];
  try {
    const participants =
      target === 'gateway'
        ? await gatewayParticipants(server.url, config.pairs)
        : await relayParticipants(server.url, config.pairs);
    log(`${target}: ${participants.length} sockets connected`);
    const ledger = new Ledger(participants);
    // Warm-up: first sends compile code paths and fill caches and pools.
    let seq = 0;
    ({ nextSeq: seq } = await runPhase(target, server, ledger, 'warm-up', 200, 2, seq));
    const steady = await runPhase(
      target,
      server,
      ledger,
      'steady',
      config.steady.rate,
      config.steady.seconds,
      seq,
    );
    results.push(steady.result);
    seq = steady.nextSeq;
    for (const rate of config.ramp) {
      // Each step starts from an empty pipeline: a backlog left by the previous phase is not its load.
      await ledger.drain(0, seq, 120_000);
      await sleep(2000);
      const step = await runPhase(target, server, ledger, 'ramp', rate, config.rampSeconds, seq);
      results.push(step.result);
      seq = step.nextSeq;
      if (!step.result.sustained) break;
    }
    // The exactly-once check over the whole run, after everything had up to 120 s to arrive.
    const drainMs = await ledger.drain(0, seq, 120_000);
    finals.push({ target, drainMs: round(drainMs, 0), ...ledger.tally(seq) });
    log(`${target}: final tally ${JSON.stringify(finals.at(-1))}`);
    for (const participant of participants) participant.socket.disconnect();
  } finally {
    await server.stop();
  }
  return results;
}

function report(results: PhaseResult[]): string {
  return table(
    [
      'server',
      'phase',
      'target msg/s',
      'sent/s',
      'delivered/s',
      'stored/s',
      'p50',
      'p99',
      'max',
      'drain',
      'lost',
      'dup',
      'errors',
      'sustained',
      'server loop busy',
      'server CPU',
      'SQL/msg',
      'PG busy / lock-waiting',
      'bench loop busy',
      'load (1 min)',
    ],
    results.map((result) => [
      result.target,
      result.phase,
      result.targetRate,
      result.sentPerSecond,
      result.deliveredPerSecond,
      result.storedPerSecond ?? '–',
      ms(result.latency.p50),
      `**${ms(result.latency.p99)}**`,
      ms(result.latency.max),
      `${result.drainMs} ms`,
      result.lost,
      result.duplicates,
      Object.entries(result.errors)
        .map(([code, count]) => `${code} ×${count}`)
        .join(', ') || '0',
      result.sustained ? 'yes' : 'no',
      result.serverLoopBusy,
      result.serverCpu,
      result.queriesPerMessage ?? '–',
      result.pgActive === null ? '–' : `${result.pgActive} / ${result.pgLockWaits}`,
      result.benchLoopBusy,
      result.loadAverage.split(' ')[0] ?? '',
    ]),
  );
}

function verdicts(results: PhaseResult[]): string[] {
  const gateway = results.filter((result) => result.target === 'gateway');
  const steady = gateway.find((result) => result.phase === 'steady');
  const best = Math.max(
    0,
    ...gateway.filter((result) => result.sustained).map((result) => result.targetRate),
  );
  const lines: string[] = [];
  if (steady) {
    lines.push(
      `p99 at ${steady.targetRate} msg/s: ${ms(steady.latency.p99)} (target ≤ ${TARGETS.p99AtSteadyMs} ms) ` +
        `${steady.latency.p99 <= TARGETS.p99AtSteadyMs ? 'MET' : 'MISSED'}`,
    );
  }
  lines.push(
    `highest sustained step: ${best} msg/s (target ≥ ${TARGETS.sustainedRate}) ${best >= TARGETS.sustainedRate ? 'MET' : 'MISSED'}`,
  );
  const final = finals.find((tally) => tally.target === 'gateway');
  if (final) {
    const bad = final.lost + final.duplicates + final.misrouted;
    lines.push(
      `whole run: ${final.acked} of ${final.sent} acked, ${final.received} received; lost ${final.lost}, ` +
        `duplicates ${final.duplicates}, misrouted ${final.misrouted}, unsettled ${final.unsettled} ` +
        `(target 0 lost) ${bad === 0 && final.unsettled === 0 ? 'MET' : bad === 0 ? 'INCONCLUSIVE (unsettled)' : 'MISSED'}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const host = machine();
  log(
    `dm bench ${quick ? '(quick) ' : ''}pairs=${config.pairs} steady=${config.steady.rate}/s×${config.steady.seconds}s ` +
      `ramp=${config.ramp.join('/')} targets=${config.servers.join(',')}`,
  );
  const results: PhaseResult[] = [];
  for (const target of config.servers) results.push(...(await runTarget(target)));
  const markdown = `${report(results)}\n\n${table(
    [
      'server',
      'sent',
      'acked',
      'refused',
      'received',
      'lost',
      'dup',
      'misrouted',
      'unsettled',
      'final drain',
    ],
    finals.map((tally) => [
      tally.target,
      tally.sent,
      tally.acked,
      tally.refused,
      tally.received,
      tally.lost,
      tally.duplicates,
      tally.misrouted,
      tally.unsettled,
      `${tally.drainMs} ms`,
    ]),
  )}`;
  const lines = verdicts(results);
  process.stdout.write(`\n${markdown}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n\n`);
  writeResults(OUT, {
    scenario: 'dm',
    date: new Date().toISOString(),
    machine: host,
    config,
    targets: TARGETS,
    results,
    finals,
    verdicts: lines,
  });
}

process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
process.once('SIGTERM', () => void stopAll().finally(() => process.exit(143)));
process.on('exit', killAllSync);

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`dm bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 200).unref());

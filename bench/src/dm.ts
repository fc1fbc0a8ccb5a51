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
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import pg from 'pg';
import { io as connectRaw, type Socket } from 'socket.io-client';
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
import { whenReady } from './fleet.js';
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
const PASSWORD = 'bench-password-0123';

type AnySocket = GuftaguSocket | Socket;

interface Participant {
  userId: string;
  socket: AnySocket;
  partner: number;
}

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

/** Registers 2 × pairs users through the password route, befriends each pair, opens their sockets. */
async function gatewayParticipants(url: string, pairs: number): Promise<Participant[]> {
  const run = Math.random().toString(36).slice(2, 6);
  const apis: ApiClient[] = [];
  const ids: string[] = [];
  const register = async (index: number) => {
    const api = new ApiClient({ baseUrl: url });
    const session = await api.register(`d${run}_${index}`, `dm-${run}-${index}@example.com`, PASSWORD);
    apis[index] = api;
    ids[index] = session.user.id;
  };
  const started = performance.now();
  await inBatches(pairs * 2, 16, register);
  log(`gateway: registered ${pairs * 2} users in ${round((performance.now() - started) / 1000, 1)} s`);
  const befriended = performance.now();
  await inBatches(pairs, 16, async (pair) => {
    const from = apis[pair * 2] as ApiClient;
    const to = apis[pair * 2 + 1] as ApiClient;
    const { request } = await from.request<{ request: { id: string } }>('POST', '/api/friends/request', {
      username: `d${run}_${pair * 2 + 1}`,
    });
    await to.request('POST', '/api/friends/accept', { requestId: request.id });
  });
  log(`gateway: befriended ${pairs} pairs in ${round((performance.now() - befriended) / 1000, 1)} s`);
  return openSockets(pairs, ids, (index) => {
    const socket = connectSocket(url, { token: apis[index]?.token ?? '' });
    return { socket, ready: whenReady(socket, 'authenticated') };
  });
}

/** The bare relay has no accounts: each socket names a made-up user id in its handshake. */
function relayParticipants(url: string, pairs: number): Promise<Participant[]> {
  const ids = Array.from({ length: pairs * 2 }, (_, index) => `relay-user-${index}`);
  return openSockets(pairs, ids, (index) => {
    const socket = connectRaw(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { userId: ids[index] },
    });
    return {
      socket,
      ready: new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      }),
    };
  });
}

async function openSockets(
  pairs: number,
  ids: string[],
  open: (index: number) => { socket: AnySocket; ready: Promise<void> },
): Promise<Participant[]> {
  const participants: Participant[] = [];
  await inBatches(
    pairs * 2,
    200,
    async (index) => {
      const { socket, ready } = open(index);
      participants[index] = { userId: ids[index] ?? '', socket, partner: index ^ 1 };
      await ready;
    },
    true,
  );
  return participants;
}

/** Runs `work(0…count-1)`, `size` at a time (all of a batch at once when `wholeBatches`). */
async function inBatches(
  count: number,
  size: number,
  work: (index: number) => Promise<void>,
  wholeBatches = false,
): Promise<void> {
  if (wholeBatches) {
    for (let start = 0; start < count; start += size) {
      await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => work(start + i)));
    }
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** Every message the bench sent, by sequence number. */
class Ledger {
  sentAt: number[] = [];
  ackedAt: number[] = [];
  receivedAt: number[] = [];
  receipts: number[] = [];
  failed: boolean[] = [];
  misrouted = 0;
  echoes = 0;
  errors: Record<string, number> = {};

  constructor(private readonly participants: Participant[]) {
    participants.forEach((participant, index) => {
      (participant.socket as GuftaguSocket).on('dm_receive', (message) => {
        const now = performance.now();
        const seq = Number(message.message.slice(1));
        if (!Number.isInteger(seq) || this.sentAt[seq] === undefined) return;
        const sender = seq % this.participants.length;
        // The server also sends the message to the sender's own user room (its other tabs).
        if (index === sender) {
          this.echoes += 1;
          return;
        }
        if (this.participants[sender]?.partner !== index) {
          this.misrouted += 1;
          return;
        }
        this.receipts[seq] = (this.receipts[seq] ?? 0) + 1;
        if (this.receipts[seq] === 1) this.receivedAt[seq] = now;
      });
    });
  }

  send(seq: number): void {
    const sender = this.participants[seq % this.participants.length] as Participant;
    const to = this.participants[sender.partner]?.userId ?? '';
    this.sentAt[seq] = performance.now();
    (sender.socket as GuftaguSocket).emit('dm_send', { to, message: `m${seq}`, nonce: `n${seq}` }, (ack) => {
      if (ack.success) {
        this.ackedAt[seq] = performance.now();
        return;
      }
      this.failed[seq] = true;
      this.errors[ack.code] = (this.errors[ack.code] ?? 0) + 1;
    });
  }

  tally(to: number): Omit<FinalTally, 'target' | 'drainMs'> {
    const counts = { sent: to, acked: 0, refused: 0, received: 0, lost: 0, duplicates: 0, unsettled: 0 };
    for (let seq = 0; seq < to; seq++) {
      const acked = this.ackedAt[seq] !== undefined;
      const receipts = this.receipts[seq] ?? 0;
      if (acked) counts.acked += 1;
      if (this.failed[seq]) counts.refused += 1;
      if (receipts > 0) counts.received += 1;
      if (receipts > 1) counts.duplicates += 1;
      if (acked && receipts === 0) counts.lost += 1;
      if (!acked && !this.failed[seq]) counts.unsettled += 1;
    }
    return { ...counts, misrouted: this.misrouted };
  }

  /**
   * Waits until every message of [from, to) is settled — acked and received, or refused — or
   * `limitMs` passed; returns the wait.
   */
  async drain(from: number, to: number, limitMs: number): Promise<number> {
    const started = performance.now();
    let cursor = from;
    const pending = () => {
      while (
        cursor < to &&
        (this.failed[cursor] || (this.ackedAt[cursor] !== undefined && this.receipts[cursor]))
      )
        cursor += 1;
      return cursor < to;
    };
    while (pending() && performance.now() - started < limitMs) await sleep(10);
    return performance.now() - started;
  }
}

async function countStored(databaseUrl: string | undefined): Promise<number | null> {
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
function sampleSessions(
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

interface FinalTally {
  target: string;
  drainMs: number;
  sent: number;
  acked: number;
  refused: number;
  received: number;
  /** Acked but never received. */
  lost: number;
  duplicates: number;
  misrouted: number;
  /** Neither acked nor refused when the run ended (still queued in the server). */
  unsettled: number;
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

/**
 * Gateway benchmark: memory per idle authenticated connection, and how long a connect (or
 * disconnect) takes to reach every connected client as a new `user_count_update` count — for the
 * Guftagu gateway and for stock Socket.IO as the baseline. See BENCHMARKS.md.
 *
 *   npm run bench                      full run (1k/5k/10k memory, 1k/5k latency)
 *   npm run bench -- -- --quick        smoke run (200/500); or BENCH_QUICK=1 npm run bench
 *   --only=memory | --only=latency     one half (or BENCH_ONLY=memory)
 *   --targets=gateway,baseline         which servers (or BENCH_TARGETS)
 *   --attribution / --no-attribution   heap-snapshot census per connection (default: on in full runs)
 *   --no-build                         skip `tsc -b apps/server` (the bench runs apps/server/dist)
 *   --tweaks=drop-request,drop-token   memory experiments applied to the running servers (see
 *                                      child-runtime.ts); results go to results/tweaked.json
 *   --out=FILE                         where to write the JSON (default results/latest.json)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Attribution, attribute } from './attribution.js';
import { machine } from './common.js';
import { Fleet, type ReadyEvent } from './fleet.js';
import type { LoopSample, MemorySample } from './protocol.js';
import { killAllSync, ServerProcess, stopAll, type TargetKind } from './server-process-handle.js';
import { type Distribution, distribution, kb, mb, ms, round, table } from './stats.js';
import { signUpUsers } from './users.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');

const TARGETS = { heapPerConnectionBytes: 6 * 1024, broadcastP99Ms: 100, broadcastP99AtClients: 5000 };

// ---------------------------------------------------------------------------------------------
// Configuration

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    targets: { type: 'string' },
    attribution: { type: 'boolean' },
    'no-attribution': { type: 'boolean' },
    'no-build': { type: 'boolean' },
    tweaks: { type: 'string' },
    out: { type: 'string' },
  },
  strict: true,
});

// `npm run bench -- --quick` at the root reaches us only as npm_config_quick (npm keeps the flag).
const quick = Boolean(
  flags.quick || process.env.BENCH_QUICK === '1' || process.env.npm_config_quick === 'true',
);
const only = flags.only ?? process.env.BENCH_ONLY;
if (only && only !== 'memory' && only !== 'latency')
  throw new Error(`--only must be memory or latency, not ${only}`);
const targetKinds = (flags.targets ?? process.env.BENCH_TARGETS ?? 'gateway,baseline')
  .split(',')
  .map((kind) => kind.trim())
  .filter(Boolean) as TargetKind[];
for (const kind of targetKinds) {
  if (kind !== 'gateway' && kind !== 'baseline') throw new Error(`unknown target ${kind}`);
}

const tweaks = flags.tweaks ?? process.env.BENCH_TWEAKS ?? '';
const RESULTS_FILE = path.resolve(
  flags.out ?? path.join(BENCH_DIR, 'results', tweaks ? 'tweaked.json' : 'latest.json'),
);

const config = {
  tweaks,
  quick,
  memory: only !== 'latency',
  latency: only !== 'memory',
  memoryLevels: quick ? [200, 500] : [1000, 5000, 10_000],
  latencyLevels: quick ? [200, 500] : [1000, 5000],
  latencySamples: quick ? 5 : 20,
  users: quick ? 5 : 20,
  batch: quick ? 100 : 200,
  warmup: 50,
  attributionLevel: quick ? 200 : 1000,
  attribution: flags['no-attribution'] ? false : (flags.attribution ?? (!quick && only !== 'latency')),
};

// ---------------------------------------------------------------------------------------------
// Output helpers

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s`;
const log = (message: string) => process.stdout.write(`[${elapsed()}] ${message}\n`);
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

// ---------------------------------------------------------------------------------------------
// Measurements

interface MemoryResult {
  sockets: number;
  sample: MemorySample;
  heapPerConnection: number;
  externalPerConnection: number;
  rssPerConnection: number;
}

interface LatencyResult {
  clients: number;
  samples: number;
  /** Every (client × sample) delay from the start of the connect to that client's receipt. */
  connect: Distribution;
  /** Per sample: the delay until the last (and first) client had the new count. */
  connectLast: Distribution;
  connectFirst: Distribution;
  disconnect: Distribution;
  disconnectLast: Distribution;
  /** Per sample: how long the server's synchronous broadcast (encode + write to every socket) took. */
  serverBroadcast: Distribution;
  /** Mean event-loop utilisation during the connect windows, bench (clients) and server. */
  clientLoopBusy: number;
  serverLoopBusy: number;
  perSample: {
    connectFirst: number[];
    connectLast: number[];
    disconnectLast: number[];
    serverBroadcast: number[];
  };
}

interface TargetResult {
  kind: TargetKind;
  label: string;
  info: Record<string, string>;
  base: MemorySample;
  memory: MemoryResult[];
  latency: LatencyResult[];
  attribution?: Attribution;
  rampSeconds: Record<string, number>;
  seconds: number;
}

const loopBusy = (before: LoopSample, after: LoopSample) => {
  const active = after.active - before.active;
  const idle = after.idle - before.idle;
  return active + idle > 0 ? active / (active + idle) : 0;
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Connect (then disconnect) one probe client `samples` times with `fleet` idle; time the count's arrival. */
async function measureLatency(fleet: Fleet, server: ServerProcess, samples: number): Promise<LatencyResult> {
  const n = fleet.size;
  const connect: number[] = [];
  const disconnect: number[] = [];
  const perSample: LatencyResult['perSample'] = {
    connectFirst: [],
    connectLast: [],
    disconnectLast: [],
    serverBroadcast: [],
  };
  const clientBusy: number[] = [];
  const serverBusy: number[] = [];

  for (let sample = 0; sample < samples; sample++) {
    await server.broadcasts();
    const serverBefore = await server.loop();
    const arrived = fleet.arm(n + 1, 30_000);
    const clientBefore = performance.eventLoopUtilization();
    const t0 = performance.now();
    const probe = fleet.open();
    await arrived;
    clientBusy.push(performance.eventLoopUtilization(clientBefore).utilization);
    serverBusy.push(loopBusy(serverBefore, await server.loop()));
    perSample.serverBroadcast.push(round(sum(await server.broadcasts()), 2));
    const delays = fleet.arrivalTimes().map((time) => time - t0);
    for (const delay of delays) connect.push(delay);
    perSample.connectLast.push(round(Math.max(...delays), 2));
    perSample.connectFirst.push(round(Math.min(...delays), 2));
    await probe.ready;
    await sleep(100);

    const gone = fleet.arm(n, 30_000);
    const t1 = performance.now();
    probe.socket.disconnect();
    await gone;
    const goneDelays = fleet.arrivalTimes().map((time) => time - t1);
    for (const delay of goneDelays) disconnect.push(delay);
    perSample.disconnectLast.push(round(Math.max(...goneDelays), 2));
    await sleep(100);
  }
  return {
    clients: n,
    samples,
    connect: distribution(connect),
    connectLast: distribution(perSample.connectLast),
    connectFirst: distribution(perSample.connectFirst),
    disconnect: distribution(disconnect),
    disconnectLast: distribution(perSample.disconnectLast),
    serverBroadcast: distribution(perSample.serverBroadcast),
    clientLoopBusy: round(sum(clientBusy) / clientBusy.length, 2),
    serverLoopBusy: round(sum(serverBusy) / serverBusy.length, 2),
    perSample,
  };
}

async function attribution(server: ServerProcess, fleet: Fleet, sockets: number): Promise<Attribution> {
  const before = path.join(server.tmp, 'before.heapsnapshot');
  const after = path.join(server.tmp, 'after.heapsnapshot');
  await server.snapshot(before);
  await fleet.grow(sockets, config.batch);
  await fleet.arm(sockets, 60_000, true);
  await sleep(1000);
  await server.snapshot(after);
  return attribute(before, after, sockets);
}

async function runTarget(kind: TargetKind): Promise<TargetResult> {
  const targetStarted = performance.now();
  log(`${kind}: starting server process${kind === 'gateway' ? ' (embedded PostgreSQL, migrations)' : ''}`);
  const childEnv = { BENCH_TWEAKS: tweaks };
  let server = await ServerProcess.start(kind, childEnv);
  const result: TargetResult = {
    kind,
    label: tweaks ? `${kind} [${tweaks}]` : kind,
    info: server.info,
    base: { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0, rss: 0 },
    memory: [],
    latency: [],
    rampSeconds: {},
    seconds: 0,
  };
  try {
    log(`${kind}: ready at ${server.url} (pid ${server.pid})`);
    const ready: ReadyEvent = kind === 'gateway' ? 'authenticated' : 'connect';
    const tokens = kind === 'gateway' ? await signUpUsers(server.url, config.users) : [];
    if (kind === 'gateway') log(`${kind}: signed up ${tokens.length} users through the OTP flow`);

    // Warm-up: the first connections compile code paths and fill lazy caches; that is not per-connection cost.
    const warm = new Fleet(server.url, tokens, ready);
    await warm.grow(config.warmup, config.warmup);
    warm.close();
    await sleep(500);

    result.base = await server.measure();
    log(`${kind}: 0 sockets: heap ${mb(result.base.heapUsed)} MB, rss ${mb(result.base.rss)} MB`);

    const fleet = new Fleet(server.url, tokens, ready);
    const levels = [
      ...new Set([
        ...(config.memory ? config.memoryLevels : []),
        ...(config.latency ? config.latencyLevels : []),
      ]),
    ].sort((a, b) => a - b);

    for (const level of levels) {
      const rampStart = performance.now();
      // Stock Socket.IO emits once per connect: ramping N clients that way is N²/2 messages (50 M at 10k),
      // so the baseline batches emits per event-loop turn while ramping — as our gateway always does.
      await server.setMode('coalesce');
      let lastLog = 0;
      await fleet.grow(level, config.batch, (size) => {
        if (performance.now() - lastLog > 5000 || size === level) {
          lastLog = performance.now();
          log(`${kind}: ${size}/${level} clients ${ready}`);
        }
      });
      await fleet.arm(level, 120_000, true);
      await server.setMode('each');
      result.rampSeconds[level] = round((performance.now() - rampStart) / 1000, 1);
      await sleep(1000);

      if (config.memory && config.memoryLevels.includes(level)) {
        const sample = await server.measure();
        const memory: MemoryResult = {
          sockets: level,
          sample,
          heapPerConnection: (sample.heapUsed - result.base.heapUsed) / level,
          externalPerConnection: (sample.external - result.base.external) / level,
          rssPerConnection: (sample.rss - result.base.rss) / level,
        };
        result.memory.push(memory);
        log(
          `${kind}: ${level} sockets: heap ${mb(sample.heapUsed)} MB (${kb(memory.heapPerConnection)} KB/conn), ` +
            `rss ${mb(sample.rss)} MB (${kb(memory.rssPerConnection)} KB/conn)`,
        );
      }
      if (config.latency && config.latencyLevels.includes(level)) {
        log(`${kind}: ${level} clients: ${config.latencySamples} probe connects/disconnects`);
        const latency = await measureLatency(fleet, server, config.latencySamples);
        result.latency.push(latency);
        log(
          `${kind}: ${level} clients: connect p50 ${ms(latency.connect.p50)} p99 ${ms(latency.connect.p99)}, ` +
            `last client p99 ${ms(latency.connectLast.p99)}, server broadcast p50 ${ms(latency.serverBroadcast.p50)} ` +
            `(loop busy: bench ${latency.clientLoopBusy}, server ${latency.serverLoopBusy})`,
        );
      }
    }
    fleet.close();

    if (config.attribution) {
      // A heap snapshot leaves the heap profiler tracking objects, so it gets a fresh process.
      log(`${kind}: heap-snapshot census at ${config.attributionLevel} sockets (fresh process)`);
      await server.stop();
      server = await ServerProcess.start(kind, childEnv);
      const freshTokens = kind === 'gateway' ? await signUpUsers(server.url, config.users) : [];
      const warmAgain = new Fleet(server.url, freshTokens, ready);
      await warmAgain.grow(config.warmup, config.warmup);
      warmAgain.close();
      await sleep(500);
      const census = new Fleet(server.url, freshTokens, ready);
      result.attribution = await attribution(server, census, config.attributionLevel);
      census.close();
    }
  } finally {
    log(`${kind}: stopping server process`);
    await server.stop();
  }
  result.seconds = round((performance.now() - targetStarted) / 1000, 1);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

function report(results: TargetResult[]): string {
  const out: string[] = [];
  const memoryRows = results.flatMap((result) =>
    result.memory.map((memory) => [
      result.label,
      memory.sockets,
      mb(memory.sample.heapUsed - result.base.heapUsed),
      kb(memory.heapPerConnection),
      kb(memory.externalPerConnection),
      mb(memory.sample.rss - result.base.rss),
      kb(memory.rssPerConnection),
    ]),
  );
  if (memoryRows.length) {
    out.push('### Memory per idle connection (server process, after full GC)\n');
    out.push(
      table(
        [
          'server',
          'sockets',
          'heap Δ (MB)',
          'heap/conn (KB)',
          'external/conn (KB)',
          'RSS Δ (MB)',
          'RSS/conn (KB)',
        ],
        memoryRows,
      ),
    );
    out.push('');
  }
  const latencyRows = results.flatMap((result) =>
    result.latency.flatMap((latency) => [
      [
        result.label,
        latency.clients,
        'connect',
        ms(latency.connect.p50),
        ms(latency.connect.p99),
        ms(latency.connectFirst.p50),
        ms(latency.connectLast.p50),
        ms(latency.connectLast.p99),
        ms(latency.serverBroadcast.p50),
        latency.clientLoopBusy,
        latency.serverLoopBusy,
      ],
      [
        result.label,
        latency.clients,
        'disconnect',
        ms(latency.disconnect.p50),
        ms(latency.disconnect.p99),
        '',
        ms(latency.disconnectLast.p50),
        ms(latency.disconnectLast.p99),
        '',
        '',
        '',
      ],
    ]),
  );
  if (latencyRows.length) {
    const samples = results.find((result) => result.latency.length)?.latency[0]?.samples ?? 0;
    out.push(
      `### Count broadcast latency (${samples} samples; per client × sample, and per sample for the last client)\n`,
    );
    out.push(
      table(
        [
          'server',
          'clients',
          'event',
          'p50',
          'p99',
          'first client p50',
          'last client p50',
          'last client p99',
          'server broadcast p50',
          'bench loop busy',
          'server loop busy',
        ],
        latencyRows,
      ),
    );
    out.push('');
  }
  const attributed = results.filter((result) => result.attribution);
  if (attributed.length) {
    const first = attributed[0]?.attribution;
    out.push(
      `### Where a connection's heap goes (heap snapshots at 0 and ${first?.sockets} sockets, bytes per connection)\n`,
    );
    const owners = [
      ...new Set(attributed.flatMap((result) => result.attribution?.owners.map((row) => row.owner) ?? [])),
    ];
    const cell = (result: TargetResult, owner: string) => {
      const row = result.attribution?.owners.find((candidate) => candidate.owner === owner);
      return row && Math.abs(row.bytesPerConnection) >= 0.5
        ? String(Math.round(row.bytesPerConnection))
        : '–';
    };
    out.push(
      table(
        ['owner (objects reachable from it, first owner wins)', ...attributed.map((result) => result.label)],
        [
          ...owners.map((owner) => [owner, ...attributed.map((result) => cell(result, owner))]),
          [
            '**all new objects**',
            ...attributed.map(
              (result) => `**${Math.round(result.attribution?.newBytesPerConnection ?? 0)}**`,
            ),
          ],
        ],
      ),
    );
    out.push('');
  }
  return out.join('\n');
}

function verdicts(results: TargetResult[]): string[] {
  const gateway = results.find((result) => result.kind === 'gateway');
  if (!gateway) return [];
  const lines: string[] = [];
  for (const memory of gateway.memory) {
    const ok = memory.heapPerConnection <= TARGETS.heapPerConnectionBytes;
    lines.push(
      `heap per idle connection at ${memory.sockets}: ${kb(memory.heapPerConnection)} KB (target ≤ 6 KB) ${ok ? 'MET' : 'MISSED'}`,
    );
  }
  const at = gateway.latency.find((latency) => latency.clients === TARGETS.broadcastP99AtClients);
  if (at) {
    const ok = at.connect.p99 <= TARGETS.broadcastP99Ms;
    lines.push(
      `count broadcast p99 at ${at.clients} clients: ${ms(at.connect.p99)} (target ≤ 100 ms) ${ok ? 'MET' : 'MISSED'}` +
        `; last client p99 ${ms(at.connectLast.p99)}`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const host = machine();
  log(
    `bench ${quick ? '(quick) ' : ''}targets=${targetKinds.join(',')} memory=${config.memory ? config.memoryLevels.join('/') : 'off'} ` +
      `latency=${config.latency ? config.latencyLevels.join('/') : 'off'} attribution=${config.attribution}`,
  );
  log(
    `machine: ${host.cpu}, ${host.nproc} cores, ${host.memory}, node ${host.node}, ulimit -n ${host.ulimitN}`,
  );
  const highest = Math.max(
    ...(config.memory ? config.memoryLevels : [0]),
    ...(config.latency ? config.latencyLevels : [0]),
  );
  if (Number(host.ulimitN) < highest + 1000) {
    throw new Error(
      `ulimit -n is ${host.ulimitN}; ${highest} sockets need more file descriptors (run: bash -c 'ulimit -n 65535; npm run bench')`,
    );
  }
  if (!flags['no-build']) {
    log('building apps/server (tsc -b) — the bench runs the compiled server');
    try {
      execFileSync('npx', ['tsc', '-b', 'apps/server'], { cwd: REPO_ROOT, stdio: 'inherit' });
    } catch {
      throw new Error(
        'apps/server does not build; fix it, or pass --no-build to bench the dist that is there',
      );
    }
  }

  const results: TargetResult[] = [];
  for (const kind of targetKinds) results.push(await runTarget(kind));

  const markdown = report(results);
  const lines = verdicts(results);
  process.stdout.write(`\n${markdown}\n${lines.map((line) => `- ${line}`).join('\n')}\n\n`);
  const seconds = round((performance.now() - started) / 1000, 1);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          ...host,
          loadAverageAtEnd: loadavg()
            .map((load) => load.toFixed(2))
            .join(' '),
        },
        config,
        targets: TARGETS,
        seconds,
        results,
        verdicts: lines,
      },
      null,
      2,
    )}\n`,
  );
  try {
    // Keep the committed JSON in the repo's format, so `biome check` stays clean after a run.
    execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', RESULTS_FILE], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
  } catch {
    // Formatting is cosmetic.
  }
  log(`done in ${seconds}s; results written to ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
}

let interrupted = false;
const interrupt = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping server processes`);
  void stopAll().finally(() => process.exit(130));
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);
process.on('exit', killAllSync);

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => {
    // Lingering client sockets (ping timers) must not keep the process alive.
    setTimeout(() => process.exit(), 200).unref();
    if (!interrupted) setImmediate(() => process.exit());
  });

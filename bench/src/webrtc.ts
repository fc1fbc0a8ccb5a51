/**
 * WebRTC benchmark (issue 3, "Benchmarks"): median time from `match_found` to the first decoded remote
 * video frame, in Debian's Chromium with fake camera/mic, two anonymous visitors on /chat over loopback.
 * Two modes: host candidates (hide-my-IP off) and relay-only through a local coturn (hide-my-IP on, so
 * both browsers use `iceTransportPolicy: 'relay'`). Both times are read with the page's own clock: the
 * app marks `guftagu:match_found`, and an init script records the first `requestVideoFrameCallback` of
 * the remote <video>. The app's own marks (remote track, peer connected) give the breakdown, and the
 * selected candidate pair proves which path (host or relay) carried each call.
 *
 * Run: `npx tsx bench/src/webrtc.ts [--runs 10]` after `npm run build` (needs apps/server/dist and
 * apps/web/.next). Prints one JSON object. Without `turnserver` on PATH the relay mode is reported as
 * skipped with the reason.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadEnv } from '../../apps/server/dist/src/env.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../apps/server/dist/src/platform/db/embedded.js';
import { createLogger } from '../../apps/server/dist/src/platform/logger.js';
import { REPO_ROOT } from '../../apps/server/dist/src/platform/paths.js';
import { startServer } from '../../apps/server/dist/src/server.js';
import { freePort } from './net.js';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--no-first-run',
];

const PREFERENCES_KEY = 'guftagu.chat.preferences.v1';

/**
 * Installed before the app's scripts: every remote <video> that appears gets a frame callback, and the
 * first presented frame's time is kept. `resize` (intrinsic size known = a frame was decoded) is the
 * fallback where requestVideoFrameCallback is missing.
 */
const FIRST_FRAME_PROBE = `(() => {
  window.__firstRemoteFrameAt = null;
  // Keep the page's peer connections, to read which candidate pair carried the call.
  window.__peerConnections = [];
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) { super(...args); window.__peerConnections.push(this); }
  };
  const watch = (video) => {
    if (video.__probed) return;
    video.__probed = true;
    const done = () => { if (window.__firstRemoteFrameAt === null) window.__firstRemoteFrameAt = performance.now(); };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(done);
    else video.addEventListener('resize', done, { once: true });
  };
  new MutationObserver(() => {
    const video = document.querySelector('[data-testid="remote-video"]');
    if (video) watch(video);
  }).observe(document, { childList: true, subtree: true });
})();`;

interface ModeResult {
  mode: 'host' | 'relay';
  runs: number;
  /** Local candidate types of the selected pairs, counted over both sides of every run. */
  paths: Record<string, number>;
  /** Medians over every side of every run, ms after match_found. */
  medianConnectedMs: number;
  medianRemoteTrackMs: number;
  /** Per run, the later of the two sides: both people see each other. */
  bothSidesMs: number[];
  medianBothSidesMs: number;
  /** Every side of every run. */
  medianPerSideMs: number;
  p90PerSideMs: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}

async function openVisitor(browser: Browser, url: string, hideIp: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    PREFERENCES_KEY,
    JSON.stringify({ adultConfirmed: true, hideIp, interests: [] }),
  ] as const);
  await context.addInitScript(FIRST_FRAME_PROBE);
  const page = await context.newPage();
  await page.goto(`${url}/chat`);
  await page.waitForFunction(
    () => {
      const start = document.querySelector<HTMLButtonElement>('[data-testid="chat-start"]');
      const preview = document.querySelector<HTMLVideoElement>('[data-testid="preview-video"]');
      return Boolean(start && !start.disabled && preview && preview.videoWidth > 0);
    },
    undefined,
    { timeout: 30_000 },
  );
  return page;
}

/** Runs in the page (a string, so the bundler's helpers never leak into it). */
const READ_TIMING = `(async () => {
  const match = performance.getEntriesByName('guftagu:match_found').at(-1)?.startTime ?? 0;
  const since = (name) => {
    const at = performance.getEntriesByName(name).at(-1)?.startTime;
    return at === undefined ? null : at - match;
  };
  let path = null;
  const connection = window.__peerConnections.at(-1);
  if (connection) {
    const stats = [];
    (await connection.getStats()).forEach((stat) => stats.push(stat));
    const pair = stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
    const local = stats.find((s) => s.id === pair?.localCandidateId);
    path = local?.candidateType ?? null;
  }
  return {
    firstFrame: window.__firstRemoteFrameAt - match,
    remoteTrack: since('guftagu:remote_track'),
    connected: since('guftagu:peer_connected'),
    path,
  };
})()`;

interface SideTiming {
  /** ms from this page's match_found mark to its first remote frame. */
  firstFrame: number;
  remoteTrack: number | null;
  connected: number | null;
  /** local candidate type of the selected pair: host, srflx, prflx or relay. */
  path: string | null;
}

async function matchToFirstFrame(page: Page): Promise<SideTiming> {
  await page.waitForFunction(
    () => (window as unknown as { __firstRemoteFrameAt: number | null }).__firstRemoteFrameAt !== null,
    undefined,
    { timeout: 30_000, polling: 20 },
  );
  return (await page.evaluate(READ_TIMING)) as SideTiming;
}

async function runMode(
  browser: Browser,
  url: string,
  mode: 'host' | 'relay',
  runs: number,
): Promise<ModeResult> {
  const bothSidesMs: number[] = [];
  const perSide: number[] = [];
  const connected: number[] = [];
  const remoteTrack: number[] = [];
  const paths: Record<string, number> = {};
  // One warm-up call per mode (first page compile of the JS chunks, codec start-up) is not counted.
  for (let run = -1; run < runs; run += 1) {
    // Fresh contexts each run: a visitor is never re-matched with the partner they just left.
    const [first, second] = await Promise.all([
      openVisitor(browser, url, mode === 'relay'),
      openVisitor(browser, url, mode === 'relay'),
    ]);
    try {
      await first.getByTestId('chat-start').click();
      await first.waitForFunction(() => document.querySelector('[data-phase="searching"]'));
      await second.getByTestId('chat-start').click();
      const [a, b] = await Promise.all([matchToFirstFrame(first), matchToFirstFrame(second)]);
      if (run >= 0) {
        bothSidesMs.push(Math.max(a.firstFrame, b.firstFrame));
        for (const side of [a, b]) {
          perSide.push(side.firstFrame);
          if (side.connected !== null) connected.push(side.connected);
          if (side.remoteTrack !== null) remoteTrack.push(side.remoteTrack);
          paths[side.path ?? 'unknown'] = (paths[side.path ?? 'unknown'] ?? 0) + 1;
        }
      }
    } finally {
      await Promise.all([first.context().close(), second.context().close()]);
    }
  }
  return {
    mode,
    runs,
    paths,
    medianConnectedMs: percentile(connected, 50),
    medianRemoteTrackMs: percentile(remoteTrack, 50),
    bothSidesMs: bothSidesMs.map((value) => Math.round(value * 10) / 10),
    medianBothSidesMs: percentile(bothSidesMs, 50),
    medianPerSideMs: percentile(perSide, 50),
    p90PerSideMs: percentile(perSide, 90),
  };
}

async function startTurn(port: number, secret: string): Promise<ChildProcess> {
  const child = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      '--min-port=49160',
      '--max-port=49400',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=guftagu.bench',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('turnserver did not start listening in 10 s')), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`turnserver exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (/listener opened on|Total General servers/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

function hasTurnserver(): boolean {
  return ['/usr/bin/turnserver', '/usr/local/bin/turnserver'].some((file) => existsSync(file));
}

async function main(): Promise<void> {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 10;
  const tmp = mkdtempSync(path.join(tmpdir(), 'guftagu-webrtc-bench-'));
  const closers: Array<() => Promise<unknown> | unknown> = [];
  const result: Record<string, unknown> = { benchmark: 'webrtc_match_to_first_frame', runs };

  try {
    const logger = createLogger('silent');
    const turnSecret = randomBytes(16).toString('hex');
    let turn: ChildProcess | null = null;
    let turnPort: number | null = null;
    if (hasTurnserver()) {
      turnPort = await freePort();
      try {
        turn = await startTurn(turnPort, turnSecret);
        const started = turn;
        closers.push(() => started.kill('SIGTERM'));
      } catch (error) {
        result.relaySkipped = `coturn failed to start: ${(error as Error).message}`;
        turnPort = null;
      }
    } else {
      result.relaySkipped = 'turnserver (Debian package coturn) is not installed';
    }

    const pgPort = await freePort();
    const database = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: pgPort,
      password: randomBytes(12).toString('hex'),
      logger,
    });
    closers.push(database.stop);
    await ensureDatabase(database.connectionString('postgres'), 'bench_webrtc');

    const env = loadEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(tmp, 'data'),
      // No public STUN: there is no internet here, and loopback needs none.
      STUN_URLS: '',
      ...(turnPort ? { TURN_URLS: `turn:127.0.0.1:${turnPort}?transport=udp`, TURN_SECRET: turnSecret } : {}),
    });
    const server = await startServer({
      env,
      logger,
      databaseUrl: database.connectionString('bench_webrtc'),
      jwtSecret: randomBytes(32).toString('hex'),
      otpSecret: randomBytes(32).toString('hex'),
      web: { dir: path.join(REPO_ROOT, 'apps/web'), dev: false },
      apiRateLimit: { limit: 100_000, windowSeconds: 60 },
    });
    closers.push(server.close);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    closers.push(() => browser.close());
    result.chromium = browser.version();

    result.host = await runMode(browser, server.url, 'host', runs);
    if (turnPort) result.relay = await runMode(browser, server.url, 'relay', runs);
    result.targetHostMedianMs = 600;
  } finally {
    for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

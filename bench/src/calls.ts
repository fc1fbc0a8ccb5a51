/**
 * 1:1 call benchmark (issue 12, "Tests and benchmark"): median time from the caller pressing "Video
 * call" (`start_dm_call`) to the first decoded remote video frame on both sides, in Debian's Chromium
 * with fake camera/mic, two signed-in friends over loopback. The callee answers the moment the
 * incoming-call modal appears (a script clicks it), so the time is the system's, not a person's.
 * Both pages are on one machine, so their clocks are compared as epoch time
 * (`performance.timeOrigin + mark`): the caller's `guftagu:dm_call_start` mark to each page's first
 * `requestVideoFrameCallback` of the remote <video>.
 *
 * Run: `npx tsx bench/src/calls.ts [--runs 10]` after `npm run build` (needs apps/server/dist and
 * apps/web/.next). Prints one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiClient } from '@guftagu/sdk';
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

/** Installed before the app: the first presented frame of the call's remote <video>, as epoch ms. */
const FIRST_FRAME_PROBE = `(() => {
  window.__firstRemoteFrameAt = null;
  const watch = (video) => {
    if (video.__probed) return;
    video.__probed = true;
    const done = () => {
      if (window.__firstRemoteFrameAt === null) window.__firstRemoteFrameAt = performance.timeOrigin + performance.now();
    };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(done);
    else video.addEventListener('resize', done, { once: true });
  };
  new MutationObserver(() => {
    for (const video of document.querySelectorAll('[data-testid="call-remote-video"]')) watch(video);
    const accept = document.querySelector('[data-testid="call-accept-video"]');
    if (accept && !accept.__clicked) { accept.__clicked = true; accept.click(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Person {
  api: ApiClient;
  userId: string;
  username: string;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}

async function signUp(url: string, code: (email: string) => string, n: number): Promise<Person> {
  const api = new ApiClient({ baseUrl: url });
  const email = `bench-call-${n}-${randomBytes(4).toString('hex')}@example.com`;
  const username = `callbench${n}${randomBytes(3).toString('hex')}`;
  await api.sendOtp(email);
  const session = await api.verifyOtp(email, code(email));
  await api.onboard(username);
  return { api, userId: session.user.id, username };
}

async function openAs(browser: Browser, url: string, person: Person): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['camera', 'microphone'],
  });
  const hostname = new URL(url).hostname;
  const cookie = person.api.refreshCookieValue ?? '';
  await context.addCookies([
    {
      name: 'guftagu_rt',
      value: cookie.replace(/^guftagu_rt=/, ''),
      domain: hostname,
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'Strict',
    },
    { name: 'guftagu_session', value: '1', domain: hostname, path: '/', sameSite: 'Strict' },
  ]);
  await context.addInitScript(FIRST_FRAME_PROBE);
  const page = await context.newPage();
  await page.goto(`${url}/friends`);
  await page.waitForSelector('[data-testid="call-video"]:not([disabled])', { timeout: 30_000 });
  return page;
}

const firstFrameAt = async (page: Page): Promise<number> => {
  await page.waitForFunction(
    () => (window as unknown as { __firstRemoteFrameAt: number | null }).__firstRemoteFrameAt !== null,
    undefined,
    { timeout: 30_000, polling: 20 },
  );
  return page.evaluate(() => (window as unknown as { __firstRemoteFrameAt: number }).__firstRemoteFrameAt);
};

async function main(): Promise<void> {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 10;
  const tmp = mkdtempSync(path.join(tmpdir(), 'guftagu-calls-bench-'));
  const closers: Array<() => Promise<unknown> | unknown> = [];
  const result: Record<string, unknown> = { benchmark: 'dm_call_start_to_first_frame', runs };
  try {
    const logger = createLogger('silent');
    const database = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: await freePort(),
      password: randomBytes(12).toString('hex'),
      logger,
    });
    closers.push(database.stop);
    await ensureDatabase(database.connectionString('postgres'), 'bench_calls');
    const env = loadEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(tmp, 'data'),
      STUN_URLS: '',
    });
    const server = await startServer({
      env,
      logger,
      databaseUrl: database.connectionString('bench_calls'),
      jwtSecret: randomBytes(32).toString('hex'),
      otpSecret: randomBytes(32).toString('hex'),
      web: { dir: path.join(REPO_ROOT, 'apps/web'), dev: false },
      apiRateLimit: { limit: 100_000, windowSeconds: 60 },
    });
    closers.push(server.close);
    const code = (email: string) => {
      const mail = server.devOutbox?.list(email.toLowerCase())[0];
      const found = mail ? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
      if (!found) throw new Error(`no code mailed to ${email}`);
      return found;
    };

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    closers.push(() => browser.close());
    result.chromium = browser.version();

    const bothSides: number[] = [];
    const perSide: number[] = [];
    // One warm-up call (first compile of the call chunk, codec start-up) is not counted.
    for (let run = -1; run < runs; run += 1) {
      const [caller, callee] = await Promise.all([
        signUp(server.url, code, 2 * run + 10),
        signUp(server.url, code, 2 * run + 11),
      ]);
      const { request } = await caller.api.request<{ request: { id: string } }>(
        'POST',
        '/api/friends/request',
        {
          username: callee.username,
        },
      );
      await callee.api.request('POST', '/api/friends/accept', { requestId: request.id });
      const [a, b] = await Promise.all([
        openAs(browser, server.url, caller),
        openAs(browser, server.url, callee),
      ]);
      try {
        // The callee's socket is signed in once the caller's list shows them online.
        await a.waitForSelector('[data-testid="friend-card"][data-online="true"]', { timeout: 30_000 });
        await a.click('[data-testid="call-video"]');
        const [atA, atB] = await Promise.all([firstFrameAt(a), firstFrameAt(b)]);
        const started = await a.evaluate(
          () =>
            performance.timeOrigin +
            (performance.getEntriesByName('guftagu:dm_call_start').at(-1)?.startTime ?? 0),
        );
        process.stderr.write(`run ${run}: ${Math.round(Math.max(atA, atB) - started)} ms\n`);
        if (run >= 0) {
          bothSides.push(Math.max(atA, atB) - started);
          perSide.push(atA - started, atB - started);
        }
        await a.click('[data-testid="call-hang-up"]');
      } finally {
        await Promise.all([a.context().close(), b.context().close()]);
      }
    }
    result.bothSidesMs = bothSides.map((value) => Math.round(value));
    result.medianBothSidesMs = percentile(bothSides, 50);
    result.medianPerSideMs = percentile(perSide, 50);
    result.p90PerSideMs = percentile(perSide, 90);
    result.targetMedianMs = 800;
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

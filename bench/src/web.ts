/**
 * Page-weight benchmark (issue 16, "Weight"): per page, the JavaScript a cold visit downloads (bytes on
 * the wire, gzip size, number of chunks) and the largest contentful paint, in Debian's Chromium against
 * the built app on loopback. See BENCHMARKS.md ("Web page weight").
 *
 *   npm run bench -- --scenario=web [--runs=5]     needs apps/server/dist and apps/web/.next (node scripts/build.mjs)
 *
 * Each load is cold: a fresh browser context (empty cache, no service worker). The JS figures come from
 * the first load of each page; LCP is the median over `runs` loads. Gzip size is computed from each
 * script body with zlib (level 6, like the usual server setting) whatever the server sent, so the figure
 * means the same with or without compression on the wire; the wire bytes are reported beside it.
 * Verdicts are refused ("not judged") when the 1-minute load average is above 1.5: LCP on a busy 2-core
 * machine measures the machine, not the page.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { loadEnv } from '../../apps/server/dist/src/env.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../apps/server/dist/src/platform/db/embedded.js';
import { createLogger } from '../../apps/server/dist/src/platform/logger.js';
import { REPO_ROOT } from '../../apps/server/dist/src/platform/paths.js';
import { startServer } from '../../apps/server/dist/src/server.js';
import { log, machine, RESULTS_DIR, writeResults } from './common.js';
import { freePort } from './net.js';
import { kb, percentile, round } from './stats.js';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // /chat asks for the camera on load; fake devices answer at once instead of leaving it pending.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const TARGETS = { landingJsGzipKb: 150, landingLcpMs: 800 };
const MAX_LOAD_FOR_VERDICT = 1.5;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    runs: { type: 'string' },
    out: { type: 'string' },
    'no-build': { type: 'boolean' },
  },
  strict: true,
});
const runs = Number(flags.runs ?? (flags.quick ? 3 : 5));
const outFile = flags.out ?? path.join(RESULTS_DIR, 'web.json');

/** Keeps the latest LCP candidate; installed before any page script. */
const LCP_PROBE = `(() => {
  window.__lcp = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__lcp = {
        at: entry.startTime,
        element: entry.element ? entry.element.tagName.toLowerCase() + (entry.element.id ? '#' + entry.element.id : '') +
          ' "' + (entry.element.textContent || '').trim().slice(0, 40) + '"' : null,
        size: entry.size,
      };
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();`;

interface ScriptLoad {
  url: string;
  /** Requested after the load event: Next's prefetch of linked routes and lazily loaded parts. */
  afterLoad: boolean;
  rawBytes: number;
  gzipBytes: number;
  wireBytes: number;
  encoding: string | null;
}

interface PageResult {
  page: string;
  signedIn: boolean;
  chunks: number;
  jsRawKb: number;
  jsGzipKb: number;
  jsWireKb: number;
  /** Of the above, what was requested before the load event (what the page itself needs to start). */
  initialChunks: number;
  initialGzipKb: number;
  /** What the server answered scripts with (content-encoding), e.g. "gzip" or "identity". */
  encodings: string[];
  lcpMs: number[];
  medianLcpMs: number;
  lcpElement: string | null;
  /** The largest scripts, for finding what to cut. */
  largest: Array<{ file: string; gzipKb: number }>;
}

async function loadOnce(
  browser: Browser,
  url: string,
  storage: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  collectScripts: boolean,
): Promise<{ lcp: { at: number; element: string | null }; scripts: ScriptLoad[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState: storage });
  try {
    await context.addInitScript(LCP_PROBE);
    const page = await context.newPage();
    let loaded = false;
    page.once('load', () => {
      loaded = true;
    });
    const pending: Array<Promise<ScriptLoad | null>> = [];
    if (collectScripts) {
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        const afterLoad = loaded;
        pending.push(
          (async () => {
            const body = await response.body().catch(() => null);
            if (!body) return null;
            const sizes = await response
              .request()
              .sizes()
              .catch(() => ({ responseBodySize: body.length }));
            const headers = await response.allHeaders();
            return {
              url: response.url(),
              afterLoad,
              rawBytes: body.length,
              gzipBytes: gzipSync(body, { level: 6 }).length,
              wireBytes: sizes.responseBodySize,
              encoding: headers['content-encoding'] ?? null,
            };
          })(),
        );
      });
    }
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // LCP candidates stop at the first input; until then, give late paints (fonts, hydration) a moment.
    await page.waitForTimeout(500);
    const lcp = (await page.evaluate('window.__lcp')) as { at: number; element: string | null } | null;
    const scripts = (await Promise.all(pending)).filter((entry): entry is ScriptLoad => entry !== null);
    return { lcp: lcp ?? { at: Number.NaN, element: null }, scripts };
  } finally {
    await context.close();
  }
}

async function measurePage(
  browser: Browser,
  base: string,
  page: string,
  storage: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
): Promise<PageResult> {
  // One warm-up load (Next compiles nothing in production, but the server's first render of a route and
  // Chromium's first process start are not what a visitor meets).
  await loadOnce(browser, `${base}${page}`, storage, false);
  const lcps: number[] = [];
  let scripts: ScriptLoad[] = [];
  let element: string | null = null;
  for (let run = 0; run < runs; run++) {
    const result = await loadOnce(browser, `${base}${page}`, storage, run === 0);
    if (run === 0) scripts = result.scripts;
    lcps.push(round(result.lcp.at, 0));
    element = result.lcp.element ?? element;
  }
  const sum = (pick: (entry: ScriptLoad) => number) =>
    scripts.reduce((total, entry) => total + pick(entry), 0);
  return {
    page,
    signedIn: Boolean(storage),
    chunks: scripts.length,
    jsRawKb: round(kb(sum((entry) => entry.rawBytes)), 1),
    jsGzipKb: round(kb(sum((entry) => entry.gzipBytes)), 1),
    jsWireKb: round(kb(sum((entry) => entry.wireBytes)), 1),
    initialChunks: scripts.filter((entry) => !entry.afterLoad).length,
    initialGzipKb: round(kb(sum((entry) => (entry.afterLoad ? 0 : entry.gzipBytes))), 1),
    encodings: [...new Set(scripts.map((entry) => entry.encoding ?? 'identity'))],
    lcpMs: lcps,
    medianLcpMs: percentile(lcps, 50),
    lcpElement: element,
    largest: [...scripts]
      .sort((a, b) => b.gzipBytes - a.gzipBytes)
      .slice(0, 6)
      .map((entry) => ({
        file: new URL(entry.url).pathname.split('/').pop() ?? '',
        gzipKb: kb(entry.gzipBytes),
      })),
  };
}

/** Signs a new person up through the API inside a browser context, so the refresh cookies land in it. */
async function signedInStorage(browser: Browser, base: string) {
  const context = await browser.newContext();
  try {
    const email = `web-bench-${randomBytes(3).toString('hex')}@example.com`;
    const api = context.request;
    const ok = async (response: Awaited<ReturnType<typeof api.post>>) => {
      if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
      return response.json();
    };
    await ok(await api.post(`${base}/api/auth/send-otp`, { data: { email } }));
    const mailbox = (await ok(await api.get(`${base}/api/dev/mailbox?to=${encodeURIComponent(email)}`))) as {
      messages: Array<{ text: string }>;
    };
    const code = /\b(\d{6})\b/.exec(mailbox.messages[0]?.text ?? '')?.[1];
    if (!code) throw new Error(`no sign-in code was mailed to ${email}`);
    const session = (await ok(
      await api.post(`${base}/api/auth/verify-otp`, { data: { email, otp: code } }),
    )) as {
      token: string;
    };
    await ok(
      await api.post(`${base}/api/user/onboard`, {
        data: { username: `wb_${randomBytes(3).toString('hex')}` },
        headers: { authorization: `Bearer ${session.token}` },
      }),
    );
    return await context.storageState();
  } finally {
    await context.close();
  }
}

function verdict(measured: number, target: number, load: number): string {
  if (measured > target) return 'not met';
  return load > MAX_LOAD_FOR_VERDICT
    ? `not judged (load ${load.toFixed(2)} > ${MAX_LOAD_FOR_VERDICT})`
    : 'met';
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'guftagu-web-bench-'));
  const closers: Array<() => Promise<unknown> | unknown> = [];
  try {
    const logger = createLogger('silent');
    const pgPort = await freePort();
    const database = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: pgPort,
      password: randomBytes(12).toString('hex'),
      logger,
    });
    closers.push(database.stop);
    await ensureDatabase(database.connectionString('postgres'), 'bench_web');
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
      databaseUrl: database.connectionString('bench_web'),
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
    log(`web: ${runs} cold loads per page in Chromium ${browser.version()} against ${server.url}`);

    const storage = await signedInStorage(browser, server.url);
    const pages: PageResult[] = [];
    for (const [page, signedIn] of [
      ['/', false],
      ['/login', false],
      ['/chat', false],
      ['/messages', true],
    ] as const) {
      const result = await measurePage(browser, server.url, page, signedIn ? storage : undefined);
      pages.push(result);
      log(
        `${page.padEnd(10)} ${signedIn ? 'signed in ' : 'visitor   '} ${String(result.chunks).padStart(3)} chunks  ` +
          `${String(result.jsRawKb).padStart(7)} KB raw  ${String(result.jsGzipKb).padStart(6)} KB gzip  ` +
          `${String(result.jsWireKb).padStart(7)} KB wire (${result.encodings.join(',')})  ` +
          `before load: ${result.initialChunks} chunks ${result.initialGzipKb} KB gzip  ` +
          `LCP median ${result.medianLcpMs} ms [${result.lcpMs.join(', ')}]  ${result.lcpElement ?? ''}`,
      );
    }

    const load = loadavg()[0] ?? 0;
    const landing = pages[0];
    if (!landing) throw new Error('no landing result');
    const summary = [
      {
        target: `landing JS ≤ ${TARGETS.landingJsGzipKb} KB gzip`,
        measured: `${landing.jsGzipKb} KB gzip (${landing.chunks} chunks; ${landing.initialGzipKb} KB before the load event)`,
        verdict: verdict(landing.jsGzipKb, TARGETS.landingJsGzipKb, load),
      },
      {
        target: `landing LCP ≤ ${TARGETS.landingLcpMs} ms (median of ${runs})`,
        measured: `${landing.medianLcpMs} ms`,
        verdict: verdict(landing.medianLcpMs, TARGETS.landingLcpMs, load),
      },
    ];
    log(`load average (1 min) at the end: ${load.toFixed(2)}`);
    for (const line of summary) log(`${line.target} | measured ${line.measured} | ${line.verdict}`);
    writeResults(outFile, {
      scenario: 'web',
      date: new Date().toISOString(),
      machine: machine(),
      chromium: browser.version(),
      runs,
      targets: TARGETS,
      pages,
      summary,
      loadAverage1m: round(load, 2),
    });
  } finally {
    for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench`: runs the scenarios one after another, each in its own process, each writing
 * bench/results/<scenario>.json. See BENCHMARKS.md.
 *
 *   npm run bench                                 all: gateway, matchmaking, dm, webrtc, web
 *   npm run bench -- --scenario=matchmaking,dm    a selection (or BENCH_SCENARIO=…)
 *   npm run bench -- --quick                      smoke-sized runs of every scenario (or BENCH_QUICK=1)
 *   --no-build                                    skip `tsc -b apps/server` (scenarios run apps/server/dist)
 *
 * Every other flag goes to the scenarios that know it: the gateway's `--only/--targets/--tweaks/
 * --attribution/--no-attribution`, matchmaking's `--rates/--topologies`, dm's `--pairs/--steady/--ramp/--servers`,
 * webrtc's and web's `--runs`. `--out=FILE` is honoured when one scenario is selected.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, commonFlags, log, REPO_ROOT, RESULTS_DIR, writeResults } from './common.js';

const SCENARIOS = ['gateway', 'matchmaking', 'dm', 'channels', 'webrtc', 'web'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** Which flags (by name) each scenario script accepts besides --quick, --no-build and --out. */
const OWN_FLAGS: Record<Scenario, readonly string[]> = {
  gateway: ['only', 'targets', 'tweaks', 'attribution', 'no-attribution'],
  matchmaking: ['rates', 'topologies'],
  dm: ['pairs', 'steady', 'ramp', 'servers'],
  channels: ['members', 'samples', 'max-users'],
  webrtc: ['runs'],
  web: ['runs'],
};

const argv = process.argv.slice(2);
const flagName = (arg: string) => arg.replace(/^--/, '').split('=')[0] ?? '';
const selection = (
  argv.find((arg) => arg.startsWith('--scenario='))?.slice('--scenario='.length) ??
  process.env.BENCH_SCENARIO ??
  // `npm run bench --scenario=x` (without the `--`) reaches us only as npm_config_scenario.
  process.env.npm_config_scenario ??
  SCENARIOS.join(',')
)
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of selection) {
  if (!(SCENARIOS as readonly string[]).includes(name))
    throw new Error(`unknown scenario ${name}; choose from ${SCENARIOS.join(', ')}`);
}
const { quick, out } = commonFlags(argv);
const passThrough = argv.filter((arg) => !arg.startsWith('--scenario=') && !arg.startsWith('--out='));

function argsFor(scenario: Scenario): string[] {
  const own = passThrough.filter((arg) => OWN_FLAGS[scenario].includes(flagName(arg)));
  const args = [...(quick ? ['--quick'] : []), '--no-build', ...own];
  const file = out && selection.length === 1 ? out : path.join(RESULTS_DIR, `${scenario}.json`);
  if (scenario !== 'webrtc') args.push(`--out=${file}`);
  return args;
}

function run(script: string, args: string[], capture = false): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'src', script), ...args], {
      cwd: BENCH_DIR,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

/** The WebRTC bench prints one JSON object; it needs the web build and Chromium. */
async function runWebrtc(): Promise<number> {
  const script = path.join(BENCH_DIR, 'src', 'webrtc.ts');
  const file = out && selection.length === 1 ? out : path.join(RESULTS_DIR, 'webrtc.json');
  if (!existsSync(script)) {
    log('webrtc: skipped, bench/src/webrtc.ts does not exist');
    return 0;
  }
  if (!existsSync(path.join(REPO_ROOT, 'apps/web/.next/BUILD_ID'))) {
    log('webrtc: skipped, no web build (run: flock /tmp/guftagu-next.lock node scripts/build.mjs)');
    return 0;
  }
  const runs = passThrough.find((arg) => flagName(arg) === 'runs')?.split('=')[1] ?? (quick ? '3' : '10');
  log(`webrtc: ${runs} matches per mode in Chromium (host candidates, then relay-only through coturn)`);
  const { code, stdout } = await run('webrtc.ts', ['--runs', runs], true);
  const json = stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1);
  if (code !== 0 || !json) {
    process.stdout.write(stdout);
    return code || 1;
  }
  process.stdout.write(`${json}\n`);
  writeResults(file, { scenario: 'webrtc', date: new Date().toISOString(), ...JSON.parse(json) });
  return 0;
}

async function main(): Promise<number> {
  if (!argv.includes('--no-build')) {
    log('building apps/server (tsc -b); the scenarios run the compiled server');
    execFileSync('npx', ['tsc', '-b', 'apps/server'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const failed: string[] = [];
  for (const scenario of SCENARIOS.filter((name) => selection.includes(name))) {
    log(`=== ${scenario}${quick ? ' (quick)' : ''} ===`);
    const code =
      scenario === 'webrtc'
        ? await runWebrtc()
        : (await run(scenario === 'gateway' ? 'run.ts' : `${scenario}.ts`, argsFor(scenario))).code;
    if (code !== 0) failed.push(`${scenario} (exit ${code})`);
  }
  if (failed.length) log(`failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);

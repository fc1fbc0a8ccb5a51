/**
 * Channel fan-out benchmark (issue 10): N online members of one text channel, each with one signed-in
 * socket; one member sends, and every sample is timed from the `send_message` emit to the moment the
 * LAST of the other N sockets has its `new_message` (all clients share this process's clock). The
 * same clients then run against a bare Socket.IO room broadcast (channels-baseline-process.ts) in the
 * same run, as the floor. See BENCHMARKS.md.
 *
 *   npx tsx bench/src/channels.ts [--quick] [--members=1000,10000] [--samples=20] [--max-users=N] [--out=FILE]
 *
 * Members are real accounts signed up through the OTP flow that join the server through its invite, so the gateway resolves their permissions and puts them in the channel
 * room exactly as in production. Sends are sequential: the next one starts when the last member has
 * the previous one, so each sample is one message's fan-out, not a queue.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { io as connectRaw, type Socket } from 'socket.io-client';
import {
  BENCH_DIR,
  benchLoop,
  commonFlags,
  cpuShare,
  log,
  loopBusy,
  machine,
  sleep,
  writeResults,
} from './common.js';
import { whenReady } from './fleet.js';
import type { ChildMessage } from './protocol.js';
import { killAllSync, ServerProcess, stopAll } from './server-process-handle.js';
import { type Distribution, distribution, ms, round, table } from './stats.js';

const TARGETS: Record<number, number> = { 1000: 15, 10000: 120 };
const PASSWORD = 'bench-password-0123';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    out: { type: 'string' },
    members: { type: 'string' },
    samples: { type: 'string' },
    'max-users': { type: 'string' },
  },
  strict: true,
});
const { quick } = commonFlags(process.argv);
const config = {
  quick,
  members: (flags.members ?? (quick ? '100,300' : '1000,10000')).split(',').filter(Boolean).map(Number),
  samples: Number(flags.samples ?? (quick ? 5 : 20)),
  warmup: 3,
  /**
   * Distinct accounts at most; sockets beyond it are further tabs of the same members (round robin).
   * Fan-out cost is per socket in the room; this only saves the sign-ups when time is short.
   */
  maxUsers: Number(flags['max-users'] ?? Number.POSITIVE_INFINITY),
};
const OUT = flags.out ?? `${BENCH_DIR}results/channels.json`;

type AnySocket = GuftaguSocket | Socket;

interface LevelResult {
  target: 'gateway' | 'baseline';
  members: number;
  /** Distinct accounts behind the member sockets (gateway; sockets beyond are more tabs). */
  accounts: number | null;
  latency: Distribution;
  /** From the emit to the sender's ack (stored and fanned out, as the sender sees it). */
  ack: Distribution;
  missing: number;
  serverLoopBusy: number | null;
  serverCpu: number | null;
  benchLoopBusy: number;
}

/** Runs `work(0…count-1)`, `size` at a time. */
async function pool(count: number, size: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/**
 * One fan-out: emits from `sender`, resolves with [ms to the last receiver, ms to the ack, missing]
 * once every receiver has it (or after 30 s, counting who never got it).
 */
function fanOut(sender: AnySocket, receivers: AnySocket[], payload: Record<string, unknown>) {
  return new Promise<[number, number, number]>((resolve) => {
    const started = performance.now();
    let ackAt = Number.NaN;
    let remaining = receivers.length;
    let lastAt = started;
    let settled = false;
    const nonce = payload.nonce as string;
    const seen = new Set<AnySocket>();
    const finish = (missing: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const socket of receivers) (socket as Socket).off('new_message', listeners.get(socket));
      resolve([lastAt - started, ackAt - started, missing]);
    };
    const timer = setTimeout(() => finish(remaining), 30_000);
    const listeners = new Map<AnySocket, (message: { id: string; content: string }) => void>();
    for (const socket of receivers) {
      const listener = (message: { id: string; content: string }) => {
        // The content carries the nonce, so a receiver matches before the ack names the id.
        if (message.content !== nonce || seen.has(socket)) return;
        seen.add(socket);
        lastAt = performance.now();
        remaining -= 1;
        if (remaining === 0 && !Number.isNaN(ackAt)) finish(0);
      };
      listeners.set(socket, listener);
      (socket as Socket).on('new_message', listener);
    }
    (sender as Socket).emit('send_message', payload, (reply: { success: boolean }) => {
      ackAt = performance.now();
      if (remaining === 0) finish(0);
      if (!reply.success) {
        log(`send refused: ${JSON.stringify(reply)}`);
        finish(remaining);
      }
    });
  });
}

async function measure(
  target: LevelResult['target'],
  server: { loop(): Promise<{ idle: number; active: number; cpu?: number }> } | null,
  sender: AnySocket,
  receivers: AnySocket[],
  channelId: string,
  accounts: number | null,
): Promise<LevelResult> {
  const latencies: number[] = [];
  const acks: number[] = [];
  let missing = 0;
  for (let index = 0; index < config.warmup; index += 1) {
    const nonce = `w${index}${Math.random().toString(36).slice(2, 10)}`;
    await fanOut(sender, receivers, { channelId, content: nonce, nonce });
  }
  const before = await server?.loop();
  const busy = benchLoop();
  for (let index = 0; index < config.samples; index += 1) {
    const nonce = `s${index}${Math.random().toString(36).slice(2, 10)}`;
    const [last, ack, lost] = await fanOut(sender, receivers, { channelId, content: nonce, nonce });
    latencies.push(last);
    acks.push(ack);
    missing += lost;
    // The server's send rate limit is per user per 10 s; a short pause keeps the samples under it.
    await sleep(150);
  }
  const after = await server?.loop();
  const result: LevelResult = {
    target,
    members: receivers.length,
    accounts,
    latency: distribution(latencies),
    ack: distribution(acks),
    missing,
    serverLoopBusy: before && after ? loopBusy(before, after) : null,
    serverCpu: before && after ? cpuShare(before, after) : null,
    benchLoopBusy: busy(),
  };
  log(
    `${target} ${receivers.length} members: p50 ${ms(result.latency.p50)} p99 ${ms(result.latency.p99)} ` +
      `max ${ms(result.latency.max)}, ack p50 ${ms(result.ack.p50)}, missing ${missing}`,
  );
  return result;
}

interface Mailbox {
  messages: Array<{ text: string }>;
}

/**
 * Signs members up through the real OTP flow (code from the dev outbox; no argon2, so 10,000 users
 * take minutes, not a quarter of an hour) and joins them to the server through its invite code.
 */
async function members(url: string, count: number, inviteCode: string, run: string, offset: number) {
  const tokens: string[] = [];
  const started = performance.now();
  await pool(count, 24, async (index) => {
    const api = new ApiClient({ baseUrl: url });
    const n = offset + index;
    const email = `ch-${run}-${n}@example.com`;
    await api.sendOtp(email);
    const mailbox = await api.request<Mailbox>('GET', `/api/dev/mailbox?to=${encodeURIComponent(email)}`);
    const code = /\b(\d{6})\b/.exec(mailbox.messages[0]?.text ?? '')?.[1];
    if (!code) throw new Error(`no sign-in code was mailed to ${email}`);
    await api.verifyOtp(email, code);
    await api.onboard(`c${run}_${n}`);
    await api.request('POST', `/api/servers/join/${inviteCode}`);
    tokens[index] = api.token ?? '';
  });
  log(
    `gateway: signed up and joined ${count} members in ${round((performance.now() - started) / 1000, 1)} s`,
  );
  return tokens;
}

/** Opens one signed-in socket per token, 100 at a time; a connect that times out is retried twice. */
async function openGateway(url: string, tokens: string[]): Promise<GuftaguSocket[]> {
  const sockets: GuftaguSocket[] = [];
  const open = async (token: string, attempt = 0): Promise<GuftaguSocket> => {
    const socket = connectSocket(url, { token });
    try {
      await whenReady(socket, 'authenticated');
      return socket;
    } catch (error) {
      socket.disconnect();
      if (attempt >= 2) throw error;
      await sleep(1000);
      return open(token, attempt + 1);
    }
  };
  for (let start = 0; start < tokens.length; start += 100) {
    const batch = await Promise.all(tokens.slice(start, start + 100).map((token) => open(token)));
    sockets.push(...batch);
  }
  return sockets;
}

async function openRaw(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - start) }, (_, i) => {
        const socket = connectRaw(url, {
          path: '/socket.io',
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets[start + i] = socket;
        return new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
      }),
    );
  }
  return sockets;
}

async function runGateway(): Promise<LevelResult[]> {
  const server = await ServerProcess.start('gateway');
  const results: LevelResult[] = [];
  try {
    const run = Math.random().toString(36).slice(2, 6);
    const owner = new ApiClient({ baseUrl: server.url });
    await owner.register(`c${run}_owner`, `ch-${run}-owner@example.com`, PASSWORD);
    const created = await owner.request<{
      server: { inviteCode: string };
      channels: Array<{ id: string; type: string }>;
    }>('POST', '/api/servers', { name: 'Bench' });
    const channelId = created.channels.find((channel) => channel.type === 'text')?.id ?? '';
    const [sender] = await openGateway(server.url, [owner.token ?? '']);
    if (!sender) throw new Error('sender did not connect');
    const receivers: GuftaguSocket[] = [];
    const accounts: string[] = [];
    for (const level of config.members) {
      const distinct = Math.max(0, Math.min(level, config.maxUsers) - accounts.length);
      accounts.push(
        ...(await members(server.url, distinct, created.server.inviteCode, run, accounts.length)),
      );
      const tokens = Array.from(
        { length: level - receivers.length },
        (_, i) => accounts[(receivers.length + i) % accounts.length] ?? '',
      );
      const opened = performance.now();
      receivers.push(...(await openGateway(server.url, tokens)));
      log(
        `gateway: ${receivers.length} member sockets online (${round((performance.now() - opened) / 1000, 1)} s to connect the new ones)`,
      );
      await sleep(2000);
      results.push(await measure('gateway', server, sender, receivers, channelId, accounts.length));
      await sleep(10_000);
    }
    for (const socket of [sender, ...receivers]) socket.disconnect();
  } finally {
    await server.stop();
  }
  return results;
}

async function startBaseline(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./channels-baseline-process.ts', import.meta.url)), [], {
    cwd: BENCH_DIR,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.type === 'ready') resolve(message.url);
      else if (message.type === 'fatal') reject(new Error(message.error));
    });
    child.once('exit', (code) => reject(new Error(`baseline exited during start (${code})`)));
  });
  return { url, child };
}

async function runBaseline(): Promise<LevelResult[]> {
  const { url, child } = await startBaseline();
  const results: LevelResult[] = [];
  try {
    const [sender] = await openRaw(url, 1);
    if (!sender) throw new Error('sender did not connect');
    const receivers: Socket[] = [];
    for (const level of config.members) {
      receivers.push(...(await openRaw(url, level - receivers.length)));
      await sleep(1000);
      results.push(await measure('baseline', null, sender, receivers, 'bench', null));
    }
    for (const socket of [sender, ...receivers]) socket.disconnect();
  } finally {
    child.kill('SIGTERM');
  }
  return results;
}

async function main(): Promise<void> {
  const host = machine();
  log(
    `channels bench ${quick ? '(quick) ' : ''}members=${config.members.join('/')} samples=${config.samples}`,
  );
  const results = [...(await runGateway()), ...(await runBaseline())];
  const markdown = table(
    [
      'server',
      'online member sockets',
      'accounts',
      'samples',
      'p50 to last member',
      'p99 to last member',
      'max',
      'ack p50',
      'missing',
      'server loop busy',
      'server CPU',
      'bench loop busy',
    ],
    results.map((result) => [
      result.target,
      result.members,
      result.accounts ?? '–',
      result.latency.n,
      ms(result.latency.p50),
      `**${ms(result.latency.p99)}**`,
      ms(result.latency.max),
      ms(result.ack.p50),
      result.missing,
      result.serverLoopBusy ?? '–',
      result.serverCpu ?? '–',
      result.benchLoopBusy,
    ]),
  );
  const verdicts = results
    .filter((result) => result.target === 'gateway' && TARGETS[result.members] !== undefined)
    .map((result) => {
      const limit = TARGETS[result.members] ?? 0;
      return `p99 at ${result.members} members: ${ms(result.latency.p99)} (target ≤ ${limit} ms) ${result.latency.p99 <= limit && result.missing === 0 ? 'MET' : 'MISSED'}`;
    });
  process.stdout.write(`\n${markdown}\n\n${verdicts.map((line) => `- ${line}`).join('\n')}\n\n`);
  writeResults(OUT, {
    scenario: 'channels',
    date: new Date().toISOString(),
    machine: host,
    config,
    targets: TARGETS,
    results,
    verdicts,
  });
}

process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
process.once('SIGTERM', () => void stopAll().finally(() => process.exit(143)));
process.on('exit', killAllSync);

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`channels bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 200).unref());

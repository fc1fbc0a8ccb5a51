import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, EmitMode, LoopSample, MemorySample, Request } from './protocol.js';

export type TargetKind = 'gateway' | 'baseline' | 'relay';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCRIPTS: Record<TargetKind, string> = {
  gateway: fileURLToPath(new URL('./server-process.ts', import.meta.url)),
  baseline: fileURLToPath(new URL('./baseline-process.ts', import.meta.url)),
  relay: fileURLToPath(new URL('./relay-process.ts', import.meta.url)),
};

/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every server process to <dir> when it exits. */
const PROFILE_ARGS = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
  : [];

const live = new Set<ServerProcess>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(tmp: string): number | undefined {
  const file = path.join(tmp, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Stops a postgres the child left behind (it was killed, or crashed) and removes the temp dir. */
async function sweep(tmp: string): Promise<void> {
  const pid = postmasterPid(tmp);
  if (pid && alive(pid)) {
    process.stderr.write(`  ! stopping orphaned postgres ${pid}\n`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(tmp, { recursive: true, force: true });
}

/** Last resort from a synchronous `exit` handler: no waiting, just kill. */
export function killAllSync(): void {
  for (const server of live) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    const pid = postmasterPid(server.tmp);
    if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
    rmSync(server.tmp, { recursive: true, force: true });
  }
  live.clear();
}

/** A server under test running in its own process, driven over IPC. */
export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly exited: Promise<void>;
  url = '';
  info: Record<string, string> = {};

  private constructor(
    readonly kind: TargetKind,
    readonly child: ChildProcess,
    readonly tmp: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.type === 'reply') {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(`${kind} process: ${message.error}`));
      } else if (message.type === 'fatal') {
        process.stderr.write(`  ! ${kind} process failed: ${message.error}\n`);
      }
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.pending.values())
        waiter.reject(new Error(`${kind} process exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  static async start(kind: TargetKind, env: Record<string, string> = {}): Promise<ServerProcess> {
    const tmp = mkdtempSync(path.join(tmpdir(), 'guftagu-bench-'));
    const child = fork(SCRIPTS[kind], [], {
      cwd: BENCH_DIR,
      execArgv: ['--expose-gc', ...PROFILE_ARGS, '--import', 'tsx'],
      env: { ...process.env, ...env, BENCH_TMP: tmp },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new ServerProcess(kind, child, tmp);
    live.add(server);
    try {
      const ready = await new Promise<{ url: string; info: Record<string, string> }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${kind} process did not start in 180 s`)), 180_000);
        child.on('message', (raw) => {
          const message = raw as ChildMessage;
          if (message.type === 'ready') {
            clearTimeout(timer);
            resolve(message);
          } else if (message.type === 'fatal') {
            clearTimeout(timer);
            reject(new Error(`${kind} process failed to start`));
          }
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`${kind} process exited during start (${code ?? signal})`));
        });
      });
      server.url = ready.url;
      server.info = ready.info;
      return server;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  request<T>(request: Request, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.kind} process: ${request.type} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ ...request, id });
    });
  }

  measure(): Promise<MemorySample> {
    return this.request<MemorySample>({ type: 'measure' });
  }

  loop(): Promise<LoopSample> {
    return this.request<LoopSample>({ type: 'loop' });
  }

  broadcasts(): Promise<number[]> {
    return this.request<number[]>({ type: 'broadcasts' });
  }

  snapshot(file: string): Promise<string> {
    return this.request<string>({ type: 'snapshot', file }, 300_000);
  }

  async setMode(mode: EmitMode): Promise<void> {
    if (this.kind === 'baseline') await this.request({ type: 'mode', mode });
  }

  /** Graceful shutdown, then SIGKILL if it hangs; always ends with no postgres and no temp dir. */
  async stop(): Promise<void> {
    const running = () => this.child.exitCode === null && this.child.signalCode === null;
    if (running() && this.child.connected) {
      this.request({ type: 'shutdown' }, 5_000).catch(() => undefined);
      await Promise.race([this.exited, sleep(30_000)]);
    }
    if (running()) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exited, sleep(5_000)]);
    }
    await sweep(this.tmp);
    live.delete(this);
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((server) => server.stop()));
}

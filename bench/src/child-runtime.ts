import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import type { ChildMessage, EmitMode, LoopSample, MemorySample, ParentMessage } from './protocol.js';

/** What a server-under-test process exposes to the bench. */
export interface Target {
  url: string;
  info: Record<string, string>;
  close(): Promise<void>;
  setMode?(mode: EmitMode): void;
}

interface BroadcastingAdapter {
  broadcast(...args: never[]): unknown;
}

const broadcastDurations: number[] = [];
let queryCount = 0;

/**
 * Counts the SQL statements the server sends (every `pg` query, pooled or in a transaction), so a
 * scenario can report round trips per operation. Instrumentation of the running instance only.
 */
export function countQueries(client: { prototype: { query: (...args: never[]) => unknown } }): void {
  const original = client.prototype.query;
  client.prototype.query = function (this: unknown, ...args: never[]) {
    queryCount += 1;
    return original.apply(this, args);
  };
}

/** The part of a Socket.IO server the tweaks touch (typed structurally: gateway and stock servers differ). */
interface TweakableServer {
  engine: { on(event: 'connection', listener: (raw: { request: unknown }) => void): unknown };
  on(
    event: 'connection',
    listener: (socket: { handshake: { auth: Record<string, unknown> } }) => void,
  ): unknown;
}

export const TWEAKS = ['drop-request', 'drop-token'] as const;

/**
 * Experiments for BENCHMARKS.md, applied from outside to a running server (off unless
 * BENCH_TWEAKS lists them; the server's code is unchanged):
 * - drop-request: forget the HTTP upgrade request once Engine.IO has the connection (the
 *   Socket.IO memory-usage guide's `rawSocket.request = null`); `handshake.headers` becomes {}.
 * - drop-token: forget `handshake.auth` (the access token) once the connection handlers have read it.
 */
export function applyTweaks(io: TweakableServer): string[] {
  const wanted = (process.env.BENCH_TWEAKS ?? '').split(',').filter(Boolean);
  for (const tweak of wanted) {
    if (!(TWEAKS as readonly string[]).includes(tweak)) throw new Error(`unknown tweak ${tweak}`);
  }
  if (wanted.includes('drop-request')) {
    io.engine.on('connection', (raw) => {
      raw.request = null;
    });
  }
  if (wanted.includes('drop-token')) {
    // Registered after the gateway's own handler, which has already taken the token.
    io.on('connection', (socket) => {
      socket.handshake.auth = {};
    });
  }
  return wanted;
}

/**
 * Times the adapter's `broadcast` — the synchronous loop that encodes a packet once and writes it
 * to every matching socket — so the bench can tell server time from client (bench) time.
 * Instrumentation of the running instance only; the server's code is unchanged.
 */
export function timeBroadcasts(adapter: BroadcastingAdapter): void {
  const original = adapter.broadcast.bind(adapter);
  adapter.broadcast = (...args: never[]) => {
    const start = performance.now();
    const result = original(...args);
    broadcastDurations.push(performance.now() - start);
    return result;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collector(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start this process with --expose-gc');
  return gc;
}

/** Full GCs until the heap stops shrinking (weak refs and finalizers need a turn in between). */
export async function measureMemory(): Promise<MemorySample> {
  const gc = collector();
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 8; round++) {
    gc();
    await sleep(25);
    const { heapUsed } = process.memoryUsage();
    if (round >= 2 && previous - heapUsed < 64 * 1024) break;
    previous = heapUsed;
  }
  gc();
  const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, heapTotal, external, arrayBuffers, rss };
}

function loopSample(): LoopSample {
  const { idle, active } = performance.eventLoopUtilization();
  const { user, system } = process.cpuUsage();
  return { idle, active, cpu: (user + system) / 1000, queries: queryCount };
}

/**
 * Runs a server under test inside a child process forked by the bench: starts it, reports `ready`,
 * answers requests, and tears everything down when asked, on a signal, or when the bench goes away.
 */
export function runChild(start: () => Promise<Target>): void {
  const send = (message: ChildMessage) => {
    if (process.connected) process.send?.(message);
  };
  let target: Target | undefined;
  let closing: Promise<void> | undefined;
  let starting: Promise<unknown> = Promise.resolve();

  const shutdown = (code: number): Promise<void> => {
    closing ??= (async () => {
      const timer = setTimeout(() => process.exit(code || 1), 30_000);
      try {
        // A start still under way owns resources (postgres); let it finish so they can be closed.
        await starting.catch(() => undefined);
        await target?.close();
        // The bench removes it too, but it may be gone (killed) by now.
        if (process.env.BENCH_TMP) rmSync(process.env.BENCH_TMP, { recursive: true, force: true });
      } catch (error) {
        process.stderr.write(`[bench child] close failed: ${String(error)}\n`);
      }
      clearTimeout(timer);
    })();
    return closing.then(() => process.exit(code));
  };

  process.on('disconnect', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  process.once('SIGINT', () => void shutdown(0));
  process.on('uncaughtException', (error) => {
    send({ type: 'fatal', error: String(error?.stack ?? error) });
    void shutdown(1);
  });
  process.on('unhandledRejection', (error) => {
    send({ type: 'fatal', error: String((error as Error)?.stack ?? error) });
    void shutdown(1);
  });

  const handle = async (message: ParentMessage): Promise<unknown> => {
    switch (message.type) {
      case 'measure':
        return measureMemory();
      case 'loop':
        return loopSample();
      case 'broadcasts':
        return broadcastDurations.splice(0);
      case 'snapshot':
        collector()();
        return writeHeapSnapshot(message.file);
      case 'mode':
        target?.setMode?.(message.mode);
        return message.mode;
      case 'shutdown':
        setImmediate(() => void shutdown(0));
        return true;
    }
  };

  process.on('message', (raw) => {
    const message = raw as ParentMessage;
    handle(message).then(
      (value) => send({ type: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => send({ type: 'reply', id: message.id, ok: false, error: String(error) }),
    );
  });

  starting = start().then(
    (started) => {
      target = started;
      if (!closing) send({ type: 'ready', url: started.url, info: started.info });
    },
    (error: unknown) => {
      send({ type: 'fatal', error: String((error as Error)?.stack ?? error) });
      void shutdown(1);
    },
  );
}

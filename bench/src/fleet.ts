import { performance } from 'node:perf_hooks';
import { connectSocket, type GuftaguSocket } from '@guftagu/sdk';

/** What a client waits for before it counts as connected: the gateway's `authenticated`, or bare `connect`. */
export type ReadyEvent = 'authenticated' | 'connect';

const CONNECT_TIMEOUT_MS = 60_000;

export function whenReady(socket: GuftaguSocket, ready: ReadyEvent): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`no ${ready} within ${CONNECT_TIMEOUT_MS} ms`)),
      CONNECT_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const succeed = () => {
      clearTimeout(timer);
      resolve();
    };
    if (ready === 'connect') socket.once('connect', succeed);
    else socket.once('authenticated', succeed);
    socket.once('connect_error', (error) => fail(error));
    socket.once('auth_error', (error) => fail(new Error(`auth_error: ${error.code} ${error.message}`)));
    socket.once('disconnect', (reason) => fail(new Error(`disconnected before ready: ${reason}`)));
  });
}

/**
 * Many idle clients in this process. Every client remembers the last `user_count_update` count it
 * got and, while armed for a count, the moment (performance.now) it first received it — all
 * clients share this process's clock, so arrival times compare directly with a start time.
 */
export class Fleet {
  readonly sockets: GuftaguSocket[] = [];
  private readonly counts: number[] = [];
  private readonly arrivals: number[] = [];
  private target = -1;
  private remaining = 0;
  private done: (() => void) | undefined;

  constructor(
    private readonly url: string,
    private readonly tokens: readonly string[],
    private readonly ready: ReadyEvent,
  ) {}

  get size(): number {
    return this.sockets.length;
  }

  /** A client outside the fleet (the latency probe). */
  open(): { socket: GuftaguSocket; ready: Promise<void> } {
    const token = this.tokens[this.size % this.tokens.length];
    const socket = connectSocket(this.url, token ? { token } : {});
    return { socket, ready: whenReady(socket, this.ready) };
  }

  private add(): Promise<void> {
    const index = this.sockets.length;
    const { socket, ready } = this.open();
    this.sockets.push(socket);
    this.counts.push(-1);
    this.arrivals.push(0);
    socket.on('user_count_update', ({ count }) => this.onCount(index, count));
    return ready;
  }

  /** Opens clients `batch` at a time (each batch fully ready before the next) until there are `total`. */
  async grow(total: number, batch: number, progress?: (size: number) => void): Promise<void> {
    while (this.size < total) {
      const n = Math.min(batch, total - this.size);
      await Promise.all(Array.from({ length: n }, () => this.add()));
      progress?.(this.size);
    }
  }

  private onCount(index: number, count: number): void {
    this.counts[index] = count;
    if (count === this.target && this.arrivals[index] === 0) {
      this.arrivals[index] = performance.now();
      this.remaining -= 1;
      if (this.remaining === 0) this.done?.();
    }
  }

  /**
   * Starts watching for `count`. The returned promise resolves when every client has received it;
   * with `alreadyHeld`, clients whose last count is already `count` are done from the start.
   */
  arm(count: number, timeoutMs: number, alreadyHeld = false): Promise<void> {
    this.target = count;
    this.remaining = 0;
    for (let i = 0; i < this.size; i++) {
      if (alreadyHeld && this.counts[i] === count) this.arrivals[i] = performance.now();
      else {
        this.arrivals[i] = 0;
        this.remaining += 1;
      }
    }
    if (this.remaining === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.done = undefined;
        const sample = this.counts.filter((_, i) => this.arrivals[i] === 0).slice(0, 5);
        reject(
          new Error(
            `${this.remaining} of ${this.size} clients never got count ${count} within ${timeoutMs} ms ` +
              `(some hold ${sample.join(', ')})`,
          ),
        );
      }, timeoutMs);
      this.done = () => {
        clearTimeout(timer);
        this.done = undefined;
        resolve();
      };
    });
  }

  /** Arrival times (performance.now) of the last armed count, one per client. */
  arrivalTimes(): number[] {
    return this.arrivals.slice();
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
    this.sockets.length = 0;
    this.counts.length = 0;
    this.arrivals.length = 0;
  }
}

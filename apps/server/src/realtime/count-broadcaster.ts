import type { MessageBus } from '../platform/kv/kv.js';
import type { CountSnapshot, OnlineCounter } from './online-count.js';

const CHANNEL = 'gateway:online-count';

/**
 * Turns connects and disconnects into `user_count_update` broadcasts. Every change is published on
 * the bus; each node keeps the newest snapshot it has seen and emits it to its own clients. Changes
 * that land in the same event-loop turn are coalesced into one broadcast (setImmediate, not a timer):
 * a burst of 500 connects costs one emit per client instead of 500, and no update is ever delayed
 * past the turn in which it happened.
 */
export class CountBroadcaster {
  private latest: CountSnapshot = { count: 0, version: 0 };
  private scheduled = false;

  constructor(
    private readonly counter: OnlineCounter,
    private readonly bus: MessageBus,
    private readonly emitLocal: (count: number, timestamp: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe(CHANNEL, (message) => this.accept(message as CountSnapshot));
    this.accept({ count: await this.counter.current(), version: 0 });
  }

  get count(): number {
    return this.latest.count;
  }

  async change(delta: number): Promise<void> {
    const snapshot = await this.counter.change(delta);
    await this.bus.publish(CHANNEL, snapshot);
  }

  private accept(snapshot: CountSnapshot): void {
    if (snapshot.version !== 0 && snapshot.version <= this.latest.version) return;
    this.latest = snapshot.version === 0 ? { ...snapshot, version: this.latest.version } : snapshot;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.emitLocal(this.latest.count, new Date().toISOString());
    });
  }
}

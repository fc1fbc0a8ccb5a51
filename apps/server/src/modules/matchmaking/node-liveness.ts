import type { KeyValueStore } from '../../platform/kv/kv.js';

/**
 * Which app nodes are alive. Each node refreshes a short-lived key; a match seat whose socket
 * lives on a node whose key expired belongs to a crashed node, whose own disconnect handlers and
 * grace timers will never run, so any surviving node takes the seat through the normal drop path.
 */
export class NodeLiveness {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly nodeId: string,
    private readonly intervalMs = 10_000,
  ) {}

  private key(nodeId: string): string {
    return `mm:node:${nodeId}`;
  }

  /** Alive for three intervals: one missed beat (a long GC pause) does not kill a node. */
  async beat(): Promise<void> {
    await this.kv.set(this.key(this.nodeId), '1', Math.max(1, Math.ceil((this.intervalMs * 3) / 1000)));
  }

  async isAlive(nodeId: string): Promise<boolean> {
    return nodeId === this.nodeId || (await this.kv.get(this.key(nodeId))) !== null;
  }

  start(onTick: () => Promise<unknown>, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      this.beat().then(onTick).catch(onError);
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

import type { MessageBus } from '../../platform/kv/kv.js';
import type { Logger } from '../../platform/logger.js';
import type { MatchEmitter } from './match-emitter.js';
import type { MatchQueue } from './match-queue.js';

const QUEUE_CHANGED = 'matchmaking:queue-changed';
/** Weight of the newest wait in the moving average behind `estimatedWait`. */
const WAIT_AVERAGE_WEIGHT = 0.2;

/**
 * `queue_position`, event-driven: any change to the queue (on any node) is announced on the bus; each
 * node then reads the queue once and tells its own waiting sockets whose position or total changed.
 * Bursts of changes coalesce into one read per tick.
 */
export class QueuePositions {
  private scheduled = false;
  private readonly lastSent = new Map<string, string>();
  private averageWaitSeconds = 0;

  constructor(
    private readonly queue: MatchQueue,
    private readonly emitter: MatchEmitter,
    private readonly bus: MessageBus,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe(QUEUE_CHANGED, () => this.schedule());
  }

  changed(): void {
    this.bus
      .publish(QUEUE_CHANGED, 1)
      .catch((error) => this.logger.warn({ err: error }, 'queue change not published'));
  }

  /** A socket on this node waited `ms` before being matched. */
  recordWait(ms: number): void {
    const seconds = ms / 1000;
    this.averageWaitSeconds =
      this.averageWaitSeconds === 0
        ? seconds
        : this.averageWaitSeconds * (1 - WAIT_AVERAGE_WEIGHT) + seconds * WAIT_AVERAGE_WEIGHT;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.broadcast().catch((error) => this.logger.warn({ err: error }, 'queue positions failed'));
    });
  }

  private async broadcast(): Promise<void> {
    const waiting = await this.queue.waiting();
    const totalWaiting = waiting.length;
    const present = new Set<string>();
    waiting.forEach((socketId, index) => {
      if (!this.emitter.isLocal(socketId)) return;
      present.add(socketId);
      const position = index + 1;
      const key = `${position}/${totalWaiting}`;
      if (this.lastSent.get(socketId) === key) return;
      this.lastSent.set(socketId, key);
      this.emitter.toSocket(socketId, 'queue_position', {
        position,
        totalWaiting,
        estimatedWait: Math.round(this.averageWaitSeconds),
      });
    });
    for (const socketId of this.lastSent.keys()) if (!present.has(socketId)) this.lastSent.delete(socketId);
  }
}

import type { QueueEntry } from './match-queue.js';

interface Wait {
  entryId: string;
  joinedAt: number;
  relax: NodeJS.Timeout | undefined;
  expire: NodeJS.Timeout;
}

/**
 * The two deadlines of a wait, kept by the node that queued the entry: the relax deadline (pair with
 * anyone from then on) and the queue timeout. Both callbacks re-check the queue by entry id, so a
 * timer that outlived its entry (paired or removed on another node) does nothing.
 */
export class QueueWaits {
  private readonly waits = new Map<string, Wait>();

  start(
    entry: QueueEntry,
    deadlines: { relaxAfterMs: number; queueTimeoutMs: number },
    on: { relax: (entry: QueueEntry) => void; expire: (entry: QueueEntry) => void },
  ): void {
    this.clear(entry.socketId);
    // Without interests an entry is relaxed from the start; there is nothing to wait for.
    const relax =
      entry.interests.length > 0 ? setTimeout(() => on.relax(entry), deadlines.relaxAfterMs) : undefined;
    const expire = setTimeout(() => {
      this.waits.delete(entry.socketId);
      on.expire(entry);
    }, deadlines.queueTimeoutMs);
    relax?.unref();
    expire.unref();
    this.waits.set(entry.socketId, { entryId: entry.entryId, joinedAt: entry.joinedAt, relax, expire });
  }

  /** Stops the socket's timers; returns when it started waiting, if it was. */
  clear(socketId: string): { joinedAt: number } | undefined {
    const wait = this.waits.get(socketId);
    if (!wait) return undefined;
    clearTimeout(wait.relax);
    clearTimeout(wait.expire);
    this.waits.delete(socketId);
    return { joinedAt: wait.joinedAt };
  }

  close(): void {
    for (const socketId of [...this.waits.keys()]) this.clear(socketId);
  }
}

import { partialMatchKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/** Turns one cached value into the next; must be safe to apply again to data that already has it. */
export type CacheUpdate<T> = (data: T) => T;

interface RecordedUpdate {
  seq: number;
  queryKey: QueryKey;
  // Stored untyped: each entry is replayed only onto data of the query family it was recorded for.
  update: CacheUpdate<unknown>;
}

/**
 * The socket→cache bridge's memory. Socket events change cached server state directly; a REST fetch that
 * was already in flight when such an event arrived would otherwise land afterwards and put the older
 * state back (a friend shown offline after their `friend_online`). So every event's update is numbered,
 * and a fetch started at sequence `s` has every update numbered after `s` replayed onto its result
 * before it reaches the cache: the newest event always wins, whatever order the network delivers in.
 *
 * Updates are recorded only while some fetch is in flight, and forgotten once no fetch could need them.
 */
export class LiveCache {
  private seq = 0;
  private readonly inFlight = new Map<number, number>();
  private nextFetchId = 0;
  private log: RecordedUpdate[] = [];

  constructor(readonly client: QueryClient) {}

  /**
   * Applies `update` to every cached entry whose key starts with `queryKey` (entries not loaded yet are
   * left alone: their first fetch will be complete), and to results of fetches still in flight.
   */
  apply<T>(queryKey: QueryKey, update: CacheUpdate<T>): void {
    this.seq += 1;
    if (this.inFlight.size > 0) {
      this.log.push({ seq: this.seq, queryKey, update: update as CacheUpdate<unknown> });
    }
    this.client.setQueriesData<T>({ queryKey }, (data) => (data === undefined ? data : update(data)));
  }

  /**
   * Runs a query function so that events arriving while it runs are replayed onto its result. Use it as
   * `queryFn: () => live.fetch(queryKey, () => api.getFriends())`.
   */
  async fetch<T>(queryKey: QueryKey, load: () => Promise<T>): Promise<T> {
    const id = this.nextFetchId++;
    const startedAt = this.seq;
    this.inFlight.set(id, startedAt);
    try {
      let data: T = await load();
      for (const entry of this.log) {
        if (entry.seq > startedAt && partialMatchKey(queryKey, entry.queryKey)) {
          data = (entry.update as CacheUpdate<T>)(data);
        }
      }
      return data;
    } finally {
      this.inFlight.delete(id);
      this.prune();
    }
  }

  /** Forget everything: the signed-in identity changed, so no recorded update may touch new data. */
  reset(): void {
    this.log = [];
    this.client.clear();
  }

  private prune(): void {
    if (this.inFlight.size === 0) {
      this.log = [];
      return;
    }
    const oldest = Math.min(...this.inFlight.values());
    this.log = this.log.filter((entry) => entry.seq > oldest);
  }
}

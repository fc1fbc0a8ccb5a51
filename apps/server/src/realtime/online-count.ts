import type { Redis } from 'ioredis';

export interface CountSnapshot {
  count: number;
  /** Monotonic across the cluster, so a node never broadcasts an older count after a newer one. */
  version: number;
}

/** The number of connected sockets (anonymous and signed in) across every app node. */
export interface OnlineCounter {
  change(delta: number): Promise<CountSnapshot>;
  current(): Promise<number>;
  close(): Promise<void>;
}

export class MemoryOnlineCounter implements OnlineCounter {
  private count = 0;
  private version = 0;

  async change(delta: number): Promise<CountSnapshot> {
    this.count = Math.max(0, this.count + delta);
    this.version += 1;
    return { count: this.count, version: this.version };
  }

  async current(): Promise<number> {
    return this.count;
  }

  async close(): Promise<void> {}
}

/**
 * Each node keeps its own tally in one hash field, so the total is exact and a node that dies only
 * takes its own sockets with it: nodes refresh a liveness key, and the sum skips (and removes) nodes
 * whose key has expired.
 */
const CHANGE_AND_SUM = `
if ARGV[2] ~= '0' then redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) end
local version = redis.call('INCR', KEYS[2])
local fields = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #fields, 2 do
  if redis.call('EXISTS', ARGV[3] .. fields[i]) == 1 then
    local n = tonumber(fields[i + 1])
    if n > 0 then total = total + n end
  else
    redis.call('HDEL', KEYS[1], fields[i])
  end
end
return {total, version}`;

const NODE_TTL_SECONDS = 30;
const NODE_REFRESH_MS = 10_000;

export class RedisOnlineCounter implements OnlineCounter {
  private readonly keepAlive: NodeJS.Timeout;
  private readonly aliveKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly prefix: string,
  ) {
    this.aliveKey = `${prefix}:alive:${nodeId}`;
    void this.redis.set(this.aliveKey, '1', 'EX', NODE_TTL_SECONDS);
    this.keepAlive = setInterval(() => {
      void this.redis.set(this.aliveKey, '1', 'EX', NODE_TTL_SECONDS).catch(() => undefined);
    }, NODE_REFRESH_MS);
    this.keepAlive.unref();
  }

  async change(delta: number): Promise<CountSnapshot> {
    const result = (await this.redis.eval(
      CHANGE_AND_SUM,
      2,
      `${this.prefix}:nodes`,
      `${this.prefix}:version`,
      this.nodeId,
      String(delta),
      `${this.prefix}:alive:`,
    )) as [number, number];
    return { count: Number(result[0]), version: Number(result[1]) };
  }

  async current(): Promise<number> {
    return (await this.change(0)).count;
  }

  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    await this.redis.hdel(`${this.prefix}:nodes`, this.nodeId).catch(() => undefined);
    await this.redis.del(this.aliveKey).catch(() => undefined);
  }
}

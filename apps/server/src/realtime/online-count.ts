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
 * Each node owns one hash field holding its own socket count, written as an absolute value on every
 * change and on every keep-alive tick, together with its liveness key. An increment would drift for
 * good once Redis restarted empty or the field was dropped; an absolute write heals at the next one.
 * The total sums only nodes whose liveness key exists, and drops the fields of the others.
 */
const WRITE_NODE = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SET', ARGV[4] .. ARGV[1], '1', 'PX', ARGV[3])`;

/**
 * The version never goes below Redis's clock in microseconds, so it keeps growing even after Redis
 * restarts empty; otherwise every node would ignore new counts until the counter caught up.
 */
const WRITE_AND_SUM = `${WRITE_NODE}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local version = math.max(tonumber(redis.call('GET', KEYS[2]) or '0') + 1, now)
redis.call('SET', KEYS[2], string.format('%.0f', version))
local fields = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #fields, 2 do
  if redis.call('EXISTS', ARGV[4] .. fields[i]) == 1 then
    total = total + tonumber(fields[i + 1])
  else
    redis.call('HDEL', KEYS[1], fields[i])
  end
end
return {total, version}`;

export interface RedisOnlineCounterOptions {
  /** How long a node stays counted after its last write: a crashed node drops out after this. */
  aliveTtlMs?: number;
  /** How often a node rewrites its count and liveness key; well inside the TTL. */
  refreshMs?: number;
}

export class RedisOnlineCounter implements OnlineCounter {
  private readonly keepAlive: NodeJS.Timeout;
  private readonly aliveTtlMs: number;
  /** This node's own sockets: the truth its hash field is rewritten from. */
  private local = 0;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly prefix: string,
    options: RedisOnlineCounterOptions = {},
  ) {
    this.aliveTtlMs = options.aliveTtlMs ?? 30_000;
    void this.writeNode();
    this.keepAlive = setInterval(() => void this.writeNode(), options.refreshMs ?? 10_000);
    this.keepAlive.unref();
  }

  /** Arguments shared by both scripts. The count is read when the command is queued, so writes land in order. */
  private nodeArgs(): string[] {
    return [this.nodeId, String(this.local), String(this.aliveTtlMs), `${this.prefix}:alive:`];
  }

  private async writeNode(): Promise<void> {
    await this.redis.eval(WRITE_NODE, 1, `${this.prefix}:nodes`, ...this.nodeArgs()).catch(() => undefined);
  }

  async change(delta: number): Promise<CountSnapshot> {
    this.local = Math.max(0, this.local + delta);
    const result = (await this.redis.eval(
      WRITE_AND_SUM,
      2,
      `${this.prefix}:nodes`,
      `${this.prefix}:version`,
      ...this.nodeArgs(),
    )) as [number, number];
    return { count: Number(result[0]), version: Number(result[1]) };
  }

  async current(): Promise<number> {
    return (await this.change(0)).count;
  }

  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    await this.redis.hdel(`${this.prefix}:nodes`, this.nodeId).catch(() => undefined);
    await this.redis.del(`${this.prefix}:alive:${this.nodeId}`).catch(() => undefined);
  }
}

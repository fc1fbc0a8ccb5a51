import type { Redis } from 'ioredis';
import type { KeyValueStore, MessageBus } from './kv.js';

/** INCRBY and the first EXPIRE in one step, so a crash between them can never leave a key immortal. */
const INCREMENT_WITH_TTL = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[2]) > 0 and redis.call('TTL', KEYS[1]) == -1 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return value`;

export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    return `${this.prefix}:kv:${key}`;
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.key(key));
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds === undefined) await this.redis.set(this.key(key), value);
    else await this.redis.set(this.key(key), value, 'EX', ttlSeconds);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(this.key(key), value, 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.key(key))) > 0;
  }

  async increment(key: string, ttlSeconds?: number, by = 1): Promise<number> {
    const result = await this.redis.eval(INCREMENT_WITH_TTL, 1, this.key(key), by, ttlSeconds ?? 0);
    return Number(result);
  }

  async ttl(key: string): Promise<number> {
    return this.redis.ttl(this.key(key));
  }

  async close(): Promise<void> {
    // The connection is owned by the caller (shared with the bus and the Socket.IO adapter).
  }
}

/** Pub/sub needs a dedicated subscriber connection; publishing uses the shared one. */
export class RedisMessageBus implements MessageBus {
  private readonly handlers = new Map<string, Array<(message: unknown) => void>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly onError: (error: unknown) => void,
  ) {
    subscriber.on('message', (prefixed: string, raw: string) => {
      const channel = prefixed.slice(prefix.length + 5);
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch (error) {
        this.onError(error);
        return;
      }
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(`${this.prefix}:bus:${channel}`, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: (message: unknown) => void): Promise<void> {
    const existing = this.handlers.get(channel);
    if (existing) {
      existing.push(handler);
      return;
    }
    this.handlers.set(channel, [handler]);
    await this.subscriber.subscribe(`${this.prefix}:bus:${channel}`);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

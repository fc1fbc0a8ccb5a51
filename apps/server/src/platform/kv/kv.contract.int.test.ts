import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_REDIS, startTestRedis, type TestRedis } from '../../../test/redis.js';
import type { KeyValueStore, MessageBus } from './kv.js';
import { MemoryMessageBus } from './memory-bus.js';
import { MemoryKeyValueStore } from './memory-kv.js';
import { RateLimiter } from './rate-limit.js';
import { RedisKeyValueStore, RedisMessageBus } from './redis-kv.js';

/**
 * One contract, every implementation: the memory store (single node) and the Redis store (scale-out)
 * must behave identically, because services are written against the interface.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

/** Subscribes a fresh handler on `channel`; `done` resolves once `count` messages have arrived. */
async function collect(bus: MessageBus, channel: string, count: number) {
  const received: unknown[] = [];
  let wake: () => void = () => undefined;
  await bus.subscribe(channel, (message) => {
    received.push(message);
    if (received.length >= count) wake();
  });
  const done = () =>
    new Promise<unknown[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length}/${count} messages`)), 2_000);
      wake = () => {
        clearTimeout(timer);
        resolve(received);
      };
      if (received.length >= count) wake();
    });
  return { received, done };
}

function keyValueContract(name: string, make: () => KeyValueStore) {
  describe(`${name} key-value contract`, () => {
    let kv: KeyValueStore;
    beforeAll(() => {
      kv = make();
    });
    afterAll(async () => {
      await kv?.close();
    });

    it('gets what was set, null for a missing key, and overwrites on set', async () => {
      const key = unique('k');
      expect(await kv.get(key)).toBeNull();
      await kv.set(key, 'one');
      expect(await kv.get(key)).toBe('one');
      await kv.set(key, 'two ✓ {"json":true}');
      expect(await kv.get(key)).toBe('two ✓ {"json":true}');
    });

    it('reports ttl: -2 for a missing key, -1 without expiry, the remaining seconds otherwise', async () => {
      const key = unique('ttl');
      expect(await kv.ttl(key)).toBe(-2);
      await kv.set(key, 'v');
      expect(await kv.ttl(key)).toBe(-1);
      await kv.set(key, 'v', 100);
      expect(await kv.ttl(key)).toBeGreaterThanOrEqual(99);
      expect(await kv.ttl(key)).toBeLessThanOrEqual(100);
    });

    it('expires keys after their TTL, whichever call created them', async () => {
      const [set, ifAbsent, counter, lasting] = [unique('s'), unique('a'), unique('c'), unique('l')];
      await kv.set(set, 'v', 1);
      await kv.setIfAbsent(ifAbsent, 'v', 1);
      await kv.increment(counter, 1);
      await kv.set(lasting, 'v', 60);
      expect(await kv.get(set)).toBe('v');
      await sleep(1_100);
      expect(await kv.get(set)).toBeNull();
      expect(await kv.ttl(set)).toBe(-2);
      expect(await kv.get(ifAbsent)).toBeNull();
      expect(await kv.get(counter)).toBeNull();
      expect(await kv.get(lasting)).toBe('v');
      // An expired key is absent: it can be claimed again and counting starts over.
      expect(await kv.setIfAbsent(ifAbsent, 'again', 60)).toBe(true);
      expect(await kv.increment(counter, 60)).toBe(1);
      expect(await kv.delete(set)).toBe(false);
    });

    it('lets exactly one of 10 concurrent setIfAbsent calls win, and keeps the winner’s value', async () => {
      const key = unique('nx');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => kv.setIfAbsent(key, `v${i}`, 60)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await kv.get(key)).toBe(`v${results.indexOf(true)}`);
      expect(await kv.ttl(key)).toBeGreaterThan(0);
    });

    it('reports whether delete removed something, so one of two racing deletes wins', async () => {
      const key = unique('del');
      expect(await kv.delete(key)).toBe(false);
      await kv.set(key, 'v');
      const results = await Promise.all([kv.delete(key), kv.delete(key)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await kv.get(key)).toBeNull();
    });

    it('increments atomically: 50 concurrent calls yield 1..50 exactly once each', async () => {
      const key = unique('inc');
      const values = await Promise.all(Array.from({ length: 50 }, () => kv.increment(key, 60)));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await kv.get(key)).toBe('50');
      expect(await kv.increment(key, 60, 5)).toBe(55);
      expect(await kv.increment(key, 60, -10)).toBe(45);
    });

    it('sets the increment TTL only when the key is created, so a window never slides', async () => {
      const key = unique('window');
      await kv.increment(key, 5);
      await kv.increment(key, 1_000);
      await kv.increment(key);
      expect(await kv.ttl(key)).toBeGreaterThan(0);
      expect(await kv.ttl(key)).toBeLessThanOrEqual(5);
      const forever = unique('forever');
      await kv.increment(forever);
      expect(await kv.ttl(forever)).toBe(-1);
    });

    it('backs a rate limiter that allows `limit` hits, then refuses with retryAfter within the window', async () => {
      const limiter = new RateLimiter(kv);
      const rule = { limit: 3, windowSeconds: 30 };
      const key = unique('rl');
      const results = [];
      for (let hit = 0; hit < 5; hit++) results.push(await limiter.hit(key, rule));
      expect(results.map((result) => result.allowed)).toEqual([true, true, true, false, false]);
      expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0, 0]);
      expect(results[0]?.retryAfter).toBe(0);
      for (const refused of results.slice(3)) {
        expect(refused.retryAfter).toBeGreaterThan(0);
        expect(refused.retryAfter).toBeLessThanOrEqual(30);
      }
      // Keys are independent.
      expect((await limiter.hit(unique('rl'), rule)).allowed).toBe(true);
    });

    it('holds a rate limit under concurrency: of 20 simultaneous hits exactly `limit` pass', async () => {
      const limiter = new RateLimiter(kv);
      const key = unique('rl-burst');
      const results = await Promise.all(
        Array.from({ length: 20 }, () => limiter.hit(key, { limit: 7, windowSeconds: 30 })),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(7);
    });
  });
}

function messageBusContract(name: string, make: () => Promise<MessageBus>) {
  describe(`${name} message bus contract`, () => {
    let bus: MessageBus;
    beforeAll(async () => {
      bus = await make();
    });
    afterAll(async () => {
      await bus?.close();
    });

    it('delivers a published message to a subscriber of that channel only', async () => {
      const channel = unique('ch');
      const received = await collect(bus, channel, 1);
      const elsewhere = await collect(bus, unique('other'), 1);
      await bus.publish(channel, { hello: 'world' });
      expect(await received.done()).toEqual([{ hello: 'world' }]);
      expect(elsewhere.received).toEqual([]);
    });

    it('delivers every message to every handler of a channel, in order', async () => {
      const channel = unique('fanout');
      const first = await collect(bus, channel, 3);
      const second = await collect(bus, channel, 3);
      for (const n of [1, 2, 3]) await bus.publish(channel, n);
      expect(await first.done()).toEqual([1, 2, 3]);
      expect(await second.done()).toEqual([1, 2, 3]);
    });

    it('round-trips JSON values unchanged', async () => {
      const channel = unique('json');
      const message = {
        text: 'گفتگو — "quoted" \\ back\nslash',
        number: -12.5,
        big: 2 ** 52,
        flag: false,
        nothing: null,
        list: [1, 'two', { three: [3] }],
        nested: { deep: { deeper: { deepest: true } } },
      };
      const received = await collect(bus, channel, 4);
      await bus.publish(channel, message);
      await bus.publish(channel, 'a bare string');
      await bus.publish(channel, 0);
      await bus.publish(channel, []);
      expect(await received.done()).toEqual([message, 'a bare string', 0, []]);
    });
  });
}

const redisUnavailable = HAS_REDIS ? '' : ' (skipped: set REDIS_URL or install redis-server)';

keyValueContract('MemoryKeyValueStore', () => new MemoryKeyValueStore());
messageBusContract('MemoryMessageBus', async () => new MemoryMessageBus());

describe.runIf(HAS_REDIS)(`Redis implementations${redisUnavailable}`, () => {
  const prefix = unique('kvtest');
  let redis: TestRedis | undefined;
  const connections: Redis[] = [];
  const connect = () => {
    if (!redis) throw new Error('redis not started');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: 3 });
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    const [cleaner] = connections;
    if (cleaner) {
      const keys = await cleaner.keys(`${prefix}*`);
      if (keys.length > 0) await cleaner.del(...keys);
    }
    for (const connection of connections) connection.disconnect();
    await redis?.stop();
  });

  keyValueContract('RedisKeyValueStore', () => new RedisKeyValueStore(connect(), prefix));
  messageBusContract(
    'RedisMessageBus',
    async () => new RedisMessageBus(connect(), connect(), prefix, () => undefined),
  );

  it('keeps every key under the deployment prefix', async () => {
    const kv = new RedisKeyValueStore(connect(), prefix);
    const key = unique('scoped');
    await kv.set(key, 'v', 60);
    const [raw] = connections;
    expect(await raw?.get(`${prefix}:kv:${key}`)).toBe('v');
    expect(await raw?.get(key)).toBeNull();
  });

  it('does not hear another prefix’s bus, and survives a message that is not JSON', async () => {
    const errors: unknown[] = [];
    const bus = new RedisMessageBus(connect(), connect(), prefix, (error) => errors.push(error));
    const neighbour = new RedisMessageBus(connect(), connect(), unique('neighbour'), () => undefined);
    const channel = unique('shared-name');
    const received = await collect(bus, channel, 1);
    await neighbour.publish(channel, 'not for you');
    await connections[0]?.publish(`${prefix}:bus:${channel}`, '{not json');
    await bus.publish(channel, 'for you');
    expect(await received.done()).toEqual(['for you']);
    expect(errors).toHaveLength(1);
  });
});

import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, uniqueName } from '../../test/harness.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from '../../test/redis.js';
import { type CountSnapshot, RedisOnlineCounter, type RedisOnlineCounterOptions } from './online-count.js';

describe.runIf(HAS_REDIS)(
  'RedisOnlineCounter on a real Redis (skipped: no redis-server or REDIS_URL)',
  () => {
    let testRedis: TestRedis | undefined;
    let redis: Redis;
    let prefix: string;
    let opened: RedisOnlineCounter[] = [];

    beforeAll(async () => {
      testRedis = await startTestRedis();
      if (!testRedis) throw new Error('redis unavailable');
      redis = new Redis(testRedis.url);
    });
    afterAll(async () => {
      await redis?.quit();
      await testRedis?.stop();
    });
    afterEach(async () => {
      for (const counter of opened) await counter.close();
      opened = [];
    });

    const node = (options: RedisOnlineCounterOptions = {}) => {
      const counter = new RedisOnlineCounter(redis, uniqueName('node-'), prefix, options);
      opened.push(counter);
      return counter;
    };
    const changes = async (counter: RedisOnlineCounter, ...deltas: number[]) => {
      const snapshots: CountSnapshot[] = [];
      for (const delta of deltas) snapshots.push(await counter.change(delta));
      return snapshots;
    };
    /**
     * What a Redis restart without persistence does to this deployment: every key is gone. Only this
     * test's keys are deleted (not FLUSHALL), so suites sharing a CI Redis through REDIS_URL are unharmed.
     */
    const loseEverything = async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    };

    it('sums the sockets of every node, with a version that only grows', async () => {
      prefix = uniqueName('count-');
      const [a, b] = [node(), node()];
      const snapshots = [
        ...(await changes(a, 1, 1, 1)),
        ...(await changes(b, 1, 1)),
        ...(await changes(a, -1)),
      ];
      expect(snapshots.map((snapshot) => snapshot.count)).toEqual([1, 2, 3, 4, 5, 4]);
      const versions = snapshots.map((snapshot) => snapshot.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect(new Set(versions).size).toBe(versions.length);
      expect(await b.current()).toBe(4);
    });

    it('restores the exact total at the next change after Redis lost everything, and keeps the version growing', async () => {
      prefix = uniqueName('count-');
      const [a, b] = [node(), node()];
      await changes(a, 1, 1, 1);
      const [before] = await changes(b, 1, 1);
      await loseEverything();

      // A decrement once drove a node's restored tally to -1, and the node stayed uncounted from then on.
      const [afterA] = await changes(a, -1);
      expect(afterA?.count).toBe(2);
      const [afterB] = await changes(b, 1);
      expect(afterB?.count).toBe(2 + 3);
      expect(afterA?.version).toBeGreaterThan(before?.version ?? Number.POSITIVE_INFINITY);
      expect(afterB?.version).toBeGreaterThan(afterA?.version ?? Number.POSITIVE_INFINITY);
    });

    it('restores the exact total at the next keep-alive after Redis lost everything', async () => {
      prefix = uniqueName('count-');
      const [a, b] = [node({ refreshMs: 50 }), node({ refreshMs: 50 })];
      // A node with no sockets, whose reads rewrite only its own zero.
      const observer = node();
      await changes(a, 1, 1, 1);
      await changes(b, 1, 1);
      await loseEverything();
      await eventually(async () => (await observer.current()) === 5, 'both nodes rewrote their counts');
    });

    it('leaves out a node whose liveness key expired, and counts it exactly again once it writes', async () => {
      prefix = uniqueName('count-');
      const survivor = node();
      // Refreshes far too rarely for its short TTL: a node that stopped without closing.
      const stalled = node({ aliveTtlMs: 200, refreshMs: 60_000 });
      await changes(survivor, 1, 1);
      await changes(stalled, 1, 1, 1);
      expect(await survivor.current()).toBe(5);
      await eventually(async () => (await survivor.current()) === 2, 'the stalled node dropped out');

      await changes(stalled, 1);
      expect(await survivor.current()).toBe(2 + 4);
    });
  },
);

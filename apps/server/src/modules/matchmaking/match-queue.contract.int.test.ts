import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../../../test/harness.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from '../../../test/redis.js';
import {
  type EnqueueOptions,
  identityOf,
  type MatchQueue,
  PAIRING_SCAN_LIMIT,
  type QueueEntry,
} from './match-queue.js';
import { MemoryMatchQueue } from './memory-match-queue.js';
import { RedisMatchQueue } from './redis-match-queue.js';

let counter = 0;
const entry = (socketId: string, interests: string[] = [], extra: Partial<QueueEntry> = {}): QueueEntry => ({
  entryId: `entry-${++counter}`,
  socketId,
  nodeId: 'node',
  identity: identityOf(null, socketId),
  profile: {
    userId: null,
    username: 'Anonymous',
    publicId: null,
    displayName: 'Anonymous',
    profilePicture: null,
  },
  interests,
  joinedAt: Date.now() + counter,
  excluded: [],
  ...extra,
});
const options = (relaxAfterMs = 5000): EnqueueOptions => ({
  now: Date.now() + counter,
  relaxAfterMs,
  matchId: `match-${++counter}`,
  resumeTokens: [`token-a-${counter}`, `token-b-${counter}`],
  maxActive: 0,
  entryTtlMs: 60_000,
});

/** The same behaviour from both queues: the Lua scripts must mean exactly what the in-memory code does. */
function queueContract(name: string, create: () => Promise<MatchQueue>) {
  describe(name, () => {
    let queue: MatchQueue;
    beforeAll(async () => {
      queue = await create();
    });

    it('queues the first socket and pairs the second, oldest as user 1', async () => {
      expect(await queue.enqueue(entry('a1'), options())).toEqual({
        kind: 'queued',
        position: 1,
        totalWaiting: 1,
      });
      const result = await queue.enqueue(entry('a2'), options());
      if (result.kind !== 'matched') throw new Error(`expected a match, got ${result.kind}`);
      expect(result.match).toMatchObject({
        a: { socketId: 'a1', disconnectedAt: 0 },
        b: { socketId: 'a2' },
        commonInterests: [],
      });
      expect(await queue.state('a1')).toEqual({
        state: 'matched',
        matchId: result.match.id,
        partnerSocketId: 'a2',
      });
      expect(await queue.enqueue(entry('a1'), options())).toMatchObject({
        kind: 'busy',
        state: { state: 'matched' },
      });
      expect(await queue.endMatch(result.match.id)).toMatchObject({ id: result.match.id });
      expect(await queue.endMatch(result.match.id)).toBeNull();
      expect(await queue.state('a2')).toEqual({ state: 'idle' });
    });

    it('remembers the partner just left and does not pair them again', async () => {
      await queue.enqueue(entry('b1'), options());
      const result = await queue.enqueue(entry('b2'), options());
      if (result.kind !== 'matched') throw new Error('expected a match');
      await queue.endMatch(result.match.id);
      await queue.enqueue(entry('b1'), options());
      expect(await queue.enqueue(entry('b2'), options())).toMatchObject({ kind: 'queued', totalWaiting: 2 });
      expect(await queue.dequeue('b1')).toMatchObject({ socketId: 'b1' });
      expect(await queue.dequeue('b2')).toMatchObject({ socketId: 'b2' });
      expect(await queue.dequeue('b2')).toBeNull();
    });

    it('prefers common interests and keeps interests through the round trip', async () => {
      await queue.enqueue(entry('c1', ['x']), options());
      await queue.enqueue(entry('c2', ['y', 'z']), options());
      const result = await queue.enqueue(entry('c3', ['z', 'y']), options());
      if (result.kind !== 'matched') throw new Error('expected a match');
      expect(result.match).toMatchObject({
        a: { socketId: 'c2', interests: ['y', 'z'] },
        commonInterests: ['z', 'y'],
        matchedByInterests: true,
      });
      await queue.endMatch(result.match.id);
      expect(await queue.waiting()).toEqual(['c1']);
      await queue.dequeue('c1');
    });

    it('retries a waiting entry after relaxing, and ignores a stale entry id', async () => {
      const first = entry('d1', ['p']);
      await queue.enqueue(first, options());
      await queue.enqueue(entry('d2', ['q']), options());
      expect(await queue.retry('d1', 'stale', { ...options(0) })).toBeNull();
      const match = await queue.retry('d1', first.entryId, { ...options(0) });
      expect(match).toMatchObject({
        matchedByInterests: false,
        a: { socketId: 'd1' },
        b: { socketId: 'd2' },
      });
      if (match) await queue.endMatch(match.id);
    });

    it('marks a disconnect, refuses a wrong user or a busy socket, then resumes', async () => {
      const user = (socketId: string, userId: string) =>
        entry(socketId, [], {
          identity: identityOf(userId, socketId),
          profile: {
            userId,
            username: userId,
            publicId: '1234567',
            displayName: userId,
            profilePicture: null,
          },
        });
      await queue.enqueue(user('e1', 'alice'), options());
      const result = await queue.enqueue(user('e2', 'bob'), options());
      if (result.kind !== 'matched') throw new Error('expected a match');
      const { id, a } = result.match;
      expect(await queue.endMatch(id, { resumeToken: a.resumeToken, disconnectedAt: 0 })).toBeNull();
      expect(await queue.markDisconnected(id, 'e1', 123)).toMatchObject({ a: { disconnectedAt: 123 } });
      expect(await queue.state('e1')).toEqual({ state: 'idle' });
      expect(await queue.resume(id, a.resumeToken, 'e3', 'mallory')).toEqual({ kind: 'not_found' });
      await queue.enqueue(entry('busy'), options());
      expect(await queue.resume(id, a.resumeToken, 'busy', 'alice')).toEqual({ kind: 'busy' });
      await queue.dequeue('busy');
      const resumed = await queue.resume(id, a.resumeToken, 'e3', 'alice');
      expect(resumed).toMatchObject({ kind: 'resumed', match: { a: { socketId: 'e3', disconnectedAt: 0 } } });
      expect(await queue.state('e2')).toEqual({ state: 'matched', matchId: id, partnerSocketId: 'e3' });
      expect(await queue.resume(id, a.resumeToken, 'e4', 'alice')).toEqual({ kind: 'not_found' });
      await queue.markDisconnected(id, 'e3', 5);
      // The grace timer of the first drop (at 123) must not end the second one.
      expect(await queue.endMatch(id, { resumeToken: a.resumeToken, disconnectedAt: 123 })).toBeNull();
      expect(await queue.endMatch(id, { resumeToken: a.resumeToken, disconnectedAt: 5 })).toMatchObject({
        id,
      });
    });

    it('refuses at capacity and reports what is running', async () => {
      await queue.enqueue(entry('f1'), options());
      await queue.enqueue(entry('f2'), options());
      expect(await queue.activeCount()).toBe(1);
      expect(await queue.enqueue(entry('f3'), { ...options(), maxActive: 1 })).toEqual({ kind: 'capacity' });
      const snapshot = await queue.inspect();
      expect(snapshot.matches).toHaveLength(1);
      expect(snapshot.waiting).toEqual([]);
      expect(Object.keys(snapshot.sockets).sort()).toEqual(['f1', 'f2']);
      const [match] = snapshot.matches;
      if (match) await queue.endMatch(match.id);
    });

    it('pairs exactly once under concurrent joins', async () => {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, index) => queue.enqueue(entry(`g${index}`), options())),
      );
      const matches = results.filter((result) => result.kind === 'matched');
      expect(matches).toHaveLength(20);
      const seen = new Set<string>();
      for (const result of matches) {
        if (result.kind !== 'matched') continue;
        for (const side of [result.match.a, result.match.b]) {
          expect(seen.has(side.socketId)).toBe(false);
          seen.add(side.socketId);
        }
        await queue.endMatch(result.match.id);
      }
    });

    it('looks past a crowd of incompatible entries to a compatible one behind them', async () => {
      const harasser = { identity: 'u:harasser', excluded: [] as string[] };
      const crowd = Array.from({ length: PAIRING_SCAN_LIMIT + 44 }, (_, index) => `crowd-${index}`);
      for (const socketId of crowd) {
        expect((await queue.enqueue(entry(socketId, [], harasser), options(0))).kind).toBe('queued');
      }
      const avoid = { excluded: ['u:harasser'] };
      expect((await queue.enqueue(entry('bystander', [], avoid), options(0))).kind).toBe('queued');
      const result = await queue.enqueue(entry('victim', [], avoid), options(0));
      if (result.kind !== 'matched') throw new Error(`expected a match, got ${result.kind}`);
      expect([result.match.a.socketId, result.match.b.socketId].sort()).toEqual(['bystander', 'victim']);
      await queue.endMatch(result.match.id);
      for (const socketId of crowd) await queue.dequeue(socketId);
    });

    it('gone: dequeues a waiting socket, marks a matched one away, and refuses it ever after', async () => {
      await queue.enqueue(entry('g-wait'), options());
      const dequeued = await queue.gone('g-wait', Date.now());
      expect(dequeued).toMatchObject({ kind: 'dequeued', entry: { socketId: 'g-wait' } });
      expect(await queue.state('g-wait')).toEqual({ state: 'idle' });
      expect(await queue.enqueue(entry('g-wait'), options())).toEqual({ kind: 'gone' });

      await queue.enqueue(entry('g-a'), options());
      const paired = await queue.enqueue(entry('g-b'), options());
      if (paired.kind !== 'matched') throw new Error(`expected a match, got ${paired.kind}`);
      const away = await queue.gone('g-b', 1234);
      expect(away).toMatchObject({
        kind: 'away',
        match: { id: paired.match.id, b: { disconnectedAt: 1234 } },
      });
      expect(await queue.state('g-b')).toEqual({ state: 'idle' });
      expect(await queue.gone('g-idle', Date.now())).toEqual({ kind: 'idle' });
      expect(await queue.enqueue(entry('g-idle'), options())).toEqual({ kind: 'gone' });
      // A gone socket cannot take a seat either.
      expect(await queue.resume(paired.match.id, paired.match.b.resumeToken, 'g-idle', null)).toEqual({
        kind: 'not_found',
      });
      await queue.endMatch(paired.match.id);
    });
  });
}

queueContract('MemoryMatchQueue', async () => new MemoryMatchQueue());

describe.runIf(HAS_REDIS)('with Redis', () => {
  let redis: TestRedis | undefined;
  let client: Redis | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });
  queueContract('RedisMatchQueue', async () => {
    client = new Redis(redis?.url ?? '');
    return new RedisMatchQueue(client, uniqueName('mmq-'));
  });

  it('forgets a waiting entry of a node that died, once its storage lifetime is over', async () => {
    const connection = new Redis(redis?.url ?? '');
    const queue = new RedisMatchQueue(connection, uniqueName('mmq-'));
    try {
      await queue.enqueue(entry('orphan'), { ...options(), entryTtlMs: 20 });
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await queue.enqueue(entry('alive'), options())).toEqual({
        kind: 'queued',
        position: 1,
        totalWaiting: 1,
      });
      expect(await queue.waiting()).toEqual(['alive']);
      expect(await queue.state('orphan')).toEqual({ state: 'idle' });
    } finally {
      connection.disconnect();
    }
  });
});

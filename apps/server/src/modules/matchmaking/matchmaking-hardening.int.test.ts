import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectAuthed,
  emitAck,
  eventually,
  expectApiError,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from '../../../test/redis.js';
import { anonymousPeer, nthEnded, nthFound, ok, pair } from './matchmaking.test-support.js';

/**
 * Regression tests for races in the live queue: a socket that is gone
 * must never come back as somebody's partner, whatever step races its disconnect, on one node or
 * with the Redis queue shared by several nodes.
 */
function hardening(name: string, redisUrl: () => string | undefined, shared = false) {
  describe(name, () => {
    let server: TestServer;
    beforeAll(async () => {
      const url = redisUrl();
      server = await startTestServer(url ? { env: { REDIS_URL: url } } : {});
      server.matchmaking.settings.update({ gracePeriodMs: 200 });
    });
    afterAll(async () => {
      await server.close();
    });

    const noMatches = async () => {
      await eventually(
        async () => (await server.matchmaking.queue.inspect()).matches.length === 0,
        'every match ended',
      );
    };

    it('never re-queues a partner whose socket closed between the skip and its re-queue', async () => {
      const a = await anonymousPeer(server);
      const b = await anonymousPeer(server);
      const { matchId } = await pair(a, b);
      // The skip's first step (end the match), then B's disconnect finds B idle, then the skip
      // re-queues B: exactly the interleaving that handed a dead socket to the next user.
      const queue = server.matchmaking.queue;
      expect(await queue.endMatch(matchId)).not.toBeNull();
      b.socket.disconnect();
      await eventually(async () => {
        await server.matchmaking.service.disconnect(b.id, 'transport close');
        return true;
      }, 'disconnect processed');
      await expect(
        server.matchmaking.service.join({ socketId: b.id, userId: null }, []),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await queue.waiting()).not.toContain(b.id);
      a.socket.disconnect();
    });

    it('a Next racing the partner closing the tab hands nobody a dead partner', async () => {
      for (let round = 0; round < 5; round++) {
        const a = await anonymousPeer(server);
        const b = await anonymousPeer(server);
        await pair(a, b);
        const skip = emitAck(a.socket, 'skip_partner', {});
        b.socket.disconnect();
        await skip;
        await ok(a.socket, 'end_chat', {}).catch(() => undefined);
        await emitAck(a.socket, 'leave_queue', undefined);
        const c = await anonymousPeer(server);
        await ok(c.socket, 'join_queue', {});
        await eventually(async () => !(await server.matchmaking.queue.waiting()).includes(b.id), 'B gone');
        expect(c.found.payloads.map((found) => found.partnerId)).not.toContain(b.id);
        a.socket.disconnect();
        c.socket.disconnect();
        await noMatches();
      }
    });

    it('a join racing a waiting socket’s disconnect never leaves a match with a dead seat', async () => {
      for (let round = 0; round < 10; round++) {
        const x = await anonymousPeer(server);
        await ok(x.socket, 'join_queue', {});
        const y = await anonymousPeer(server);
        x.socket.disconnect();
        await emitAck(y.socket, 'join_queue', {});
        if (y.found.payloads[0]?.partnerId === x.id) {
          // Paired before the disconnect landed: the dead seat is marked away and the match ends.
          expect(await nthEnded(y, 0)).toMatchObject({ reason: 'disconnected' });
        }
        y.socket.disconnect();
        await noMatches();
        await eventually(async () => (await server.matchmaking.queue.waiting()).length === 0, 'queue empty');
      }
    });

    it('Stop racing a pairing ends the new match instead of leaving it running', async () => {
      for (let round = 0; round < 5; round++) {
        const x = await anonymousPeer(server);
        const y = await anonymousPeer(server);
        await ok(x.socket, 'join_queue', {});
        const [stop] = await Promise.all([
          emitAck(x.socket, 'end_chat', {}),
          emitAck(y.socket, 'join_queue', {}),
        ]);
        expect(stop.success).toBe(true);
        await eventually(async () => (await server.matchmaking.queue.state(x.id)).state === 'idle', 'x idle');
        x.socket.disconnect();
        y.socket.disconnect();
        await noMatches();
      }
    });

    it('REST refuses a room name as the socket, so nobody can enqueue a pseudo-participant', async () => {
      const user = await server.signUp();
      const { socket: tab } = await connectAuthed(server, user.token);
      const found = recordEvents(tab, 'match_found');
      for (const socketId of [`user:${user.userId}`, 'admin', `${tab.id ?? ''}x`]) {
        await expectApiError(
          user.api.request('POST', '/api/match/join-queue', { socketId }),
          404,
          'NOT_FOUND',
        );
      }
      expect(await server.matchmaking.queue.waiting()).toEqual([]);
      // The real socket id still works.
      await user.api.request('POST', '/api/match/join-queue', { socketId: tab.id });
      expect(await server.matchmaking.queue.waiting()).toEqual([tab.id]);
      expect(found.payloads).toEqual([]);
      tab.disconnect();
      await eventually(async () => (await server.matchmaking.queue.waiting()).length === 0, 'queue empty');
    });

    it('undoes a pair whose database record fails, telling the waiting side', async () => {
      const a = await anonymousPeer(server);
      const b = await anonymousPeer(server);
      const timeouts = recordEvents(a.socket, 'queue_timeout');
      await ok(a.socket, 'join_queue', {});
      // A real failing INSERT into matches (as in a DB blip), from a trigger on this test's database.
      await server.db.query(`create or replace function mm_test_fail() returns trigger language plpgsql as
        $$ begin raise exception 'simulated database failure'; end $$`);
      await server.db.query(
        'create trigger mm_test_fail before insert on matches for each row execute function mm_test_fail()',
      );
      try {
        const ack = await emitAck(b.socket, 'join_queue', {});
        expect(ack.success).toBe(false);
      } finally {
        await server.db.query('drop trigger mm_test_fail on matches');
      }
      await timeouts.waitFor(() => true);
      expect(await server.matchmaking.queue.state(a.id)).toEqual({ state: 'idle' });
      expect(await server.matchmaking.queue.state(b.id)).toEqual({ state: 'idle' });
      expect(await server.matchmaking.queue.activeCount()).toBe(0);
      // Both may start again at once (with someone else: the undone pair counts as just met).
      expect(await ok(a.socket, 'join_queue', {})).toMatchObject({ status: 'queued' });
      const c = await anonymousPeer(server);
      await ok(c.socket, 'join_queue', {});
      expect((await nthFound(c, 0)).partnerId).toBe(a.id);
      c.socket.disconnect();
      a.socket.disconnect();
      b.socket.disconnect();
      await noMatches();
    });

    it.runIf(shared)('ends the seat of a crashed node: the partner is told and the match ends', async () => {
      const queue = server.matchmaking.queue;
      // A participant whose node died: its socket id is well formed, but no live node holds it.
      const ghost = 'G'.repeat(20);
      await queue.enqueue(
        {
          entryId: 'crashed-entry',
          socketId: ghost,
          nodeId: 'crashed-node',
          identity: `s:${ghost}`,
          profile: {
            userId: null,
            username: 'Anonymous',
            publicId: null,
            displayName: 'Anonymous',
            profilePicture: null,
          },
          interests: [],
          joinedAt: Date.now() - 1000,
          excluded: [],
        },
        {
          now: Date.now(),
          relaxAfterMs: 0,
          matchId: '00000000-0000-7000-8000-00000000f005',
          resumeTokens: ['t-a', 't-b'],
          maxActive: 0,
          entryTtlMs: 60_000,
        },
      );
      const survivor = await anonymousPeer(server);
      const away = recordEvents(survivor.socket, 'partner_disconnected');
      await ok(survivor.socket, 'join_queue', {});
      expect((await nthFound(survivor, 0)).partnerId).toBe(ghost);
      expect(await server.matchmaking.service.sweepDeadNodes()).toBe(1);
      // A second sweep (another node) finds nothing left to take.
      expect(await server.matchmaking.service.sweepDeadNodes()).toBe(0);
      await away.waitFor(() => true);
      expect(await nthEnded(survivor, 0)).toMatchObject({ reason: 'disconnected', partnerId: ghost });
      await noMatches();
      survivor.socket.disconnect();
    });

    it('tells a skipped partner it is not waiting when its re-queue is refused', async () => {
      const a = await anonymousPeer(server);
      const b = await anonymousPeer(server);
      await pair(a, b);
      const unavailable = recordEvents(b.socket, 'matchmaking_unavailable');
      server.matchmaking.settings.update({ allowAnonymous: false });
      try {
        await emitAck(a.socket, 'skip_partner', {});
        expect(await unavailable.waitFor(() => true)).toMatchObject({ reason: 'anonymous_disabled' });
      } finally {
        server.matchmaking.settings.update({ allowAnonymous: true });
      }
      a.socket.disconnect();
      b.socket.disconnect();
    });
  });
}

hardening('matchmaking hardening (memory queue)', () => undefined);

describe.runIf(HAS_REDIS)('with Redis', () => {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  hardening('matchmaking hardening (Redis queue)', () => redis?.url, true);
});

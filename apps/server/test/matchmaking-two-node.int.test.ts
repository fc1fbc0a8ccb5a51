import { ZJoinQueueResponse } from '@guftagu/contracts';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FuzzUser, runMatchmakingFuzz } from '../src/modules/matchmaking/matchmaking.fuzz.js';
import { RedisMatchQueue } from '../src/modules/matchmaking/redis-match-queue.js';
import { ensureDatabase } from '../src/platform/db/embedded.js';
import { call, emitAck, nextEvent, recordEvents, uniqueName, waitForConnect } from './harness.js';
import { type NodeProcess, startNodeProcess } from './node-process.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from './redis.js';

const GRACE_MS = 1000;
const STEPS = Number(process.env.MM_FUZZ_STEPS ?? 1500);

/**
 * Matchmaking across two real app processes sharing PostgreSQL and Redis: the queue is one Lua step
 * in Redis, so users on different nodes are paired, and signaling crosses nodes through the adapter.
 */
describe.runIf(HAS_REDIS)('matchmaking across two app nodes', () => {
  let redis: TestRedis | undefined;
  let nodes: NodeProcess[] = [];
  let inspector: Redis | undefined;
  let queue: RedisMatchQueue;
  const sockets: GuftaguSocket[] = [];

  const open = async (url: string, token?: string) => {
    const socket = connectSocket(url, token ? { token } : {});
    sockets.push(socket);
    if (token) await nextEvent(socket, 'authenticated');
    else await waitForConnect(socket);
    return socket;
  };
  const register = async (url: string) => {
    const api = new ApiClient({ baseUrl: url });
    const session = await api.register(
      uniqueName(),
      `${uniqueName('e')}@example.com`,
      'correct horse battery',
    );
    return { api, token: session.token, userId: session.user.id };
  };
  const ok = async (socket: GuftaguSocket, event: Parameters<typeof emitAck>[1], payload?: unknown) => {
    const ack = await emitAck(socket, event, payload as never);
    if (!ack.success) throw new Error(`${event}: ${ack.code} ${ack.error}`);
    return ack as Record<string, unknown>;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    if (!redis) throw new Error('redis unavailable');
    const database = uniqueName('mm_two_node_');
    const adminUrl = inject('pgAdminUrl');
    await ensureDatabase(adminUrl, database);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${database}`;
    const prefix = uniqueName('mm-');
    const shared = {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      JWT_SECRET: 'mm-two-node-jwt-secret-0123456789abcdef0123456789',
      OTP_SECRET: 'mm-two-node-otp-secret-0123456789abcdef0123456789',
      MATCH_GRACE_MS: String(GRACE_MS),
      MATCH_RELAX_AFTER_MS: '50',
      // Every client of the churn runs from one address: the per-address limits are not under test.
      MATCH_CHAT_RATE_LIMIT: '100000',
      MATCH_REPORT_RATE_LIMIT: '100000',
    };
    nodes = [await startNodeProcess(shared)];
    nodes.push(await startNodeProcess(shared));
    inspector = new Redis(redis.url);
    queue = new RedisMatchQueue(inspector, prefix);
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    inspector?.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await redis?.stop();
  });

  const [first, second] = [0, 1] as const;
  const url = (index: 0 | 1) => nodes[index]?.url ?? '';

  it('pairs users on different nodes and relays signaling and chat between them', async () => {
    const left = await open(url(first));
    const right = await open(url(second));
    const leftFound = nextEvent(left, 'match_found');
    const rightFound = nextEvent(right, 'match_found');
    await ok(left, 'join_queue', { interests: ['radio'] });
    await ok(right, 'join_queue', { interests: ['radio'] });
    const [toLeft, toRight] = await Promise.all([leftFound, rightFound]);
    expect(toLeft).toMatchObject({
      partnerId: right.id,
      commonInterests: ['radio'],
      matchedByInterests: true,
    });
    expect(toRight.partnerId).toBe(left.id);
    const offer = nextEvent(right, 'webrtc_offer');
    await ok(left, 'webrtc_offer', {
      to: right.id,
      matchId: toLeft.matchId,
      offer: { type: 'offer', sdp: 'v=0' },
    });
    expect(await offer).toMatchObject({ from: left.id, matchId: toLeft.matchId });
    const answer = nextEvent(left, 'webrtc_answer');
    await ok(right, 'webrtc_answer', {
      to: left.id,
      matchId: toLeft.matchId,
      answer: { type: 'answer', sdp: 'v=0' },
    });
    await answer;
    const chat = nextEvent(left, 'chat_message');
    await ok(right, 'chat_message', { to: left.id, message: 'hello from node 2' });
    expect((await chat).message).toBe('hello from node 2');
    const ended = recordEvents(right, 'match_ended');
    await ok(left, 'end_chat', {});
    await ended.waitFor((payload) => payload.endReason === 'partner_ended');
  });

  it('resumes a seat on the other node after a dropped connection', async () => {
    const stays = await open(url(first));
    const drops = await open(url(first));
    const found = nextEvent(drops, 'match_found');
    await ok(stays, 'join_queue', {});
    await ok(drops, 'join_queue', {});
    const seat = await found;
    const away = nextEvent(stays, 'partner_disconnected');
    drops.disconnect();
    await away;
    const back = await open(url(second));
    const reconnected = nextEvent(stays, 'partner_reconnected');
    await ok(back, 'resume_match', { resumeToken: seat.resumeToken });
    expect(await reconnected).toEqual({ matchId: seat.matchId, partnerId: back.id });
    const offer = nextEvent(back, 'webrtc_offer');
    await ok(stays, 'webrtc_offer', {
      to: back.id,
      matchId: seat.matchId,
      offer: { type: 'offer', sdp: 'v=0' },
    });
    await offer;
    await ok(stays, 'end_chat', {});
  });

  it('lets REST act on the caller’s socket held by another node, and nobody else’s', async () => {
    const alice = await register(url(first));
    const bob = await register(url(first));
    const aliceSocket = await open(url(second), alice.token);
    const joined = await call(alice.api, ZJoinQueueResponse, 'POST', '/api/match/join-queue', {
      socketId: aliceSocket.id,
    });
    expect(joined.status).toBe('queued');
    const refused = await bob.api
      .request('POST', '/api/match/leave-queue', { socketId: aliceSocket.id })
      .catch((error) => error);
    expect(refused).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await ok(aliceSocket, 'leave_queue');
  });

  it('keeps every invariant under random churn across both nodes', async () => {
    const users: FuzzUser[] = [];
    for (let index = 0; index < 5; index++) {
      const user = await register(url(index % 2 === 0 ? first : second));
      users.push({ token: user.token, userId: user.userId });
    }
    const { matchIds } = await runMatchmakingFuzz({
      seed: 7,
      steps: STEPS,
      clients: 50,
      urls: [url(first), url(second)],
      users,
      gracePeriodMs: GRACE_MS,
      inspect: () => queue.inspect(),
    });
    expect(matchIds.size).toBeGreaterThan(0);
  }, 600_000);
});

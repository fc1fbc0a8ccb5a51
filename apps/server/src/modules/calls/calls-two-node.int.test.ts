import { ZFriendRequestResponse, ZFriendResponse } from '@guftagu/contracts';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, emitAck, nextEvent, uniqueName } from '../../../test/harness.js';
import { type NodeProcess, startNodeProcess } from '../../../test/node-process.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from '../../../test/redis.js';
import { ensureDatabase } from '../../platform/db/embedded.js';

interface Member {
  api: ApiClient;
  token: string;
  userId: string;
  username: string;
}

/**
 * Calls between people on different app nodes (one PostgreSQL, one Redis): ringing, the one-answer
 * race and signaling cross nodes, and the missed-call sweep that runs on both nodes decides once.
 */
describe.runIf(HAS_REDIS)('calls across two app nodes', () => {
  let redis: TestRedis | undefined;
  const nodes: NodeProcess[] = [];
  const sockets: GuftaguSocket[] = [];
  let alice: Member;
  let bob: Member;

  const register = async (url: string): Promise<Member> => {
    const api = new ApiClient({ baseUrl: url });
    const username = uniqueName();
    const session = await api.register(username, `${uniqueName('e')}@example.com`, 'correct horse battery');
    return { api, token: session.token, userId: session.user.id, username };
  };
  const connect = async (url: string, member: Member) => {
    const socket = connectSocket(url, { token: member.token });
    sockets.push(socket);
    await nextEvent(socket, 'authenticated');
    return socket;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    if (!redis) throw new Error('redis unavailable');
    const database = uniqueName('calls_two_node_');
    const adminUrl = inject('pgAdminUrl');
    await ensureDatabase(adminUrl, database);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${database}`;
    const shared = {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: redis.url,
      REDIS_PREFIX: uniqueName('calls-'),
      JWT_SECRET: 'calls-two-node-jwt-secret-0123456789abcdef0123456789',
      OTP_SECRET: 'calls-two-node-otp-secret-0123456789abcdef0123456789',
      // Short enough that the missed-call test ends quickly; the answering tests answer at once.
      CALL_RING_TIMEOUT_MS: '1500',
      CALL_SWEEP_MS: '50',
    };
    nodes.push(await startNodeProcess(shared));
    nodes.push(await startNodeProcess(shared));
    const [node1, node2] = nodes as [NodeProcess, NodeProcess];
    alice = await register(node1.url);
    bob = await register(node2.url);
    const { request } = await call(alice.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: bob.username,
    });
    await call(bob.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: request.id });
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await redis?.stop();
  });

  it('rings a tab on each node, lets one answer win, and relays signals across nodes', async () => {
    const [node1, node2] = nodes as [NodeProcess, NodeProcess];
    const a = await connect(node1.url, alice);
    const bOnNode1 = await connect(node1.url, bob);
    const bOnNode2 = await connect(node2.url, bob);
    const rings = [nextEvent(bOnNode1, 'incoming_dm_call'), nextEvent(bOnNode2, 'incoming_dm_call')];
    const started = await emitAck(a, 'start_dm_call', { recipientId: bob.userId, isVideo: true });
    if (!started.success) throw new Error(started.code);
    const sessionId = String(started.sessionId);
    for (const ring of await Promise.all(rings)) expect(ring.sessionId).toBe(sessionId);

    const answers = await Promise.all([
      emitAck(bOnNode1, 'answer_dm_call', { sessionId }),
      emitAck(bOnNode2, 'answer_dm_call', { sessionId }),
    ]);
    expect(answers.filter((ack) => ack.success)).toHaveLength(1);
    const winner = answers[0]?.success ? bOnNode1 : bOnNode2;

    const relayed = nextEvent(winner, 'webrtc_signal');
    await emitAck(a, 'webrtc_signal', { sessionId, signalData: { type: 'offer', sdp: 'v=0' } });
    expect((await relayed).fromUserId).toBe(alice.userId);
    const ended = nextEvent(winner, 'dm_call_ended');
    await emitAck(a, 'end_dm_call', { sessionId });
    expect((await ended).outcome).toBe('completed');
  });

  it('makes an unanswered call missed once, though both nodes sweep', async () => {
    const [node1, node2] = nodes as [NodeProcess, NodeProcess];
    const a = await connect(node2.url, alice);
    const b = await connect(node1.url, bob);
    const endedForA = nextEvent(a, 'dm_call_ended', 10_000);
    const endedForB = nextEvent(b, 'dm_call_ended', 10_000);
    const started = await emitAck(a, 'start_dm_call', { recipientId: bob.userId, isVideo: false });
    if (!started.success) throw new Error(started.code);
    expect(await endedForA).toMatchObject({ sessionId: started.sessionId, outcome: 'missed' });
    expect((await endedForB).outcome).toBe('missed');
    // Free again on both nodes.
    const again = await emitAck(b, 'start_dm_call', { recipientId: alice.userId, isVideo: false });
    expect(again.success).toBe(true);
    if (again.success) await emitAck(b, 'end_dm_call', { sessionId: String(again.sessionId) });
  });
});

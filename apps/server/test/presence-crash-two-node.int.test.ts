import { ZFriendRequestResponse, ZFriendResponse, ZFriendsResponse } from '@guftagu/contracts';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '../src/platform/db/embedded.js';
import { call, nextEvent, uniqueName } from './harness.js';
import { type KillableNode, startKillableNode } from './killable-node.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from './redis.js';

interface Member {
  api: ApiClient;
  token: string;
  userId: string;
  username: string;
}

/**
 * A node killed with SIGKILL closes no socket, so its users never "disconnect". With Redis, the other
 * nodes' presence sweep finds them once the dead node's liveness key has expired: they are stored
 * offline and their friends are told, without anyone touching them. Users of the live node stay online.
 */
describe.runIf(HAS_REDIS)('presence after a node is killed', () => {
  let redis: TestRedis | undefined;
  let client: Redis;
  let db: pg.Pool;
  let prefix: string;
  let survivor: KillableNode;
  let doomed: KillableNode;
  const sockets: GuftaguSocket[] = [];

  const register = async (nodeUrl: string): Promise<Member> => {
    const api = new ApiClient({ baseUrl: nodeUrl });
    const username = uniqueName();
    const session = await api.register(username, `${uniqueName('e')}@example.com`, 'correct horse battery');
    return { api, token: session.token, userId: session.user.id, username };
  };
  const connect = async (nodeUrl: string, member: Member) => {
    // No reconnection: a client of the dead node must not reach the survivor and hide the crash.
    const socket = connectSocket(nodeUrl, { token: member.token, reconnection: false });
    sockets.push(socket);
    await nextEvent(socket, 'authenticated');
    return socket;
  };
  const isOnlineInDb = async (userId: string) =>
    (await db.query<{ is_online: boolean }>('select is_online from users where id = $1', [userId])).rows[0]
      ?.is_online;

  beforeAll(async () => {
    redis = await startTestRedis();
    if (!redis) throw new Error('redis unavailable');
    client = new Redis(redis.url);
    const database = uniqueName('presence_crash_');
    const adminUrl = inject('pgAdminUrl');
    await ensureDatabase(adminUrl, database);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${database}`;
    db = new pg.Pool({ connectionString: databaseUrl.toString(), max: 2 });
    prefix = uniqueName('presence-crash-');
    const shared = {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      JWT_SECRET: 'presence-crash-jwt-secret-0123456789abcdef0123456789',
      OTP_SECRET: 'presence-crash-otp-secret-0123456789abcdef0123456789',
    };
    survivor = await startKillableNode(shared);
    doomed = await startKillableNode(shared);
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([survivor?.stop(), doomed?.stop()]);
    client?.disconnect();
    await db?.end();
    await redis?.stop();
  });

  it("stores a killed node's users offline and tells their friends, and keeps the survivor's users online", async () => {
    const alice = await register(survivor.url);
    const bob = await register(doomed.url);
    const { request } = await call(alice.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: bob.username,
    });
    await call(bob.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: request.id });

    const aliceSocket = await connect(survivor.url, alice);
    const online = nextEvent(aliceSocket, 'friend_online');
    await connect(doomed.url, bob);
    expect((await online).friendId).toBe(bob.userId);
    expect(await isOnlineInDb(bob.userId)).toBe(true);

    // Which node holds Bob's socket, from the presence set's `nodeId|socketId` member.
    const [member] = await client.smembers(`${prefix}:presence:${bob.userId}`);
    const deadNodeId = member?.split('|')[0];
    expect(deadNodeId).toBeTruthy();

    const offline = nextEvent(aliceSocket, 'friend_offline', 20_000);
    await doomed.crash();
    // The liveness key would expire 30 s after the node's last refresh; drop it now instead of waiting.
    await client.del(`${prefix}:online:alive:${deadNodeId}`);

    expect(await offline).toMatchObject({ friendId: bob.userId, status: 'offline' });
    expect(await isOnlineInDb(bob.userId)).toBe(false);
    const { friends } = await call(alice.api, ZFriendsResponse, 'GET', '/api/friends');
    expect(friends.find((friend) => friend.userId === bob.userId)).toMatchObject({ isOnline: false });
    // Alice's node is alive: the sweep left her alone.
    expect(await isOnlineInDb(alice.userId)).toBe(true);
    expect(await client.exists(`${prefix}:presence:${bob.userId}`)).toBe(0);
  }, 60_000);
});

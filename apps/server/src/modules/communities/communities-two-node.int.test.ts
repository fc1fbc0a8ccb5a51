import { ZChannelResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createServer, join } from '../../../test/communities.js';
import {
  call,
  connectAuthed,
  emitAck,
  eventually,
  nextEvent,
  recordAllEvents,
  settle,
  startTestServer,
  type TestServer,
  uniqueName,
} from '../../../test/harness.js';
import { HAS_REDIS, startTestRedis, type TestRedis } from '../../../test/redis.js';
import { createPublisher } from '../../realtime/publisher.js';
import { channelRoom } from './access.js';

/** Two app nodes in this process sharing PostgreSQL and Redis: room changes made on one apply on the other. */
describe.runIf(HAS_REDIS)('communities across two nodes', () => {
  let redis: TestRedis | undefined;
  let nodeA: TestServer;
  let nodeB: TestServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    if (!redis) throw new Error('redis unavailable');
    const database = uniqueName('communities_two_');
    nodeA = await startTestServer({ database, env: { REDIS_URL: redis.url } });
    nodeB = await startTestServer({ database, env: { REDIS_URL: redis.url } });
  }, 90_000);
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await redis?.stop();
  });

  const roomUsers = async (room: string) =>
    new Set((await nodeA.io.in(room).fetchSockets()).map((socket) => socket.data.userId as string));

  it('moves a socket on node B in and out of a channel room when node A changes permissions', async () => {
    const owner = await nodeA.signUp();
    const member = await nodeB.signUp();
    const created = await createServer(owner);
    const everyone = created.roles[0];
    if (!everyone) throw new Error('no @everyone');
    await join(member, created.server.inviteCode);
    const { socket } = await connectAuthed(nodeB, member.token);
    const heard = recordAllEvents(socket);
    const secret = await createChannel(owner, created.server.id, { name: 'secret' });
    await eventually(
      async () => (await roomUsers(channelRoom(secret.id))).has(member.userId),
      'B joined the room',
    );

    // A room emit from node A reaches the socket on node B.
    const probe = nextEvent(socket, 'channels_reordered');
    createPublisher(nodeA.io).toRoom(channelRoom(secret.id), 'channels_reordered', {
      serverId: 'probe',
      channels: [],
    });
    expect((await probe).serverId).toBe('probe');

    const gone = nextEvent(socket, 'channel_deleted');
    await call(owner.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}/permissions/${everyone.id}`, {
      type: 'role',
      deny: ['VIEW_CHANNEL'],
    });
    expect((await gone).channelId).toBe(secret.id);
    await eventually(
      async () => !(await roomUsers(channelRoom(secret.id))).has(member.userId),
      'B left the room',
    );
    heard.clear();
    createPublisher(nodeA.io).toRoom(channelRoom(secret.id), 'channels_reordered', {
      serverId: 'probe2',
      channels: [],
    });
    await settle(socket);
    expect(heard.names()).toEqual([]);
  });

  it('delivers a channel message sent on node A to a member connected to node B, once', async () => {
    const owner = await nodeA.signUp();
    const member = await nodeB.signUp();
    const created = await createServer(owner);
    const general = created.channels.find((channel) => channel.type === 'text');
    if (!general) throw new Error('no text channel');
    await join(member, created.server.inviteCode);
    const onA = (await connectAuthed(nodeA, owner.token)).socket;
    const onB = (await connectAuthed(nodeB, member.token)).socket;
    const heard = recordAllEvents(onB);
    const arrived = nextEvent(onB, 'new_message');

    const ack = await emitAck(onA, 'send_message', { channelId: general.id, content: 'across nodes' });
    expect(ack.success).toBe(true);
    expect(await arrived).toMatchObject({ content: 'across nodes', channelId: general.id });
    await settle(onB);
    expect(heard.names().filter((name) => name === 'new_message')).toHaveLength(1);
  });
});

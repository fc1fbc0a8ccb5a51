import { ZFriendRequestResponse, ZFriendResponse, ZMessagesResponse } from '@guftagu/contracts';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startTwoNodeCluster } from './cluster.js';
import {
  type AnyEventRecorder,
  call,
  emitAck,
  nextEvent,
  recordAllEvents,
  recordEvents,
  settle,
  uniqueName,
} from './harness.js';
import { nonce, sendDm } from './messaging-helpers.js';
import type { NodeProcess } from './node-process.js';
import { HAS_REDIS } from './redis.js';

interface Member {
  api: ApiClient;
  token: string;
  userId: string;
  username: string;
}

/** Direct messages between users connected to different app nodes (PostgreSQL + Redis shared). */
describe.runIf(HAS_REDIS)('direct messages across two app nodes', () => {
  let cluster: Cluster | undefined;
  let node1: NodeProcess;
  let node2: NodeProcess;
  const sockets: GuftaguSocket[] = [];
  let alice: Member;
  let bob: Member;

  const register = async (nodeUrl: string): Promise<Member> => {
    const api = new ApiClient({ baseUrl: nodeUrl });
    const username = uniqueName();
    const session = await api.register(username, `${uniqueName('e')}@example.com`, 'correct horse battery');
    return { api, token: session.token, userId: session.user.id, username };
  };
  const connect = async (nodeUrl: string, member: Member) => {
    const socket = connectSocket(nodeUrl, { token: member.token });
    sockets.push(socket);
    await nextEvent(socket, 'authenticated');
    return socket;
  };

  beforeAll(async () => {
    cluster = await startTwoNodeCluster('dm_two_node');
    [node1, node2] = cluster.nodes;
    alice = await register(node1.url);
    bob = await register(node2.url);
    const { request } = await call(alice.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: bob.username,
    });
    await call(bob.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: request.id });
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.stop();
  });

  it('delivers messages, receipts and typing between nodes, to the two participants only', async () => {
    const aliceOn1 = await connect(node1.url, alice);
    const aliceOn2 = await connect(node2.url, alice);
    const bobOn2 = await connect(node2.url, bob);
    const bystander = await register(node1.url);
    const bystanderSocket = await connect(node1.url, bystander);
    const heardByBystander: AnyEventRecorder = recordAllEvents(bystanderSocket);

    const bobReceives = recordEvents(bobOn2, 'dm_receive');
    const echo = recordEvents(aliceOn2, 'dm_receive');
    const message = await sendDm(aliceOn1, bob, 'across nodes');
    await bobReceives.waitFor((payload) => payload.id === message.id);
    await echo.waitFor((payload) => payload.id === message.id);

    const delivered = recordEvents(aliceOn1, 'dm_delivered');
    const read = recordEvents(aliceOn1, 'dm_read');
    await emitAck(bobOn2, 'dm_mark_delivered', { messageIds: [message.id] });
    await delivered.waitFor((payload) => payload.messageId === message.id);
    await emitAck(bobOn2, 'dm_mark_read', { fromUserId: alice.userId });
    await read.waitFor((payload) => payload.messageIds.includes(message.id));

    const typing = nextEvent(aliceOn1, 'dm_typing_start');
    await emitAck(bobOn2, 'dm_typing_start', { to: alice.userId });
    expect((await typing).from.userId).toBe(bob.userId);

    await settle(bystanderSocket);
    expect(heardByBystander.names()).toEqual([]);
  });

  it('skips the notification when the recipient views the conversation on another node', async () => {
    const bobOn1 = await connect(node1.url, bob);
    await emitAck(bobOn1, 'dm_viewing', { userId: alice.userId });
    const notifications = recordEvents(bobOn1, 'notification_new');
    const aliceOn2 = await connect(node2.url, alice);
    await emitAck(aliceOn2, 'dm_send', { to: bob.userId, message: 'you are watching', nonce: nonce() });
    await emitAck(bobOn1, 'dm_viewing', { userId: null });
    await emitAck(aliceOn2, 'dm_send', { to: bob.userId, message: 'now you are not', nonce: nonce() });
    await notifications.waitFor((payload) => payload.content === 'now you are not');
    expect(notifications.payloads.map((payload) => payload.content)).toEqual(['now you are not']);
    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(history.messages[0]?.content).toBe('now you are not');
  });
});

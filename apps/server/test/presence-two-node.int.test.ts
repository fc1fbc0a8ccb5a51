import { ZFriendRequestResponse, ZFriendResponse, ZFriendsResponse } from '@guftagu/contracts';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startTwoNodeCluster } from './cluster.js';
import {
  type AnyEventRecorder,
  call,
  eventually,
  nextEvent,
  recordAllEvents,
  settle,
  uniqueName,
} from './harness.js';
import type { NodeProcess } from './node-process.js';
import { HAS_REDIS } from './redis.js';

interface Member {
  api: ApiClient;
  token: string;
  userId: string;
  username: string;
}

/** Presence is per user, not per socket or node: two real app processes sharing PostgreSQL and Redis. */
describe.runIf(HAS_REDIS)('presence across two app nodes', () => {
  let cluster: Cluster | undefined;
  let node1: NodeProcess;
  let node2: NodeProcess;
  const sockets: GuftaguSocket[] = [];
  let alice: Member;
  let bob: Member;
  let aliceSocket: GuftaguSocket;
  let aliceHeard: AnyEventRecorder;

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
  const onlineCount = async () =>
    ((await (await fetch(`${node1.url}/api/health`)).json()) as { onlineCount: number }).onlineCount;
  /** Closes a socket and waits until the cluster-wide count shows that its node has processed it. */
  const close = async (socket: GuftaguSocket) => {
    const before = await onlineCount();
    socket.disconnect();
    await eventually(async () => (await onlineCount()) < before, 'the disconnect was counted');
  };
  const bobSeenByAlice = async () =>
    (await call(alice.api, ZFriendsResponse, 'GET', '/api/friends')).friends.find(
      (friend) => friend.userId === bob.userId,
    );
  const aliceHeardNames = async () => {
    await settle(aliceSocket);
    return aliceHeard.names();
  };

  beforeAll(async () => {
    cluster = await startTwoNodeCluster('presence_two_node');
    [node1, node2] = cluster.nodes;

    // Alice signs up on node 1, Bob on node 2; the friendship is made across the nodes too.
    alice = await register(node1.url);
    bob = await register(node2.url);
    const { request } = await call(alice.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: bob.username,
    });
    await call(bob.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: request.id });

    aliceSocket = await connect(node1.url, alice);
    aliceHeard = recordAllEvents(aliceSocket);
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.stop();
  });

  it('keeps Bob online while his tab on either node stays open, and offline only after the last', async () => {
    const online = nextEvent(aliceSocket, 'friend_online');
    const bobOnNode1 = await connect(node1.url, bob);
    expect(await online).toMatchObject({ friendId: bob.userId, status: 'online' });
    const bobOnNode2 = await connect(node2.url, bob);

    await close(bobOnNode2);
    // Give a wrong "offline" every chance to arrive before concluding it does not.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await aliceHeardNames()).toEqual(['friend_online']);
    expect(await bobSeenByAlice()).toMatchObject({ isOnline: true, status: 'online' });

    const offline = nextEvent(aliceSocket, 'friend_offline');
    bobOnNode1.disconnect();
    expect(await offline).toMatchObject({ friendId: bob.userId, status: 'offline' });
    expect(await bobSeenByAlice()).toMatchObject({ isOnline: false, status: 'offline' });
    expect(await aliceHeardNames()).toEqual(['friend_online', 'friend_offline']);
  });

  it("announces Bob's presence on node 2 to Alice on node 1, whichever of his tabs closes first", async () => {
    aliceHeard.clear();
    const online = nextEvent(aliceSocket, 'friend_online');
    const bobOnNode2 = await connect(node2.url, bob);
    expect((await online).friendId).toBe(bob.userId);
    const bobOnNode1 = await connect(node1.url, bob);

    await close(bobOnNode1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await aliceHeardNames()).toEqual(['friend_online']);

    const offline = nextEvent(aliceSocket, 'friend_offline');
    bobOnNode2.disconnect();
    expect((await offline).friendId).toBe(bob.userId);
    expect(await aliceHeardNames()).toEqual(['friend_online', 'friend_offline']);
  });
});

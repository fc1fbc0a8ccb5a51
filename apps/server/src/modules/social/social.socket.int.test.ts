import {
  type TAck,
  ZErrorEnvelope,
  ZFriendRequest,
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZFriendsResponse,
} from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type AnyEventRecorder,
  befriend,
  call,
  connectAuthed,
  emitAck,
  eventually,
  nextEvent,
  recordAllEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
  waitForConnect,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Participant {
  user: SignedUp;
  socket: GuftaguSocket;
  heard: AnyEventRecorder;
}

/**
 * Alice and Bob, plus Carol: a friend of both, connected and recording everything, who must hear
 * nothing of what happens between the other two. Recording starts once every connection's own
 * presence announcements have landed.
 */
async function trio(
  prepare?: (alice: SignedUp) => Promise<unknown>,
): Promise<{ alice: Participant; bob: Participant; carol: Participant }> {
  const [alice, bob, carol] = await Promise.all([server.signUp(), server.signUp(), server.signUp()]);
  await prepare?.(alice);
  await befriend(carol, alice);
  await befriend(carol, bob);
  const participants = [];
  for (const user of [alice, bob, carol])
    participants.push({ user, ...(await connectAuthed(server, user.token)) });
  await Promise.all(participants.map(({ socket }) => settle(socket)));
  const [a, b, c] = participants.map(({ user, socket }) => ({
    user,
    socket,
    heard: recordAllEvents(socket),
  })) as [Participant, Participant, Participant];
  return { alice: a, bob: b, carol: c };
}

/** Waits until every participant has received everything sent so far, then returns what each heard. */
async function heardBy(...participants: Participant[]) {
  await Promise.all(participants.map(({ socket }) => settle(socket)));
  return participants.map(({ heard }) => heard.names());
}

function ok<S extends z.ZodType>(schema: S, ack: TAck): z.infer<S> {
  expect(ack.success, JSON.stringify(ack)).toBe(true);
  return schema.parse(ack);
}
function failed(ack: TAck) {
  return ZErrorEnvelope.parse(ack);
}

const ZRequestAck = z.object({ success: z.literal(true), request: ZFriendRequest });
const usernameOf = (user: SignedUp) => user.session.user.username ?? '';

async function sendByName(from: Participant, to: Participant) {
  return ok(
    ZFriendRequestResponse,
    await emitAck(from.socket, 'send_friend_request', { toUsername: usernameOf(to.user), message: 'hi' }),
  );
}

describe('sending a friend request over the socket', () => {
  it('reaches only the receiver: request, notification and unread count, all by contract', async () => {
    const { alice, bob, carol } = await trio((user) =>
      user.api.request('PUT', '/api/user/profile', { bio: 'I like chai', interests: ['Tea'] }),
    );
    const received = nextEvent(bob.socket, 'friend_request_received');
    const notified = nextEvent(bob.socket, 'notification_new');
    const counted = nextEvent(bob.socket, 'notification_count_update');

    const { request, autoAccepted } = await sendByName(alice, bob);
    expect(autoAccepted).toBe(false);
    expect(await received).toEqual({
      requestId: request.id,
      from: {
        userId: alice.user.userId,
        userId7Digit: alice.user.session.user.userId7Digit,
        username: usernameOf(alice.user),
        displayName: null,
        profilePicture: null,
        bio: 'I like chai',
        interests: ['tea'],
      },
      message: 'hi',
      sentAt: request.sentAt,
    });
    const notification = await notified;
    expect(notification).toMatchObject({
      type: 'friend_request',
      relatedId: request.id,
      relatedUserId: alice.user.userId,
      relatedUsername: usernameOf(alice.user),
      actionUrl: '/friends/requests',
      priority: 'high',
    });
    // Seed 000's optional `lastNotification` is the notification that raised the count.
    expect(await counted).toEqual({ unreadCount: 1, lastNotification: notification });
    expect(await heardBy(alice, bob, carol)).toEqual([
      [],
      ['friend_request_received', 'notification_new', 'notification_count_update'],
      [],
    ]);
  });

  it('names the target by user id or by 7-digit id as well', async () => {
    const { alice, bob, carol } = await trio();
    const byId = ok(
      ZFriendRequestResponse,
      await emitAck(alice.socket, 'send_friend_request', { toUserId: bob.user.userId }),
    );
    expect(byId.request.to.userId).toBe(bob.user.userId);
    ok(ZRequestAck, await emitAck(alice.socket, 'cancel_friend_request', { requestId: byId.request.id }));

    const by7 = ok(
      ZFriendRequestResponse,
      await emitAck(alice.socket, 'send_friend_request', {
        toUserId7Digit: bob.user.session.user.userId7Digit,
      }),
    );
    expect(by7.request.to.userId).toBe(bob.user.userId);
    expect((await heardBy(carol))[0]).toEqual([]);
  });

  it('answers bad requests in the ack with the same codes as REST', async () => {
    const { alice, bob, carol } = await trio();
    const noTarget = failed(await emitAck(alice.socket, 'send_friend_request', {}));
    expect(noTarget).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'toUserId' } });
    expect(
      failed(await emitAck(alice.socket, 'send_friend_request', { toUserId: alice.user.userId })).code,
    ).toBe('VALIDATION_ERROR');
    expect(
      failed(await emitAck(alice.socket, 'send_friend_request', { toUsername: 'nobody_here_x' })).code,
    ).toBe('NOT_FOUND');
    await sendByName(alice, bob);
    expect(
      failed(await emitAck(alice.socket, 'send_friend_request', { toUserId: bob.user.userId })).code,
    ).toBe('CONFLICT');
    // Carol is already a friend of both.
    expect(
      failed(await emitAck(alice.socket, 'send_friend_request', { toUserId: carol.user.userId })).code,
    ).toBe('CONFLICT');
    expect(
      failed(
        await emitAck(alice.socket, 'accept_friend_request', {
          requestId: '0190d0f2-0000-7000-8000-000000000000',
        }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(failed(await emitAck(alice.socket, 'unfriend', { friendId: bob.user.userId })).code).toBe(
      'NOT_FOUND',
    );
    expect(failed(await emitAck(alice.socket, 'block_user', { userId: 'nope' })).code).toBe(
      'VALIDATION_ERROR',
    );
    expect((await heardBy(carol))[0]).toEqual([]);
  });

  it("reaches every one of the receiver's tabs", async () => {
    const { alice, bob } = await trio();
    const secondTab = (await connectAuthed(server, bob.user.token)).socket;
    const inFirst = nextEvent(bob.socket, 'friend_request_received');
    const inSecond = nextEvent(secondTab, 'friend_request_received');
    const { request } = await sendByName(alice, bob);
    expect((await inFirst).requestId).toBe(request.id);
    expect((await inSecond).requestId).toBe(request.id);
  });
});

describe('answering a friend request over the socket', () => {
  it('accepting tells the sender, notifies them, and withdraws the receiver notification', async () => {
    const { alice, bob, carol } = await trio();
    const { request } = await sendByName(alice, bob);
    await heardBy(bob);
    bob.heard.clear();

    const accepted = nextEvent(alice.socket, 'friend_request_accepted');
    const notified = nextEvent(alice.socket, 'notification_new');
    const { friend } = ok(
      ZFriendResponse,
      await emitAck(bob.socket, 'accept_friend_request', { requestId: request.id }),
    );
    expect(friend).toMatchObject({ userId: alice.user.userId, isOnline: true, status: 'online' });
    expect(await accepted).toMatchObject({
      requestId: request.id,
      by: {
        userId: bob.user.userId,
        userId7Digit: bob.user.session.user.userId7Digit,
        username: usernameOf(bob.user),
      },
    });
    expect(await notified).toMatchObject({
      type: 'friend_accepted',
      relatedUserId: bob.user.userId,
      relatedId: request.id,
      actionUrl: `/profile/${usernameOf(bob.user)}`,
    });
    expect(await heardBy(alice, bob, carol)).toEqual([
      ['friend_request_accepted', 'notification_new', 'notification_count_update'],
      ['notification_count_update'],
      [],
    ]);
    expect(bob.heard.events[0]?.payload).toEqual({ unreadCount: 0 });
    const friends = await call(bob.user.api, ZFriendsResponse, 'GET', '/api/friends?sort=alphabetical');
    expect(friends.friends.map((entry) => entry.userId).sort()).toEqual(
      [alice.user.userId, carol.user.userId].sort(),
    );
  });

  it('rejecting tells only the sender; the receiver hears their own count drop', async () => {
    const { alice, bob, carol } = await trio();
    const { request } = await sendByName(alice, bob);
    await heardBy(bob);
    bob.heard.clear();

    const rejected = nextEvent(alice.socket, 'friend_request_rejected');
    const ack = ok(
      ZRequestAck,
      await emitAck(bob.socket, 'reject_friend_request', { requestId: request.id }),
    );
    expect(ack.request).toMatchObject({ id: request.id, status: 'rejected' });
    expect(await rejected).toMatchObject({
      requestId: request.id,
      by: { userId: bob.user.userId, username: usernameOf(bob.user) },
    });
    // The receiver's count update is a side effect published after the commit; through the Redis
    // adapter it can land after a socket round trip, so wait for it before comparing exact sets.
    await eventually(
      () => bob.heard.names().includes('notification_count_update'),
      "the receiver's count update",
    );
    expect(await heardBy(alice, bob, carol)).toEqual([
      ['friend_request_rejected'],
      ['notification_count_update'],
      [],
    ]);
  });

  it('cancelling tells only the receiver, whose notification is withdrawn', async () => {
    const { alice, bob, carol } = await trio();
    const { request } = await sendByName(alice, bob);
    await heardBy(bob);
    bob.heard.clear();

    const cancelled = nextEvent(bob.socket, 'friend_request_cancelled');
    const ack = ok(
      ZRequestAck,
      await emitAck(alice.socket, 'cancel_friend_request', { requestId: request.id }),
    );
    expect(ack.request).toMatchObject({ id: request.id, status: 'cancelled' });
    expect(await cancelled).toEqual({
      requestId: request.id,
      by: { userId: alice.user.userId, username: usernameOf(alice.user) },
    });
    expect(await heardBy(alice, bob, carol)).toEqual([
      [],
      ['friend_request_cancelled', 'notification_count_update'],
      [],
    ]);
    expect(bob.heard.events[1]?.payload).toEqual({ unreadCount: 0 });
  });

  it('refuses accept by the sender, reject by the sender and cancel by the receiver', async () => {
    const { alice, bob } = await trio();
    const { request } = await sendByName(alice, bob);
    const requestId = request.id;
    expect(failed(await emitAck(alice.socket, 'accept_friend_request', { requestId })).code).toBe(
      'NOT_FOUND',
    );
    expect(failed(await emitAck(alice.socket, 'reject_friend_request', { requestId })).code).toBe(
      'NOT_FOUND',
    );
    expect(failed(await emitAck(bob.socket, 'cancel_friend_request', { requestId })).code).toBe('NOT_FOUND');
  });

  it('auto-accepts a crossing request and tells the first sender it was accepted', async () => {
    const { alice, bob, carol } = await trio();
    const { request } = await sendByName(bob, alice);
    const accepted = nextEvent(bob.socket, 'friend_request_accepted');
    const crossing = ok(
      ZFriendRequestResponse,
      await emitAck(alice.socket, 'send_friend_request', { toUserId: bob.user.userId }),
    );
    expect(crossing).toMatchObject({ autoAccepted: true, request: { id: request.id, status: 'accepted' } });
    expect((await accepted).by.userId).toBe(alice.user.userId);
    expect((await heardBy(carol))[0]).toEqual([]);
  });
});

describe('unfriending and blocking over the socket', () => {
  it('unfriend tells only the former friend', async () => {
    const { alice, bob, carol } = await trio();
    await befriend(alice.user, bob.user);
    await heardBy(alice, bob);
    alice.heard.clear();
    bob.heard.clear();

    const unfriended = nextEvent(bob.socket, 'unfriended');
    expect(await emitAck(alice.socket, 'unfriend', { friendId: bob.user.userId })).toEqual({ success: true });
    expect(await unfriended).toMatchObject({
      by: { userId: alice.user.userId, username: usernameOf(alice.user) },
    });
    expect(await heardBy(alice, bob, carol)).toEqual([[], ['unfriended'], []]);
  });

  it('block_user tells only the blocked user; unblock_user tells nobody', async () => {
    const { alice, bob, carol } = await trio();
    const blocked = nextEvent(bob.socket, 'blocked_by_user');
    expect(await emitAck(alice.socket, 'block_user', { userId: bob.user.userId })).toEqual({ success: true });
    expect(await blocked).toEqual({ by: { userId: alice.user.userId, username: usernameOf(alice.user) } });
    expect(
      failed(await emitAck(bob.socket, 'send_friend_request', { toUserId: alice.user.userId })).code,
    ).toBe('BLOCKED');
    expect(await emitAck(alice.socket, 'unblock_user', { userId: bob.user.userId })).toEqual({
      success: true,
    });
    expect(failed(await emitAck(alice.socket, 'unblock_user', { userId: bob.user.userId })).code).toBe(
      'NOT_FOUND',
    );
    expect(await heardBy(alice, bob, carol)).toEqual([[], ['blocked_by_user'], []]);
  });
});

describe('reconnecting', () => {
  it('a receiver who was away hears of the request on reconnect, and events match a fresh fetch', async () => {
    const { alice, bob, carol } = await trio();
    carol.heard.clear();
    const gone = new Promise((resolve) => bob.socket.once('disconnect', resolve));
    bob.socket.disconnect();
    await gone;
    const missed = await sendByName(alice, bob);
    // Another request arrives and is withdrawn while Bob is away: it must not count as missed.
    const dave = await server.signUp();
    const withdrawn = await call(dave.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: usernameOf(bob.user),
    });
    await dave.api.request('POST', '/api/friends/cancel', { requestId: withdrawn.request.id });

    const reconnected = nextEvent(bob.socket, 'reconnected');
    bob.socket.connect();
    expect(await reconnected).toEqual({ missedNotifications: 1, missedMessages: 0 });
    // From here the client keeps its request list from events; it must agree with the server.
    const received = new Map(
      (await call(bob.user.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests')).received.map(
        (request) => [request.id, request.from.userId] as const,
      ),
    );
    expect([...received.keys()]).toEqual([missed.request.id]);
    const late = nextEvent(bob.socket, 'friend_request_received');
    const lateRequest = await call(
      (await server.signUp()).api,
      ZFriendRequestResponse,
      'POST',
      '/api/friends/request',
      { username: usernameOf(bob.user) },
    );
    const event = await late;
    received.set(event.requestId, event.from.userId);
    const fresh = await call(bob.user.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests');
    expect(new Map(fresh.received.map((request) => [request.id, request.from.userId] as const))).toEqual(
      received,
    );
    expect(lateRequest.request.id).toBe(event.requestId);
    // Carol, Bob's friend, saw him leave and come back, and nothing of his requests.
    expect((await heardBy(carol))[0]).toEqual(['friend_offline', 'friend_online']);
  });
});

describe('an unauthenticated socket', () => {
  it('gets UNAUTHORIZED in the ack for every friend event', async () => {
    const socket = server.socket();
    await waitForConnect(socket);
    const id = '0190d0f2-0000-7000-8000-000000000000';
    const acks = await Promise.all([
      emitAck(socket, 'send_friend_request', { toUsername: 'someone' }),
      emitAck(socket, 'accept_friend_request', { requestId: id }),
      emitAck(socket, 'reject_friend_request', { requestId: id }),
      emitAck(socket, 'cancel_friend_request', { requestId: id }),
      emitAck(socket, 'unfriend', { friendId: id }),
      emitAck(socket, 'block_user', { userId: id }),
      emitAck(socket, 'unblock_user', { userId: id }),
    ]);
    for (const ack of acks) expect(failed(ack).code).toBe('UNAUTHORIZED');
    socket.disconnect();
  });
});

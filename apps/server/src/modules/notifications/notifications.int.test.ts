import {
  type TNotification,
  ZErrorEnvelope,
  ZFriendRequestResponse,
  ZNotificationsResponse,
  ZUnreadCountResponse,
} from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  call,
  connectAuthed,
  emitAck,
  expectApiError,
  nextEvent,
  recordAllEvents,
  recordEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
  waitForConnect,
} from '../../../test/harness.js';
import { connectDatabase } from '../../platform/db/client.js';
import { createPublisher } from '../../realtime/publisher.js';
import { NotificationsService } from './notifications.service.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const usernameOf = (user: SignedUp) => user.session.user.username ?? '';
const sendRequest = (from: SignedUp, to: SignedUp) =>
  call(from.api, ZFriendRequestResponse, 'POST', '/api/friends/request', { username: usernameOf(to) }).then(
    (response) => response.request,
  );
const list = (user: SignedUp, query = '') =>
  call(user.api, ZNotificationsResponse, 'GET', `/api/notifications${query}`);
const markRead = (user: SignedUp, body: unknown) =>
  call(user.api, ZUnreadCountResponse, 'PUT', '/api/notifications/read', body).then((r) => r.unreadCount);
const remove = (user: SignedUp, path = '') =>
  call(user.api, ZUnreadCountResponse, 'DELETE', `/api/notifications${path}`).then((r) => r.unreadCount);

/** `count` different users each send `to` a friend request, one after another: oldest first. */
async function requestsFrom(to: SignedUp, count: number): Promise<Array<{ sender: SignedUp; id: string }>> {
  const senders = await Promise.all(Array.from({ length: count }, () => server.signUp()));
  const sent = [];
  for (const sender of senders) sent.push({ sender, id: (await sendRequest(sender, to)).id });
  return sent;
}

const ZUnreadAck = z.object({ success: z.literal(true), unreadCount: z.number().int() });

describe('notifications from friend requests', () => {
  it('notifies the receiver of a request and the sender of its acceptance, withdrawing the first', async () => {
    const [alice, bob] = await Promise.all([server.signUp(), server.signUp()]);
    await alice.api.request('PUT', '/api/user/profile', { displayName: 'Alice A.' });
    const request = await sendRequest(alice, bob);

    const inbox = await list(bob);
    expect(inbox).toMatchObject({ unreadCount: 1, nextCursor: null });
    expect(inbox.notifications).toEqual([
      {
        id: expect.any(String),
        type: 'friend_request',
        title: 'New friend request',
        content: 'Alice A. wants to be your friend.',
        relatedUserId: alice.userId,
        relatedUsername: usernameOf(alice),
        relatedUserId7Digit: alice.session.user.userId7Digit,
        relatedProfilePicture: null,
        relatedId: request.id,
        actionUrl: '/friends/requests',
        isRead: false,
        createdAt: expect.any(String),
      },
    ]);

    await bob.api.request('POST', '/api/friends/accept', { requestId: request.id });
    expect(await list(bob)).toMatchObject({ notifications: [], unreadCount: 0 });
    const sent = await list(alice);
    expect(sent.unreadCount).toBe(1);
    expect(sent.notifications[0]).toMatchObject({
      type: 'friend_accepted',
      relatedUserId: bob.userId,
      relatedId: request.id,
      actionUrl: `/profile/${usernameOf(bob)}`,
      isRead: false,
    });
  });

  it('withdraws the request notification when it is rejected or cancelled, dropping the count', async () => {
    const bob = await server.signUp();
    const [first, second, third] = (await requestsFrom(bob, 3)) as Array<{ sender: SignedUp; id: string }>;
    if (!first || !second || !third) throw new Error('three requests expected');
    expect((await list(bob)).unreadCount).toBe(3);
    await bob.api.request('POST', '/api/friends/accept', { requestId: first.id });
    expect((await list(bob)).unreadCount).toBe(2);
    await bob.api.request('POST', '/api/friends/reject', { requestId: second.id });
    expect((await list(bob)).unreadCount).toBe(1);
    await third.sender.api.request('POST', '/api/friends/cancel', { requestId: third.id });
    expect(await list(bob)).toMatchObject({ notifications: [], unreadCount: 0 });
  });
});

describe('listing notifications', () => {
  it('pages newest first with a cursor, and filters to unread', async () => {
    const user = await server.signUp();
    const requestIds = (await requestsFrom(user, 5)).map((sent) => sent.id);
    const newestFirst = [...requestIds].reverse();

    const seen: TNotification[] = [];
    let cursor: string | null = null;
    const pages: number[] = [];
    do {
      const page = await list(user, `?limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(page.unreadCount).toBe(5);
      pages.push(page.notifications.length);
      seen.push(...page.notifications);
      cursor = page.nextCursor;
      if (cursor) expect(cursor).toBe(page.notifications.at(-1)?.id);
    } while (cursor);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen.map((notification) => notification.relatedId)).toEqual(newestFirst);
    const times = seen.map((notification) => Date.parse(notification.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    await markRead(user, { notificationIds: [seen[0]?.id, seen[2]?.id] });
    const unread = await list(user, '?unreadOnly=true');
    expect(unread.notifications.map((notification) => notification.id)).toEqual(
      [seen[1], seen[3], seen[4]].map((notification) => notification?.id),
    );
    expect(unread.unreadCount).toBe(3);
    // An exact page leaves no cursor behind.
    expect((await list(user, '?limit=5')).nextCursor).toBeNull();
  });

  it('rejects a bad limit or cursor with 400, and an anonymous caller with 401', async () => {
    const user = await server.signUp();
    for (const query of ['?limit=0', '?limit=101', '?before=yesterday', '?unreadOnly=maybe']) {
      await expectApiError(list(user, query), 400, 'VALIDATION_ERROR');
    }
    await expectApiError(server.api().request('GET', '/api/notifications'), 401, 'UNAUTHORIZED');
  });

  it('hides notifications past their expiry, and the retention sweep deletes them', async () => {
    const user = await server.signUp();
    const expiredRequest = (await requestsFrom(user, 2))[0]?.id;
    await server.db.query(
      "UPDATE notifications SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND related_id = $2",
      [user.userId, expiredRequest],
    );
    const page = await list(user);
    expect(page.notifications).toHaveLength(1);
    expect(page.notifications[0]?.relatedId).not.toBe(expiredRequest);
    expect(page.unreadCount).toBe(1);

    const handle = connectDatabase(server.databaseUrl, 1);
    try {
      const sweeper = new NotificationsService(handle.db, createPublisher(server.io));
      expect(await sweeper.purgeExpired()).toBeGreaterThanOrEqual(1);
    } finally {
      await handle.close();
    }
    const { rows } = await server.db.query('SELECT related_id FROM notifications WHERE user_id = $1', [
      user.userId,
    ]);
    expect(rows).toHaveLength(1);
  });
});

describe('reading and deleting over REST', () => {
  it('marks some or all as read and reports the unread count; ids of others are ignored', async () => {
    const [user, other] = await Promise.all([server.signUp(), server.signUp()]);
    await requestsFrom(user, 3);
    await requestsFrom(other, 1);
    const mine = (await list(user)).notifications.map((notification) => notification.id);
    const theirs = (await list(other)).notifications.map((notification) => notification.id);

    expect(await markRead(user, { notificationIds: [mine[0], ...theirs] })).toBe(2);
    expect((await list(other)).unreadCount).toBe(1);
    expect((await list(user)).notifications.find((n) => n.id === mine[0])?.isRead).toBe(true);
    // Marking again is harmless.
    expect(await markRead(user, { notificationIds: [mine[0]] })).toBe(2);
    expect(await markRead(user, { all: true })).toBe(0);
    expect((await list(other)).unreadCount).toBe(1);
    await expectApiError(markRead(user, { notificationIds: [] }), 400, 'VALIDATION_ERROR');
    await expectApiError(markRead(user, { all: false }), 400, 'VALIDATION_ERROR');
  });

  it("deletes one or all, and answers someone else's notification with 404", async () => {
    const [user, other] = await Promise.all([server.signUp(), server.signUp()]);
    await requestsFrom(user, 3);
    await requestsFrom(other, 1);
    const [first] = (await list(user)).notifications;
    const [theirs] = (await list(other)).notifications;

    expect(await remove(user, `/${first?.id}`)).toBe(2);
    await expectApiError(remove(user, `/${first?.id}`), 404, 'NOT_FOUND');
    await expectApiError(remove(user, `/${theirs?.id}`), 404, 'NOT_FOUND');
    expect((await list(other)).notifications).toHaveLength(1);

    expect(await remove(user)).toBe(0);
    expect(await list(user)).toMatchObject({ notifications: [], unreadCount: 0, nextCursor: null });
    expect((await list(other)).unreadCount).toBe(1);
  });
});

describe('notifications over the socket', () => {
  async function twoTabsAndABystander() {
    const [user, bystander] = await Promise.all([server.signUp(), server.signUp()]);
    await requestsFrom(user, 3);
    await requestsFrom(bystander, 1);
    const first = (await connectAuthed(server, user.token)).socket;
    const second = (await connectAuthed(server, user.token)).socket;
    const other = (await connectAuthed(server, bystander.token)).socket;
    const heard = recordAllEvents(other);
    return { user, bystander, first, second, other, heard };
  }

  const counts = (socket: GuftaguSocket) => recordEvents(socket, 'notification_count_update');

  it('marks read, deletes and clears with acks, and every tab hears the new count', async () => {
    const { user, first, second, other, heard } = await twoTabsAndABystander();
    const ids = (await list(user)).notifications.map((notification) => notification.id);
    const firstCounts = counts(first);
    const secondCounts = counts(second);

    const read = ZUnreadAck.parse(
      await emitAck(first, 'notification_mark_read', { notificationIds: [ids[0] ?? ''] }),
    );
    expect(read.unreadCount).toBe(2);
    await secondCounts.waitFor((payload) => payload.unreadCount === 2);

    const deleted = ZUnreadAck.parse(
      await emitAck(second, 'notification_delete', { notificationId: ids[1] ?? '' }),
    );
    expect(deleted.unreadCount).toBe(1);
    await firstCounts.waitFor((payload) => payload.unreadCount === 1);

    const cleared = ZUnreadAck.parse(await emitAck(first, 'notification_clear_all', undefined));
    expect(cleared.unreadCount).toBe(0);
    await secondCounts.waitFor((payload) => payload.unreadCount === 0);
    await Promise.all([settle(first), settle(second), settle(other)]);
    expect(firstCounts.payloads.map((payload) => payload.unreadCount)).toEqual([2, 1, 0]);
    expect(secondCounts.payloads.map((payload) => payload.unreadCount)).toEqual([2, 1, 0]);
    expect(heard.events).toEqual([]);
    expect(await list(user)).toMatchObject({ notifications: [], unreadCount: 0 });
  });

  it("answers deleting an unknown or someone else's notification with NOT_FOUND in the ack", async () => {
    const { first, bystander } = await twoTabsAndABystander();
    const [theirs] = (await list(bystander)).notifications;
    const ack = ZErrorEnvelope.parse(
      await emitAck(first, 'notification_delete', { notificationId: theirs?.id ?? '' }),
    );
    expect(ack.code).toBe('NOT_FOUND');
    const invalid = ZErrorEnvelope.parse(
      await emitAck(first, 'notification_mark_read', { notificationIds: [] }),
    );
    expect(invalid.code).toBe('VALIDATION_ERROR');
  });

  it('pushes a new notification live with its count to every tab', async () => {
    const [user, sender] = await Promise.all([server.signUp(), server.signUp()]);
    const first = (await connectAuthed(server, user.token)).socket;
    const second = (await connectAuthed(server, user.token)).socket;
    const inFirst = nextEvent(first, 'notification_new');
    const inSecond = nextEvent(second, 'notification_count_update');
    const request = await sendRequest(sender, user);
    const pushed = await inFirst;
    expect(pushed).toMatchObject({ type: 'friend_request', relatedId: request.id, priority: 'high' });
    expect(await inSecond).toEqual({ unreadCount: 1, lastNotification: pushed });
    const [stored] = (await list(user)).notifications;
    expect(pushed.notificationId).toBe(stored?.id);
    expect(pushed.timestamp).toBe(stored?.createdAt);
  });

  it('refuses notification events from an unauthenticated socket', async () => {
    const socket = server.socket();
    await waitForConnect(socket);
    for (const ack of await Promise.all([
      emitAck(socket, 'notification_mark_read', {
        notificationIds: ['0190d0f2-0000-7000-8000-000000000000'],
      }),
      emitAck(socket, 'notification_delete', { notificationId: '0190d0f2-0000-7000-8000-000000000000' }),
      emitAck(socket, 'notification_clear_all', undefined),
    ])) {
      expect(ZErrorEnvelope.parse(ack).code).toBe('UNAUTHORIZED');
    }
    socket.disconnect();
  });
});

describe('reconnecting', () => {
  it('says `authenticated` with the unread count, and `reconnected` with what was missed', async () => {
    const [user, sender] = await Promise.all([server.signUp(), server.signUp()]);
    await requestsFrom(user, 1);
    const socket = server.socket(user.token);
    const reconnectedEvents = recordEvents(socket, 'reconnected');
    const hello = await nextEvent(socket, 'authenticated');
    expect(hello.unreadNotifications).toBe(1);

    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.disconnect();
    await gone;
    // Missed while away: one more request, and one read elsewhere.
    await sendRequest(sender, user);
    const [oldest] = (await list(user)).notifications.slice(-1);
    await markRead(user, { notificationIds: [oldest?.id] });

    const authenticated = nextEvent(socket, 'authenticated');
    const reconnected = nextEvent(socket, 'reconnected');
    socket.connect();
    expect((await authenticated).unreadNotifications).toBe(1);
    expect(await reconnected).toEqual({ missedNotifications: 1, missedMessages: 0 });
    // The state built from events equals a fresh fetch.
    expect((await list(user)).unreadCount).toBe(1);
    // The first connection was not a reconnect.
    expect(reconnectedEvents.payloads).toHaveLength(1);
  });
});

import {
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZFriendsResponse,
  ZMeResponse,
  ZOkResponse,
  ZUserSearchResponse,
} from '@guftagu/contracts';
import { ApiError } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  eventually,
  expectApiError,
  type SignedUp,
  startTestServer,
  type TestServer,
  uniqueName,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const usernameOf = (user: SignedUp) => user.session.user.username ?? '';
const sendRequest = (from: SignedUp, to: SignedUp, message?: string) =>
  call(from.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
    username: usernameOf(to),
    ...(message === undefined ? {} : { message }),
  });
const respond = (user: SignedUp, action: 'reject' | 'cancel', requestId: string) =>
  call(user.api, ZOkResponse, 'POST', `/api/friends/${action}`, { requestId });
const accept = (user: SignedUp, requestId: string) =>
  call(user.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId }).then((r) => r.friend);
const requestsOf = (user: SignedUp) =>
  call(user.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests');
const friendsOf = (user: SignedUp, query = '') =>
  call(user.api, ZFriendsResponse, 'GET', `/api/friends${query}`).then((r) => r.friends);
const friendsCount = async (user: SignedUp) =>
  (await call(user.api, ZMeResponse, 'GET', '/api/user/profile')).user.friendsCount;
const search = (user: SignedUp, q: string) =>
  call(user.api, ZUserSearchResponse, 'GET', `/api/friends/search?q=${encodeURIComponent(q)}`).then(
    (r) => r.users,
  );

/** friends_count of every given user next to the real number of friendship rows they have. */
async function countsInDatabase(ids: string[]): Promise<Array<{ stored: number; actual: number }>> {
  const { rows } = await server.db.query<{ id: string; stored: number; actual: string }>(
    `SELECT u.id, u.friends_count AS stored,
            (SELECT count(*) FROM friendships f WHERE f.user_id = u.id) AS actual
       FROM users u WHERE u.id = ANY($1::uuid[])`,
    [ids],
  );
  return ids.map((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    return { stored: row?.stored ?? -1, actual: Number(row?.actual ?? -1) };
  });
}
const pendingBetween = async (a: SignedUp, b: SignedUp) =>
  (
    await server.db.query(
      `SELECT id FROM friend_requests WHERE status = 'pending'
         AND ((sender_id = $1 AND receiver_id = $2) OR (sender_id = $2 AND receiver_id = $1))`,
      [a.userId, b.userId],
    )
  ).rowCount;

describe('sending a friend request', () => {
  it('sends by username with a message; both sides see it in their request lists', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const { request, autoAccepted } = await sendRequest(alice, bob, '  salaam!  ');
    expect(autoAccepted).toBe(false);
    expect(request).toMatchObject({
      status: 'pending',
      message: 'salaam!',
      from: { userId: alice.userId, username: usernameOf(alice) },
      to: { userId: bob.userId, username: usernameOf(bob), userId7Digit: bob.session.user.userId7Digit },
    });
    expect(await requestsOf(bob)).toEqual({ success: true, received: [request], sent: [] });
    expect(await requestsOf(alice)).toEqual({ success: true, received: [], sent: [request] });
  });

  it('sends by 7-digit id, and treats a username in another case as the same person', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const carol = await server.signUp();
    const byId = await call(alice.api, ZFriendRequestResponse, 'POST', '/api/friends/request-by-id', {
      userId: bob.session.user.userId7Digit,
    });
    expect(byId.request.to.userId).toBe(bob.userId);
    const byName = await call(alice.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: usernameOf(carol).toUpperCase(),
    });
    expect(byName.request.to.userId).toBe(carol.userId);
  });

  it('refuses a request to yourself with 400, by name or by id', async () => {
    const alice = await server.signUp();
    await expectApiError(sendRequest(alice, alice), 400, 'VALIDATION_ERROR');
    await expectApiError(
      alice.api.request('POST', '/api/friends/request-by-id', { userId: alice.session.user.userId7Digit }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('answers an unknown user with 404 and a malformed body with 400', async () => {
    const alice = await server.signUp();
    await expectApiError(
      alice.api.request('POST', '/api/friends/request', { username: uniqueName('ghost') }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      alice.api.request('POST', '/api/friends/request-by-id', { userId: '0000001' }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      alice.api.request('POST', '/api/friends/request', { username: 'x', message: 'm'.repeat(201) }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('refuses a duplicate pending request with 409 CONFLICT, and a request to a friend too', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const { request } = await sendRequest(alice, bob);
    await expectApiError(sendRequest(alice, bob), 409, 'CONFLICT');
    await accept(bob, request.id);
    await expectApiError(sendRequest(alice, bob), 409, 'CONFLICT');
    await expectApiError(sendRequest(bob, alice), 409, 'CONFLICT');
  });

  it('makes exactly one request of two simultaneous clicks', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const results = await Promise.allSettled([sendRequest(alice, bob), sendRequest(alice, bob)]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(ApiError);
    expect((rejected[0] as ApiError).code).toBe('CONFLICT');
    expect(await pendingBetween(alice, bob)).toBe(1);
    expect((await requestsOf(bob)).received).toHaveLength(1);
  });

  it('accepts automatically when the other person had already asked you', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const first = await sendRequest(bob, alice);
    const crossing = await sendRequest(alice, bob);
    expect(crossing.autoAccepted).toBe(true);
    expect(crossing.request).toMatchObject({ id: first.request.id, status: 'accepted' });
    expect(await friendsCount(alice)).toBe(1);
    expect(await friendsCount(bob)).toBe(1);
    expect((await friendsOf(alice)).map((friend) => friend.userId)).toEqual([bob.userId]);
    expect((await friendsOf(bob)).map((friend) => friend.userId)).toEqual([alice.userId]);
    expect(await requestsOf(alice)).toMatchObject({ received: [], sent: [] });
  });

  it('makes two people friends exactly once when they ask each other at the same moment', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const [ab, ba] = await Promise.all([sendRequest(alice, bob), sendRequest(bob, alice)]);
    expect([ab.autoAccepted, ba.autoAccepted].sort()).toEqual([false, true]);
    expect(await pendingBetween(alice, bob)).toBe(0);
    expect(await countsInDatabase([alice.userId, bob.userId])).toEqual([
      { stored: 1, actual: 1 },
      { stored: 1, actual: 1 },
    ]);
  });

  it('refuses with 409 a request that waited for the locks while the two became friends', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    // The window is between the unlocked checks and the locks. The test holds it open: it takes both
    // users' rows itself, makes the two friends the way an accept does, and commits only once the
    // request is waiting behind it.
    const accepting = await server.db.connect();
    try {
      await accepting.query('BEGIN');
      await accepting.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
        [alice.userId, bob.userId],
      ]);
      const sending = sendRequest(alice, bob);
      sending.catch(() => undefined);
      await eventually(async () => {
        const { rows } = await server.db.query<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return Number(rows[0]?.waiting) > 0;
      }, 'the request waits for the users’ locks');
      await accepting.query('INSERT INTO friendships (user_id, friend_id) VALUES ($1, $2), ($2, $1)', [
        alice.userId,
        bob.userId,
      ]);
      await accepting.query('UPDATE users SET friends_count = friends_count + 1 WHERE id = ANY($1::uuid[])', [
        [alice.userId, bob.userId],
      ]);
      await accepting.query('COMMIT');
      await expectApiError(sending, 409, 'CONFLICT');
    } finally {
      accepting.release();
    }
    expect(await pendingBetween(alice, bob)).toBe(0);
  });

  it('leaves no pending request between two people when one accepts and clicks "Add friend" at once', async () => {
    for (let round = 0; round < 6; round++) {
      const alice = await server.signUp();
      const bob = await server.signUp();
      const { request } = await sendRequest(bob, alice);
      const [accepted, sent] = await Promise.allSettled([accept(alice, request.id), sendRequest(alice, bob)]);
      // Either click may make the friendship; the other says why it had nothing left to do.
      const codeOf = (result: PromiseSettledResult<unknown>) =>
        result.status === 'rejected' ? (result.reason as ApiError).code : 'ok';
      expect(['ok', 'NOT_FOUND']).toContain(codeOf(accepted));
      expect(['ok', 'CONFLICT']).toContain(codeOf(sent));
      expect([codeOf(accepted), codeOf(sent)]).toContain('ok');
      if (sent.status === 'fulfilled') expect(sent.value.autoAccepted).toBe(true);
      expect(await pendingBetween(alice, bob)).toBe(0);
      expect(await countsInDatabase([alice.userId, bob.userId])).toEqual([
        { stored: 1, actual: 1 },
        { stored: 1, actual: 1 },
      ]);
    }
  });

  it("refuses with 403 REQUESTS_DISABLED when the target's privacy says nobody", async () => {
    const alice = await server.signUp();
    const shy = await server.signUp();
    await shy.api.request('PUT', '/api/user/profile', { privacy: { allowFriendRequests: 'nobody' } });
    await expectApiError(sendRequest(alice, shy), 403, 'REQUESTS_DISABLED');
    await expectApiError(
      alice.api.request('POST', '/api/friends/request-by-id', { userId: shy.session.user.userId7Digit }),
      403,
      'REQUESTS_DISABLED',
    );
    // The shy user may still ask others.
    expect((await sendRequest(shy, alice)).autoAccepted).toBe(false);
  });
});

describe('answering a friend request', () => {
  async function pending() {
    const sender = await server.signUp();
    const receiver = await server.signUp();
    const { request } = await sendRequest(sender, receiver);
    return { sender, receiver, request };
  }

  it('accepting makes both friends with a count of one each and returns the new friend', async () => {
    const { sender, receiver, request } = await pending();
    const friend = await accept(receiver, request.id);
    expect(friend).toMatchObject({ userId: sender.userId, username: usernameOf(sender), isOnline: false });
    expect(await friendsCount(sender)).toBe(1);
    expect(await friendsCount(receiver)).toBe(1);
    expect(await requestsOf(receiver)).toMatchObject({ received: [], sent: [] });
    expect(await requestsOf(sender)).toMatchObject({ received: [], sent: [] });
    // A second accept finds nothing pending.
    await expectApiError(accept(receiver, request.id), 404, 'NOT_FOUND');
  });

  it('rejecting and cancelling close the request for both sides without a friendship', async () => {
    const rejected = await pending();
    await respond(rejected.receiver, 'reject', rejected.request.id);
    expect(await requestsOf(rejected.sender)).toMatchObject({ received: [], sent: [] });
    expect(await friendsCount(rejected.sender)).toBe(0);
    // After a rejection the sender may ask again.
    expect((await sendRequest(rejected.sender, rejected.receiver)).autoAccepted).toBe(false);

    const cancelled = await pending();
    await respond(cancelled.sender, 'cancel', cancelled.request.id);
    expect(await requestsOf(cancelled.receiver)).toMatchObject({ received: [], sent: [] });
    await expectApiError(accept(cancelled.receiver, cancelled.request.id), 404, 'NOT_FOUND');
  });

  it('treats a request as not found for anyone but the side allowed to act on it', async () => {
    const { sender, receiver, request } = await pending();
    const stranger = await server.signUp();
    await expectApiError(accept(stranger, request.id), 404, 'NOT_FOUND');
    await expectApiError(accept(sender, request.id), 404, 'NOT_FOUND');
    await expectApiError(respond(receiver, 'cancel', request.id), 404, 'NOT_FOUND');
    await expectApiError(respond(sender, 'reject', request.id), 404, 'NOT_FOUND');
    await expectApiError(respond(stranger, 'reject', request.id), 404, 'NOT_FOUND');
    await expectApiError(accept(receiver, '0190d0f2-0000-7000-8000-000000000000'), 404, 'NOT_FOUND');
    await expectApiError(
      receiver.api.request('POST', '/api/friends/accept', { requestId: 'nope' }),
      400,
      'VALIDATION_ERROR',
    );
    // Still pending and acceptable by the receiver.
    expect((await requestsOf(receiver)).received.map((r) => r.id)).toEqual([request.id]);
    await accept(receiver, request.id);
  });
});

describe('unfriending', () => {
  it('removes the friendship for both and decrements both counts', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await befriend(alice, bob);
    await call(alice.api, ZOkResponse, 'DELETE', `/api/friends/${bob.userId}`);
    expect(await friendsOf(alice)).toEqual([]);
    expect(await friendsOf(bob)).toEqual([]);
    expect(await countsInDatabase([alice.userId, bob.userId])).toEqual([
      { stored: 0, actual: 0 },
      { stored: 0, actual: 0 },
    ]);
    await expectApiError(alice.api.request('DELETE', `/api/friends/${bob.userId}`), 404, 'NOT_FOUND');
  });

  it('answers unfriending someone who is not a friend with 404', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await expectApiError(alice.api.request('DELETE', `/api/friends/${bob.userId}`), 404, 'NOT_FOUND');
    await expectApiError(alice.api.request('DELETE', '/api/friends/not-a-uuid'), 400, 'VALIDATION_ERROR');
    expect(await friendsCount(alice)).toBe(0);
  });
});

describe('listing friends', () => {
  it('sorts alphabetically, by recently added and by recent activity, and filters by q', async () => {
    const me = await server.signUp();
    const tag = uniqueName('').slice(0, 6);
    const names = [`zed_${tag}`, `amy_${tag}`, `Max_${tag}`];
    const [zed, amy, max] = await Promise.all(names.map((username) => server.signUp({ username })));
    if (!zed || !amy || !max) throw new Error('sign-up failed');
    await max.api.request('PUT', '/api/user/profile', { displayName: 'Maximilian Roe' });
    for (const friend of [zed, amy, max]) await befriend(friend, me);
    // Make the order of friendship and of activity explicit.
    await server.db.query(
      `UPDATE friendships SET friends_since = now() - make_interval(mins => $3)
        WHERE (user_id = $1 AND friend_id = $2)`,
      [me.userId, zed.userId, 30],
    );
    await server.db.query(
      `UPDATE friendships SET friends_since = now() - make_interval(mins => $3)
        WHERE (user_id = $1 AND friend_id = $2)`,
      [me.userId, amy.userId, 20],
    );
    await server.db.query(
      `UPDATE friendships SET friends_since = now() - make_interval(mins => $3)
        WHERE (user_id = $1 AND friend_id = $2)`,
      [me.userId, max.userId, 10],
    );
    await server.db.query(
      `UPDATE users SET last_active = now() - make_interval(mins => (ARRAY[5, 50, 500])[array_position($1::uuid[], id)])
        WHERE id = ANY($1::uuid[])`,
      [[amy.userId, max.userId, zed.userId]],
    );
    const ids = (friends: Array<{ userId: string }>) => friends.map((friend) => friend.userId);

    expect(ids(await friendsOf(me, '?sort=alphabetical'))).toEqual([amy.userId, max.userId, zed.userId]);
    expect(ids(await friendsOf(me, '?sort=recently_added'))).toEqual([max.userId, amy.userId, zed.userId]);
    expect(ids(await friendsOf(me, '?sort=recent_activity'))).toEqual([amy.userId, max.userId, zed.userId]);
    // Online friends come first in recent activity, however old their last activity is.
    await connectAuthed(server, zed.token);
    await server.db.query("UPDATE users SET last_active = now() - interval '1 day' WHERE id = $1", [
      zed.userId,
    ]);
    expect(ids(await friendsOf(me))).toEqual([zed.userId, amy.userId, max.userId]);
    expect((await friendsOf(me)).find((friend) => friend.userId === zed.userId)).toMatchObject({
      isOnline: true,
      status: 'online',
    });

    expect(ids(await friendsOf(me, `?q=AMY_${tag}`))).toEqual([amy.userId]);
    expect(ids(await friendsOf(me, '?q=maximilian'))).toEqual([max.userId]);
    expect(await friendsOf(me, '?q=nobody_like_this')).toEqual([]);
    await expectApiError(me.api.request('GET', '/api/friends?sort=random'), 400, 'VALIDATION_ERROR');
  });
});

describe('searching for people', () => {
  it('finds by username prefix in any case, never yourself nor either side of a block', async () => {
    const tag = uniqueName('s').slice(0, 8);
    const me = await server.signUp({ username: `${tag}_me` });
    const friend = await server.signUp({ username: `${tag}_friend` });
    const stranger = await server.signUp({ username: `${tag}_stranger` });
    const blockedByMe = await server.signUp({ username: `${tag}_blocked` });
    const blocksMe = await server.signUp({ username: `${tag}_blocker` });
    await server.signUp({ username: `x${tag}_notprefix` });
    await befriend(me, friend);
    const { request } = await sendRequest(stranger, me);
    await me.api.request('POST', `/api/users/${blockedByMe.userId}/block`);
    await blocksMe.api.request('POST', `/api/users/${me.userId}/block`);

    const found = await search(me, tag.toUpperCase());
    expect(found.map((user) => [user.username, user.relationship]).sort()).toEqual(
      [
        [usernameOf(friend), 'friends'],
        [usernameOf(stranger), 'request_received'],
      ].sort(),
    );
    expect(request.from.userId).toBe(stranger.userId);
    // The blocked user does not find me either.
    expect((await search(blockedByMe, tag)).map((user) => user.userId)).not.toContain(me.userId);
    expect((await search(blocksMe, tag)).map((user) => user.userId)).not.toContain(me.userId);
    await expectApiError(me.api.request('GET', '/api/friends/search?q='), 400, 'VALIDATION_ERROR');
  });

  it('treats LIKE wildcards in the query literally', async () => {
    const me = await server.signUp();
    await server.signUp();
    expect(await search(me, '%')).toEqual([]);
    expect(await search(me, '_')).toEqual([]);
  });
});

describe('the friend limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ env: { MAX_FRIENDS_PER_USER: '2' } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses the accept that would exceed MAX_FRIENDS_PER_USER with 409 FRIEND_LIMIT_REACHED', async () => {
    const popular = await limited.signUp();
    const fans = await Promise.all([limited.signUp(), limited.signUp(), limited.signUp()]);
    const requests = [];
    for (const fan of fans) {
      const { request } = await call(fan.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
        username: usernameOf(popular),
      });
      requests.push(request.id);
    }
    const [first, second, third] = requests as [string, string, string];
    await call(popular.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: first });
    await call(popular.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: second });
    await expectApiError(
      popular.api.request('POST', '/api/friends/accept', { requestId: third }),
      409,
      'FRIEND_LIMIT_REACHED',
    );
    const me = await call(popular.api, ZMeResponse, 'GET', '/api/user/profile');
    expect(me.user.friendsCount).toBe(2);
    // The refused request stays pending, and a full user cannot send new ones either.
    expect(
      (await call(popular.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests')).received,
    ).toHaveLength(1);
    const newcomer = await limited.signUp();
    await expectApiError(
      popular.api.request('POST', '/api/friends/request', { username: usernameOf(newcomer) }),
      409,
      'FRIEND_LIMIT_REACHED',
    );
  });
});

describe('friend counts under concurrency', () => {
  it('counts six requests accepted all at once as exactly six friends', async () => {
    const star = await server.signUp();
    const fans = await Promise.all(Array.from({ length: 6 }, () => server.signUp()));
    const sent = await Promise.all(fans.map((fan) => sendRequest(fan, star)));
    await Promise.all(sent.map(({ request }) => accept(star, request.id)));
    expect(await friendsCount(star)).toBe(6);
    expect(await countsInDatabase([star.userId, ...fans.map((fan) => fan.userId)])).toEqual([
      { stored: 6, actual: 6 },
      ...fans.map(() => ({ stored: 1, actual: 1 })),
    ]);
  });

  it('keeps counts exact when unfriends and accepts race on the same people', async () => {
    const hub = await server.signUp();
    const others = await Promise.all(Array.from({ length: 6 }, () => server.signUp()));
    const [a, b, c, d, e, f] = others as [SignedUp, SignedUp, SignedUp, SignedUp, SignedUp, SignedUp];
    for (const friend of [a, b, c]) await befriend(friend, hub);
    const pendingIds = await Promise.all(
      [d, e, f].map(async (user) => (await sendRequest(user, hub)).request.id),
    );

    const outcomes = await Promise.allSettled([
      call(hub.api, ZOkResponse, 'DELETE', `/api/friends/${a.userId}`),
      call(b.api, ZOkResponse, 'DELETE', `/api/friends/${hub.userId}`),
      // Both sides unfriending at once: one wins, the other finds nothing.
      call(c.api, ZOkResponse, 'DELETE', `/api/friends/${hub.userId}`),
      call(hub.api, ZOkResponse, 'DELETE', `/api/friends/${c.userId}`),
      ...pendingIds.map((id) => accept(hub, id)),
      // Accepting the same request twice at once.
      accept(hub, pendingIds[0] ?? ''),
    ]);
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(failures.map((error) => (error as ApiError).code).sort()).toEqual(['NOT_FOUND', 'NOT_FOUND']);

    expect(await friendsCount(hub)).toBe(3);
    const all = [hub, ...others].map((user) => user.userId);
    const counts = await countsInDatabase(all);
    for (const { stored, actual } of counts) expect(stored).toBe(actual);
    expect(counts.map((count) => count.actual)).toEqual([3, 0, 0, 0, 1, 1, 1]);
  });
});

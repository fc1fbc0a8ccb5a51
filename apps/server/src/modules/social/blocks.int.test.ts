import {
  ZBlockedUsersResponse,
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZMeResponse,
  ZMessageResponse,
  ZNotificationsResponse,
} from '@guftagu/contracts';
import type { ApiError } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  expectApiError,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const usernameOf = (user: SignedUp) => user.session.user.username ?? '';
const block = (by: SignedUp, target: SignedUp) =>
  call(by.api, ZMessageResponse, 'POST', `/api/users/${target.userId}/block`);
const unblock = (by: SignedUp, target: SignedUp) =>
  call(by.api, ZMessageResponse, 'DELETE', `/api/users/${target.userId}/block`);
const blockedBy = async (user: SignedUp) =>
  (await call(user.api, ZBlockedUsersResponse, 'GET', '/api/users/me/blocked')).blockedUsers;
const sendRequest = (from: SignedUp, to: SignedUp) =>
  call(from.api, ZFriendRequestResponse, 'POST', '/api/friends/request', { username: usernameOf(to) });
const friendsCount = async (user: SignedUp) =>
  (await call(user.api, ZMeResponse, 'GET', '/api/user/profile')).user.friendsCount;
const requestsOf = (user: SignedUp) =>
  call(user.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests');
const unread = async (user: SignedUp) =>
  (await call(user.api, ZNotificationsResponse, 'GET', '/api/notifications')).unreadCount;

async function pair(): Promise<[SignedUp, SignedUp]> {
  return Promise.all([server.signUp(), server.signUp()]);
}

describe('blocking', () => {
  it('ends the friendship and decrements both counts', async () => {
    const [alice, bob] = await pair();
    await befriend(alice, bob);
    expect(await block(alice, bob)).toEqual({ success: true, message: 'User blocked successfully' });
    expect(await friendsCount(alice)).toBe(0);
    expect(await friendsCount(bob)).toBe(0);
    const { rows } = await server.db.query('SELECT 1 FROM friendships WHERE user_id = ANY($1::uuid[])', [
      [alice.userId, bob.userId],
    ]);
    expect(rows).toEqual([]);
  });

  it('closes a pending request in either direction and withdraws its notification', async () => {
    const [alice, bob] = await pair();
    await sendRequest(alice, bob);
    expect(await unread(bob)).toBe(1);
    await block(alice, bob);
    expect(await requestsOf(bob)).toMatchObject({ received: [], sent: [] });
    expect(await unread(bob)).toBe(0);

    const [carol, dave] = await pair();
    await sendRequest(dave, carol);
    await block(carol, dave);
    expect(await requestsOf(carol)).toMatchObject({ received: [], sent: [] });
    expect(await requestsOf(dave)).toMatchObject({ received: [], sent: [] });
    expect(await unread(carol)).toBe(0);
  });

  it('stops either side from sending a request, by name or by id, with 403 BLOCKED', async () => {
    const [alice, bob] = await pair();
    await block(alice, bob);
    await expectApiError(sendRequest(alice, bob), 403, 'BLOCKED');
    await expectApiError(sendRequest(bob, alice), 403, 'BLOCKED');
    await expectApiError(
      bob.api.request('POST', '/api/friends/request-by-id', { userId: alice.session.user.userId7Digit }),
      403,
      'BLOCKED',
    );
  });

  it('lists the people you blocked, newest first, and nobody else', async () => {
    const [me, first] = await pair();
    const [second, blocksMe] = await pair();
    await block(me, first);
    await block(me, second);
    await block(blocksMe, me);
    expect((await blockedBy(me)).map((user) => user.userId)).toEqual([second.userId, first.userId]);
    expect(await blockedBy(first)).toEqual([]);
    expect((await blockedBy(me))[0]).toEqual({
      userId: second.userId,
      userId7Digit: second.session.user.userId7Digit,
      username: usernameOf(second),
      displayName: null,
      profilePicture: null,
    });
  });

  it('is idempotent: blocking twice keeps one block', async () => {
    const [alice, bob] = await pair();
    await block(alice, bob);
    await block(alice, bob);
    expect(await blockedBy(alice)).toHaveLength(1);
  });

  it('refuses to block yourself (400), an unknown user (404) or a malformed id (400)', async () => {
    const [alice] = await pair();
    await expectApiError(block(alice, alice), 400, 'VALIDATION_ERROR');
    await expectApiError(
      alice.api.request('POST', '/api/users/0190d0f2-0000-7000-8000-000000000000/block'),
      404,
      'NOT_FOUND',
    );
    await expectApiError(alice.api.request('POST', '/api/users/me/block'), 400, 'VALIDATION_ERROR');
  });
});

describe('unblocking', () => {
  it('restores the ability to send requests but not the friendship', async () => {
    const [alice, bob] = await pair();
    await befriend(alice, bob);
    await block(bob, alice);
    expect(await unblock(bob, alice)).toEqual({ success: true, message: 'User unblocked successfully' });
    expect(await blockedBy(bob)).toEqual([]);
    expect(await friendsCount(alice)).toBe(0);
    const { request, autoAccepted } = await sendRequest(alice, bob);
    expect(autoAccepted).toBe(false);
    expect(request.status).toBe('pending');
  });

  it('answers unblocking someone you have not blocked with 404, even when they blocked you', async () => {
    const [alice, bob] = await pair();
    await expectApiError(unblock(alice, bob), 404, 'NOT_FOUND');
    await block(bob, alice);
    await expectApiError(unblock(alice, bob), 404, 'NOT_FOUND');
    // Alice cannot lift Bob's block.
    await expectApiError(sendRequest(alice, bob), 403, 'BLOCKED');
  });
});

describe('blocking under concurrency', () => {
  it('never fails or leaves a friendship when a block races the acceptance of a request', async () => {
    for (let round = 0; round < 6; round++) {
      const [alice, bob] = await pair();
      const { request } = await sendRequest(alice, bob);
      const outcomes = await Promise.allSettled([
        bob.api.request('POST', '/api/friends/accept', { requestId: request.id }),
        alice.api.request('POST', `/api/users/${bob.userId}/block`),
      ]);
      const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      // The block always succeeds; the accept either came first or finds the request closed.
      expect(failures.map((error) => (error as ApiError).code)).toEqual(
        failures.length === 0 ? [] : ['NOT_FOUND'],
      );
      expect(outcomes[1]?.status).toBe('fulfilled');
      expect(await friendsCount(alice)).toBe(0);
      expect(await friendsCount(bob)).toBe(0);
    }
  });

  it('never leaves a pending request between a blocked pair when a request races a block', async () => {
    for (let round = 0; round < 6; round++) {
      const [alice, bob] = await pair();
      await Promise.allSettled([
        sendRequest(bob, alice),
        alice.api.request('POST', `/api/users/${bob.userId}/block`),
      ]);
      expect(await requestsOf(alice)).toMatchObject({ received: [], sent: [] });
      expect(await unread(alice)).toBe(0);
    }
  });
});

import {
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZMessageResponse,
  ZOkResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  connectAuthed,
  expectApiError,
  recordEvents,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  // The service reports each swallowed failure; the test output needs none of them.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

const sendRequest = (from: SignedUp, to: SignedUp) =>
  call(from.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
    username: to.session.user.username,
  });
const accept = (user: SignedUp, requestId: string) =>
  call(user.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId });
const respond = (user: SignedUp, action: 'reject' | 'cancel', requestId: string) =>
  call(user.api, ZOkResponse, 'POST', `/api/friends/${action}`, { requestId });
const requestsOf = (user: SignedUp) =>
  call(user.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests');

/**
 * Runs `run` while every write to notifications fails, as when the database drops the connection
 * right after a social change committed. Nothing else is touched: the change itself still works.
 */
async function withNotificationsDown(run: () => Promise<void>): Promise<void> {
  await server.db.query(`CREATE OR REPLACE FUNCTION notifications_down() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'notifications are down'; END $$`);
  await server.db.query(`CREATE TRIGGER notifications_down BEFORE INSERT OR UPDATE OR DELETE ON notifications
    FOR EACH ROW EXECUTE FUNCTION notifications_down()`);
  try {
    await run();
  } finally {
    await server.db.query('DROP TRIGGER notifications_down ON notifications');
  }
}

describe('a social change whose notification fails after the commit', () => {
  it('answers a stored friend request with 200, still delivers its event, and a retry says CONFLICT', async () => {
    const [alice, bob] = await Promise.all([server.signUp(), server.signUp()]);
    const { socket } = await connectAuthed(server, bob.token);
    const received = recordEvents(socket, 'friend_request_received');
    await withNotificationsDown(async () => {
      const { request } = await sendRequest(alice, bob);
      expect(request).toMatchObject({ status: 'pending', from: { userId: alice.userId } });
      await received.waitFor((payload) => payload.requestId === request.id);
      await expectApiError(sendRequest(alice, bob), 409, 'CONFLICT');
      expect((await requestsOf(bob)).received.map((pending) => pending.id)).toEqual([request.id]);
    });
  });

  it('answers an accept with 200 and the new friend; a retry says NOT_FOUND', async () => {
    const [alice, bob] = await Promise.all([server.signUp(), server.signUp()]);
    const { request } = await sendRequest(alice, bob);
    await withNotificationsDown(async () => {
      const { friend } = await accept(bob, request.id);
      expect(friend.userId).toBe(alice.userId);
      await expectApiError(accept(bob, request.id), 404, 'NOT_FOUND');
    });
  });

  it('answers a reject and a cancel with 200 when the request’s notification cannot be withdrawn', async () => {
    const [alice, bob, carol] = await Promise.all([server.signUp(), server.signUp(), server.signUp()]);
    const fromAlice = (await sendRequest(alice, bob)).request.id;
    const fromCarol = (await sendRequest(carol, bob)).request.id;
    await withNotificationsDown(async () => {
      expect(await respond(bob, 'reject', fromAlice)).toEqual({ success: true });
      expect(await respond(carol, 'cancel', fromCarol)).toEqual({ success: true });
      await expectApiError(respond(bob, 'reject', fromAlice), 404, 'NOT_FOUND');
      expect((await requestsOf(bob)).received).toEqual([]);
    });
  });

  it('answers a block with 200 when the closed request’s notification cannot be withdrawn', async () => {
    const [alice, bob] = await Promise.all([server.signUp(), server.signUp()]);
    await sendRequest(alice, bob);
    await withNotificationsDown(async () => {
      expect(await call(bob.api, ZMessageResponse, 'POST', `/api/users/${alice.userId}/block`)).toMatchObject(
        {
          success: true,
        },
      );
      expect(await requestsOf(bob)).toMatchObject({ received: [], sent: [] });
    });
  });
});

import {
  ZConversationsResponse,
  ZDmConversationResponse,
  ZMarkDmReadResponse,
  ZMessagesResponse,
  ZOkResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  expectApiError,
  recordEvents,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError, postDm, setPrivacy, syncAck } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function pair(): Promise<[SignedUp, SignedUp]> {
  return [await server.signUp(), await server.signUp()];
}

async function friends(): Promise<[SignedUp, SignedUp]> {
  const [a, b] = await pair();
  await befriend(a, b);
  return [a, b];
}

const conversations = (user: SignedUp, view = 'inbox') =>
  call(user.api, ZConversationsResponse, 'GET', `/api/messages/conversations?view=${view}`).then(
    (answer) => answer.conversations,
  );

describe('who may talk to whom', () => {
  it('turns a non-friend first message into a request the recipient accepts', async () => {
    const [alice, bob] = await pair();
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const requests = recordEvents(bobSocket, 'dm_request_received');
    const first = await postDm(alice.api, bob, 'Hi, we met in video chat');
    expect((await requests.waitFor(() => true)).from.userId).toBe(alice.userId);
    // Alice may keep writing while the request is pending.
    await postDm(alice.api, bob, 'Are you there?');

    expect((await conversations(alice))[0]).toMatchObject({ requestState: 'outgoing', canSend: true });
    expect(await conversations(bob)).toEqual([]);
    const [request] = await conversations(bob, 'requests');
    expect(request).toMatchObject({
      requestState: 'incoming',
      unreadCount: 2,
      otherUser: { userId: alice.userId },
    });

    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const accepted = recordEvents(aliceSocket, 'dm_request_accepted');
    const answer = await call(
      bob.api,
      ZDmConversationResponse,
      'POST',
      `/api/messages/requests/${alice.userId}/accept`,
    );
    expect(answer.conversation.requestState).toBe('none');
    expect((await accepted.waitFor(() => true)).by.userId).toBe(bob.userId);
    expect((await conversations(bob)).map((entry) => entry.otherUser.userId)).toEqual([alice.userId]);
    await postDm(bob.api, alice, 'Sure, hello!');
    const history = await call(alice.api, ZMessagesResponse, 'GET', `/api/messages/${bob.userId}`);
    expect(history.messages.at(-1)?.id).toBe(first.id);
  });

  it('lets the recipient answer a request by replying, and keeps a rejected requester out', async () => {
    const [alice, bob] = await pair();
    await postDm(alice.api, bob, 'hello?');
    await postDm(bob.api, alice, 'hi!');
    expect((await conversations(bob))[0]?.requestState).toBe('none');

    const [carol, dave] = await pair();
    await postDm(carol.api, dave, 'buy my stuff');
    await call(dave.api, ZDmConversationResponse, 'POST', `/api/messages/requests/${carol.userId}/reject`);
    await expectApiError(postDm(carol.api, dave, 'please?'), 403, 'DM_REQUEST_REJECTED');
    // The rejected request leaves Dave's views and his unread count.
    expect(await conversations(dave, 'requests')).toEqual([]);
    expect(await conversations(dave)).toEqual([]);
    const unread = await dave.api.request<{ total: number }>('GET', '/api/messages/unread');
    expect(unread.total).toBe(0);
    // Answering twice, or answering a request nobody sent, is NOT_FOUND.
    await expectApiError(
      call(dave.api, ZOkResponse, 'POST', `/api/messages/requests/${carol.userId}/accept`),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      call(carol.api, ZOkResponse, 'POST', `/api/messages/requests/${dave.userId}/accept`),
      404,
      'NOT_FOUND',
    );
  });

  it('moves a pending request into the inbox once the two become friends', async () => {
    const [alice, bob] = await pair();
    await postDm(alice.api, bob, 'add me?');
    expect(await conversations(bob, 'requests')).toHaveLength(1);
    await befriend(bob, alice);
    expect(await conversations(bob, 'requests')).toEqual([]);
    expect((await conversations(bob))[0]).toMatchObject({
      requestState: 'none',
      canSend: true,
      unreadCount: 1,
    });
  });

  it('honours "nobody" and "friends only" for non-friends but never between friends', async () => {
    const [alice, bob] = await pair();
    await setPrivacy(bob, { allowMessages: 'nobody' });
    await expectApiError(postDm(alice.api, bob, 'hi'), 403, 'DM_NOT_ALLOWED');
    await setPrivacy(bob, { allowMessages: 'friends' });
    await expectApiError(postDm(alice.api, bob, 'hi'), 403, 'DM_NOT_ALLOWED');
    await befriend(alice, bob);
    await setPrivacy(bob, { allowMessages: 'nobody' });
    expect((await postDm(alice.api, bob, 'friends always can')).content).toBe('friends always can');
    const { rows } = await server.db.query(
      'select count(*)::int as n from dm_messages where sender_id = $1',
      [alice.userId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a blocked pair in both directions with BLOCKED and keeps history after unfriending', async () => {
    const [alice, bob] = await friends();
    const kept = await postDm(alice.api, bob, 'before the block');
    await call(bob.api, ZOkResponse, 'POST', `/api/users/${alice.userId}/block`);
    const { socket } = await connectAuthed(server, alice.token);
    await expectAckError(socket, 'dm_send', { to: bob.userId, message: 'hey', nonce: 'n1' }, 'BLOCKED');
    await expectApiError(postDm(bob.api, alice, 'hey'), 403, 'BLOCKED');
    await expectAckError(socket, 'dm_react', { messageId: kept.id, emoji: '👍' }, 'BLOCKED');
    // History stays readable for both.
    const history = await call(alice.api, ZMessagesResponse, 'GET', `/api/messages/${bob.userId}`);
    expect(history.messages.map((message) => message.id)).toEqual([kept.id]);
    expect(history.conversation?.canSend).toBe(false);
  });

  it('makes a former friend ask again after unfriending, with the history intact', async () => {
    const [alice, bob] = await friends();
    const old = await postDm(alice.api, bob, 'old times');
    await call(bob.api, ZOkResponse, 'DELETE', `/api/friends/${alice.userId}`);
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const requests = recordEvents(bobSocket, 'dm_request_received');
    await postDm(alice.api, bob, 'why did you unfriend me');
    await requests.waitFor(() => true);
    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(history.messages.map((message) => message.id)).toContain(old.id);
  });
});

describe('privacy of other conversations', () => {
  it('never lets a third user read, mark, edit or react to messages of a conversation they are not in', async () => {
    const [alice, bob] = await friends();
    const mallory = await server.signUp();
    const message = await postDm(alice.api, bob, 'private');
    // The history route is always "my conversation with :userId", so Mallory sees only her own (empty).
    const view = await call(mallory.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(view.messages).toEqual([]);
    const read = await call(mallory.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read', {
      messageIds: [message.id],
    });
    expect(read.messageIds).toEqual([]);
    await expectApiError(
      mallory.api.request('PATCH', `/api/messages/by-id/${message.id}`, { message: 'x' }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      call(mallory.api, ZOkResponse, 'POST', `/api/messages/by-id/${message.id}/reactions`, { emoji: '👍' }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      call(mallory.api, ZOkResponse, 'DELETE', `/api/messages/by-id/${message.id}?scope=me`),
      404,
      'NOT_FOUND',
    );
    const { rows } = await server.db.query('select read_at from dm_messages where id = $1', [message.id]);
    expect(rows[0].read_at).toBeNull();
  });

  it('ignores other people’s conversations named in a sync', async () => {
    const [alice, bob] = await friends();
    const mallory = await server.signUp();
    const message = await postDm(alice.api, bob, 'not for mallory');
    const { socket } = await connectAuthed(server, mallory.token);
    const answer = await syncAck(socket, {
      after: { [message.conversationId]: null },
      changedSince: new Date(0).toISOString(),
    });
    expect(answer).toMatchObject({ messages: [], changed: [], removed: [], hasMore: false });
  });

  it('answers bad ids and unknown users with the error envelope', async () => {
    const alice = await server.signUp();
    const unnamed = await server.signUp({ username: null });
    await expectApiError(postDm(unnamed.api, alice, 'hi'), 403, 'ONBOARDING_REQUIRED');
    await expectApiError(postDm(alice.api, unnamed, 'hi'), 404, 'NOT_FOUND');
    await expectApiError(
      call(alice.api, ZOkResponse, 'GET', '/api/messages/not-a-uuid'),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      call(alice.api, ZOkResponse, 'GET', '/api/messages/01900000-0000-7000-8000-000000000000'),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      call(alice.api, ZOkResponse, 'POST', '/api/messages/send', { to: alice.userId }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      call(alice.api, ZOkResponse, 'GET', '/api/messages/01900000-0000-7000-8000-000000000000?limit=1000'),
      400,
      'VALIDATION_ERROR',
    );
  });
});

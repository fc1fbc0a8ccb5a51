import {
  ZConversationsResponse,
  ZMarkDmReadResponse,
  ZMessagesResponse,
  ZNotificationsResponse,
  ZOkResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  emitAck,
  expectApiError,
  recordEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { postDm, sendDm, setPrivacy } from '../../../test/messaging-helpers.js';
import { SYSTEM_ACCOUNT_EMAIL } from './system-account.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const notificationsOf = async (user: SignedUp) =>
  (await call(user.api, ZNotificationsResponse, 'GET', '/api/notifications')).notifications;

const historyOf = async (user: SignedUp, other: SignedUp) =>
  (await call(user.api, ZMessagesResponse, 'GET', `/api/messages/${other.userId}`)).messages;

describe('new_message notifications', () => {
  it('never keep the text of an edited or deleted-for-everyone message', async () => {
    const a = await server.signUp();
    const b = await server.signUp();
    await befriend(a, b);
    const { socket } = await connectAuthed(server, a.token);
    const edited = await sendDm(socket, b, 'my card pin is 4711 SECRETWORD');
    expect((await notificationsOf(b)).map((entry) => entry.content)).toContain(
      'my card pin is 4711 SECRETWORD',
    );
    expect(
      (await emitAck(socket, 'dm_edit', { messageId: edited.id, message: 'oops, wrong chat' })).success,
    ).toBe(true);
    expect(JSON.stringify(await notificationsOf(b))).not.toContain('SECRETWORD');

    const deleted = await sendDm(socket, b, 'second secret OTHERWORD');
    expect(JSON.stringify(await notificationsOf(b))).toContain('OTHERWORD');
    expect((await emitAck(socket, 'dm_delete', { messageId: deleted.id, scope: 'everyone' })).success).toBe(
      true,
    );
    expect(JSON.stringify(await notificationsOf(b))).not.toContain('OTHERWORD');
  });

  it('are grouped per sender while unread: one, with the count and the latest preview', async () => {
    const a = await server.signUp();
    const b = await server.signUp();
    const c = await server.signUp();
    await befriend(a, b);
    await befriend(c, b);
    for (const text of ['first', 'second', 'third']) await postDm(a.api, b, text);
    await postDm(c.api, b, 'from someone else');
    const fromA = (await notificationsOf(b)).filter((entry) => entry.relatedUserId === a.userId);
    expect(fromA).toHaveLength(1);
    expect(fromA[0]).toMatchObject({ type: 'new_message', content: 'third' });
    expect(fromA[0]?.title).toMatch(/^3 new messages from /);
    expect((await notificationsOf(b)).filter((entry) => entry.relatedUserId === c.userId)).toHaveLength(1);

    // Once read, the next message starts a new notification.
    await call(b.api, ZOkResponse.passthrough(), 'PUT', '/api/notifications/read', { all: true });
    await postDm(a.api, b, 'fourth');
    const after = (await notificationsOf(b)).filter((entry) => entry.relatedUserId === a.userId);
    expect(after.map((entry) => entry.content)).toEqual(['fourth', 'third']);
  });
});

describe('read receipts follow the unread rule', () => {
  it('mark-all-read neither marks a rejected request nor tells its asker', async () => {
    const b = await server.signUp();
    const c = await server.signUp();
    await setPrivacy(b, { allowMessages: 'everyone' });
    const { socket } = await connectAuthed(server, c.token);
    const reads = recordEvents(socket, 'dm_read');
    await sendDm(socket, b, 'hello stranger');
    await call(b.api, ZOkResponse.passthrough(), 'POST', `/api/messages/requests/${c.userId}/reject`);
    const marked = await call(b.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read-all');
    expect(marked.messageIds).toEqual([]);
    await settle(socket);
    expect(reads.payloads).toEqual([]);
  });

  it('does not mark messages the reader deleted for themselves', async () => {
    const a = await server.signUp();
    const b = await server.signUp();
    await befriend(a, b);
    const hidden = await postDm(a.api, b, 'hide me');
    const shown = await postDm(a.api, b, 'keep me');
    const { socket } = await connectAuthed(server, b.token);
    expect((await emitAck(socket, 'dm_delete', { messageId: hidden.id, scope: 'me' })).success).toBe(true);
    const marked = await call(b.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read', {
      fromUserId: a.userId,
    });
    expect(marked.messageIds).toEqual([shown.id]);
  });

  it('are held back from the asker while a request is pending and told on acceptance', async () => {
    const asker = await server.signUp();
    const asked = await server.signUp();
    await setPrivacy(asked, { allowMessages: 'everyone' });
    const { socket } = await connectAuthed(server, asker.token);
    const reads = recordEvents(socket, 'dm_read');
    const message = await sendDm(socket, asked, 'may I?');
    const marked = await call(asked.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read', {
      fromUserId: asker.userId,
    });
    expect(marked.messageIds).toEqual([message.id]);
    await settle(socket);
    expect(reads.payloads).toEqual([]);
    expect((await historyOf(asker, asked))[0]).toMatchObject({
      id: message.id,
      status: 'delivered',
      readAt: null,
    });
    const outgoing = await call(asker.api, ZConversationsResponse, 'GET', '/api/messages/conversations');
    expect(outgoing.conversations[0]?.lastMessage?.status).toBe('delivered');

    await call(asked.api, ZOkResponse.passthrough(), 'POST', `/api/messages/requests/${asker.userId}/accept`);
    const told = await reads.waitFor((payload) => payload.messageIds.includes(message.id));
    expect(told.readBy).toBe(asked.userId);
    expect((await historyOf(asker, asked))[0]).toMatchObject({ id: message.id, status: 'read' });
  });
});

describe('read receipts held back from an asker', () => {
  it('are told once a friendship settles the request, whoever writes next', async () => {
    const asker = await server.signUp();
    const asked = await server.signUp();
    await setPrivacy(asked, { allowMessages: 'everyone' });
    const { socket } = await connectAuthed(server, asker.token);
    const reads = recordEvents(socket, 'dm_read');
    const message = await sendDm(socket, asked, 'may I?');
    await call(asked.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read', { fromUserId: asker.userId });
    await befriend(asker, asked);
    await sendDm(socket, asked, 'friends now');
    const told = await reads.waitFor((payload) => payload.messageIds.includes(message.id));
    expect(told.readBy).toBe(asked.userId);
  });
});

describe('typing indicators', () => {
  it('are refused towards someone who rejected the request, and never reach them', async () => {
    const b = await server.signUp();
    const c = await server.signUp();
    await setPrivacy(b, { allowMessages: 'everyone' });
    const { socket: asker } = await connectAuthed(server, c.token);
    const { socket: asked } = await connectAuthed(server, b.token);
    const typing = recordEvents(asked, 'dm_typing_start');
    await sendDm(asker, b, 'hello?');
    await call(b.api, ZOkResponse.passthrough(), 'POST', `/api/messages/requests/${c.userId}/reject`);
    const ack = await emitAck(asker, 'dm_typing_start', { to: b.userId });
    expect(ack).toMatchObject({ success: false, code: 'DM_NOT_ALLOWED' });
    expect((await emitAck(asker, 'dm_typing_stop', { to: b.userId })).success).toBe(true);
    await settle(asked);
    expect(typing.payloads).toEqual([]);
  });
});

describe('unfriending', () => {
  it('makes a request settled by the friendship a request again', async () => {
    const a = await server.signUp();
    const b = await server.signUp();
    await setPrivacy(b, { allowMessages: 'everyone' });
    await postDm(a.api, b, 'hi stranger');
    await befriend(a, b);
    await postDm(a.api, b, 'now we are friends');
    await call(b.api, ZOkResponse.passthrough(), 'DELETE', `/api/friends/${a.userId}`);
    const { socket } = await connectAuthed(server, b.token);
    const requests = recordEvents(socket, 'dm_request_received');
    await postDm(a.api, b, 'after unfriend');
    await requests.waitFor((payload) => payload.from.userId === a.userId);
    const inbox = await call(
      b.api,
      ZConversationsResponse,
      'GET',
      '/api/messages/conversations?view=requests',
    );
    expect(inbox.conversations.map((conversation) => conversation.otherUser.userId)).toContain(a.userId);
  });
});

describe('the System account', () => {
  it('can never be signed in to, nor registered', async () => {
    await server.messaging.sendSystemMessage((await server.signUp()).userId, 'hello');
    const api = server.api();
    await expectApiError(
      api.request('POST', '/api/auth/send-otp', { email: SYSTEM_ACCOUNT_EMAIL }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      api.request('POST', '/api/auth/verify-otp', { email: SYSTEM_ACCOUNT_EMAIL, code: '123456' }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      api.request('POST', '/api/auth/login', {
        email: SYSTEM_ACCOUNT_EMAIL,
        password: 'whatever-password-1',
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    await expectApiError(
      api.request('POST', '/api/auth/register', {
        email: 'other@guftagu.invalid',
        username: 'notsystem',
        password: 'whatever-password-1',
      }),
      400,
      'VALIDATION_ERROR',
    );
  });
});

import { ZMessagesResponse, ZSendDmResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  connectAuthed,
  expectApiError,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { nonce } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('system messages', () => {
  it('come from the System account with messageType system, live and in history', async () => {
    const user = await server.signUp();
    const { socket } = await connectAuthed(server, user.token);
    const received = recordEvents(socket, 'dm_receive');
    const message = await server.messaging.sendSystemMessage(user.userId, 'Welcome to Guftagu!');
    expect(message).toMatchObject({
      messageType: 'system',
      content: 'Welcome to Guftagu!',
      recipientId: user.userId,
    });
    const live = await received.waitFor((payload) => payload.id === message.id);
    expect(live.from).toMatchObject({ username: 'System', displayName: 'System' });

    const again = await server.messaging.sendSystemMessage(user.userId, 'A second notice');
    expect(again.senderId).toBe(message.senderId);
    const history = await call(user.api, ZMessagesResponse, 'GET', `/api/messages/${message.senderId}`);
    expect(history.messages.map((entry) => entry.messageType)).toEqual(['system', 'system']);
  });

  it('cannot be sent, answered or imitated by users', async () => {
    const user = await server.signUp();
    const notice = await server.messaging.sendSystemMessage(user.userId, 'Policy update');
    await expectApiError(
      call(user.api, ZSendDmResponse, 'POST', '/api/messages/send', {
        to: notice.senderId,
        message: 'hi',
        nonce: nonce(),
      }),
      403,
      'DM_NOT_ALLOWED',
    );
    await expectApiError(
      user.api.request('PATCH', `/api/messages/by-id/${notice.id}`, { message: 'edited' }),
      403,
      'FORBIDDEN',
    );
    const friend = await server.signUp();
    const sent = await call(user.api, ZSendDmResponse, 'POST', '/api/messages/send', {
      to: friend.userId,
      message: 'pretending',
      nonce: nonce(),
      messageType: 'system',
    });
    expect(sent.message.messageType).toBe('text');
  });
});

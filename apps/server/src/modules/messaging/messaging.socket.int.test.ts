import { ZMessagesResponse, ZSendDmResponse } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyEventRecorder,
  befriend,
  call,
  connectAuthed,
  emitAck,
  nextEvent,
  recordAllEvents,
  recordEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError, nonce, postDm, sendDm, setPrivacy } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Tab {
  socket: GuftaguSocket;
  heard: AnyEventRecorder;
}

async function tab(user: SignedUp): Promise<Tab> {
  const { socket } = await connectAuthed(server, user.token);
  return { socket, heard: recordAllEvents(socket) };
}

async function friends(): Promise<[SignedUp, SignedUp]> {
  const a = await server.signUp();
  const b = await server.signUp();
  await befriend(a, b);
  return [a, b];
}

describe('dm_send between friends', () => {
  it('stores the message, acks it, and reaches every tab of both participants and nobody else', async () => {
    const [alice, bob] = await friends();
    const stranger = await server.signUp();
    const aliceTab1 = await tab(alice);
    const aliceTab2 = await tab(alice);
    const bobTab1 = await tab(bob);
    const bobTab2 = await tab(bob);
    const strangerTab = await tab(stranger);

    const bobReceives = recordEvents(bobTab2.socket, 'dm_receive');
    const message = await sendDm(aliceTab1.socket, bob, 'Hello 👋🏽 — سلام');
    expect(message).toMatchObject({
      senderId: alice.userId,
      recipientId: bob.userId,
      content: 'Hello 👋🏽 — سلام',
      messageType: 'text',
      status: 'sent',
      deletedForEveryone: false,
    });
    const received = await bobReceives.waitFor((payload) => payload.id === message.id);
    expect(received).toMatchObject({
      messageId: message.id,
      message: 'Hello 👋🏽 — سلام',
      conversationId: message.conversationId,
      from: { userId: alice.userId, username: alice.session.user.username },
      // The recipient never sees the sender's nonce.
      nonce: null,
    });

    for (const t of [aliceTab1, aliceTab2, bobTab1, bobTab2, strangerTab]) await settle(t.socket);
    expect(bobTab1.heard.names()).toContain('dm_receive');
    // The sender's other tab gets the message too, with the nonce to match an optimistic copy.
    const echoed = aliceTab2.heard.events.find((entry) => entry.event === 'dm_receive');
    expect(echoed?.payload).toMatchObject({ id: message.id, nonce: message.nonce });
    expect(strangerTab.heard.names()).toEqual([]);

    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(history.messages.map((entry) => entry.id)).toEqual([message.id]);
  });

  it('rejects blank, over-long and self-addressed messages without storing anything', async () => {
    const [alice, bob] = await friends();
    const { socket } = await tab(alice);
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: '   \n\t ', nonce: nonce() },
      'VALIDATION_ERROR',
    );
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: 'x'.repeat(2001), nonce: nonce() },
      'VALIDATION_ERROR',
    );
    await expectAckError(
      socket,
      'dm_send',
      { to: alice.userId, message: 'me', nonce: nonce() },
      'VALIDATION_ERROR',
    );
    await expectAckError(
      socket,
      'dm_send',
      { to: 'not-an-id', message: 'hi', nonce: nonce() } as never,
      'VALIDATION_ERROR',
    );
    // Exactly 2000 characters of emoji (surrogate pairs count as two, like the web counter) is fine.
    await sendDm(socket, bob, '😀'.repeat(1000));
    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(history.messages).toHaveLength(1);
  });

  it('reports a failed send as dm_error as well as in the ack', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await setPrivacy(bob, { allowMessages: 'nobody' });
    const { socket } = await tab(alice);
    const errors = recordEvents(socket, 'dm_error');
    const sent = nonce();
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: 'hi there', nonce: sent },
      'DM_NOT_ALLOWED',
    );
    const error = await errors.waitFor(() => true);
    expect(error).toMatchObject({
      code: 'DM_NOT_ALLOWED',
      originalMessage: 'hi there',
      nonce: sent,
      to: bob.userId,
    });
  });
});

describe('nonce idempotency', () => {
  it('returns the original message for a replayed nonce and never stores a second one', async () => {
    const [alice, bob] = await friends();
    const { socket } = await tab(alice);
    const payload = { to: bob.userId, message: 'once', nonce: nonce() };
    const first = ZSendDmResponse.parse(await emitAck(socket, 'dm_send', payload));
    const again = ZSendDmResponse.parse(await emitAck(socket, 'dm_send', payload));
    const viaRest = await call(alice.api, ZSendDmResponse, 'POST', '/api/messages/send', payload);
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(viaRest).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    const { rows } = await server.db.query(
      'select count(*)::int as n from dm_messages where sender_id = $1',
      [alice.userId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('stores one message when the same nonce is submitted concurrently from two tabs and REST', async () => {
    const [alice, bob] = await friends();
    const one = await tab(alice);
    const two = await tab(alice);
    const payload = { to: bob.userId, message: 'double click', nonce: nonce() };
    const answers = await Promise.all([
      emitAck(one.socket, 'dm_send', payload),
      emitAck(two.socket, 'dm_send', payload),
      call(alice.api, ZSendDmResponse, 'POST', '/api/messages/send', payload),
      emitAck(one.socket, 'dm_send', payload),
    ]);
    const parsed = answers.map((answer) => ZSendDmResponse.parse(answer));
    expect(new Set(parsed.map((answer) => answer.message.id)).size).toBe(1);
    expect(parsed.filter((answer) => !answer.duplicate)).toHaveLength(1);
    const { rows } = await server.db.query(
      'select count(*)::int as n from dm_messages where sender_id = $1',
      [alice.userId],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('typing', () => {
  it('goes only to the other participant and ends by itself when no stop comes', async () => {
    const [alice, bob] = await friends();
    const stranger = await server.signUp();
    const aliceTab = await tab(alice);
    const bobTab = await tab(bob);
    const strangerTab = await tab(stranger);
    const started = nextEvent(bobTab.socket, 'dm_typing_start');
    expect((await emitAck(aliceTab.socket, 'dm_typing_start', { to: bob.userId })).success).toBe(true);
    const start = await started;
    expect(start.from.userId).toBe(alice.userId);
    // No stop is ever sent: the server ends the indicator itself.
    const stop = await nextEvent(bobTab.socket, 'dm_typing_stop', start.expiresInMs + 5_000);
    expect(stop.from.userId).toBe(alice.userId);
    await settle(aliceTab.socket);
    await settle(strangerTab.socket);
    expect(aliceTab.heard.names()).not.toContain('dm_typing_start');
    expect(strangerTab.heard.names()).toEqual([]);
  });

  it('stops when the typing socket disconnects and refuses strangers', async () => {
    const [alice, bob] = await friends();
    const stranger = await server.signUp();
    const aliceTab = await tab(alice);
    const bobTab = await tab(bob);
    const started = nextEvent(bobTab.socket, 'dm_typing_start');
    await emitAck(aliceTab.socket, 'dm_typing_start', { to: bob.userId });
    await started;
    const stopped = nextEvent(bobTab.socket, 'dm_typing_stop');
    aliceTab.socket.disconnect();
    expect((await stopped).from.userId).toBe(alice.userId);
    const strangerTab = await tab(stranger);
    await expectAckError(strangerTab.socket, 'dm_typing_start', { to: bob.userId }, 'NOT_FOUND');
  });
});

describe('send rate limit', () => {
  it('limits one user across tabs and REST, but a replayed nonce is never refused', async () => {
    const limited = await startTestServer({ env: { DM_SEND_RATE_LIMIT: '3' } });
    try {
      const alice = await limited.signUp();
      const bob = await limited.signUp();
      await befriend(alice, bob);
      const { socket: one } = await connectAuthed(limited, alice.token);
      const { socket: two } = await connectAuthed(limited, alice.token);
      const first = await sendDm(one, bob, 'one');
      await sendDm(two, bob, 'two');
      await postDm(alice.api, bob, 'three');
      await expectAckError(
        one,
        'dm_send',
        { to: bob.userId, message: 'four', nonce: nonce() },
        'RATE_LIMITED',
      );
      const replay = ZSendDmResponse.parse(
        await emitAck(two, 'dm_send', { to: bob.userId, message: 'one', nonce: first.nonce ?? '' }),
      );
      expect(replay).toMatchObject({ duplicate: true, message: { id: first.id } });
    } finally {
      await limited.close();
    }
  });
});

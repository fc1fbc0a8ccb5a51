import { ZConversationsResponse, ZDmMessageResponse, ZMessagesResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  emitAck,
  recordAllEvents,
  recordEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError, sendDm } from '../../../test/messaging-helpers.js';

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

const _conversations = (user: SignedUp, view = 'inbox') =>
  call(user.api, ZConversationsResponse, 'GET', `/api/messages/conversations?view=${view}`).then(
    (answer) => answer.conversations,
  );

describe('edit, delete, react, reply', () => {
  it('lets only the sender edit, within 24 hours, with an edited marker and no old text', async () => {
    const [alice, bob] = await friends();
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const edits = recordEvents(bobSocket, 'dm_edited');
    const message = await sendDm(aliceSocket, bob, 'teh typo');
    await expectAckError(bobSocket, 'dm_edit', { messageId: message.id, message: 'hijacked' }, 'FORBIDDEN');
    const ack = await emitAck(aliceSocket, 'dm_edit', { messageId: message.id, message: 'the typo' });
    const edited = ZDmMessageResponse.pick({ message: true }).parse(ack).message;
    expect(edited.content).toBe('the typo');
    expect(edited.editedAt).not.toBeNull();
    expect((await edits.waitFor(() => true)).message.content).toBe('the typo');
    await expectAckError(
      aliceSocket,
      'dm_edit',
      { messageId: message.id, message: '   ' },
      'VALIDATION_ERROR',
    );

    await server.db.query(`update dm_messages set created_at = now() - interval '25 hours' where id = $1`, [
      message.id,
    ]);
    await expectAckError(
      aliceSocket,
      'dm_edit',
      { messageId: message.id, message: 'late' },
      'EDIT_WINDOW_EXPIRED',
    );
    const stored = await server.db.query('select content from dm_messages where id = $1', [message.id]);
    expect(stored.rows[0].content).toBe('the typo');
  });

  it('deletes for everyone only by the sender (tombstone) and for me by either side', async () => {
    const [alice, bob] = await friends();
    const stranger = await server.signUp();
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const { socket: strangerSocket } = await connectAuthed(server, stranger.token);
    const heardByStranger = recordAllEvents(strangerSocket);
    const first = await sendDm(aliceSocket, bob, 'secret');
    const second = await sendDm(aliceSocket, bob, 'keep for alice');

    await expectAckError(bobSocket, 'dm_delete', { messageId: first.id, scope: 'everyone' }, 'FORBIDDEN');
    await expectAckError(strangerSocket, 'dm_delete', { messageId: first.id, scope: 'me' }, 'NOT_FOUND');
    const deleted = recordEvents(bobSocket, 'dm_deleted');
    expect(
      (await emitAck(aliceSocket, 'dm_delete', { messageId: first.id, scope: 'everyone' })).success,
    ).toBe(true);
    expect(await deleted.waitFor(() => true)).toMatchObject({ messageId: first.id, scope: 'everyone' });
    const stored = await server.db.query('select content from dm_messages where id = $1', [first.id]);
    expect(stored.rows[0].content).toBe('');

    expect((await emitAck(bobSocket, 'dm_delete', { messageId: second.id, scope: 'me' })).success).toBe(true);
    const bobView = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(
      bobView.messages.map((message) => [message.id, message.deletedForEveryone, message.content]),
    ).toEqual([[first.id, true, '']]);
    const aliceView = await call(alice.api, ZMessagesResponse, 'GET', `/api/messages/${bob.userId}`);
    expect(aliceView.messages.map((message) => message.id)).toEqual([second.id, first.id]);
    await settle(strangerSocket);
    expect(heardByStranger.names()).toEqual([]);
  });

  it('keeps one reaction per emoji per user and tells both sides', async () => {
    const [alice, bob] = await friends();
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const message = await sendDm(aliceSocket, bob, 'react to me');
    const updates = recordEvents(aliceSocket, 'dm_reaction_updated');
    await Promise.all(
      Array.from({ length: 8 }, () => emitAck(bobSocket, 'dm_react', { messageId: message.id, emoji: '❤️' })),
    );
    await emitAck(aliceSocket, 'dm_react', { messageId: message.id, emoji: '❤️' });
    await expectAckError(bobSocket, 'dm_react', { messageId: message.id, emoji: 'lol' }, 'VALIDATION_ERROR');
    const { rows } = await server.db.query('select user_id from dm_reactions where message_id = $1', [
      message.id,
    ]);
    expect(rows).toHaveLength(2);
    await settle(aliceSocket);
    // Bob's eight clicks were one change: one event for it, one for Alice's own reaction.
    expect(updates.payloads).toHaveLength(2);
    expect(updates.payloads.at(-1)?.reactions).toEqual([
      { emoji: '❤️', count: 2, mine: true, userIds: [bob.userId, alice.userId] },
    ]);
    const ack = await emitAck(bobSocket, 'dm_unreact', { messageId: message.id, emoji: '❤️' });
    expect(ZDmMessageResponse.pick({ message: true }).parse(ack).message.reactions).toEqual([
      { emoji: '❤️', count: 1, mine: false, userIds: [alice.userId] },
    ]);
  });

  it('accepts replies only to a message of the same conversation and shows a preview', async () => {
    const [alice, bob] = await friends();
    const [, carol] = [alice, await server.signUp()];
    await befriend(alice, carol);
    const { socket } = await connectAuthed(server, alice.token);
    const original = await sendDm(socket, bob, 'original question');
    const reply = await sendDm(socket, bob, 'answer', { replyTo: original.id });
    expect(reply.replyTo).toEqual({
      id: original.id,
      senderId: alice.userId,
      content: 'original question',
      messageType: 'text',
      deleted: false,
    });
    await expectAckError(
      socket,
      'dm_send',
      { to: carol.userId, message: 'cross-post', nonce: 'cross1', replyTo: original.id },
      'VALIDATION_ERROR',
    );
  });
});

import { type TDirectMessage, ZMessagesResponse, ZOkResponse } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  emitAck,
  nextEvent,
  recordEvents,
  type SignedUp,
  startTestServer,
  type TestServer,
  uniqueName,
} from '../../../test/harness.js';
import { postDm, sendDm, syncAck } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** The client's merged view of one conversation, keyed by message id, as the web store keeps it. */
class ClientState {
  readonly messages = new Map<string, TDirectMessage>();

  /** A live `dm_receive` only adds what is new; changes arrive as their own events or via sync. */
  receive(message: TDirectMessage) {
    if (!this.messages.has(message.id)) this.messages.set(message.id, message);
  }

  replace(message: TDirectMessage) {
    this.messages.set(message.id, message);
  }

  remove(id: string) {
    this.messages.delete(id);
  }

  lastId(): string | null {
    return [...this.messages.keys()].sort().at(-1) ?? null;
  }

  sorted(): TDirectMessage[] {
    return [...this.messages.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

async function freshLoad(viewer: SignedUp, other: SignedUp): Promise<TDirectMessage[]> {
  const page = await call(viewer.api, ZMessagesResponse, 'GET', `/api/messages/${other.userId}?limit=100`);
  return [...page.messages].reverse();
}

describe('reconnect', () => {
  it('merges everything missed while disconnected into exactly the state of a fresh load', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await befriend(alice, bob);
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    let { socket: bobSocket } = await connectAuthed(server, bob.token);

    const state = new ClientState();
    for (let index = 0; index < 5; index++) await sendDm(aliceSocket, bob, `before ${index}`);
    const fromBob = await sendDm(bobSocket, alice, 'bob speaks');
    for (const message of await freshLoad(bob, alice)) state.replace(message);
    const { syncedAt } = await syncAck(bobSocket, { after: {} });
    const conversationId = fromBob.conversationId;
    const known = state.sorted();

    bobSocket.disconnect();
    // While Bob is away: 20 new messages, some edited, one deleted, plus changes to known messages.
    const sent: TDirectMessage[] = [];
    for (let index = 0; index < 20; index++) sent.push(await sendDm(aliceSocket, bob, `missed ${index}`));
    for (const index of [3, 7, 12])
      await emitAck(aliceSocket, 'dm_edit', {
        messageId: sent[index]?.id ?? '',
        message: `missed ${index} (edited)`,
      });
    await emitAck(aliceSocket, 'dm_delete', { messageId: sent[9]?.id ?? '', scope: 'everyone' });
    await emitAck(aliceSocket, 'dm_edit', { messageId: known[1]?.id ?? '', message: 'old one, edited' });
    await emitAck(aliceSocket, 'dm_react', { messageId: known[2]?.id ?? '', emoji: '🔥' });
    await emitAck(aliceSocket, 'dm_mark_read', { fromUserId: bob.userId });
    // Bob, on another device, deletes one message for himself only.
    await call(bob.api, ZOkResponse, 'DELETE', `/api/messages/by-id/${known[0]?.id}?scope=me`);

    bobSocket = server.socket(bob.token);
    const received = recordEvents(bobSocket, 'dm_receive');
    await nextEvent(bobSocket, 'authenticated');
    const answer = await syncAck(bobSocket, {
      after: { [conversationId]: state.lastId() },
      changedSince: syncedAt,
    });
    for (const payload of received.payloads) state.receive(payload);
    for (const message of [...answer.messages, ...answer.changed]) state.replace(message);
    for (const id of answer.removed) state.remove(id);
    for (const payload of received.payloads.slice()) state.receive(payload);

    expect(answer.hasMore).toBe(false);
    expect(answer.messages.map((message) => message.id)).toEqual(sent.map((message) => message.id));
    const merged = state.sorted();
    const fresh = await freshLoad(bob, alice);
    expect(merged).toEqual(fresh);
    expect(fresh).toHaveLength(25);
    expect(fresh.find((message) => message.id === sent[9]?.id)).toMatchObject({
      deletedForEveryone: true,
      content: '',
    });
    expect(fresh.filter((message) => message.editedAt !== null)).toHaveLength(4);
  });

  it('pages history newest first with a cursor that stays stable while new messages arrive', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await befriend(alice, bob);
    const { socket } = await connectAuthed(server, alice.token);
    for (let index = 0; index < 7; index++) await sendDm(socket, bob, `m${index}`);
    const first = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}?limit=3`);
    expect(first.messages.map((message) => message.content)).toEqual(['m6', 'm5', 'm4']);
    // New messages arriving between pages never shift the older pages.
    await Promise.all([sendDm(socket, bob, 'new1'), postDm(alice.api, bob, 'new2')]);
    const second = await call(
      bob.api,
      ZMessagesResponse,
      'GET',
      `/api/messages/${alice.userId}?limit=3&before=${first.nextCursor}`,
    );
    expect(second.messages.map((message) => message.content)).toEqual(['m3', 'm2', 'm1']);
    const third = await call(
      bob.api,
      ZMessagesResponse,
      'GET',
      `/api/messages/${alice.userId}?limit=3&before=${second.nextCursor}`,
    );
    expect(third.messages.map((message) => message.content)).toEqual(['m0']);
    expect(third).toMatchObject({ hasMore: false, nextCursor: null });
  });
});

describe('server restart', () => {
  it('delivers messages stored before a restart when the recipient connects to the new server', async () => {
    const database = uniqueName('dm_restart_');
    const first = await startTestServer({ database });
    let second: TestServer | undefined;
    try {
      const alice = await first.signUp();
      const bob = await first.signUp();
      await befriend(alice, bob);
      const stored = [
        await postDm(alice.api, bob, 'sent before the restart'),
        await postDm(alice.api, bob, 'me too'),
      ];
      await first.close();

      second = await startTestServer({ database });
      const aliceSocket: GuftaguSocket = second.socket(alice.token);
      await nextEvent(aliceSocket, 'authenticated');
      const delivered = recordEvents(aliceSocket, 'dm_delivered');
      const bobSocket = second.socket(bob.token);
      const received = recordEvents(bobSocket, 'dm_receive');
      expect((await nextEvent(bobSocket, 'authenticated')).unreadMessages).toBe(2);
      await received.waitFor((payload) => payload.id === stored[1]?.id);
      expect(received.payloads.map((payload) => payload.content)).toEqual([
        'sent before the restart',
        'me too',
      ]);
      expect((await delivered.waitFor(() => true)).messageIds).toEqual(stored.map((message) => message.id));
    } finally {
      await second?.close();
      await first.close().catch(() => undefined);
    }
  });
});

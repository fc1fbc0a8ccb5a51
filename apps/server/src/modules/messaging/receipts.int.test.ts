import { ZDmUnreadResponse, ZMarkDmReadResponse, ZMessagesResponse, ZOkResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  emitAck,
  eventually,
  nextEvent,
  recordAllEvents,
  recordEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { postDm, sendDm, setPrivacy } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function friends(): Promise<[SignedUp, SignedUp]> {
  const a = await server.signUp();
  const b = await server.signUp();
  await befriend(a, b);
  return [a, b];
}

const unread = (user: SignedUp) => call(user.api, ZDmUnreadResponse, 'GET', '/api/messages/unread');
const statusOf = async (viewer: SignedUp, other: SignedUp, id: string) =>
  (await call(viewer.api, ZMessagesResponse, 'GET', `/api/messages/${other.userId}`)).messages.find(
    (message) => message.id === id,
  )?.status;

describe('delivery and read receipts', () => {
  it('moves sent → delivered → read and tells the sender once, even from two tabs', async () => {
    const [alice, bob] = await friends();
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const { socket: bobTab1 } = await connectAuthed(server, bob.token);
    const { socket: bobTab2 } = await connectAuthed(server, bob.token);
    const delivered = recordEvents(aliceSocket, 'dm_delivered');
    const read = recordEvents(aliceSocket, 'dm_read');
    const message = await sendDm(aliceSocket, bob, 'tick tick');
    expect(message.status).toBe('sent');

    await Promise.all(
      [bobTab1, bobTab2].map((tab) => emitAck(tab, 'dm_mark_delivered', { messageIds: [message.id] })),
    );
    expect(await delivered.waitFor(() => true)).toMatchObject({
      messageId: message.id,
      messageIds: [message.id],
      toUserId: bob.userId,
    });
    expect(await statusOf(alice, bob, message.id)).toBe('delivered');

    const unreadUpdate = nextEvent(bobTab2, 'dm_unread_update');
    const readElsewhere = recordEvents(bobTab2, 'dm_read');
    await Promise.all(
      [bobTab1, bobTab2].map((tab) => emitAck(tab, 'dm_mark_read', { fromUserId: alice.userId })),
    );
    expect(await read.waitFor(() => true)).toMatchObject({ messageIds: [message.id], readBy: bob.userId });
    expect(await unreadUpdate).toEqual({ total: 0, byUser: { [alice.userId]: 0 } });
    // Bob's other tab learns which messages were read, so its state matches a fresh load.
    expect((await readElsewhere.waitFor(() => true)).messageIds).toEqual([message.id]);
    expect(await statusOf(alice, bob, message.id)).toBe('read');
    await settle(aliceSocket);
    expect(delivered.payloads).toHaveLength(1);
    expect(read.payloads).toHaveLength(1);
  });

  it('never reports "read" to the sender when the reader turned read receipts off', async () => {
    const [alice, bob] = await friends();
    await setPrivacy(bob, { sendReadReceipts: false });
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const heard = recordAllEvents(aliceSocket);
    const message = await sendDm(aliceSocket, bob, 'did you read this?');
    const answer = await call(bob.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read', {
      messageIds: [message.id],
    });
    expect(answer.messageIds).toEqual([message.id]);
    await eventually(() => heard.names().includes('dm_delivered'), 'the sender hears delivered');
    await settle(aliceSocket);
    expect(heard.names()).not.toContain('dm_read');
    expect(await statusOf(alice, bob, message.id)).toBe('delivered');
    // Bob himself still sees the truth.
    expect(await statusOf(bob, alice, message.id)).toBe('read');
  });

  it('keeps unread counts exact per user and in total, live, through mark all as read', async () => {
    const [alice, bob] = await friends();
    const carol = await server.signUp();
    await befriend(carol, bob);
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const updates = recordEvents(bobSocket, 'dm_unread_update');
    await postDm(alice.api, bob, 'one');
    await postDm(alice.api, bob, 'two');
    const carolMessage = await postDm(carol.api, bob, 'three');
    await updates.waitFor((update) => update.total === 3);
    expect(await unread(bob)).toMatchObject({ total: 3, byUser: { [alice.userId]: 2, [carol.userId]: 1 } });

    // Deleting an unread message for everyone takes it out of the count.
    await call(carol.api, ZOkResponse, 'DELETE', `/api/messages/by-id/${carolMessage.id}?scope=everyone`);
    await updates.waitFor((update) => update.total === 2);
    await call(bob.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read-all');
    await updates.waitFor((update) => update.total === 0);
    expect(await unread(bob)).toEqual({ success: true, total: 0, byUser: {} });
    const { authenticated } = await connectAuthed(server, bob.token);
    expect(authenticated.unreadMessages).toBe(0);
  });

  it('creates a new_message notification unless the recipient is looking at that conversation', async () => {
    const [alice, bob] = await friends();
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const notifications = recordEvents(bobSocket, 'notification_new');
    await postDm(alice.api, bob, 'you are not looking');
    const first = await notifications.waitFor(() => true);
    expect(first).toMatchObject({ type: 'new_message', relatedUserId: alice.userId });

    await emitAck(bobSocket, 'dm_viewing', { userId: alice.userId });
    await postDm(alice.api, bob, 'now you are');
    await emitAck(bobSocket, 'dm_viewing', { userId: null });
    await postDm(alice.api, bob, 'and now you left');
    await notifications.waitFor((payload) => payload.content === 'and now you left');
    expect(notifications.payloads.map((payload) => payload.content)).toEqual([
      'you are not looking',
      'and now you left',
    ]);
  });
});

describe('offline delivery', () => {
  it('delivers waiting messages when the recipient connects and tells the sender', async () => {
    const [alice, bob] = await friends();
    const { socket: aliceSocket } = await connectAuthed(server, alice.token);
    const delivered = recordEvents(aliceSocket, 'dm_delivered');
    const waiting = [
      await sendDm(aliceSocket, bob, 'while you were out'),
      await sendDm(aliceSocket, bob, 'and this'),
    ];

    const bobSocket = server.socket(bob.token);
    const received = recordEvents(bobSocket, 'dm_receive');
    const { unreadMessages } = await nextEvent(bobSocket, 'authenticated');
    expect(unreadMessages).toBe(2);
    await received.waitFor((payload) => payload.id === waiting[1]?.id);
    expect(received.payloads.map((payload) => payload.id)).toEqual(waiting.map((message) => message.id));
    const receipt = await delivered.waitFor(() => true);
    expect(receipt.messageIds).toEqual(waiting.map((message) => message.id));
    expect(await statusOf(alice, bob, waiting[0]?.id ?? '')).toBe('delivered');
  });
});

import { ZSendDmResponse } from '@guftagu/contracts';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  connectAuthed,
  emitAck,
  eventually,
  expectApiError,
  nextEvent,
  recordEvents,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError, nonce, sendDm } from '../../../test/messaging-helpers.js';
import { unreadBySender } from './messaging.repo.js';
import { unreadCountsBySender } from './send.repo.js';

/**
 * The send path's edges that its folded statements introduce (send.repo.ts): the decision is made
 * on a forecast read before the user locks were granted and must be re-checked under them, and a
 * replay is detected by the insert (or after a refusal), not by a lookup up front.
 */

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

const messagesFrom = async (user: SignedUp): Promise<number> =>
  (await server.db.query('select count(*)::int as n from dm_messages where sender_id = $1', [user.userId]))
    .rows[0].n;

/**
 * Runs `change` in a transaction that holds both users the way social.repo's `lockUsers` does (a
 * block, an unfriend), starts `send` while it is open, waits until the send is queued behind the lock,
 * and only then commits: the send's first statement has taken its snapshot before the change.
 */
async function commitWhileSendWaits<T>(
  users: [SignedUp, SignedUp],
  change: (client: pg.PoolClient) => Promise<void>,
  send: () => Promise<T>,
): Promise<T> {
  const client = await server.db.connect();
  try {
    await client.query('begin');
    await client.query('select id from users where id = any($1) order by id for no key update', [
      users.map((user) => user.userId),
    ]);
    await change(client);
    const sent = send();
    await eventually(async () => {
      const { rows } = await server.db.query(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike '%for share%'`,
      );
      return rows[0].n > 0;
    }, 'the send waits for the user locks');
    await client.query('commit');
    return await sent;
  } finally {
    client.release();
  }
}

describe('deciding under the locks', () => {
  it('refuses a message when a block commits while the send waits for the users', async () => {
    const [alice, bob] = await friends();
    const { socket } = await connectAuthed(server, alice.token);
    await sendDm(socket, bob, 'before the block');
    const ack = await commitWhileSendWaits(
      [alice, bob],
      async (client) => {
        await client.query('insert into blocks (blocker_id, blocked_id) values ($1, $2)', [
          bob.userId,
          alice.userId,
        ]);
      },
      () => emitAck(socket, 'dm_send', { to: bob.userId, message: 'after the block', nonce: nonce() }),
    );
    expect(ack).toMatchObject({ success: false, code: 'BLOCKED' });
    expect(await messagesFrom(alice)).toBe(1);
  });

  it('turns a message into a request when an unfriend commits while the send waits', async () => {
    const [alice, bob] = await friends();
    const aliceTab = await connectAuthed(server, alice.token);
    const bobTab = await connectAuthed(server, bob.token);
    await sendDm(aliceTab.socket, bob, 'as friends');
    const request = nextEvent(bobTab.socket, 'dm_request_received');
    const ack = await commitWhileSendWaits(
      [alice, bob],
      async (client) => {
        await client.query(
          'delete from friendships where (user_id = $1 and friend_id = $2) or (user_id = $2 and friend_id = $1)',
          [alice.userId, bob.userId],
        );
      },
      () =>
        emitAck(aliceTab.socket, 'dm_send', { to: bob.userId, message: 'not friends now', nonce: nonce() }),
    );
    const sent = ZSendDmResponse.parse(ack).message;
    expect((await request).message.id).toBe(sent.id);
    const { rows } = await server.db.query(
      'select request_state, requested_by from dm_conversations where id = $1',
      [sent.conversationId],
    );
    expect(rows[0]).toEqual({ request_state: 'pending', requested_by: alice.userId });
  });
});

describe('replays', () => {
  it('return the original even after the sender was blocked', async () => {
    const [alice, bob] = await friends();
    const { socket } = await connectAuthed(server, alice.token);
    const payload = { to: bob.userId, message: 'sent once', nonce: nonce() };
    const first = ZSendDmResponse.parse(await emitAck(socket, 'dm_send', payload));
    await bob.api.request('POST', `/api/users/${alice.userId}/block`);
    const again = ZSendDmResponse.parse(await emitAck(socket, 'dm_send', payload));
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(await messagesFrom(alice)).toBe(1);
  });

  it('refuse a changed `to` with IDEMPOTENCY_CONFLICT, without creating the conversation it names', async () => {
    const [alice, bob] = await friends();
    const carol = await server.signUp();
    const { socket } = await connectAuthed(server, alice.token);
    const used = nonce();
    const first = ZSendDmResponse.parse(
      await emitAck(socket, 'dm_send', { to: bob.userId, message: 'to bob', nonce: used }),
    );
    // Before #17 this answered the first message as a success; the same key for a different request
    // is now a conflict, as idempotency keys are elsewhere.
    const again = await expectAckError(
      socket,
      'dm_send',
      { to: carol.userId, message: 'to carol', nonce: used },
      'IDEMPOTENCY_CONFLICT',
    );
    expect(again).toMatchObject({ details: { field: 'to', messageId: first.message.id } });
    const { rows } = await server.db.query(
      'select count(*)::int as n from dm_conversations where $1 in (user_low_id, user_high_id) and $2 in (user_low_id, user_high_id)',
      [alice.userId, carol.userId],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('a reused nonce', () => {
  it('with different text, reply or recipient is IDEMPOTENCY_CONFLICT; the same message stays idempotent', async () => {
    const [alice, bob] = await friends();
    const { socket } = await connectAuthed(server, alice.token);
    const used = nonce();
    const first = ZSendDmResponse.parse(
      await emitAck(socket, 'dm_send', { to: bob.userId, message: 'original', nonce: used }),
    );
    const changedText = await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: 'something else', nonce: used },
      'IDEMPOTENCY_CONFLICT',
    );
    expect(changedText).toMatchObject({ details: { field: 'message', nonce: used } });
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: 'original', nonce: used, replyTo: first.message.id },
      'IDEMPOTENCY_CONFLICT',
    );
    // Over REST the conflict is a 409 in the envelope.
    await expectApiError(
      alice.api.request('POST', '/api/messages/send', { to: bob.userId, message: 'rest', nonce: used }),
      409,
      'IDEMPOTENCY_CONFLICT',
    );
    const same = ZSendDmResponse.parse(
      await emitAck(socket, 'dm_send', { to: bob.userId, message: 'original', nonce: used }),
    );
    expect(same).toMatchObject({ duplicate: true, message: { id: first.message.id, content: 'original' } });
    expect(await messagesFrom(alice)).toBe(1);
  });
});

describe('the grouped notification', () => {
  it('keeps one per sender and pushes the exact unread notification count', async () => {
    const [alice, bob] = await friends();
    const aliceTab = await connectAuthed(server, alice.token);
    const bobTab = await connectAuthed(server, bob.token);
    const counts = recordEvents(bobTab.socket, 'notification_count_update');
    const titles = recordEvents(bobTab.socket, 'notification_new');
    for (const text of ['one', 'two', 'three']) await sendDm(aliceTab.socket, bob, text);
    await titles.waitFor((event) => event.title.startsWith('3 new messages'));
    const stored = await server.db.query(
      `select title, content, is_read from notifications where user_id = $1 and type = 'new_message'`,
      [bob.userId],
    );
    expect(stored.rows).toEqual([
      { title: expect.stringMatching(/^3 new messages/), content: 'three', is_read: false },
    ]);
    const { rows } = await server.db.query(
      'select count(*)::int as n from notifications where user_id = $1 and is_read = false',
      [bob.userId],
    );
    // Each message replaced the one before, so every push was the same exact count.
    await counts.waitFor(() => counts.payloads.length >= 3);
    expect(counts.payloads.map((event) => event.unreadCount)).toEqual([rows[0].n, rows[0].n, rows[0].n]);
  });
});

describe('unread counts', () => {
  it('per sender equal the per-message rule: hidden, deleted, read and rejected-request messages left out', async () => {
    const [alice, bob] = await friends();
    const carol = await server.signUp();
    const dave = await server.signUp();
    const sockets = await Promise.all(
      [alice, bob, carol, dave].map(async (user) => (await connectAuthed(server, user.token)).socket),
    );
    const [aliceSocket, bobSocket, carolSocket, daveSocket] = sockets as [
      (typeof sockets)[0],
      (typeof sockets)[0],
      (typeof sockets)[0],
      (typeof sockets)[0],
    ];
    const fromAlice = [];
    for (const text of ['a1', 'a2', 'a3', 'a4']) fromAlice.push(await sendDm(aliceSocket, bob, text));
    await sendDm(carolSocket, bob, 'a request from carol');
    await sendDm(daveSocket, bob, 'a request from dave');
    const [hidden, deleted, read] = fromAlice as [
      (typeof fromAlice)[0],
      (typeof fromAlice)[0],
      (typeof fromAlice)[0],
    ];
    expect((await emitAck(bobSocket, 'dm_delete', { messageId: hidden.id, scope: 'me' })).success).toBe(true);
    expect(
      (await emitAck(aliceSocket, 'dm_delete', { messageId: deleted.id, scope: 'everyone' })).success,
    ).toBe(true);
    await server.db.query('update dm_messages set read_at = now() where id = $1', [read.id]);
    await bob.api.request('POST', `/api/messages/requests/${carol.userId}/reject`);

    const db = drizzle(server.db);
    const expected = await unreadBySender(db, bob.userId);
    expect(expected).toEqual(
      new Map([
        [alice.userId, 1],
        [dave.userId, 1],
      ]),
    );
    expect(await unreadCountsBySender(db, bob.userId)).toEqual(expected);
  });
});

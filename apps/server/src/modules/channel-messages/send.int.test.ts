import { ZChannelMessagesResponse, ZNewMessage } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  emitAck,
  expectApiError,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import {
  community,
  expectAckError,
  heardPayloads,
  nonce,
  post,
  send,
  tab,
} from './channel-messages.test-support.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const rowsBy = async (userId: string): Promise<number> =>
  (await server.db.query('select count(*)::int as n from channel_messages where author_id = $1', [userId]))
    .rows[0].n;

describe('send_message', () => {
  it('stores the message and fans it out to every tab of every member, and to no outsider', async () => {
    const { owner, members, text, serverId } = await community(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const outsider = await server.signUp();
    const ownerTab = await tab(server, owner);
    const memberTab1 = await tab(server, member);
    const memberTab2 = await tab(server, member);
    const outsiderTab = await tab(server, outsider);

    const heard = recordEvents(ownerTab.socket, 'new_message');
    const message = await send(memberTab1.socket, text.id, 'Hello channel 👋🏽 — سلام');
    expect(message).toMatchObject({
      _id: message.id,
      content: 'Hello channel 👋🏽 — سلام',
      channel: text.id,
      channelId: text.id,
      server: serverId,
      serverId,
      user: { _id: member.userId, username: member.session.user.username },
      fileUrl: null,
      edited: false,
      pinned: false,
      reactions: [],
      attachments: [],
    });
    expect(message.user.discriminator).toMatch(/^\d{7}$/);
    expect(message.nonce).not.toBeNull();

    const received = await heard.waitFor((payload) => payload.id === message.id);
    // Seed 001's new-message fields, and the room copy never carries the author's nonce.
    expect(received).toMatchObject({
      _id: message.id,
      content: message.content,
      channel: text.id,
      nonce: null,
    });
    expect(received.createdAt).toBe(message.createdAt);

    for (const t of [ownerTab, memberTab1, memberTab2, outsiderTab]) await settle(t.socket);
    expect(heardPayloads(memberTab2, 'new_message')).toHaveLength(1);
    expect(heardPayloads(memberTab1, 'new_message')).toHaveLength(1);
    expect(outsiderTab.heard.names()).not.toContain('new_message');
  });

  it('answers a retried nonce with the original message and stores one row; a reused nonce is a conflict', async () => {
    const { members, text } = await community(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const memberTab = await tab(server, member);
    const key = nonce();
    const [first, second] = await Promise.all([
      emitAck(memberTab.socket, 'send_message', { channelId: text.id, content: 'once', nonce: key }),
      emitAck(memberTab.socket, 'send_message', { channelId: text.id, content: 'once', nonce: key }),
    ]);
    expect(first.success && second.success).toBe(true);
    const ids = [first, second].map((ack) => (ack as unknown as { message: { id: string } }).message.id);
    expect(ids[0]).toBe(ids[1]);
    const duplicates = [first, second].map((ack) => (ack as unknown as { duplicate: boolean }).duplicate);
    expect(duplicates.sort()).toEqual([false, true]);
    expect(await rowsBy(member.userId)).toBe(1);

    // REST retry of the same send is the same message too.
    const again = await post(member, text.id, 'once', { nonce: key });
    expect(again.id).toBe(ids[0]);
    await expectAckError(
      memberTab.socket,
      'send_message',
      { channelId: text.id, content: 'something else', nonce: key },
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await rowsBy(member.userId)).toBe(1);
  });

  it('refuses bad payloads with VALIDATION_ERROR and stores nothing', async () => {
    const { members, text } = await community(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const t = await tab(server, member);
    const bad: unknown[] = [
      { channelId: text.id, content: 'x'.repeat(2001) },
      { channelId: text.id, content: '   \n ' },
      { channelId: text.id },
      { content: 'no channel' },
      { channelId: 'not-a-uuid', content: 'hi' },
      { channelId: text.id, content: 'hi', fileUrl: 'javascript:alert(1)' },
      { channelId: text.id, content: 'hi', nonce: 'bad nonce!' },
      'just a string',
      null,
      42,
    ];
    for (const payload of bad) {
      const ack = await emitAck(t.socket, 'send_message', payload as never);
      expect(ack.success, JSON.stringify(payload)).toBe(false);
      if (!ack.success) expect(ack.code).toBe('VALIDATION_ERROR');
    }
    for (const payload of [{ channelId: text.id }, 42, null, 'not-a-uuid']) {
      const ack = await emitAck(t.socket, 'join_channel', payload as never);
      expect(ack.success).toBe(false);
    }
    await expectApiError(post(member, text.id, ''), 400, 'VALIDATION_ERROR');
    await expectApiError(
      member.api.request('GET', `/api/channels/${text.id}/messages?limit=1000`),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(member.api.request('GET', '/api/channels/nope/messages'), 400, 'VALIDATION_ERROR');
    expect(await rowsBy(member.userId)).toBe(0);
  });

  it('has no messages in a voice channel and hides channels from non-members', async () => {
    const { members, text, voice } = await community(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const outsider = await server.signUp();
    const outsiderTab = await tab(server, outsider);
    const memberTab = await tab(server, member);
    await expectAckError(
      memberTab.socket,
      'send_message',
      { channelId: voice.id, content: 'hi' },
      'BAD_REQUEST',
    );
    await expectApiError(member.api.request('GET', `/api/channels/${voice.id}/messages`), 400, 'BAD_REQUEST');
    await expectAckError(
      outsiderTab.socket,
      'send_message',
      { channelId: text.id, content: 'hi' },
      'NOT_FOUND',
    );
    await expectAckError(outsiderTab.socket, 'join_channel', text.id, 'NOT_FOUND');
    await expectApiError(outsider.api.request('GET', `/api/channels/${text.id}/messages`), 404, 'NOT_FOUND');
    await expectApiError(post(outsider, text.id, 'hi'), 404, 'NOT_FOUND');
    await expectApiError(
      outsider.api.request('GET', '/api/channels/00000000-0000-7000-8000-000000000000/messages'),
      404,
      'NOT_FOUND',
    );
    expect(await rowsBy(outsider.userId)).toBe(0);
  });

  it('join_channel and leave_channel answer with the seed events', async () => {
    const { members, text } = await community(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const t = await tab(server, member);
    const joined = await emitAck(t.socket, 'join_channel', text.id);
    expect(joined).toMatchObject({ success: true, channelId: text.id });
    const left = await emitAck(t.socket, 'leave_channel', text.id);
    expect(left).toMatchObject({ success: true, channelId: text.id });
    await settle(t.socket);
    expect(heardPayloads(t, 'channel_joined')).toEqual([{ channelId: text.id }]);
    expect(heardPayloads(t, 'channel_left')).toEqual([{ channelId: text.id }]);
  });

  it('typing reaches the other members and not the typing socket', async () => {
    const { owner, members, text } = await community(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const ownerTab = await tab(server, owner);
    const memberTab = await tab(server, member);
    const typing = recordEvents(ownerTab.socket, 'user_typing');
    const stopped = recordEvents(ownerTab.socket, 'user_stop_typing');
    expect((await emitAck(memberTab.socket, 'typing', { channelId: text.id })).success).toBe(true);
    expect(await typing.waitFor(() => true)).toMatchObject({
      userId: member.userId,
      username: member.session.user.username,
      channelId: text.id,
    });
    expect((await emitAck(memberTab.socket, 'stop_typing', { channelId: text.id })).success).toBe(true);
    expect(await stopped.waitFor(() => true)).toEqual({ userId: member.userId, channelId: text.id });
    await settle(memberTab.socket);
    expect(memberTab.heard.names()).not.toContain('user_typing');
  });
});

describe('history', () => {
  it('pages before, after and around a message without gaps or repeats', async () => {
    const { owner, text } = await community(server, 0);
    const sent = [];
    for (let index = 0; index < 7; index += 1) sent.push(await post(owner, text.id, `m${index}`));
    const ids = sent.map((message) => message.id);
    const path = `/api/channels/${text.id}/messages`;

    const first = await call(owner.api, ZChannelMessagesResponse, 'GET', `${path}?limit=3`);
    expect(first.messages.map((m) => m.content)).toEqual(['m6', 'm5', 'm4']);
    expect(first.hasMore).toBe(true);
    const second = await call(owner.api, ZChannelMessagesResponse, 'GET', `${path}?limit=3&before=${ids[4]}`);
    expect(second.messages.map((m) => m.content)).toEqual(['m3', 'm2', 'm1']);
    const third = await call(owner.api, ZChannelMessagesResponse, 'GET', `${path}?limit=3&before=${ids[1]}`);
    expect(third.messages.map((m) => m.content)).toEqual(['m0']);
    expect(third.hasMore).toBe(false);

    const after = await call(owner.api, ZChannelMessagesResponse, 'GET', `${path}?limit=2&after=${ids[2]}`);
    expect(after.messages.map((m) => m.content)).toEqual(['m4', 'm3']);
    expect(after.hasMoreAfter).toBe(true);

    const around = await call(owner.api, ZChannelMessagesResponse, 'GET', `${path}?limit=4&around=${ids[3]}`);
    expect(around.messages.map((m) => m.content)).toEqual(['m4', 'm3', 'm2', 'm1']);
    expect(around.hasMoreBefore && around.hasMoreAfter).toBe(true);

    await expectApiError(
      owner.api.request('GET', `${path}?before=${ids[1]}&after=${ids[2]}`),
      400,
      'VALIDATION_ERROR',
    );
    for (const message of first.messages) ZNewMessage.parse(message);
  });
});

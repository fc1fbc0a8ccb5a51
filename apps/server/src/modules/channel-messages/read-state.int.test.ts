import {
  ZChannelMessagesResponse,
  ZChannelReadResponse,
  ZNotificationsResponse,
  ZServerUnreadResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  connectAuthed,
  emitAck,
  recordEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import {
  assign,
  community,
  createRole,
  heardPayloads,
  post,
  send,
  syncAck,
  tab,
} from './channel-messages.test-support.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const unread = (user: SignedUp, serverId: string) =>
  call(user.api, ZServerUnreadResponse, 'GET', `/api/servers/${serverId}/unread`);

const notificationsOf = async (user: SignedUp) =>
  (await call(user.api, ZNotificationsResponse, 'GET', '/api/notifications')).notifications;

describe('mentions', () => {
  it('notifies mentioned users and role holders who can see the channel, never the author or bystanders', async () => {
    const ctx = await community(server, 3);
    const [named, roleHolder, bystander] = ctx.members as [SignedUp, SignedUp, SignedUp];
    const role = await createRole(ctx.owner, ctx.serverId, { name: 'oncall', mentionable: true });
    await assign(ctx.owner, ctx.serverId, role.id, roleHolder.userId);
    const outsider = await server.signUp();
    const namedTab = await tab(server, named);
    const arrived = recordEvents(namedTab.socket, 'notification_new');

    const message = await post(
      ctx.owner,
      ctx.text.id,
      `hi <@${named.userId}> and <@&${role.id}>, not <@${outsider.userId}> nor <@${ctx.owner.userId}>`,
    );
    expect(message.mentions).toEqual({
      users: [named.userId, outsider.userId, ctx.owner.userId],
      roles: [role.id],
      everyone: false,
    });
    const live = await arrived.waitFor((payload) => payload.relatedId === message.id);
    expect(live.title).toContain('mentioned you');

    expect((await notificationsOf(named)).map((n) => n.relatedId)).toContain(message.id);
    expect((await notificationsOf(roleHolder)).map((n) => n.relatedId)).toContain(message.id);
    expect((await notificationsOf(bystander)).map((n) => n.relatedId)).not.toContain(message.id);
    expect((await notificationsOf(outsider)).map((n) => n.relatedId)).not.toContain(message.id);
    expect((await notificationsOf(ctx.owner)).map((n) => n.relatedId)).not.toContain(message.id);

    const counts = await unread(named, ctx.serverId);
    expect(counts.channels.find((c) => c.channelId === ctx.text.id)).toMatchObject({
      unreadCount: 1,
      mentionCount: 1,
    });
    expect((await unread(bystander, ctx.serverId)).mentionCount).toBe(0);

    // Deleting the message withdraws the notification and the mention count.
    await ctx.owner.api.request('DELETE', `/api/channels/${ctx.text.id}/messages/${message.id}`);
    expect((await notificationsOf(named)).map((n) => n.relatedId)).not.toContain(message.id);
    expect((await unread(named, ctx.serverId)).mentionCount).toBe(0);
  });

  it('@everyone from the owner counts as a mention for every member', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    await post(ctx.owner, ctx.text.id, 'meeting now @everyone');
    expect(await unread(member, ctx.serverId)).toMatchObject({ unreadCount: 1, mentionCount: 1 });
  });
});

describe('unread state', () => {
  it('counts others’ messages after the read position, moves only forward, and tells every tab', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    const tab1 = await tab(server, member);
    const tab2 = await tab(server, member);
    const sent = [];
    for (let index = 0; index < 4; index += 1) sent.push(await post(ctx.owner, ctx.text.id, `n${index}`));
    await post(member, ctx.text.id, 'my own never counts');
    const before = await unread(member, ctx.serverId);
    expect(before.channels.find((c) => c.channelId === ctx.text.id)).toMatchObject({
      unreadCount: 4,
      lastReadId: null,
    });
    // Channels without messages (voice) are listed with nothing unread, if at all.
    expect(before.channels.find((c) => c.channelId === ctx.voice.id)?.unreadCount ?? 0).toBe(0);

    const tab2Updates = recordEvents(tab2.socket, 'channel_read_update');
    const ack = await emitAck(tab1.socket, 'mark_channel_read', {
      channelId: ctx.text.id,
      messageId: sent[2]?.id ?? '',
    });
    expect(ack).toMatchObject({ success: true, state: { unreadCount: 1, lastReadId: sent[2]?.id } });
    expect(await tab2Updates.waitFor(() => true)).toMatchObject({
      channelId: ctx.text.id,
      serverId: ctx.serverId,
      unreadCount: 1,
    });
    // An older position from a stale tab never moves it back.
    const stale = await call(member.api, ZChannelReadResponse, 'PUT', `/api/channels/${ctx.text.id}/read`, {
      messageId: sent[0]?.id,
    });
    expect(stale.state).toMatchObject({ lastReadId: sent[2]?.id, unreadCount: 1 });
    // Two tabs racing to different positions end at the newer one.
    await Promise.all([
      emitAck(tab1.socket, 'mark_channel_read', { channelId: ctx.text.id, messageId: sent[3]?.id ?? '' }),
      emitAck(tab2.socket, 'mark_channel_read', { channelId: ctx.text.id, messageId: sent[1]?.id ?? '' }),
    ]);
    expect(await unread(member, ctx.serverId)).toMatchObject({ unreadCount: 0, mentionCount: 0 });
    await expectMessageIdForeignRefused(member, ctx.text.id, ctx.voice.id);
  });
});

async function expectMessageIdForeignRefused(member: SignedUp, textId: string, otherId: string) {
  const other = await member.api.request('PUT', `/api/channels/${otherId}/read`, { messageId: textId }).then(
    () => 'ok',
    (error: { code: string }) => error.code,
  );
  expect(other).not.toBe('ok');
}

describe('catch-up after reconnect', () => {
  it('returns exactly what was missed: new messages once, changes, deletions; no gaps, no duplicates', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    const first = await tab(server, member);
    const seen = await send(first.socket, ctx.text.id, 'seen live');
    const edited = await post(ctx.owner, ctx.text.id, 'will be edited');
    const removed = await post(ctx.owner, ctx.text.id, 'will be removed');
    await settle(first.socket);
    const live = heardPayloads<{ id: string }>(first, 'new_message').map((m) => m.id);
    expect(live).toEqual([seen.id, edited.id, removed.id]);
    const changedSince = new Date().toISOString();
    const lastKnown = removed.id;
    first.socket.disconnect();

    // While the member is away.
    const missed = [];
    for (let index = 0; index < 5; index += 1)
      missed.push(await post(ctx.owner, ctx.text.id, `missed ${index}`));
    await ctx.owner.api.request('PUT', `/api/channels/${ctx.text.id}/messages/${edited.id}`, {
      content: 'edited!',
    });
    await ctx.owner.api.request('DELETE', `/api/channels/${ctx.text.id}/messages/${removed.id}`);
    await ctx.owner.api.request(
      'PUT',
      `/api/channels/${ctx.text.id}/messages/${seen.id}/reactions/${encodeURIComponent('🔥')}`,
    );

    const { socket } = await connectAuthed(server, member.token);
    const synced = await syncAck(socket, { after: { [ctx.text.id]: lastKnown }, changedSince });
    expect(synced.messages.map((m) => m.id)).toEqual(missed.map((m) => m.id));
    expect(synced.changed.map((m) => m.id).sort()).toEqual([seen.id, edited.id].sort());
    expect(synced.changed.find((m) => m.id === edited.id)?.content).toBe('edited!');
    expect(synced.changed.find((m) => m.id === seen.id)?.reactions).toEqual([
      { emoji: '🔥', count: 1, mine: false, userIds: [ctx.owner.userId] },
    ]);
    expect(synced.removed).toEqual([removed.id]);
    expect(synced.hasMore).toBe(false);
    // Syncing from the newest id gives nothing new: no duplicates.
    const again = await syncAck(socket, { after: { [ctx.text.id]: missed[4]?.id ?? null } });
    expect(again.messages).toEqual([]);
    // History after the last known id agrees with sync.
    const page = await call(
      member.api,
      ZChannelMessagesResponse,
      'GET',
      `/api/channels/${ctx.text.id}/messages?after=${lastKnown}`,
    );
    expect(page.messages.map((m) => m.id).reverse()).toEqual(missed.map((m) => m.id));
    socket.disconnect();
  });
});

describe('reactions and pins', () => {
  it('one reaction per emoji per user, announced to the room; pins listed and announced', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    const ownerTab = await tab(server, ctx.owner);
    const memberTab = await tab(server, member);
    const message = await send(memberTab.socket, ctx.text.id, 'react to me');
    const path = `/api/channels/${ctx.text.id}/messages/${message.id}/reactions/${encodeURIComponent('👍🏽')}`;
    await Promise.all([member.api.request('PUT', path), member.api.request('PUT', path)]);
    await ctx.owner.api.request('PUT', path);
    await settle(ownerTab.socket);
    const added = heardPayloads<{ count: number; userId: string }>(ownerTab, 'reaction_added');
    expect(added.map((a) => [a.userId, a.count])).toEqual([
      [member.userId, 1],
      [ctx.owner.userId, 2],
    ]);
    await member.api.request('DELETE', path);
    await settle(ownerTab.socket);
    expect(heardPayloads(ownerTab, 'reaction_removed')).toHaveLength(1);
    const bad = await member.api
      .request('PUT', `/api/channels/${ctx.text.id}/messages/${message.id}/reactions/abc`)
      .then(
        () => 'ok',
        (error: { code: string }) => error.code,
      );
    expect(bad).toBe('VALIDATION_ERROR');

    const pinned = await emitAck(ownerTab.socket, 'pin_message', { messageId: message.id });
    expect(pinned).toMatchObject({ success: true, message: { pinned: true } });
    await settle(memberTab.socket);
    expect(heardPayloads(memberTab, 'message_pinned')).toMatchObject([
      { messageId: message.id, pinnedBy: ctx.owner.userId },
    ]);
    const pins = (await member.api.request('GET', `/api/channels/${ctx.text.id}/pins`)) as {
      messages: Array<{ id: string }>;
    };
    expect(pins.messages.map((m) => m.id)).toEqual([message.id]);
    await ctx.owner.api.request('DELETE', `/api/channels/${ctx.text.id}/pins/${message.id}`);
    await settle(memberTab.socket);
    expect(heardPayloads(memberTab, 'message_unpinned')).toHaveLength(1);
  });
});

describe('blocked authors', () => {
  it('marks a blocked user’s messages for the blocker only', async () => {
    const ctx = await community(server, 2);
    const [blocker, blocked] = ctx.members as [SignedUp, SignedUp];
    await blocker.api.request('POST', `/api/users/${blocked.userId}/block`);
    const message = await post(blocked, ctx.text.id, 'you will not see me');
    const forBlocker = await call(
      blocker.api,
      ZChannelMessagesResponse,
      'GET',
      `/api/channels/${ctx.text.id}/messages`,
    );
    expect(forBlocker.messages.find((m) => m.id === message.id)?.authorBlocked).toBe(true);
    const forOwner = await call(
      ctx.owner.api,
      ZChannelMessagesResponse,
      'GET',
      `/api/channels/${ctx.text.id}/messages`,
    );
    expect(forOwner.messages.find((m) => m.id === message.id)?.authorBlocked).toBeUndefined();
  });
});

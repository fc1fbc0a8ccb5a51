import type { PermissionName } from '@guftagu/contracts';
import { ZChannelMessagesResponse, ZChannelPinsResponse, ZChannelSearchResponse } from '@guftagu/contracts';
import type { ApiError } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  emitAck,
  expectApiError,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import {
  assign,
  community,
  createChannel,
  createRole,
  expectAckError,
  heardPayloads,
  join,
  nonce,
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

async function overwrite(
  actor: SignedUp,
  channelId: string,
  targetId: string,
  type: 'role' | 'member',
  body: { allow?: PermissionName[]; deny?: PermissionName[] },
) {
  await actor.api.request('PUT', `/api/channels/${channelId}/permissions/${targetId}`, { type, ...body });
}

const statusOf = (promise: Promise<unknown>): Promise<number | string> =>
  promise.then(
    () => 'ok',
    (error: ApiError) => error.status,
  );

type Ctx = Awaited<ReturnType<typeof community>> & { target: { id: string } };

interface Case {
  name: string;
  flag: PermissionName;
  /** Grants the flag to a member in this setup (default: @everyone already has it). */
  viaRole?: boolean;
  act(user: SignedUp, ctx: Ctx): Promise<unknown>;
}

/**
 * Every route against four subjects: someone outside the server (404: nothing leaks), a member
 * denied the flag by a channel overwrite (403, or 404 when the flag is VIEW_CHANNEL), a member who
 * holds it (by default or through a role) and the owner.
 */
const cases: Case[] = [
  {
    name: 'GET messages',
    flag: 'READ_MESSAGE_HISTORY',
    act: (u, c) => u.api.request('GET', `/api/channels/${c.text.id}/messages`),
  },
  {
    name: 'GET pins',
    flag: 'READ_MESSAGE_HISTORY',
    act: (u, c) => u.api.request('GET', `/api/channels/${c.text.id}/pins`),
  },
  { name: 'POST message', flag: 'SEND_MESSAGES', act: (u, c) => post(u, c.text.id, 'hello') },
  {
    name: 'POST message with fileUrl',
    flag: 'ATTACH_FILES',
    act: (u, c) => post(u, c.text.id, 'file', { fileUrl: 'https://example.com/a.png' }),
  },
  {
    name: 'PUT reaction',
    flag: 'ADD_REACTIONS',
    act: (u, c) =>
      u.api.request(
        'PUT',
        `/api/channels/${c.text.id}/messages/${c.target.id}/reactions/${encodeURIComponent('👍')}`,
      ),
  },
  {
    name: 'PUT pin',
    flag: 'MANAGE_MESSAGES',
    viaRole: true,
    act: (u, c) => u.api.request('PUT', `/api/channels/${c.text.id}/pins/${c.target.id}`),
  },
  {
    name: "DELETE someone else's message",
    flag: 'MANAGE_MESSAGES',
    viaRole: true,
    act: async (u, c) => {
      const victim = await post(c.members[2] as SignedUp, c.text.id, 'to be deleted');
      return u.api.request('DELETE', `/api/channels/${c.text.id}/messages/${victim.id}`);
    },
  },
  {
    name: 'PUT read',
    flag: 'VIEW_CHANNEL',
    act: (u, c) => u.api.request('PUT', `/api/channels/${c.text.id}/read`, { messageId: c.target.id }),
  },
];

describe('permission matrix', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: outsider 404, member without ${testCase.flag} refused, member with it and owner allowed`, async () => {
      const ctx = await community(server, 3);
      const [denied, granted, author] = ctx.members as [SignedUp, SignedUp, SignedUp];
      const target = await post(author, ctx.text.id, 'target');
      const full: Ctx = { ...ctx, target };
      const outsider = await server.signUp();
      await overwrite(ctx.owner, ctx.text.id, denied.userId, 'member', { deny: [testCase.flag] });
      if (testCase.viaRole) {
        const role = await createRole(ctx.owner, ctx.serverId, {
          name: 'mods',
          permissions: [testCase.flag],
        });
        await assign(ctx.owner, ctx.serverId, role.id, granted.userId);
      }
      expect(await statusOf(testCase.act(outsider, full))).toBe(404);
      expect(await statusOf(testCase.act(denied, full))).toBe(testCase.flag === 'VIEW_CHANNEL' ? 404 : 403);
      expect(await statusOf(testCase.act(granted, full))).toBe('ok');
      expect(await statusOf(testCase.act(ctx.owner, full))).toBe('ok');
    });
  }

  it('socket events follow the same rules as their REST twins', async () => {
    const ctx = await community(server, 2);
    const [denied, author] = ctx.members as [SignedUp, SignedUp];
    const target = await post(author, ctx.text.id, 'target');
    await overwrite(ctx.owner, ctx.text.id, denied.userId, 'member', {
      deny: ['SEND_MESSAGES', 'ADD_REACTIONS'],
    });
    const deniedTab = await tab(server, denied);
    const ownerTab = await tab(server, ctx.owner);
    await expectAckError(
      deniedTab.socket,
      'send_message',
      { channelId: ctx.text.id, content: 'x' },
      'FORBIDDEN',
    );
    await expectAckError(deniedTab.socket, 'typing', { channelId: ctx.text.id }, 'FORBIDDEN');
    await expectAckError(
      deniedTab.socket,
      'add_reaction',
      { messageId: target.id, emoji: '🎉' },
      'FORBIDDEN',
    );
    await expectAckError(deniedTab.socket, 'pin_message', { messageId: target.id }, 'FORBIDDEN');
    await expectAckError(deniedTab.socket, 'delete_message', { messageId: target.id }, 'FORBIDDEN');
    await expectAckError(
      deniedTab.socket,
      'edit_message',
      { messageId: target.id, newContent: 'mine now' },
      'FORBIDDEN',
    );
    // The owner may delete anyone's message and pin, but never edit someone else's.
    await expectAckError(
      ownerTab.socket,
      'edit_message',
      { messageId: target.id, newContent: 'nope' },
      'FORBIDDEN',
    );
    expect((await emitAck(ownerTab.socket, 'pin_message', { messageId: target.id })).success).toBe(true);
    expect((await emitAck(ownerTab.socket, 'delete_message', { messageId: target.id })).success).toBe(true);
    // Deleting twice (another tab, a moderator at once) is a quiet no-op; the message is gone for REST.
    await expectAckError(ownerTab.socket, 'delete_message', { messageId: target.id }, 'NOT_FOUND');
    const page = await call(
      author.api,
      ZChannelMessagesResponse,
      'GET',
      `/api/channels/${ctx.text.id}/messages`,
    );
    expect(page.messages.map((m) => m.id)).not.toContain(target.id);
  });

  it('only the author edits; the edit reaches the room as message_edited', async () => {
    const ctx = await community(server, 2);
    const [author, other] = ctx.members as [SignedUp, SignedUp];
    const authorTab = await tab(server, author);
    const otherTab = await tab(server, other);
    const message = await send(authorTab.socket, ctx.text.id, 'first');
    await expectApiError(
      other.api.request('PUT', `/api/channels/${ctx.text.id}/messages/${message.id}`, { content: 'hijack' }),
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      author.api.request('PUT', `/api/channels/${ctx.voice.id}/messages/${message.id}`, {
        content: 'wrong channel',
      }),
      404,
      'NOT_FOUND',
    );
    const ack = await emitAck(authorTab.socket, 'edit_message', {
      messageId: message.id,
      newContent: 'second',
    });
    expect(ack).toMatchObject({ success: true, message: { content: 'second', edited: true } });
    await settle(otherTab.socket);
    const edited = heardPayloads(otherTab, 'message_edited');
    expect(edited).toEqual([
      { messageId: message.id, newContent: 'second', editedAt: expect.any(String), channelId: ctx.text.id },
    ]);
  });

  it('@everyone counts only from someone with MENTION_EVERYONE', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    const plain = await post(member, ctx.text.id, 'hey @everyone');
    expect(plain.mentions.everyone).toBe(false);
    const loud = await post(ctx.owner, ctx.text.id, 'hey @everyone');
    expect(loud.mentions.everyone).toBe(true);
  });

  it('announcement channels take posts only from those who run the server', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    const news = await createChannel(ctx.owner, ctx.serverId, { name: 'news', type: 'announcement' });
    await expectApiError(post(member, news.id, 'me too'), 403, 'FORBIDDEN');
    const posted = await post(ctx.owner, news.id, 'Release day');
    // A role allowed to post there may, without any moderation flag.
    const poster = await server.signUp();
    await join(poster as SignedUp, ctx.detail.server.inviteCode);
    const role = await createRole(ctx.owner, ctx.serverId, { name: 'press' });
    await assign(ctx.owner, ctx.serverId, role.id, poster.userId);
    await overwrite(ctx.owner, news.id, role.id, 'role', { allow: ['SEND_MESSAGES'] });
    const pressed = await post(poster as SignedUp, news.id, 'From the press');
    const page = await call(member.api, ZChannelMessagesResponse, 'GET', `/api/channels/${news.id}/messages`);
    expect(page.messages.map((m) => m.id)).toEqual([pressed.id, posted.id]);
  });

  it('slow mode holds a member to one message per interval, on every tab, but not moderators', async () => {
    const ctx = await community(server, 1);
    const [member] = ctx.members as [SignedUp];
    const slow = await createChannel(ctx.owner, ctx.serverId, {
      name: 'slow',
      type: 'text',
      slowModeSeconds: 60,
    });
    const tab1 = await tab(server, member);
    const tab2 = await tab(server, member);
    const acks = await Promise.all(
      [tab1, tab2].map((t) =>
        emitAck(t.socket, 'send_message', { channelId: slow.id, content: 'race', nonce: nonce() }),
      ),
    );
    expect(acks.filter((ack) => ack.success)).toHaveLength(1);
    const refused = acks.find((ack) => !ack.success);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
    await post(ctx.owner, slow.id, 'one');
    await post(ctx.owner, slow.id, 'two');
  });
});

describe('private channel', () => {
  it('a member without VIEW_CHANNEL hears nothing and cannot read, search, react or sync it', async () => {
    const ctx = await community(server, 2);
    const [insider, bystander] = ctx.members as [SignedUp, SignedUp];
    const secret = await createChannel(ctx.owner, ctx.serverId, { name: 'secret', type: 'text' });
    const role = await createRole(ctx.owner, ctx.serverId, { name: 'insiders' });
    await assign(ctx.owner, ctx.serverId, role.id, insider.userId);
    await overwrite(ctx.owner, secret.id, ctx.everyoneRoleId, 'role', { deny: ['VIEW_CHANNEL'] });
    await overwrite(ctx.owner, secret.id, role.id, 'role', { allow: ['VIEW_CHANNEL'] });

    const insiderTab = await tab(server, insider);
    const bystanderTab = await tab(server, bystander);
    const message = await send(insiderTab.socket, secret.id, 'launch codes zebra');
    await emitAck(insiderTab.socket, 'typing', { channelId: secret.id });
    await emitAck(insiderTab.socket, 'add_reaction', { messageId: message.id, emoji: '🤫' });
    await emitAck(insiderTab.socket, 'edit_message', {
      messageId: message.id,
      newContent: 'launch codes zebra!',
    });
    await settle(bystanderTab.socket);
    expect(bystanderTab.heard.names()).toEqual([]);

    await expectApiError(
      bystander.api.request('GET', `/api/channels/${secret.id}/messages`),
      404,
      'NOT_FOUND',
    );
    await expectApiError(bystander.api.request('GET', `/api/channels/${secret.id}/pins`), 404, 'NOT_FOUND');
    await expectApiError(post(bystander, secret.id, 'let me in'), 404, 'NOT_FOUND');
    await expectAckError(
      bystanderTab.socket,
      'add_reaction',
      { messageId: message.id, emoji: '👀' },
      'NOT_FOUND',
    );
    await expectAckError(bystanderTab.socket, 'join_channel', secret.id, 'NOT_FOUND');
    await expectApiError(
      bystander.api.request('PUT', `/api/channels/${secret.id}/read`, { messageId: message.id }),
      404,
      'NOT_FOUND',
    );
    const search = `/api/servers/${ctx.serverId}/search?q=zebra`;
    expect((await call(bystander.api, ZChannelSearchResponse, 'GET', search)).results).toEqual([]);
    expect(
      (await call(bystander.api, ZChannelSearchResponse, 'GET', `${search}&channelId=${secret.id}`)).results,
    ).toEqual([]);
    const found = await call(insider.api, ZChannelSearchResponse, 'GET', search);
    expect(found.results.map((result) => result.message.id)).toEqual([message.id]);
    expect(found.results[0]?.snippet).toContain('<mark>zebra</mark>');
    const synced = await syncAck(bystanderTab.socket, { after: { [secret.id]: null } });
    expect(synced).toMatchObject({ messages: [], changed: [], denied: [secret.id] });
    const outsider = await server.signUp();
    await expectApiError(outsider.api.request('GET', search), 404, 'NOT_FOUND');

    // Granting the role opens the channel at once: history, pins and live messages.
    await assign(ctx.owner, ctx.serverId, role.id, bystander.userId);
    const page = await call(
      bystander.api,
      ZChannelMessagesResponse,
      'GET',
      `/api/channels/${secret.id}/messages`,
    );
    expect(page.messages.map((m) => m.id)).toEqual([message.id]);
    await call(bystander.api, ZChannelPinsResponse, 'GET', `/api/channels/${secret.id}/pins`);
    const next = await send(insiderTab.socket, secret.id, 'welcome');
    await settle(bystanderTab.socket);
    expect(heardPayloads<{ id: string }>(bystanderTab, 'new_message').map((m) => m.id)).toContain(next.id);
  });

  it('search escapes markup and never returns a deleted message', async () => {
    const ctx = await community(server, 0);
    const hostile = await post(ctx.owner, ctx.text.id, '<img src=x onerror=alert(1)> quokka & "friends"');
    const gone = await post(ctx.owner, ctx.text.id, 'quokka secret');
    await ctx.owner.api.request('DELETE', `/api/channels/${ctx.text.id}/messages/${gone.id}`);
    const { results } = await call(
      ctx.owner.api,
      ZChannelSearchResponse,
      'GET',
      `/api/servers/${ctx.serverId}/search?q=quokka`,
    );
    expect(results.map((result) => result.message.id)).toEqual([hostile.id]);
    expect(results[0]?.snippet).not.toContain('<img');
    expect(results[0]?.snippet).toContain('&#60;img');
  });
});

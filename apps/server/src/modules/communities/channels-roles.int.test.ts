import {
  ZBansResponse,
  ZChannelResponse,
  ZChannelsResponse,
  ZCommunityOkResponse,
  ZMemberResponse,
  ZMembersResponse,
  ZRoleResponse,
  ZRolesResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  createChannel,
  createRole,
  join,
  present,
  serverWithMembers,
} from '../../../test/communities.js';
import {
  call,
  expectApiError,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { MAX_ROLES_PER_SERVER: '4', MAX_CHANNELS_PER_SERVER: '4' } });
});
afterAll(async () => {
  await server?.close();
});

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

/** Owner, a member holding `flags` through a role, a plain member and a stranger. */
async function cast(flags: string[]) {
  const { owner, serverId, members, detail } = await serverWithMembers(server, 2);
  const [holder, plain] = members as [SignedUp, SignedUp];
  const role = await createRole(owner, serverId, { name: 'Holder', permissions: flags });
  await assign(owner, serverId, role.id, holder.userId);
  const stranger = await server.signUp();
  return { owner, holder, plain, stranger, serverId, role, detail };
}

describe('channels', () => {
  it('create/update/delete need MANAGE_CHANNELS: stranger 404, plain 403, holder and owner succeed', async () => {
    const { owner, holder, plain, stranger, serverId, detail } = await cast(['MANAGE_CHANNELS']);
    const body = { name: 'news', type: 'announcement', topic: 'Read me' };
    await expectApiError(
      stranger.api.request('POST', `/api/servers/${serverId}/channels`, body),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      plain.api.request('POST', `/api/servers/${serverId}/channels`, body),
      403,
      'FORBIDDEN',
    );
    const channel = await createChannel(holder, serverId, body);
    expect(channel).toMatchObject({
      name: 'news',
      type: 'announcement',
      topic: 'Read me',
      slowModeSeconds: 0,
    });
    // Announcements are read-only for @everyone from the start.
    expect(channel.overwrites).toEqual([
      { targetId: present(detail.roles[0]).id, type: 'role', allow: [], deny: ['SEND_MESSAGES'] },
    ]);
    const category = await createChannel(owner, serverId, { name: 'Info', type: 'category' });

    await expectApiError(
      stranger.api.request('PUT', `/api/channels/${channel.id}`, { name: 'x' }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      plain.api.request('PUT', `/api/channels/${channel.id}`, { name: 'x' }),
      403,
      'FORBIDDEN',
    );
    const updated = await call(holder.api, ZChannelResponse, 'PUT', `/api/channels/${channel.id}`, {
      slowModeSeconds: 30,
      nsfw: true,
      parentId: category.id,
    });
    expect(updated.channel).toMatchObject({ slowModeSeconds: 30, nsfw: true, parentId: category.id });
    await expectApiError(
      holder.api.request('PUT', `/api/channels/${channel.id}`, { slowModeSeconds: 999_999 }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      holder.api.request('PUT', `/api/channels/${channel.id}`, { parentId: channel.id }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      holder.api.request('POST', `/api/servers/${serverId}/channels`, { name: 'x', type: 'forum' }),
      400,
      'VALIDATION_ERROR',
    );
    // The channel limit (4) is reached: general, General, news, Info.
    await expectApiError(createChannel(owner, serverId, { name: 'fifth' }), 409, 'CONFLICT');

    const got = await call(plain.api, ZChannelResponse, 'GET', `/api/channels/${channel.id}`);
    expect(got.channel.id).toBe(channel.id);
    await expectApiError(stranger.api.request('GET', `/api/channels/${channel.id}`), 404, 'NOT_FOUND');
    await expectApiError(owner.api.request('GET', `/api/channels/${UNKNOWN}`), 404, 'NOT_FOUND');

    await expectApiError(plain.api.request('DELETE', `/api/channels/${channel.id}`), 403, 'FORBIDDEN');
    await call(holder.api, ZCommunityOkResponse, 'DELETE', `/api/channels/${channel.id}`);
    await expectApiError(owner.api.request('GET', `/api/channels/${channel.id}`), 404, 'NOT_FOUND');
    await call(owner.api, ZCommunityOkResponse, 'DELETE', `/api/channels/${category.id}`);
  });

  it('reorders channels with MANAGE_CHANNELS', async () => {
    const { owner, plain, serverId } = await cast([]);
    const list = await call(owner.api, ZChannelsResponse, 'GET', `/api/servers/${serverId}/channels`);
    const reversed = list.channels.map((channel, index) => ({ id: channel.id, position: 10 - index }));
    await expectApiError(
      plain.api.request('PATCH', `/api/servers/${serverId}/channels`, { channels: reversed }),
      403,
      'FORBIDDEN',
    );
    const after = await call(
      owner.api,
      ZChannelsResponse,
      'PATCH' as 'PUT',
      `/api/servers/${serverId}/channels`,
      {
        channels: reversed,
      },
    );
    expect(after.channels.map((channel) => channel.id)).toEqual(list.channels.map((c) => c.id).reverse());
  });

  it('hides a private channel by overwrites: list, get, and only MANAGE_ROLES may set them', async () => {
    const { owner, holder, plain, stranger, serverId, detail, role } = await cast([
      'MANAGE_ROLES',
      'VIEW_CHANNEL',
    ]);
    const everyone = present(detail.roles[0]);
    const secret = await createChannel(owner, serverId, { name: 'secret' });
    const path = `/api/channels/${secret.id}/permissions/${everyone.id}`;
    await expectApiError(
      stranger.api.request('PUT', path, { type: 'role', deny: ['VIEW_CHANNEL'] }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      plain.api.request('PUT', path, { type: 'role', deny: ['VIEW_CHANNEL'] }),
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      owner.api.request('PUT', path, { type: 'robot', deny: [] }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      owner.api.request('PUT', path, { type: 'role', deny: ['FLY'] }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      owner.api.request('PUT', path, { type: 'role', allow: ['VIEW_CHANNEL'], deny: ['VIEW_CHANNEL'] }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      owner.api.request('PUT', `/api/channels/${secret.id}/permissions/${UNKNOWN}`, {
        type: 'role',
        deny: [],
      }),
      404,
      'NOT_FOUND',
    );
    // The holder may not deny what they do not hold themselves.
    await expectApiError(
      holder.api.request('PUT', path, { type: 'role', deny: ['KICK_MEMBERS'] }),
      403,
      'FORBIDDEN',
    );
    await call(holder.api, ZChannelResponse, 'PUT', path, { type: 'role', deny: ['VIEW_CHANNEL'] });
    await call(owner.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}/permissions/${role.id}`, {
      type: 'role',
      allow: ['VIEW_CHANNEL'],
    });

    // Nor set an overwrite for their own role (at their highest) or one above it.
    await expectApiError(
      holder.api.request('PUT', `/api/channels/${secret.id}/permissions/${role.id}`, {
        type: 'role',
        allow: [],
      }),
      403,
      'FORBIDDEN',
    );
    const plainList = await call(plain.api, ZChannelsResponse, 'GET', `/api/servers/${serverId}/channels`);
    expect(plainList.channels.map((c) => c.id)).not.toContain(secret.id);
    await expectApiError(plain.api.request('GET', `/api/channels/${secret.id}`), 404, 'NOT_FOUND');
    const holderList = await call(holder.api, ZChannelsResponse, 'GET', `/api/servers/${serverId}/channels`);
    expect(holderList.channels.map((c) => c.id)).toContain(secret.id);

    // A member overwrite lets plain in.
    await call(owner.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}/permissions/${plain.userId}`, {
      type: 'member',
      allow: ['VIEW_CHANNEL'],
    });
    expect((await call(plain.api, ZChannelResponse, 'GET', `/api/channels/${secret.id}`)).channel.id).toBe(
      secret.id,
    );
    await call(
      owner.api,
      ZChannelResponse,
      'DELETE',
      `/api/channels/${secret.id}/permissions/${plain.userId}`,
    );
    await expectApiError(plain.api.request('GET', `/api/channels/${secret.id}`), 404, 'NOT_FOUND');
    await expectApiError(
      owner.api.request('DELETE', `/api/channels/${secret.id}/permissions/${plain.userId}`),
      404,
      'NOT_FOUND',
    );
  });
});

describe('roles', () => {
  it('create/update/delete need MANAGE_ROLES and respect the hierarchy', async () => {
    const { owner, holder, plain, stranger, serverId, role } = await cast(['MANAGE_ROLES', 'KICK_MEMBERS']);
    const body = { name: 'Helper', permissions: ['KICK_MEMBERS'], color: '#ff5733', mentionable: true };
    await expectApiError(
      stranger.api.request('POST', `/api/servers/${serverId}/roles`, body),
      404,
      'NOT_FOUND',
    );
    await expectApiError(plain.api.request('POST', `/api/servers/${serverId}/roles`, body), 403, 'FORBIDDEN');
    await expectApiError(
      owner.api.request('POST', `/api/servers/${serverId}/roles`, { ...body, color: 'red' }),
      400,
      'VALIDATION_ERROR',
    );
    // Cannot grant what one lacks.
    await expectApiError(
      holder.api.request('POST', `/api/servers/${serverId}/roles`, {
        name: 'Boss',
        permissions: ['BAN_MEMBERS'],
      }),
      403,
      'FORBIDDEN',
    );
    const helper = (await call(holder.api, ZRoleResponse, 'POST', `/api/servers/${serverId}/roles`, body))
      .role;
    expect(helper.position).toBeLessThan(
      present(
        (await call(owner.api, ZRolesResponse, 'GET', `/api/servers/${serverId}/roles`)).roles.find(
          (r) => r.id === role.id,
        ),
      ).position,
    );
    // The holder edits below their role, not their own role.
    await call(holder.api, ZRoleResponse, 'PUT', `/api/roles/${helper.id}`, { name: 'Helper 2' });
    await expectApiError(
      holder.api.request('PUT', `/api/roles/${role.id}`, { name: 'Me' }),
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      plain.api.request('PUT', `/api/roles/${helper.id}`, { name: 'x' }),
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      stranger.api.request('PUT', `/api/roles/${helper.id}`, { name: 'x' }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(owner.api.request('PUT', `/api/roles/${UNKNOWN}`, { name: 'x' }), 404, 'NOT_FOUND');
    await expectApiError(holder.api.request('DELETE', `/api/roles/${role.id}`), 403, 'FORBIDDEN');
    await call(owner.api, ZRoleResponse, 'PUT', `/api/roles/${role.id}`, { hoisted: true });
    // Role limit 4: @everyone, Holder, Helper, one more.
    await createRole(owner, serverId, { name: 'Fourth' });
    await expectApiError(createRole(owner, serverId, { name: 'Fifth' }), 409, 'CONFLICT');
    await call(holder.api, ZCommunityOkResponse, 'DELETE', `/api/roles/${helper.id}`);
    const everyone = present(
      (await call(owner.api, ZRolesResponse, 'GET', `/api/servers/${serverId}/roles`)).roles[0],
    );
    await expectApiError(owner.api.request('DELETE', `/api/roles/${everyone.id}`), 403, 'FORBIDDEN');
  });

  it('assigns and removes roles below the assigner, never on an equal or higher member', async () => {
    const { owner, holder, plain, stranger, serverId, role } = await cast(['MANAGE_ROLES']);
    // A role made by the holder lands right below theirs; one made by the owner on top.
    const low = await createRole(holder, serverId, { name: 'Low' });
    const top = await createRole(owner, serverId, { name: 'Top' });
    const assignPath = (roleId: string, userId: string) =>
      `/api/servers/${serverId}/roles/${roleId}/assign/${userId}`;
    await expectApiError(stranger.api.request('POST', assignPath(low.id, plain.userId)), 404, 'NOT_FOUND');
    await expectApiError(plain.api.request('POST', assignPath(low.id, plain.userId)), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', assignPath(top.id, plain.userId)), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', assignPath(role.id, plain.userId)), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', assignPath(low.id, owner.userId)), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', assignPath(low.id, stranger.userId)), 404, 'NOT_FOUND');
    await expectApiError(holder.api.request('POST', assignPath(UNKNOWN, plain.userId)), 404, 'NOT_FOUND');
    await call(holder.api, ZCommunityOkResponse, 'POST', assignPath(low.id, plain.userId));
    await call(holder.api, ZCommunityOkResponse, 'POST', assignPath(low.id, plain.userId));
    let member = await call(
      owner.api,
      ZMemberResponse,
      'GET',
      `/api/servers/${serverId}/members/${plain.userId}`,
    );
    expect(member.member.roleIds).toEqual([low.id]);
    await call(holder.api, ZCommunityOkResponse, 'DELETE', assignPath(low.id, plain.userId));
    member = await call(
      owner.api,
      ZMemberResponse,
      'GET',
      `/api/servers/${serverId}/members/${plain.userId}`,
    );
    expect(member.member.roleIds).toEqual([]);
    // The owner gives `top` to plain: now plain outranks holder, who can no longer touch them.
    await call(owner.api, ZCommunityOkResponse, 'POST', assignPath(top.id, plain.userId));
    await expectApiError(holder.api.request('POST', assignPath(low.id, plain.userId)), 403, 'FORBIDDEN');
  });

  it('reorders roles: the owner freely, others only below themselves', async () => {
    const { owner, holder, serverId, role } = await cast(['MANAGE_ROLES']);
    const a = await createRole(owner, serverId, { name: 'A' });
    const roles = (await call(owner.api, ZRolesResponse, 'GET', `/api/servers/${serverId}/roles`)).roles;
    const order = roles.filter((r) => !r.isDefault).map((r) => r.id);
    expect(order).toEqual([role.id, a.id]);
    // Moving A below Holder would move Holder up; Holder may not touch its own place.
    await expectApiError(
      holder.api.request('PATCH', `/api/servers/${serverId}/roles`, { roleIds: [a.id, role.id] }),
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      owner.api.request('PATCH', `/api/servers/${serverId}/roles`, { roleIds: [a.id] }),
      400,
      'VALIDATION_ERROR',
    );
    const after = await call(owner.api, ZRolesResponse, 'PATCH' as 'PUT', `/api/servers/${serverId}/roles`, {
      roleIds: [a.id, role.id],
    });
    expect(after.roles.filter((r) => !r.isDefault).map((r) => r.id)).toEqual([a.id, role.id]);
  });
});

describe('members', () => {
  it('lists members with roles and presence; members only', async () => {
    const { owner, holder, stranger, serverId, role } = await cast([]);
    const list = await call(holder.api, ZMembersResponse, 'GET', `/api/servers/${serverId}/members`);
    expect(list.members).toHaveLength(3);
    expect(list.members.find((m) => m.userId === owner.userId)).toMatchObject({ isOwner: true });
    expect(list.members.find((m) => m.userId === holder.userId)?.roleIds).toEqual([role.id]);
    expect(list.roles.map((r) => r.id)).toContain(role.id);
    expect(list.nextCursor).toBeNull();
    // Paged in user-id order.
    const first = await call(holder.api, ZMembersResponse, 'GET', `/api/servers/${serverId}/members?limit=2`);
    expect(first.members).toHaveLength(2);
    const rest = await call(
      holder.api,
      ZMembersResponse,
      'GET',
      `/api/servers/${serverId}/members?limit=2&after=${first.nextCursor}`,
    );
    expect(rest.nextCursor).toBeNull();
    expect([...first.members, ...rest.members].map((m) => m.userId)).toEqual(
      list.members.map((m) => m.userId).sort(),
    );
    await expectApiError(
      holder.api.request('GET', `/api/servers/${serverId}/members?limit=0`),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(stranger.api.request('GET', `/api/servers/${serverId}/members`), 404, 'NOT_FOUND');
    await expectApiError(
      holder.api.request('GET', `/api/servers/${serverId}/members/${stranger.userId}`),
      404,
      'NOT_FOUND',
    );
  });

  it('changes nicknames (own freely, others with MODERATE_MEMBERS and rank) and roles (MANAGE_ROLES)', async () => {
    const { owner, holder, plain, serverId } = await cast(['MODERATE_MEMBERS', 'MANAGE_ROLES']);
    const path = (userId: string) => `/api/servers/${serverId}/members/${userId}`;
    const own = await call(plain.api, ZMemberResponse, 'PUT', path(plain.userId), { nickname: 'Plainy' });
    expect(own.member.nickname).toBe('Plainy');
    await expectApiError(plain.api.request('PUT', path(holder.userId), { nickname: 'x' }), 403, 'FORBIDDEN');
    await call(holder.api, ZMemberResponse, 'PUT', path(plain.userId), { nickname: 'Renamed' });
    await expectApiError(holder.api.request('PUT', path(owner.userId), { nickname: 'x' }), 403, 'FORBIDDEN');
    await expectApiError(
      holder.api.request('PUT', path(plain.userId), { nickname: 'x'.repeat(33) }),
      400,
      'VALIDATION_ERROR',
    );
    const low = await createRole(holder, serverId, { name: 'Low' });
    const set = await call(holder.api, ZMemberResponse, 'PUT', path(plain.userId), { roleIds: [low.id] });
    expect(set.member.roleIds).toEqual([low.id]);
    await expectApiError(plain.api.request('PUT', path(plain.userId), { roleIds: [] }), 403, 'FORBIDDEN');
    await expectApiError(
      holder.api.request('PUT', path(plain.userId), { roleIds: [UNKNOWN] }),
      404,
      'NOT_FOUND',
    );
  });

  it('kicks with KICK_MEMBERS below oneself only', async () => {
    const { owner, holder, plain, serverId } = await cast(['KICK_MEMBERS']);
    const kick = (userId: string) => `/api/servers/${serverId}/members/${userId}/kick`;
    await expectApiError(plain.api.request('POST', kick(holder.userId)), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', kick(owner.userId)), 403, 'FORBIDDEN');
    await call(holder.api, ZCommunityOkResponse, 'POST', kick(plain.userId));
    await expectApiError(plain.api.request('GET', `/api/servers/${serverId}`), 404, 'NOT_FOUND');
    await call(owner.api, ZCommunityOkResponse, 'POST', kick(holder.userId));
  });
});

describe('bans', () => {
  it('bans with BAN_MEMBERS below oneself; a banned user cannot rejoin until unbanned', async () => {
    const { owner, holder, plain, stranger, serverId, detail } = await cast(['BAN_MEMBERS']);
    const ban = (userId: string) => `/api/servers/${serverId}/members/${userId}/ban`;
    await expectApiError(stranger.api.request('POST', ban(plain.userId), {}), 404, 'NOT_FOUND');
    await expectApiError(plain.api.request('POST', ban(holder.userId), {}), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', ban(owner.userId), {}), 403, 'FORBIDDEN');
    await expectApiError(holder.api.request('POST', ban(holder.userId), {}), 403, 'FORBIDDEN');
    await expectApiError(
      holder.api.request('POST', ban(plain.userId), { durationDays: 0 }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(holder.api.request('POST', ban(UNKNOWN), {}), 404, 'NOT_FOUND');
    await call(holder.api, ZCommunityOkResponse, 'POST', ban(plain.userId), {
      reason: 'spam',
      durationDays: 7,
    });
    await expectApiError(plain.api.request('GET', `/api/servers/${serverId}`), 404, 'NOT_FOUND');
    await expectApiError(join(plain, detail.server.inviteCode), 403, 'FORBIDDEN');
    // A user who never joined can be banned by id, before they try.
    await call(holder.api, ZCommunityOkResponse, 'POST', ban(stranger.userId), {});
    await expectApiError(join(stranger, detail.server.inviteCode), 403, 'FORBIDDEN');

    await expectApiError(plain.api.request('GET', `/api/servers/${serverId}/bans`), 404, 'NOT_FOUND');
    const bans = await call(holder.api, ZBansResponse, 'GET', `/api/servers/${serverId}/bans`);
    expect(bans.bans.map((b) => b.user.userId).sort()).toEqual([plain.userId, stranger.userId].sort());
    expect(bans.bans.find((b) => b.user.userId === plain.userId)).toMatchObject({ reason: 'spam' });

    await call(owner.api, ZCommunityOkResponse, 'DELETE', `/api/servers/${serverId}/bans/${plain.userId}`);
    await expectApiError(
      owner.api.request('DELETE', `/api/servers/${serverId}/bans/${plain.userId}`),
      404,
      'NOT_FOUND',
    );
    expect((await join(plain, detail.server.inviteCode)).joined).toBe(true);
    // An expired ban no longer applies.
    await server.db.query(
      `update server_bans set expires_at = now() - interval '1 second' where user_id = $1`,
      [stranger.userId],
    );
    expect((await join(stranger, detail.server.inviteCode)).joined).toBe(true);
  });
});

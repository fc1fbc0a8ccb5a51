import {
  ZChannelsResponse,
  ZCommunityOkResponse,
  ZCreateServerResponse,
  ZInvitePreviewResponse,
  ZMembersResponse,
  ZRegenerateInviteResponse,
  ZServerDetailResponse,
  ZServerInviteResponse,
  ZServerInvitesResponse,
  ZServerResponse,
  ZServersResponse,
  ZUploadResponse,
} from '@guftagu/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInvite,
  createRole,
  createServer,
  join,
  present,
  serverWithMembers,
} from '../../../test/communities.js';
import { call, expectApiError, startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { MAX_SERVERS_PER_USER: '3' } });
});
afterAll(async () => {
  await server?.close();
});

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

describe('servers', () => {
  it('creates a server with @everyone, #general and a General voice channel; lists it for its members only', async () => {
    const owner = await server.signUp();
    const stranger = await server.signUp();
    const created = await createServer(owner, 'Gamers');
    expect(created.server).toMatchObject({
      name: 'Gamers',
      ownerId: owner.userId,
      memberCount: 1,
      icon: null,
    });
    expect(created.roles).toHaveLength(1);
    expect(created.roles[0]).toMatchObject({ name: '@everyone', isDefault: true, position: 0 });
    expect(created.roles[0]?.permissions).toContain('VIEW_CHANNEL');
    expect(created.roles[0]?.permissions).not.toContain('MANAGE_SERVER');
    expect(created.channels.map((channel) => [channel.name, channel.type])).toEqual([
      ['general', 'text'],
      ['General', 'voice'],
    ]);
    expect(created.me.isOwner).toBe(true);
    expect(created.me.permissions).toContain('ADMINISTRATOR');

    const mine = await call(owner.api, ZServersResponse, 'GET', '/api/servers');
    expect(mine.servers.map((s) => s.id)).toContain(created.server.id);
    const theirs = await call(stranger.api, ZServersResponse, 'GET', '/api/servers');
    expect(theirs.servers).toEqual([]);
    await expectApiError(stranger.api.request('GET', `/api/servers/${created.server.id}`), 404, 'NOT_FOUND');
    await expectApiError(owner.api.request('GET', `/api/servers/${UNKNOWN}`), 404, 'NOT_FOUND');
    await expectApiError(owner.api.request('GET', '/api/servers/not-an-id'), 400, 'VALIDATION_ERROR');
  });

  it('refuses bad payloads with the envelope and enforces the servers-per-user limit', async () => {
    const owner = await server.signUp();
    await expectApiError(owner.api.request('POST', '/api/servers', { name: 'x' }), 400, 'VALIDATION_ERROR');
    await expectApiError(owner.api.request('POST', '/api/servers', { name: 42 }), 400, 'VALIDATION_ERROR');
    await expectApiError(
      owner.api.request('POST', '/api/servers', { name: 'ok name', extra: 1 }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      owner.api.request('POST', '/api/servers', { name: 'ok', iconId: UNKNOWN }),
      400,
      'VALIDATION_ERROR',
    );
    await Promise.all([createServer(owner), createServer(owner), createServer(owner)]);
    await expectApiError(createServer(owner), 409, 'CONFLICT');
    // The failed create left nothing behind.
    expect((await call(owner.api, ZServersResponse, 'GET', '/api/servers')).servers).toHaveLength(3);
  });

  it('updates with MANAGE_SERVER only; deletes and transfers as owner only', async () => {
    const { owner, serverId, members } = await serverWithMembers(server, 2);
    const [plain, manager] = members as [(typeof members)[0], (typeof members)[0]];
    const stranger = await server.signUp();
    const role = await createRole(owner, serverId, { name: 'Manager', permissions: ['MANAGE_SERVER'] });
    await owner.api.request('POST', `/api/servers/${serverId}/roles/${role.id}/assign/${manager.userId}`);

    await expectApiError(
      stranger.api.request('PUT', `/api/servers/${serverId}`, { name: 'New' }),
      404,
      'NOT_FOUND',
    );
    await expectApiError(
      plain.api.request('PUT', `/api/servers/${serverId}`, { name: 'New' }),
      403,
      'FORBIDDEN',
    );
    const updated = await call(manager.api, ZServerResponse, 'PUT', `/api/servers/${serverId}`, {
      name: 'Renamed',
      description: 'About',
    });
    expect(updated.server).toMatchObject({ name: 'Renamed', description: 'About' });
    await call(owner.api, ZServerResponse, 'PUT', `/api/servers/${serverId}`, { name: 'Owner named' });

    await expectApiError(manager.api.request('DELETE', `/api/servers/${serverId}`), 403, 'FORBIDDEN');
    await expectApiError(
      manager.api.request('POST', `/api/servers/${serverId}/transfer`, { userId: manager.userId }),
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      owner.api.request('POST', `/api/servers/${serverId}/transfer`, { userId: stranger.userId }),
      404,
      'NOT_FOUND',
    );
    const transferred = await call(owner.api, ZServerResponse, 'POST', `/api/servers/${serverId}/transfer`, {
      userId: plain.userId,
    });
    expect(transferred.server.ownerId).toBe(plain.userId);
    await expectApiError(owner.api.request('DELETE', `/api/servers/${serverId}`), 403, 'FORBIDDEN');
    await call(plain.api, ZCommunityOkResponse, 'DELETE', `/api/servers/${serverId}`);
    await expectApiError(plain.api.request('GET', `/api/servers/${serverId}`), 404, 'NOT_FOUND');
    // Everything it owned went with it.
    const left = await server.db.query(
      `select (select count(*) from channels where server_id = $1)::int c, (select count(*) from roles where server_id = $1)::int r,
              (select count(*) from server_members where server_id = $1)::int m, (select count(*) from member_roles where server_id = $1)::int mr`,
      [serverId],
    );
    expect(left.rows[0]).toEqual({ c: 0, r: 0, m: 0, mr: 0 });
  });

  it('lets members leave, but not the owner', async () => {
    const { owner, serverId, members } = await serverWithMembers(server, 1);
    const member = present(members[0]);
    await expectApiError(owner.api.request('POST', `/api/servers/${serverId}/leave`), 409, 'CONFLICT');
    await call(member.api, ZCommunityOkResponse, 'POST', `/api/servers/${serverId}/leave`);
    await expectApiError(member.api.request('POST', `/api/servers/${serverId}/leave`), 404, 'NOT_FOUND');
    const list = await call(owner.api, ZMembersResponse, 'GET', `/api/servers/${serverId}/members`);
    expect(list.members.map((m) => m.userId)).toEqual([owner.userId]);
  });
});

describe('server icons', () => {
  it('takes an image the caller uploaded, keeps it from the sweeper, refuses a foreign or used one', async () => {
    const owner = await server.signUp();
    const other = await server.signUp();
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#5865f2' } })
      .png()
      .toBuffer();
    const [icon] = ZUploadResponse.parse(
      await owner.api.uploadFiles([{ name: 'icon.png', data: png }]),
    ).attachments;
    const [foreign] = ZUploadResponse.parse(
      await other.api.uploadFiles([{ name: 'x.png', data: png }]),
    ).attachments;
    if (!icon || !foreign) throw new Error('upload failed');
    const created = await call(owner.api, ZCreateServerResponse, 'POST', '/api/servers', {
      name: 'Iconic',
      iconId: icon.id,
    });
    expect(created.server.icon).toBe(icon.url);
    const claimed = await server.db.query('select message_id from attachments where id = $1', [icon.id]);
    expect(claimed.rows[0].message_id).toBe(created.server.id);
    // The same upload cannot become a second server's icon; nor can someone else's.
    await expectApiError(
      owner.api.request('POST', '/api/servers', { name: 'Copy', iconId: icon.id }),
      400,
      'VALIDATION_ERROR',
    );
    await expectApiError(
      owner.api.request('PUT', `/api/servers/${created.server.id}`, { iconId: foreign.id }),
      400,
      'VALIDATION_ERROR',
    );
    const cleared = await call(owner.api, ZServerResponse, 'PUT', `/api/servers/${created.server.id}`, {
      iconId: null,
    });
    expect(cleared.server.icon).toBeNull();
  });
});

describe('invites', () => {
  it('previews publicly with member and online counts, joins idempotently', async () => {
    const owner = await server.signUp();
    const { server: created } = await createServer(owner, 'Preview me');
    const preview = await call(
      server.api(),
      ZInvitePreviewResponse,
      'GET',
      `/api/invite/${created.inviteCode}`,
    );
    expect(preview.server).toMatchObject({ id: created.id, name: 'Preview me', memberCount: 1 });
    expect(preview.server.onlineCount).toBeGreaterThanOrEqual(0);
    await expectApiError(server.api().request('GET', '/api/invite/doesnotexist1'), 404, 'NOT_FOUND');
    await expectApiError(server.api().request('GET', '/api/invite/bad!code'), 400, 'VALIDATION_ERROR');

    const joiner = await server.signUp();
    const first = await join(joiner, created.inviteCode);
    expect(first.joined).toBe(true);
    const again = await join(joiner, created.inviteCode);
    expect(again.joined).toBe(false);
    expect(again.server.memberCount).toBe(2);
  });

  it('serves the permanent code to CREATE_INVITE holders and regenerates it with MANAGE_SERVER', async () => {
    const { owner, serverId, members, detail } = await serverWithMembers(server, 1);
    const member = present(members[0]);
    const stranger = await server.signUp();
    const info = await call(member.api, ZServerInviteResponse, 'GET', `/api/servers/${serverId}/invite`);
    expect(info.inviteCode).toBe(detail.server.inviteCode);
    await expectApiError(stranger.api.request('GET', `/api/servers/${serverId}/invite`), 404, 'NOT_FOUND');
    await expectApiError(
      member.api.request('POST', `/api/servers/${serverId}/invite/regenerate`),
      403,
      'FORBIDDEN',
    );
    const regenerated = await call(
      owner.api,
      ZRegenerateInviteResponse,
      'POST',
      `/api/servers/${serverId}/invite/regenerate`,
    );
    expect(regenerated.oldInviteCode).toBe(detail.server.inviteCode);
    await expectApiError(join(stranger, detail.server.inviteCode), 404, 'NOT_FOUND');
    expect((await join(stranger, regenerated.newInviteCode)).joined).toBe(true);

    // Without CREATE_INVITE on @everyone a plain member gets nothing.
    const everyone = present(
      (await call(owner.api, ZServerDetailResponse, 'GET', `/api/servers/${serverId}`)).roles[0],
    );
    await owner.api.request('PUT', `/api/roles/${everyone.id}`, { permissions: ['VIEW_CHANNEL'] });
    await expectApiError(member.api.request('GET', `/api/servers/${serverId}/invite`), 403, 'FORBIDDEN');
    await expectApiError(
      member.api.request('POST', `/api/servers/${serverId}/invites`, {}),
      403,
      'FORBIDDEN',
    );
  });

  it('creates, lists and revokes invites with expiry and max uses', async () => {
    const { owner, serverId, members } = await serverWithMembers(server, 1);
    const member = present(members[0]);
    const mine = await createInvite(member, serverId, { maxUses: 1 });
    const owners = await createInvite(owner, serverId, { maxAgeSeconds: 3600 });
    expect(mine).toMatchObject({ maxUses: 1, uses: 0, expiresAt: null });
    expect(owners.expiresAt).not.toBeNull();
    await expectApiError(
      member.api.request('POST', `/api/servers/${serverId}/invites`, { maxUses: -1 }),
      400,
      'VALIDATION_ERROR',
    );
    const memberView = await call(
      member.api,
      ZServerInvitesResponse,
      'GET',
      `/api/servers/${serverId}/invites`,
    );
    expect(memberView.invites.map((invite) => invite.code)).toEqual([mine.code]);
    const ownerView = await call(
      owner.api,
      ZServerInvitesResponse,
      'GET',
      `/api/servers/${serverId}/invites`,
    );
    expect(ownerView.invites.map((invite) => invite.code).sort()).toEqual([mine.code, owners.code].sort());

    const a = await server.signUp();
    const b = await server.signUp();
    expect((await join(a, mine.code)).joined).toBe(true);
    await expectApiError(join(b, mine.code), 404, 'NOT_FOUND');
    await expectApiError(server.api().request('GET', `/api/invite/${mine.code}`), 404, 'NOT_FOUND');

    await expectApiError(
      member.api.request('DELETE', `/api/servers/${serverId}/invites/${owners.code}`),
      403,
      'FORBIDDEN',
    );
    await call(owner.api, ZCommunityOkResponse, 'DELETE', `/api/servers/${serverId}/invites/${owners.code}`);
    await expectApiError(join(b, owners.code), 404, 'NOT_FOUND');

    // An expired invite opens nothing.
    const expiring = await createInvite(owner, serverId, { maxAgeSeconds: 60 });
    await server.db.query(`update invites set expires_at = now() - interval '1 second' where code = $1`, [
      expiring.code,
    ]);
    await expectApiError(join(b, expiring.code), 404, 'NOT_FOUND');
  });

  it('spends one use for one user joining from five tabs at once', async () => {
    const owner = await server.signUp();
    const { server: created } = await createServer(owner);
    const invite = await createInvite(owner, created.id, { maxUses: 2 });
    const user = await server.signUp();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => join(user, invite.code)));
    expect(outcomes.filter((outcome) => outcome.joined)).toHaveLength(1);
    const uses = await server.db.query('select uses from invites where code = $1', [invite.code]);
    expect(uses.rows[0].uses).toBe(1);
  });

  it('admits exactly max_uses members under 100 concurrent joins', async () => {
    const owner = await server.signUp();
    const { server: created } = await createServer(owner);
    const invite = await createInvite(owner, created.id, { maxUses: 10 });
    const users = await Promise.all(Array.from({ length: 100 }, () => server.signUp()));
    const outcomes = await Promise.allSettled(users.map((user) => join(user, invite.code)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    const count = await server.db.query('select count(*)::int n from server_members where server_id = $1', [
      created.id,
    ]);
    expect(count.rows[0].n).toBe(11);
    const uses = await server.db.query('select uses from invites where code = $1', [invite.code]);
    expect(uses.rows[0].uses).toBe(10);
  });
});

describe('channels list', () => {
  it('answers members only', async () => {
    const { owner, serverId } = await serverWithMembers(server, 0);
    const stranger = await server.signUp();
    const list = await call(owner.api, ZChannelsResponse, 'GET', `/api/servers/${serverId}/channels`);
    expect(list.channels).toHaveLength(2);
    await expectApiError(stranger.api.request('GET', `/api/servers/${serverId}/channels`), 404, 'NOT_FOUND');
  });
});

import { ALL_PERMISSIONS, ZChannelResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, createChannel, createRole, serverWithMembers } from '../../../test/communities.js';
import { call, startTestServer, type TestServer } from '../../../test/harness.js';
import { connectDatabase, type DatabaseHandle } from '../../platform/db/client.js';
import { createLogger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import { createPublisher } from '../../realtime/publisher.js';
import { can } from './access.js';
import { ChannelsService } from './channels.service.js';
import { createCommunitiesModule } from './communities.module.js';
import { CommunityContext } from './context.js';
import { ServersService } from './servers.service.js';

let server: TestServer;
let handle: DatabaseHandle;
let api: ReturnType<typeof createCommunitiesModule>['api'];

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  server = await startTestServer();
  handle = connectDatabase(server.databaseUrl, 4);
  // A second instance of the module on the same database: the API is read-only or storage-driven.
  api = createCommunitiesModule({
    db: handle.db,
    publisher: createPublisher(server.io),
    storage: { publicUrl: (key: string) => key } as unknown as ObjectStorage,
    logger: createLogger('silent'),
    limits: { serversPerUser: 100, channelsPerServer: 500, rolesPerServer: 250, membersPerServer: 1000 },
    appUrl: '',
  }).api;
});
afterAll(async () => {
  await handle?.close();
  await server?.close();
});

describe('CommunitiesApi (what channel messages relies on)', () => {
  it('resolves channel access exactly as the routes do', async () => {
    const { owner, members, serverId, detail } = await serverWithMembers(server, 2);
    const [reader, outsider] = members;
    if (!reader || !outsider) throw new Error('members missing');
    const stranger = await server.signUp();
    const everyone = detail.roles[0];
    if (!everyone) throw new Error('no @everyone');
    const role = await createRole(owner, serverId, { name: 'Readers', mentionable: true });
    await assign(owner, serverId, role.id, reader.userId);
    const secret = await createChannel(owner, serverId, { name: 'secret', slowModeSeconds: 5, nsfw: true });
    await call(owner.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}/permissions/${everyone.id}`, {
      type: 'role',
      deny: ['VIEW_CHANNEL'],
    });
    await call(owner.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}/permissions/${role.id}`, {
      type: 'role',
      allow: ['VIEW_CHANNEL'],
      deny: ['SEND_MESSAGES'],
    });

    const ownerAccess = await api.channelAccess(owner.userId, secret.id);
    expect(ownerAccess).toMatchObject({
      serverId,
      channelId: secret.id,
      type: 'text',
      isOwner: true,
      slowModeSeconds: 5,
      nsfw: true,
    });
    expect(ownerAccess?.permissions).toBe(ALL_PERMISSIONS);
    const readerAccess = await api.channelAccess(reader.userId, secret.id);
    expect(can(readerAccess, 'VIEW_CHANNEL')).toBe(true);
    expect(can(readerAccess, 'READ_MESSAGE_HISTORY')).toBe(true);
    expect(can(readerAccess, 'SEND_MESSAGES')).toBe(false);
    const outsiderAccess = await api.channelAccess(outsider.userId, secret.id);
    expect(outsiderAccess?.permissions).toBe(0n);
    expect(can(outsiderAccess, 'VIEW_CHANNEL')).toBe(false);
    expect(await api.channelAccess(stranger.userId, secret.id)).toBeNull();
    expect(await api.channelAccess(owner.userId, UNKNOWN)).toBeNull();

    const general = detail.channels[0];
    if (!general) throw new Error('no general');
    expect((await api.readableChannelIds(outsider.userId, serverId)).sort()).toEqual(
      detail.channels.map((channel) => channel.id).sort(),
    );
    expect(await api.readableChannelIds(reader.userId, serverId)).toContain(secret.id);
    expect(await api.readableChannelIds(stranger.userId, serverId)).toEqual([]);
    expect(await api.memberServerIds(reader.userId)).toEqual([serverId]);
    expect(await api.memberServerIds(stranger.userId)).toEqual([]);

    const mentions = await api.resolveMentionTargets(serverId, {
      userIds: [outsider.userId, stranger.userId],
      roleIds: [role.id, UNKNOWN],
    });
    expect(mentions.userIds.sort()).toEqual([outsider.userId, reader.userId].sort());
    await owner.api.request('PUT', `/api/roles/${role.id}`, { mentionable: false });
    expect((await api.resolveMentionTargets(serverId, { userIds: [], roleIds: [role.id] })).userIds).toEqual(
      [],
    );
    expect(general.type).toBe('text');
  });

  it('tells onChannelDeleted and onServerDeleted listeners after the delete commits', async () => {
    const { owner, serverId } = await serverWithMembers(server, 0);
    const channel = await createChannel(owner, serverId, { name: 'doomed' });
    const context = new CommunityContext({
      db: handle.db,
      publisher: createPublisher(server.io),
      storage: { publicUrl: (key: string) => key } as unknown as ObjectStorage,
      logger: createLogger('silent'),
      limits: { serversPerUser: 100, channelsPerServer: 500, rolesPerServer: 250, membersPerServer: 1000 },
      appUrl: '',
    });
    const seen: string[] = [];
    context.channelDeleted.push((event) => seen.push(`channel ${event.channelId} of ${event.serverId}`));
    context.serverDeleted.push((event) => seen.push(`server ${event.serverId}`));
    await new ChannelsService(context).delete(channel.id, owner.userId);
    await new ServersService(context).delete(serverId, owner.userId);
    expect(seen).toEqual([`channel ${channel.id} of ${serverId}`, `server ${serverId}`]);
  });
});

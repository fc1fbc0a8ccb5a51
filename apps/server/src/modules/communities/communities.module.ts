import { defineModule } from '../../app/module.js';
import { type CommunitiesApi, serverRoom } from './access.js';
import { BansService } from './bans.service.js';
import { ChannelsService } from './channels.service.js';
import { registerCommunityRoutes } from './communities.http.js';
import { CommunityContext, type CommunityDeps } from './context.js';
import { InvitesService } from './invites.service.js';
import { MembersService } from './members.service.js';
import { RolesService } from './roles.service.js';
import { ServersService } from './servers.service.js';

export interface Communities {
  context: CommunityContext;
  servers: ServersService;
  invites: InvitesService;
  channels: ChannelsService;
  roles: RolesService;
  members: MembersService;
  bans: BansService;
}

export function createCommunitiesModule(deps: CommunityDeps) {
  const context = new CommunityContext(deps);
  const servers = new ServersService(context);
  const roles = new RolesService(context);
  const channels = new ChannelsService(context);
  const communities: Communities = {
    context,
    servers,
    invites: new InvitesService(context),
    channels,
    roles,
    members: new MembersService(context, roles, servers),
    bans: new BansService(context),
  };
  const api: CommunitiesApi = {
    channelAccess: (userId, channelId) => channels.channelAccess(userId, channelId),
    readableChannelIds: (userId, serverId) => channels.readableChannelIds(userId, serverId),
    memberServerIds: (userId) => servers.memberServerIds(userId),
    resolveMentionTargets: (serverId, targets) => servers.resolveMentionTargets(serverId, targets),
    async announceMemberPresence(change) {
      for (const serverId of await servers.memberServerIds(change.userId))
        deps.publisher.toRoom(serverRoom(serverId), 'member_presence', { serverId, ...change });
    },
    onChannelDeleted: (listener) => void context.channelDeleted.push(listener),
    onServerDeleted: (listener) => void context.serverDeleted.push(listener),
  };
  return defineModule({
    name: 'communities',
    api,
    routes: (app, guard) => registerCommunityRoutes(app, communities, guard),
    lifecycle: {
      // Rooms are computed when a socket becomes a user's, so a socket starts exact.
      bound: (userId) => context.bindRooms(userId),
    },
  });
}

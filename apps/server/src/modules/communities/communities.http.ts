import {
  ZBanMember,
  ZBansResponse,
  ZChannelIdParam,
  ZChannelResponse,
  ZChannelsResponse,
  ZCommunityOkResponse,
  ZCreateChannel,
  ZCreateInvite,
  ZCreateRole,
  ZCreateServer,
  ZCreateServerResponse,
  ZInviteCodeParam,
  ZInvitePreviewResponse,
  ZInviteResponse,
  ZJoinServerResponse,
  ZMemberResponse,
  ZMembersQuery,
  ZMembersResponse,
  ZOverwriteParam,
  ZPutOverwrite,
  ZRegenerateInviteResponse,
  ZReorderChannels,
  ZReorderRoles,
  ZRoleAssignParam,
  ZRoleIdParam,
  ZRoleResponse,
  ZRolesResponse,
  ZServerDetailResponse,
  ZServerIdParam,
  ZServerInviteParam,
  ZServerInviteResponse,
  ZServerInvitesResponse,
  ZServerMemberParam,
  ZServerResponse,
  ZServersResponse,
  ZTransferOwnership,
  ZUpdateChannel,
  ZUpdateMember,
  ZUpdateRole,
  ZUpdateServer,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { Communities } from './communities.module.js';

const ok = (message: string) => ({ success: true as const, message });

/** Seed 001's server, invite, channel, role and member routes (issue 10), thin over the services. */
export function registerCommunityRoutes(app: FastifyInstance, c: Communities, guard: AuthGuard): void {
  const route = apiRoutes(app, guard);
  const tag = 'servers';

  route({
    method: 'GET',
    url: '/api/servers',
    summary: 'Servers you are a member of',
    tag,
    auth: 'required',
    response: ZServersResponse,
  })(async ({ viewer }) => ({ success: true, servers: await c.servers.list(viewer.user.id) }));
  route({
    method: 'POST',
    url: '/api/servers',
    summary: 'Create a server (with @everyone, #general and a General voice channel)',
    tag,
    auth: 'required',
    body: ZCreateServer,
    response: ZCreateServerResponse,
    status: 201,
  })(async ({ viewer, body }) => ({ success: true, ...(await c.servers.create(viewer.user.id, body)) }));
  route({
    method: 'GET',
    url: '/api/servers/:serverId',
    summary: 'A server with the channels you can view, its roles and your standing',
    tag,
    auth: 'required',
    params: ZServerIdParam,
    response: ZServerDetailResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    ...(await c.servers.detail(params.serverId, viewer.user.id)),
  }));
  route({
    method: 'PUT',
    url: '/api/servers/:serverId',
    summary: 'Update name, description or icon (MANAGE_SERVER)',
    tag,
    auth: 'required',
    params: ZServerIdParam,
    body: ZUpdateServer,
    response: ZServerResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    server: await c.servers.update(params.serverId, viewer.user.id, body),
  }));
  route({
    method: 'DELETE',
    url: '/api/servers/:serverId',
    summary: 'Delete a server and everything in it (owner only)',
    tag,
    auth: 'required',
    params: ZServerIdParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.servers.delete(params.serverId, viewer.user.id);
    return ok('Server deleted successfully');
  });
  route({
    method: 'POST',
    url: '/api/servers/:serverId/leave',
    summary: 'Leave a server (the owner transfers or deletes instead)',
    tag,
    auth: 'required',
    params: ZServerIdParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.servers.leave(params.serverId, viewer.user.id);
    return ok('Left the server');
  });
  route({
    method: 'POST',
    url: '/api/servers/:serverId/transfer',
    summary: 'Transfer ownership to another member (owner only)',
    tag,
    auth: 'required',
    params: ZServerIdParam,
    body: ZTransferOwnership,
    response: ZServerResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    server: await c.servers.transfer(params.serverId, viewer.user.id, body.userId),
  }));

  // Invites
  route({
    method: 'POST',
    url: '/api/servers/join/:inviteCode',
    summary: 'Join a server by invite code (idempotent for a member)',
    tag: 'invites',
    auth: 'required',
    params: ZInviteCodeParam,
    response: ZJoinServerResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    ...(await c.invites.join(params.inviteCode, viewer.user.id)),
  }));
  route({
    method: 'GET',
    url: '/api/invite/:inviteCode',
    summary: 'Preview the server an invite opens (public)',
    tag: 'invites',
    auth: 'none',
    params: ZInviteCodeParam,
    response: ZInvitePreviewResponse,
  })(async ({ params }) => ({ success: true, ...(await c.invites.preview(params.inviteCode)) }));
  route({
    method: 'GET',
    url: '/api/servers/:serverId/invite',
    summary: "The server's permanent invite code (CREATE_INVITE)",
    tag: 'invites',
    auth: 'required',
    params: ZServerIdParam,
    response: ZServerInviteResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    ...(await c.invites.serverInvite(params.serverId, viewer.user.id)),
  }));
  route({
    method: 'GET',
    url: '/api/servers/:serverId/invites',
    summary: "The server's invites (all with MANAGE_SERVER, else your own)",
    tag: 'invites',
    auth: 'required',
    params: ZServerIdParam,
    response: ZServerInvitesResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    ...(await c.invites.list(params.serverId, viewer.user.id)),
  }));
  route({
    method: 'POST',
    url: '/api/servers/:serverId/invite/regenerate',
    summary: 'Replace the permanent invite code (MANAGE_SERVER)',
    tag: 'invites',
    auth: 'required',
    params: ZServerIdParam,
    response: ZRegenerateInviteResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    ...(await c.invites.regenerate(params.serverId, viewer.user.id)),
  }));
  route({
    method: 'POST',
    url: '/api/servers/:serverId/invites',
    summary: 'Create an invite with expiry and max uses (CREATE_INVITE)',
    tag: 'invites',
    auth: 'required',
    params: ZServerIdParam,
    body: ZCreateInvite,
    response: ZInviteResponse,
    status: 201,
  })(async ({ viewer, params, body }) => ({
    success: true,
    invite: await c.invites.create(params.serverId, viewer.user.id, body),
  }));
  route({
    method: 'DELETE',
    url: '/api/servers/:serverId/invites/:code',
    summary: 'Revoke an invite (its creator, or MANAGE_SERVER)',
    tag: 'invites',
    auth: 'required',
    params: ZServerInviteParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.invites.revoke(params.serverId, viewer.user.id, params.code);
    return ok('Invite revoked');
  });

  // Channels
  route({
    method: 'GET',
    url: '/api/servers/:serverId/channels',
    summary: 'Channels you can view',
    tag: 'channels',
    auth: 'required',
    params: ZServerIdParam,
    response: ZChannelsResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    channels: await c.channels.list(params.serverId, viewer.user.id),
  }));
  route({
    method: 'POST',
    url: '/api/servers/:serverId/channels',
    summary: 'Create a channel or category (MANAGE_CHANNELS)',
    tag: 'channels',
    auth: 'required',
    params: ZServerIdParam,
    body: ZCreateChannel,
    response: ZChannelResponse,
    status: 201,
  })(async ({ viewer, params, body }) => ({
    success: true,
    channel: await c.channels.create(params.serverId, viewer.user.id, body),
  }));
  route({
    method: 'PATCH',
    url: '/api/servers/:serverId/channels',
    summary: 'Reorder channels and move them between categories (MANAGE_CHANNELS)',
    tag: 'channels',
    auth: 'required',
    params: ZServerIdParam,
    body: ZReorderChannels,
    response: ZChannelsResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    channels: await c.channels.reorder(params.serverId, viewer.user.id, body.channels),
  }));
  route({
    method: 'GET',
    url: '/api/channels/:channelId',
    summary: 'A channel you can view',
    tag: 'channels',
    auth: 'required',
    params: ZChannelIdParam,
    response: ZChannelResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    channel: await c.channels.get(params.channelId, viewer.user.id),
  }));
  route({
    method: 'PUT',
    url: '/api/channels/:channelId',
    summary: 'Update a channel (MANAGE_CHANNELS)',
    tag: 'channels',
    auth: 'required',
    params: ZChannelIdParam,
    body: ZUpdateChannel,
    response: ZChannelResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    channel: await c.channels.update(params.channelId, viewer.user.id, body),
  }));
  route({
    method: 'DELETE',
    url: '/api/channels/:channelId',
    summary: 'Delete a channel (MANAGE_CHANNELS)',
    tag: 'channels',
    auth: 'required',
    params: ZChannelIdParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.channels.delete(params.channelId, viewer.user.id);
    return ok('Channel deleted successfully');
  });
  route({
    method: 'PUT',
    url: '/api/channels/:channelId/permissions/:targetId',
    summary: "Set a role's or member's permission overwrite (MANAGE_ROLES in the channel)",
    tag: 'channels',
    auth: 'required',
    params: ZOverwriteParam,
    body: ZPutOverwrite,
    response: ZChannelResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    channel: await c.channels.putOverwrite(params.channelId, viewer.user.id, params.targetId, body),
  }));
  route({
    method: 'DELETE',
    url: '/api/channels/:channelId/permissions/:targetId',
    summary: 'Remove a permission overwrite (MANAGE_ROLES in the channel)',
    tag: 'channels',
    auth: 'required',
    params: ZOverwriteParam,
    response: ZChannelResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    channel: await c.channels.deleteOverwrite(params.channelId, viewer.user.id, params.targetId),
  }));

  // Roles
  route({
    method: 'GET',
    url: '/api/servers/:serverId/roles',
    summary: "The server's roles, lowest first",
    tag: 'roles',
    auth: 'required',
    params: ZServerIdParam,
    response: ZRolesResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    roles: await c.roles.list(params.serverId, viewer.user.id),
  }));
  route({
    method: 'POST',
    url: '/api/servers/:serverId/roles',
    summary: 'Create a role (MANAGE_ROLES)',
    tag: 'roles',
    auth: 'required',
    params: ZServerIdParam,
    body: ZCreateRole,
    response: ZRoleResponse,
    status: 201,
  })(async ({ viewer, params, body }) => ({
    success: true,
    role: await c.roles.create(params.serverId, viewer.user.id, body),
  }));
  route({
    method: 'PATCH',
    url: '/api/servers/:serverId/roles',
    summary: 'Reorder roles (MANAGE_ROLES, below your highest role)',
    tag: 'roles',
    auth: 'required',
    params: ZServerIdParam,
    body: ZReorderRoles,
    response: ZRolesResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    roles: await c.roles.reorder(params.serverId, viewer.user.id, body.roleIds),
  }));
  route({
    method: 'PUT',
    url: '/api/roles/:roleId',
    summary: 'Update a role (MANAGE_ROLES, below your highest role)',
    tag: 'roles',
    auth: 'required',
    params: ZRoleIdParam,
    body: ZUpdateRole,
    response: ZRoleResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    role: await c.roles.update(params.roleId, viewer.user.id, body),
  }));
  route({
    method: 'DELETE',
    url: '/api/roles/:roleId',
    summary: 'Delete a role (MANAGE_ROLES, below your highest role)',
    tag: 'roles',
    auth: 'required',
    params: ZRoleIdParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.roles.delete(params.roleId, viewer.user.id);
    return ok('Role deleted successfully');
  });
  route({
    method: 'POST',
    url: '/api/servers/:serverId/roles/:roleId/assign/:userId',
    summary: 'Assign a role to a member (MANAGE_ROLES and hierarchy)',
    tag: 'roles',
    auth: 'required',
    params: ZRoleAssignParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.roles.assign(params.serverId, viewer.user.id, params.roleId, params.userId, true);
    return ok('Role assigned successfully');
  });
  route({
    method: 'DELETE',
    url: '/api/servers/:serverId/roles/:roleId/assign/:userId',
    summary: 'Remove a role from a member (MANAGE_ROLES and hierarchy)',
    tag: 'roles',
    auth: 'required',
    params: ZRoleAssignParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.roles.assign(params.serverId, viewer.user.id, params.roleId, params.userId, false);
    return ok('Role removed successfully');
  });

  // Members
  route({
    method: 'GET',
    url: '/api/servers/:serverId/members',
    summary: 'Members with their roles and presence',
    tag: 'members',
    auth: 'required',
    params: ZServerIdParam,
    query: ZMembersQuery,
    response: ZMembersResponse,
  })(async ({ viewer, params, query }) => ({
    success: true,
    ...(await c.members.list(params.serverId, viewer.user.id, query)),
  }));
  route({
    method: 'GET',
    url: '/api/servers/:serverId/members/:userId',
    summary: 'One member',
    tag: 'members',
    auth: 'required',
    params: ZServerMemberParam,
    response: ZMemberResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    member: await c.members.get(params.serverId, viewer.user.id, params.userId),
  }));
  route({
    method: 'PUT',
    url: '/api/servers/:serverId/members/:userId',
    summary: "Change a member's nickname or roles",
    tag: 'members',
    auth: 'required',
    params: ZServerMemberParam,
    body: ZUpdateMember,
    response: ZMemberResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    member: await c.members.update(params.serverId, viewer.user.id, params.userId, body),
  }));
  route({
    method: 'POST',
    url: '/api/servers/:serverId/members/:userId/kick',
    summary: 'Kick a member (KICK_MEMBERS and hierarchy)',
    tag: 'members',
    auth: 'required',
    params: ZServerMemberParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.members.kick(params.serverId, viewer.user.id, params.userId);
    return ok('User kicked successfully');
  });
  route({
    method: 'POST',
    url: '/api/servers/:serverId/members/:userId/ban',
    summary: 'Ban a user, removing them if a member (BAN_MEMBERS and hierarchy)',
    tag: 'members',
    auth: 'required',
    params: ZServerMemberParam,
    body: ZBanMember,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params, body }) => {
    await c.bans.ban(params.serverId, viewer.user.id, params.userId, body);
    return ok('User banned successfully');
  });
  route({
    method: 'GET',
    url: '/api/servers/:serverId/bans',
    summary: "The server's bans (BAN_MEMBERS)",
    tag: 'members',
    auth: 'required',
    params: ZServerIdParam,
    response: ZBansResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    bans: await c.bans.list(params.serverId, viewer.user.id),
  }));
  route({
    method: 'DELETE',
    url: '/api/servers/:serverId/bans/:userId',
    summary: 'Lift a ban (BAN_MEMBERS)',
    tag: 'members',
    auth: 'required',
    params: ZServerMemberParam,
    response: ZCommunityOkResponse,
  })(async ({ viewer, params }) => {
    await c.bans.unban(params.serverId, viewer.user.id, params.userId);
    return ok('User unbanned successfully');
  });
}

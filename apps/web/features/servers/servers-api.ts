'use client';

import {
  type TBanMember,
  type TCreateChannel,
  type TCreateInvite,
  type TCreateRole,
  type TCreateServer,
  type TPutOverwrite,
  type TUpdateChannel,
  type TUpdateMember,
  type TUpdateRole,
  type TUpdateServer,
  ZChannelResponse,
  ZChannelsResponse,
  ZCommunityOkResponse,
  ZCreateServerResponse,
  ZInvitePreviewResponse,
  ZInviteResponse,
  ZJoinServerResponse,
  ZMemberResponse,
  ZMembersResponse,
  ZRoleResponse,
  ZRolesResponse,
  ZServerDetailResponse,
  ZServerInvitesResponse,
  ZServerResponse,
  ZServersResponse,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { apiRequest } from '@/lib/api';

const id = encodeURIComponent;

/** Typed REST calls for servers, channels, roles, members and invites (seed 001 paths, issue 10). */
export function useServersApi() {
  const { authedRequest } = useAuth();
  return useMemo(
    () => ({
      list: () => authedRequest('/api/servers', ZServersResponse),
      detail: (serverId: string) => authedRequest(`/api/servers/${id(serverId)}`, ZServerDetailResponse),
      create: (body: TCreateServer) =>
        authedRequest('/api/servers', ZCreateServerResponse, { method: 'POST', body }),
      update: (serverId: string, body: TUpdateServer) =>
        authedRequest(`/api/servers/${id(serverId)}`, ZServerResponse, { method: 'PUT', body }),
      remove: (serverId: string) =>
        authedRequest(`/api/servers/${id(serverId)}`, ZCommunityOkResponse, { method: 'DELETE' }),
      leave: (serverId: string) =>
        authedRequest(`/api/servers/${id(serverId)}/leave`, ZCommunityOkResponse, { method: 'POST' }),
      join: (code: string) =>
        authedRequest(`/api/servers/join/${id(code)}`, ZJoinServerResponse, { method: 'POST' }),
      createChannel: (serverId: string, body: TCreateChannel) =>
        authedRequest(`/api/servers/${id(serverId)}/channels`, ZChannelResponse, { method: 'POST', body }),
      updateChannel: (channelId: string, body: TUpdateChannel) =>
        authedRequest(`/api/channels/${id(channelId)}`, ZChannelResponse, { method: 'PUT', body }),
      deleteChannel: (channelId: string) =>
        authedRequest(`/api/channels/${id(channelId)}`, ZCommunityOkResponse, { method: 'DELETE' }),
      putOverwrite: (channelId: string, targetId: string, body: TPutOverwrite) =>
        authedRequest(`/api/channels/${id(channelId)}/permissions/${id(targetId)}`, ZChannelResponse, {
          method: 'PUT',
          body,
        }),
      deleteOverwrite: (channelId: string, targetId: string) =>
        authedRequest(`/api/channels/${id(channelId)}/permissions/${id(targetId)}`, ZChannelResponse, {
          method: 'DELETE',
        }),
      roles: (serverId: string) => authedRequest(`/api/servers/${id(serverId)}/roles`, ZRolesResponse),
      createRole: (serverId: string, body: TCreateRole) =>
        authedRequest(`/api/servers/${id(serverId)}/roles`, ZRoleResponse, { method: 'POST', body }),
      updateRole: (roleId: string, body: TUpdateRole) =>
        authedRequest(`/api/roles/${id(roleId)}`, ZRoleResponse, { method: 'PUT', body }),
      deleteRole: (roleId: string) =>
        authedRequest(`/api/roles/${id(roleId)}`, ZCommunityOkResponse, { method: 'DELETE' }),
      reorderRoles: (serverId: string, roleIds: string[]) =>
        authedRequest(`/api/servers/${id(serverId)}/roles`, ZRolesResponse, {
          method: 'PATCH',
          body: { roleIds },
        }),
      members: (serverId: string) => authedRequest(`/api/servers/${id(serverId)}/members`, ZMembersResponse),
      updateMember: (serverId: string, userId: string, body: TUpdateMember) =>
        authedRequest(`/api/servers/${id(serverId)}/members/${id(userId)}`, ZMemberResponse, {
          method: 'PUT',
          body,
        }),
      transfer: (serverId: string, userId: string) =>
        authedRequest(`/api/servers/${id(serverId)}/transfer`, ZServerResponse, {
          method: 'POST',
          body: { userId },
        }),
      kick: (serverId: string, userId: string) =>
        authedRequest(`/api/servers/${id(serverId)}/members/${id(userId)}/kick`, ZCommunityOkResponse, {
          method: 'POST',
        }),
      ban: (serverId: string, userId: string, body: TBanMember) =>
        authedRequest(`/api/servers/${id(serverId)}/members/${id(userId)}/ban`, ZCommunityOkResponse, {
          method: 'POST',
          body,
        }),
      reorderChannels: (
        serverId: string,
        channels: { id: string; position: number; parentId?: string | null }[],
      ) =>
        authedRequest(`/api/servers/${id(serverId)}/channels`, ZChannelsResponse, {
          method: 'PATCH',
          body: { channels },
        }),
      invites: (serverId: string) =>
        authedRequest(`/api/servers/${id(serverId)}/invites`, ZServerInvitesResponse),
      createInvite: (serverId: string, body: TCreateInvite) =>
        authedRequest(`/api/servers/${id(serverId)}/invites`, ZInviteResponse, { method: 'POST', body }),
      revokeInvite: (serverId: string, code: string) =>
        authedRequest(`/api/servers/${id(serverId)}/invites/${id(code)}`, ZCommunityOkResponse, {
          method: 'DELETE',
        }),
    }),
    [authedRequest],
  );
}

export type ServersApi = ReturnType<typeof useServersApi>;

/** The invite preview is public: signed-out visitors see it too. */
export function fetchInvitePreview(code: string) {
  return apiRequest(`/api/invite/${id(code)}`, ZInvitePreviewResponse);
}

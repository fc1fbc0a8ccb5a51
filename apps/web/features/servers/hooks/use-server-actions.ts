'use client';

import type {
  TBanMember,
  TCreateChannel,
  TCreateInvite,
  TCreateRole,
  TCreateServer,
  TPutOverwrite,
  TUpdateChannel,
  TUpdateMember,
  TUpdateRole,
  TUpdateServer,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { useLiveCache } from '@/lib/query/query-provider';
import {
  channelRemoved,
  channelsMoved,
  channelUpserted,
  detailServer,
  forgetServer,
  type MemberList,
  memberRemoved,
  memberUpserted,
  roleRemoved,
  roleUpserted,
  type ServerDetail,
  serversKeys,
  serverUpserted,
} from '../queries';
import { useServersApi } from '../servers-api';

/**
 * Every change a screen can make to a server, each answer applied to the cache at once (the socket
 * event that follows finds it already there: every updater is idempotent).
 */
export function useServerActions() {
  const api = useServersApi();
  const live = useLiveCache();

  return useMemo(() => {
    const refreshDetail = (serverId: string) =>
      void live.client.invalidateQueries({ queryKey: serversKeys.detail(serverId) });
    return {
      async create(body: TCreateServer) {
        const { success: _ok, ...detail } = await api.create(body);
        live.apply(serversKeys.list(), serverUpserted(detail.server));
        live.client.setQueryData(serversKeys.detail(detail.server.id), detail);
        return detail;
      },
      async join(code: string) {
        const result = await api.join(code);
        live.apply(serversKeys.list(), serverUpserted(result.server));
        void live.client.invalidateQueries({ queryKey: serversKeys.list() });
        return result;
      },
      async update(serverId: string, body: TUpdateServer) {
        const { server } = await api.update(serverId, body);
        live.apply(serversKeys.list(), serverUpserted(server));
        live.apply(serversKeys.detail(serverId), detailServer(server));
        return server;
      },
      async remove(serverId: string) {
        await api.remove(serverId);
        forgetServer(live, serverId);
      },
      async leave(serverId: string) {
        await api.leave(serverId);
        forgetServer(live, serverId);
      },
      async createChannel(serverId: string, body: TCreateChannel) {
        const { channel } = await api.createChannel(serverId, body);
        live.apply(serversKeys.detail(serverId), channelUpserted(channel));
        return channel;
      },
      async updateChannel(serverId: string, channelId: string, body: TUpdateChannel) {
        const { channel } = await api.updateChannel(channelId, body);
        live.apply(serversKeys.detail(serverId), channelUpserted(channel));
        return channel;
      },
      async deleteChannel(serverId: string, channelId: string) {
        await api.deleteChannel(channelId);
        live.apply(serversKeys.detail(serverId), channelRemoved(channelId));
      },
      async putOverwrite(serverId: string, channelId: string, targetId: string, body: TPutOverwrite) {
        const { channel } = await api.putOverwrite(channelId, targetId, body);
        live.apply(serversKeys.detail(serverId), channelUpserted(channel));
        // The change may hide or show channels for me too.
        refreshDetail(serverId);
        return channel;
      },
      async deleteOverwrite(serverId: string, channelId: string, targetId: string) {
        const { channel } = await api.deleteOverwrite(channelId, targetId);
        live.apply(serversKeys.detail(serverId), channelUpserted(channel));
        refreshDetail(serverId);
        return channel;
      },
      async createRole(serverId: string, body: TCreateRole) {
        const { role } = await api.createRole(serverId, body);
        live.apply<ServerDetail>(serversKeys.detail(serverId), roleUpserted(role));
        live.apply<MemberList>(serversKeys.members(serverId), roleUpserted(role));
        return role;
      },
      async updateRole(serverId: string, roleId: string, body: TUpdateRole) {
        const { role } = await api.updateRole(roleId, body);
        live.apply<ServerDetail>(serversKeys.detail(serverId), roleUpserted(role));
        live.apply<MemberList>(serversKeys.members(serverId), roleUpserted(role));
        refreshDetail(serverId);
        return role;
      },
      async deleteRole(serverId: string, roleId: string) {
        await api.deleteRole(roleId);
        live.apply<ServerDetail>(serversKeys.detail(serverId), roleRemoved(roleId));
        live.apply<MemberList>(serversKeys.members(serverId), roleRemoved(roleId));
        refreshDetail(serverId);
      },
      async reorderRoles(serverId: string, roleIds: string[]) {
        await api.reorderRoles(serverId, roleIds);
        refreshDetail(serverId);
        void live.client.invalidateQueries({ queryKey: serversKeys.members(serverId) });
      },
      async updateMember(serverId: string, userId: string, body: TUpdateMember) {
        const { member } = await api.updateMember(serverId, userId, body);
        live.apply(serversKeys.members(serverId), memberUpserted(member));
        refreshDetail(serverId);
        return member;
      },
      /** Hands the server to another member; I stay as a member with my roles. */
      async transfer(serverId: string, userId: string) {
        const { server } = await api.transfer(serverId, userId);
        live.apply(serversKeys.list(), serverUpserted(server));
        live.apply(serversKeys.detail(serverId), detailServer(server));
        refreshDetail(serverId);
        void live.client.invalidateQueries({ queryKey: serversKeys.members(serverId) });
        return server;
      },
      async kick(serverId: string, userId: string) {
        await api.kick(serverId, userId);
        live.apply(serversKeys.members(serverId), memberRemoved(userId));
      },
      async ban(serverId: string, userId: string, body: TBanMember) {
        await api.ban(serverId, userId, body);
        live.apply(serversKeys.members(serverId), memberRemoved(userId));
      },
      /** Moves channels (positions and categories) at once; the server's answer is the new order. */
      async reorderChannels(
        serverId: string,
        channels: { id: string; position: number; parentId?: string | null }[],
      ) {
        const answer = await api.reorderChannels(serverId, channels);
        live.apply(serversKeys.detail(serverId), channelsMoved(answer.channels));
        return answer.channels;
      },
      async createInvite(serverId: string, body: TCreateInvite) {
        const { invite } = await api.createInvite(serverId, body);
        void live.client.invalidateQueries({ queryKey: serversKeys.invites(serverId) });
        return invite;
      },
      async revokeInvite(serverId: string, code: string) {
        await api.revokeInvite(serverId, code);
        void live.client.invalidateQueries({ queryKey: serversKeys.invites(serverId) });
      },
    };
  }, [api, live]);
}

export type ServerActions = ReturnType<typeof useServerActions>;

import type { TChannel, TMember, TRole, TServer, ZServerDetailResponse } from '@guftagu/contracts';
import type { z } from 'zod';
import type { LiveCache } from '@/lib/query/live-cache';

/** One server as the screens use it: the server, the channels I can view, its roles and my standing. */
export type ServerDetail = Omit<z.output<typeof ZServerDetailResponse>, 'success'>;

export interface MemberList {
  members: TMember[];
  roles: TRole[];
}

/**
 * Query keys for communities. Each kind of data has its own prefix (`['servers', 'members']` holds only
 * member lists), so an update applied to a prefix always meets data of the shape it expects.
 */
export const serversKeys = {
  all: ['servers'] as const,
  list: () => [...serversKeys.all, 'list'] as const,
  details: () => [...serversKeys.all, 'detail'] as const,
  detail: (serverId: string) => [...serversKeys.details(), serverId] as const,
  memberLists: () => [...serversKeys.all, 'members'] as const,
  members: (serverId: string) => [...serversKeys.memberLists(), serverId] as const,
  invites: (serverId: string) => [...serversKeys.all, 'invites', serverId] as const,
  invite: (code: string) => [...serversKeys.all, 'invite', code] as const,
};

function upsertBy<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] {
  return list.some((entry) => same(entry, item))
    ? list.map((entry) => (same(entry, item) ? item : entry))
    : [...list, item];
}

const sameId = <T extends { id: string }>(a: T, b: T) => a.id === b.id;

// ---------- pure updaters (each safe to apply twice) ----------

export const serverUpserted =
  (server: TServer) =>
  (servers: TServer[]): TServer[] =>
    upsertBy(servers, server, sameId);

export const serverRemoved =
  (serverId: string) =>
  (servers: TServer[]): TServer[] =>
    servers.some((server) => server.id === serverId)
      ? servers.filter((server) => server.id !== serverId)
      : servers;

export const detailServer =
  (server: TServer) =>
  (detail: ServerDetail): ServerDetail => ({ ...detail, server });

export const channelUpserted =
  (channel: TChannel) =>
  (detail: ServerDetail): ServerDetail => ({
    ...detail,
    channels: upsertBy(detail.channels, channel, sameId),
  });

export const channelRemoved =
  (channelId: string) =>
  (detail: ServerDetail): ServerDetail =>
    detail.channels.some((channel) => channel.id === channelId)
      ? { ...detail, channels: detail.channels.filter((channel) => channel.id !== channelId) }
      : detail;

export const channelsMoved =
  (moves: readonly { id: string; position: number; parentId: string | null }[]) =>
  (detail: ServerDetail): ServerDetail => {
    const byId = new Map(moves.map((move) => [move.id, move]));
    return {
      ...detail,
      channels: detail.channels.map((channel) => {
        const move = byId.get(channel.id);
        return move ? { ...channel, position: move.position, parentId: move.parentId } : channel;
      }),
    };
  };

/** Both server details and member lists carry the roles. */
type WithRoles = ServerDetail | MemberList;

export const roleUpserted =
  (role: TRole) =>
  <D extends WithRoles>(data: D): D => ({ ...data, roles: upsertBy(data.roles, role, sameId) });

export const roleRemoved =
  (roleId: string) =>
  <D extends WithRoles>(data: D): D => ({
    ...data,
    roles: data.roles.filter((role) => role.id !== roleId),
  });

export const rolesMoved =
  (moves: readonly { id: string; position: number }[]) =>
  <D extends WithRoles>(data: D): D => {
    const byId = new Map(moves.map((move) => [move.id, move.position]));
    return {
      ...data,
      roles: data.roles.map((role) => ({ ...role, position: byId.get(role.id) ?? role.position })),
    };
  };

export const memberUpserted =
  (member: TMember) =>
  (list: MemberList): MemberList => ({
    ...list,
    members: upsertBy(list.members, member, (a, b) => a.userId === b.userId),
  });

export const memberRemoved =
  (userId: string) =>
  (list: MemberList): MemberList => ({
    ...list,
    members: list.members.filter((member) => member.userId !== userId),
  });

export const memberPresence =
  (userId: string, isOnline: boolean, status?: TMember['status']) =>
  (list: MemberList): MemberList =>
    list.members.some((member) => member.userId === userId)
      ? {
          ...list,
          members: list.members.map((member) =>
            member.userId === userId
              ? { ...member, isOnline, status: status ?? (isOnline ? 'online' : 'offline') }
              : member,
          ),
        }
      : list;

/** A server I no longer belong to (deleted, left, kicked): off the rail, and its cached data dropped. */
export function forgetServer(live: LiveCache, serverId: string): void {
  live.apply(serversKeys.list(), serverRemoved(serverId));
  // Screens still showing it navigate away when it leaves the list; only unwatched copies go now (an
  // active query removed here would refetch and fail).
  for (const key of [
    serversKeys.detail(serverId),
    serversKeys.members(serverId),
    serversKeys.invites(serverId),
  ])
    live.client.removeQueries({ queryKey: key, type: 'inactive' });
}

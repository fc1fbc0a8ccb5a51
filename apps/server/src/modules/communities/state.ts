import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import {
  type ChannelRow,
  channelOverwrites,
  channels,
  memberRoles,
  type OverwriteRow,
  type RoleRow,
  roles,
  type ServerRow,
  serverMembers,
  servers,
} from './communities.schema.js';
import { basePermissions, type ChannelOverwriteInput, channelPermissions, has } from './permissions.js';

export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Everything permission resolution needs about one server, read in four statements. */
export interface ServerState {
  server: ServerRow;
  roles: RoleRow[];
  everyone: RoleRow;
  channels: ChannelRow[];
  overwrites: Map<string, OverwriteRow[]>;
}

/** One member as permission resolution sees them. */
export interface MemberState {
  userId: string;
  nickname: string | null;
  joinedAt: Date;
  roleIds: string[];
}

export async function loadServerState(db: Executor, serverId: string): Promise<ServerState | null> {
  const [server] = await db.select().from(servers).where(eq(servers.id, serverId));
  if (!server) return null;
  const [roleRows, channelRows] = await Promise.all([
    db.select().from(roles).where(eq(roles.serverId, serverId)).orderBy(asc(roles.position), asc(roles.id)),
    db
      .select()
      .from(channels)
      .where(eq(channels.serverId, serverId))
      .orderBy(asc(channels.position), asc(channels.id)),
  ]);
  const overwriteRows =
    channelRows.length === 0
      ? []
      : await db
          .select()
          .from(channelOverwrites)
          .where(
            inArray(
              channelOverwrites.channelId,
              channelRows.map((channel) => channel.id),
            ),
          );
  const overwrites = new Map<string, OverwriteRow[]>();
  for (const row of overwriteRows) {
    const list = overwrites.get(row.channelId) ?? [];
    list.push(row);
    overwrites.set(row.channelId, list);
  }
  const everyone = roleRows.find((role) => role.isDefault);
  if (!everyone) throw new Error(`server ${serverId} has no @everyone role`);
  return { server, roles: roleRows, everyone, channels: channelRows, overwrites };
}

/** Members of a server with their role ids; all of them, or only `userIds`. */
export async function loadMembers(
  db: Executor,
  serverId: string,
  userIds?: readonly string[],
): Promise<MemberState[]> {
  if (userIds && userIds.length === 0) return [];
  const where = userIds
    ? and(eq(serverMembers.serverId, serverId), inArray(serverMembers.userId, [...userIds]))
    : eq(serverMembers.serverId, serverId);
  const [memberRows, roleRows] = await Promise.all([
    db.select().from(serverMembers).where(where),
    db
      .select()
      .from(memberRoles)
      .where(
        userIds
          ? and(eq(memberRoles.serverId, serverId), inArray(memberRoles.userId, [...userIds]))
          : eq(memberRoles.serverId, serverId),
      ),
  ]);
  const byUser = new Map<string, string[]>();
  for (const row of roleRows) {
    const list = byUser.get(row.userId) ?? [];
    list.push(row.roleId);
    byUser.set(row.userId, list);
  }
  return memberRows.map((row) => ({
    userId: row.userId,
    nickname: row.nickname,
    joinedAt: row.joinedAt,
    roleIds: byUser.get(row.userId) ?? [],
  }));
}

export async function loadMember(
  db: Executor,
  serverId: string,
  userId: string,
): Promise<MemberState | null> {
  const [member] = await loadMembers(db, serverId, [userId]);
  return member ?? null;
}

export function isOwner(state: ServerState, userId: string): boolean {
  return state.server.ownerId === userId;
}

export function memberBase(state: ServerState, member: MemberState): bigint {
  const held = new Set(member.roleIds);
  return basePermissions({
    isOwner: isOwner(state, member.userId),
    everyone: state.everyone.permissions,
    roles: state.roles.filter((role) => held.has(role.id) && !role.isDefault).map((role) => role.permissions),
  });
}

/** The position of the member's highest role (`@everyone` is 0). */
export function highestPosition(state: ServerState, member: MemberState): number {
  const held = new Set(member.roleIds);
  return state.roles.reduce((top, role) => (held.has(role.id) ? Math.max(top, role.position) : top), 0);
}

export function actorOf(state: ServerState, member: MemberState) {
  return { isOwner: isOwner(state, member.userId), highestPosition: highestPosition(state, member) };
}

export function overwriteInput(
  state: ServerState,
  channelId: string,
  member: MemberState,
): ChannelOverwriteInput {
  const rows = state.overwrites.get(channelId) ?? [];
  const held = new Set(member.roleIds);
  const bits = (row: OverwriteRow) => ({ allow: row.allow, deny: row.deny });
  const everyone = rows.find((row) => row.type === 'role' && row.targetId === state.everyone.id);
  const member_ = rows.find((row) => row.type === 'member' && row.targetId === member.userId);
  return {
    everyone: everyone ? bits(everyone) : undefined,
    roles: rows.filter((row) => row.type === 'role' && held.has(row.targetId)).map(bits),
    member: member_ ? bits(member_) : undefined,
  };
}

export function memberChannelPermissions(state: ServerState, channelId: string, member: MemberState): bigint {
  const held = new Set(member.roleIds);
  return channelPermissions(
    {
      isOwner: isOwner(state, member.userId),
      everyone: state.everyone.permissions,
      roles: state.roles
        .filter((role) => held.has(role.id) && !role.isDefault)
        .map((role) => role.permissions),
    },
    overwriteInput(state, channelId, member),
  );
}

/** Channel id → ids of the members who can view it, for every channel of the server. */
export function viewersByChannel(state: ServerState, members: readonly MemberState[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const channel of state.channels) {
    result.set(
      channel.id,
      members
        .filter((member) => has(memberChannelPermissions(state, channel.id, member), 'VIEW_CHANNEL'))
        .map((member) => member.userId),
    );
  }
  return result;
}

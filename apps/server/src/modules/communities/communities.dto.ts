import {
  bitsToPermissions,
  type TChannel,
  type TInvite,
  type TMember,
  type TRole,
  type TServer,
} from '@guftagu/contracts';
import { inArray } from 'drizzle-orm';
import { toUserCard, visiblePresence } from '../social/index.js';
import { users } from '../users/index.js';
import type { ChannelRow, InviteRow, OverwriteRow, RoleRow, ServerRow } from './communities.schema.js';
import type { Executor, MemberState } from './state.js';

export function toServer(row: ServerRow, memberCount: number): TServer {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    ownerId: row.ownerId,
    inviteCode: row.inviteCode,
    memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toChannel(row: ChannelRow, overwrites: readonly OverwriteRow[]): TChannel {
  return {
    id: row.id,
    serverId: row.serverId,
    name: row.name,
    type: row.type,
    topic: row.topic,
    position: row.position,
    parentId: row.parentId,
    slowModeSeconds: row.slowModeSeconds,
    nsfw: row.nsfw,
    overwrites: overwrites.map((overwrite) => ({
      targetId: overwrite.targetId,
      type: overwrite.type,
      allow: bitsToPermissions(overwrite.allow),
      deny: bitsToPermissions(overwrite.deny),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toRole(row: RoleRow): TRole {
  return {
    id: row.id,
    serverId: row.serverId,
    name: row.name,
    color: row.color,
    permissions: bitsToPermissions(row.permissions),
    mentionable: row.mentionable,
    hoisted: row.hoisted,
    position: row.position,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toInvite(row: InviteRow, appUrl: string): TInvite {
  return {
    code: row.code,
    url: inviteUrl(appUrl, row.code),
    serverId: row.serverId,
    inviterId: row.inviterId,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function inviteUrl(appUrl: string, code: string): string {
  return `${appUrl.replace(/\/$/, '')}/invite/${code}`;
}

/** Member DTOs with user cards and presence, in one statement for all of them. */
export async function toMembers(
  db: Executor,
  serverId: string,
  ownerId: string,
  members: readonly MemberState[],
): Promise<TMember[]> {
  if (members.length === 0) return [];
  const rows = await db
    .select()
    .from(users)
    .where(
      inArray(
        users.id,
        members.map((member) => member.userId),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return members.flatMap((member) => {
    const user = byId.get(member.userId);
    if (!user) return [];
    const presence = visiblePresence(user);
    return [
      {
        serverId,
        userId: member.userId,
        user: toUserCard(user),
        nickname: member.nickname,
        roleIds: member.roleIds,
        isOwner: member.userId === ownerId,
        joinedAt: member.joinedAt.toISOString(),
        isOnline: presence.isOnline,
        status: presence.status,
      },
    ];
  });
}

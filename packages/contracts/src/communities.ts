import { z } from 'zod';
import { ZPresenceStatus } from './profile.js';
import { ZUserCard } from './social.js';

/**
 * Seed 001's communities (issue 10): servers, members, roles, channels, permission overwrites and
 * invites. The API speaks permission names; the database stores them as one bigint bitfield.
 */

/** Bit order is part of the stored data: append new flags at the end, never reorder. */
export const PERMISSION_NAMES = [
  'VIEW_CHANNEL',
  'SEND_MESSAGES',
  'READ_MESSAGE_HISTORY',
  'ATTACH_FILES',
  'ADD_REACTIONS',
  'MENTION_EVERYONE',
  'CREATE_INVITE',
  'MANAGE_SERVER',
  'MANAGE_CHANNELS',
  'MANAGE_ROLES',
  'MANAGE_MESSAGES',
  'KICK_MEMBERS',
  'BAN_MEMBERS',
  'MODERATE_MEMBERS',
  'CONNECT',
  'SPEAK',
  'VIDEO',
  'MUTE_MEMBERS',
  'DEAFEN_MEMBERS',
  'MOVE_MEMBERS',
  'MANAGE_EVENTS',
  'ADMINISTRATOR',
] as const;
export type PermissionName = (typeof PERMISSION_NAMES)[number];

/** Name → bit (bit 0 is VIEW_CHANNEL). */
export const PERMISSIONS = Object.fromEntries(
  PERMISSION_NAMES.map((name, index) => [name, 1n << BigInt(index)]),
) as Record<PermissionName, bigint>;

export const ALL_PERMISSIONS: bigint = PERMISSION_NAMES.reduce((all, name) => all | PERMISSIONS[name], 0n);

/** What `@everyone` may do in a new server, as Discord's defaults. */
export const DEFAULT_EVERYONE_PERMISSIONS: readonly PermissionName[] = [
  'VIEW_CHANNEL',
  'SEND_MESSAGES',
  'READ_MESSAGE_HISTORY',
  'ATTACH_FILES',
  'ADD_REACTIONS',
  'CREATE_INVITE',
  'CONNECT',
  'SPEAK',
  'VIDEO',
];

export function permissionsToBits(names: readonly PermissionName[]): bigint {
  return names.reduce((bits, name) => bits | PERMISSIONS[name], 0n);
}

export function bitsToPermissions(bits: bigint): PermissionName[] {
  return PERMISSION_NAMES.filter((name) => (bits & PERMISSIONS[name]) !== 0n);
}

export const ZPermissionName = z.enum(PERMISSION_NAMES);
/** A set of flags by name; duplicates are harmless, unknown names are refused. */
export const ZPermissionNames = z.array(ZPermissionName).max(PERMISSION_NAMES.length * 2);

export const CHANNEL_TYPES = ['text', 'voice', 'announcement', 'category'] as const;
export const ZChannelType = z.enum(CHANNEL_TYPES);
export type TChannelType = z.infer<typeof ZChannelType>;

export const SERVER_NAME_MAX = 100;
export const SERVER_DESCRIPTION_MAX = 1000;
export const CHANNEL_NAME_MAX = 100;
export const CHANNEL_TOPIC_MAX = 1024;
export const ROLE_NAME_MAX = 100;
export const NICKNAME_MAX = 32;
/** Discord's slow-mode ceiling: six hours. */
export const SLOW_MODE_MAX_SECONDS = 21_600;
export const INVITE_MAX_AGE_MAX_SECONDS = 30 * 86_400;
export const INVITE_MAX_USES_MAX = 10_000;

const ZUuid = z.uuid('Must be an id');
const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb');
export const ZInviteCode = z.string().regex(/^[A-Za-z0-9]{6,32}$/, 'Not an invite code');

// ---------- DTOs ----------

export const ZServer = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The icon's URL (an upload of the owner), or null. */
  icon: z.string().nullable(),
  ownerId: z.string(),
  /** The server's permanent invite code (seed 001's `inviteCode`). */
  inviteCode: z.string(),
  memberCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TServer = z.infer<typeof ZServer>;

export const ZOverwrite = z.object({
  targetId: z.string(),
  type: z.enum(['role', 'member']),
  allow: ZPermissionNames,
  deny: ZPermissionNames,
});
export type TOverwrite = z.infer<typeof ZOverwrite>;

export const ZChannel = z.object({
  id: z.string(),
  serverId: z.string(),
  name: z.string(),
  type: ZChannelType,
  topic: z.string().nullable(),
  position: z.number().int(),
  /** The category this channel sits in, or null. */
  parentId: z.string().nullable(),
  slowModeSeconds: z.number().int().nonnegative(),
  nsfw: z.boolean(),
  overwrites: z.array(ZOverwrite),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TChannel = z.infer<typeof ZChannel>;

export const ZRole = z.object({
  id: z.string(),
  serverId: z.string(),
  name: z.string(),
  color: z.string(),
  permissions: ZPermissionNames,
  mentionable: z.boolean(),
  hoisted: z.boolean(),
  /** Higher is more authority; `@everyone` is 0. */
  position: z.number().int(),
  /** The `@everyone` role, whose id every member implicitly holds. */
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export type TRole = z.infer<typeof ZRole>;

export const ZMember = z.object({
  serverId: z.string(),
  userId: z.string(),
  user: ZUserCard,
  nickname: z.string().nullable(),
  /** Assigned roles, `@everyone` excluded. */
  roleIds: z.array(z.string()),
  isOwner: z.boolean(),
  joinedAt: z.string(),
  isOnline: z.boolean(),
  status: ZPresenceStatus,
});
export type TMember = z.infer<typeof ZMember>;

export const ZInvite = z.object({
  code: z.string(),
  url: z.string(),
  serverId: z.string(),
  inviterId: z.string().nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TInvite = z.infer<typeof ZInvite>;

/** The caller's own standing in a server. */
export const ZServerSelf = z.object({
  isOwner: z.boolean(),
  nickname: z.string().nullable(),
  roleIds: z.array(z.string()),
  /** Server-level permissions (no channel overwrites), ADMINISTRATOR/owner expanded to all. */
  permissions: ZPermissionNames,
});

// ---------- REST ----------

export const ZServerIdParam = z.object({ serverId: ZUuid });
export const ZChannelIdParam = z.object({ channelId: ZUuid });
export const ZRoleIdParam = z.object({ roleId: ZUuid });
export const ZInviteCodeParam = z.object({ inviteCode: ZInviteCode });
export const ZServerInviteParam = z.object({ serverId: ZUuid, code: ZInviteCode });
export const ZServerMemberParam = z.object({ serverId: ZUuid, userId: ZUuid });
export const ZRoleAssignParam = z.object({ serverId: ZUuid, roleId: ZUuid, userId: ZUuid });
export const ZOverwriteParam = z.object({ channelId: ZUuid, targetId: ZUuid });

const ZServerName = z.string().trim().min(2, 'A server name is 2 to 100 characters').max(SERVER_NAME_MAX);
const ZDescription = z.string().trim().max(SERVER_DESCRIPTION_MAX);

export const ZCreateServer = z.strictObject({
  name: ZServerName,
  description: ZDescription.optional(),
  /** An image you uploaded (POST /api/upload); it becomes the icon. */
  iconId: ZUuid.optional(),
});
export type TCreateServer = z.infer<typeof ZCreateServer>;

export const ZUpdateServer = z.strictObject({
  name: ZServerName.optional(),
  description: ZDescription.nullable().optional(),
  /** An image you uploaded, or null to remove the icon. */
  iconId: ZUuid.nullable().optional(),
});
export type TUpdateServer = z.infer<typeof ZUpdateServer>;

export const ZTransferOwnership = z.strictObject({ userId: ZUuid });

const ZChannelName = z.string().trim().min(1, 'A channel name is 1 to 100 characters').max(CHANNEL_NAME_MAX);
export const ZCreateChannel = z.strictObject({
  name: ZChannelName,
  type: ZChannelType.default('text'),
  topic: z.string().trim().max(CHANNEL_TOPIC_MAX).optional(),
  parentId: ZUuid.nullable().optional(),
  slowModeSeconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS).optional(),
  nsfw: z.boolean().optional(),
});
export type TCreateChannel = z.input<typeof ZCreateChannel>;

export const ZUpdateChannel = z.strictObject({
  name: ZChannelName.optional(),
  topic: z.string().trim().max(CHANNEL_TOPIC_MAX).nullable().optional(),
  parentId: ZUuid.nullable().optional(),
  slowModeSeconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS).optional(),
  nsfw: z.boolean().optional(),
});
export type TUpdateChannel = z.infer<typeof ZUpdateChannel>;

/** The full new order: every channel of the server, each with its position and category. */
export const ZReorderChannels = z.strictObject({
  channels: z
    .array(
      z.strictObject({
        id: ZUuid,
        position: z.number().int().min(0).max(10_000),
        parentId: ZUuid.nullable().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export const ZPutOverwrite = z.strictObject({
  type: z.enum(['role', 'member']),
  allow: ZPermissionNames.default([]),
  deny: ZPermissionNames.default([]),
});
export type TPutOverwrite = z.input<typeof ZPutOverwrite>;

const ZRoleName = z.string().trim().min(1, 'A role name is 1 to 100 characters').max(ROLE_NAME_MAX);
export const ZCreateRole = z.strictObject({
  name: ZRoleName,
  color: ZColor.default('#99aab5'),
  permissions: ZPermissionNames.default([]),
  mentionable: z.boolean().default(false),
  hoisted: z.boolean().default(false),
});
export type TCreateRole = z.input<typeof ZCreateRole>;

export const ZUpdateRole = z.strictObject({
  name: ZRoleName.optional(),
  color: ZColor.optional(),
  permissions: ZPermissionNames.optional(),
  mentionable: z.boolean().optional(),
  hoisted: z.boolean().optional(),
});
export type TUpdateRole = z.infer<typeof ZUpdateRole>;

/** Role ids from lowest to highest, `@everyone` excluded; they get positions 1..n. */
export const ZReorderRoles = z.strictObject({ roleIds: z.array(ZUuid).min(1).max(250) });

export const ZUpdateMember = z.strictObject({
  nickname: z.string().trim().max(NICKNAME_MAX).nullable().optional(),
  /** The member's full set of assigned roles. */
  roleIds: z.array(ZUuid).max(250).optional(),
});
export type TUpdateMember = z.infer<typeof ZUpdateMember>;

export const ZCreateInvite = z.strictObject({
  /** Seconds until it expires; 0 or absent: never. */
  maxAgeSeconds: z.number().int().min(0).max(INVITE_MAX_AGE_MAX_SECONDS).optional(),
  /** Joins it allows; 0 or absent: unlimited. */
  maxUses: z.number().int().min(0).max(INVITE_MAX_USES_MAX).optional(),
});
export type TCreateInvite = z.infer<typeof ZCreateInvite>;

export const BAN_REASON_MAX = 512;
export const ZBanMember = z.strictObject({
  reason: z.string().trim().max(BAN_REASON_MAX).optional(),
  /** Days until the ban lifts; absent: permanent (seed 001's `duration`). */
  durationDays: z.number().int().min(1).max(3650).optional(),
});
export type TBanMember = z.infer<typeof ZBanMember>;

export const ZBan = z.object({
  serverId: z.string(),
  user: ZUserCard,
  moderatorId: z.string().nullable(),
  reason: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TBan = z.infer<typeof ZBan>;

export const ZServersResponse = z.object({ success: z.literal(true), servers: z.array(ZServer) });
export const ZServerResponse = z.object({ success: z.literal(true), server: ZServer });
export const ZServerDetailResponse = z.object({
  success: z.literal(true),
  server: ZServer,
  /** Only the channels you can view. */
  channels: z.array(ZChannel),
  roles: z.array(ZRole),
  me: ZServerSelf,
});
export const ZCreateServerResponse = ZServerDetailResponse;
export const ZJoinServerResponse = z.object({
  success: z.literal(true),
  server: ZServer,
  message: z.string(),
  /** False when you were already a member (the join changed nothing). */
  joined: z.boolean(),
});
export const ZInvitePreviewResponse = z.object({
  success: z.literal(true),
  valid: z.literal(true),
  inviteCode: z.string(),
  server: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    icon: z.string().nullable(),
    memberCount: z.number().int(),
    onlineCount: z.number().int(),
    createdAt: z.string(),
    owner: z.object({ username: z.string().nullable(), avatar: z.string().nullable() }),
  }),
  expiresAt: z.string().nullable(),
});
export const ZServerInviteResponse = z.object({
  success: z.literal(true),
  inviteCode: z.string(),
  inviteUrl: z.string(),
  serverName: z.string(),
  memberCount: z.number().int(),
});
export const ZServerInvitesResponse = z.object({
  success: z.literal(true),
  inviteInfo: z.object({
    code: z.string(),
    url: z.string(),
    serverName: z.string(),
    serverIcon: z.string().nullable(),
  }),
  invites: z.array(ZInvite),
  permissions: z.object({
    canRegenerateInvite: z.boolean(),
    canManageInvites: z.boolean(),
    isOwner: z.boolean(),
  }),
});
export const ZRegenerateInviteResponse = z.object({
  success: z.literal(true),
  message: z.string(),
  oldInviteCode: z.string(),
  newInviteCode: z.string(),
  inviteUrl: z.string(),
  serverName: z.string(),
});
export const ZInviteResponse = z.object({ success: z.literal(true), invite: ZInvite });
export const ZChannelsResponse = z.object({ success: z.literal(true), channels: z.array(ZChannel) });
export const ZChannelResponse = z.object({ success: z.literal(true), channel: ZChannel });
export const ZRolesResponse = z.object({ success: z.literal(true), roles: z.array(ZRole) });
export const ZRoleResponse = z.object({ success: z.literal(true), role: ZRole });
export const MEMBERS_PAGE_MAX = 1000;
/** Members in user-id order, a page at a time: `after` is the previous page's `nextCursor`. */
export const ZMembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MEMBERS_PAGE_MAX).default(MEMBERS_PAGE_MAX),
  after: ZUuid.optional(),
});
export const ZMembersResponse = z.object({
  success: z.literal(true),
  members: z.array(ZMember),
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
  /** Every role of the server, so the list can group by hoisted role. */
  roles: z.array(ZRole),
});
export const ZMemberResponse = z.object({ success: z.literal(true), member: ZMember });
export const ZBansResponse = z.object({ success: z.literal(true), bans: z.array(ZBan) });
export const ZCommunityOkResponse = z.object({ success: z.literal(true), message: z.string() });

// ---------- Socket events (server → client) ----------

export const ZServerUpdatedEvent = z.object({ server: ZServer });
export const ZServerDeletedEvent = z.object({ serverId: z.string() });
/** Also sent when you gain VIEW_CHANNEL on an existing channel: it appears for you. */
export const ZChannelCreatedEvent = z.object({ channel: ZChannel });
export const ZChannelUpdatedEvent = z.object({ channel: ZChannel });
/** Also sent when you lose VIEW_CHANNEL: from your view the channel is gone. */
export const ZChannelDeletedEvent = z.object({ serverId: z.string(), channelId: z.string() });
export const ZChannelsReorderedEvent = z.object({
  serverId: z.string(),
  channels: z.array(
    z.object({ id: z.string(), position: z.number().int(), parentId: z.string().nullable() }),
  ),
});
export const ZMemberJoinedEvent = z.object({ serverId: z.string(), member: ZMember });
export const ZMemberLeftEvent = z.object({
  serverId: z.string(),
  userId: z.string(),
  reason: z.enum(['left', 'kicked', 'banned', 'server_deleted']),
});
export const ZMemberUpdatedEvent = z.object({ serverId: z.string(), member: ZMember });
export const ZRoleCreatedEvent = z.object({ serverId: z.string(), role: ZRole });
export const ZRoleUpdatedEvent = z.object({ serverId: z.string(), role: ZRole });
export const ZRoleDeletedEvent = z.object({ serverId: z.string(), roleId: z.string() });
export const ZRolesReorderedEvent = z.object({
  serverId: z.string(),
  roles: z.array(z.object({ id: z.string(), position: z.number().int() })),
});
/**
 * A member went online, away, busy or offline (invisible members look offline), to the rooms of every
 * server they share with the listener; one event per server, so a client patches one member list.
 */
export const ZMemberPresenceEvent = z.object({
  serverId: z.string(),
  userId: z.string(),
  isOnline: z.boolean(),
  status: ZPresenceStatus,
});
/** To a user who joined (on every tab): the server to add to the rail. */
export const ZServerJoinedEvent = z.object({ server: ZServer });

export const communityServerEvents = {
  server_updated: ZServerUpdatedEvent,
  server_deleted: ZServerDeletedEvent,
  server_joined: ZServerJoinedEvent,
  channel_created: ZChannelCreatedEvent,
  channel_updated: ZChannelUpdatedEvent,
  channel_deleted: ZChannelDeletedEvent,
  channels_reordered: ZChannelsReorderedEvent,
  member_joined: ZMemberJoinedEvent,
  member_left: ZMemberLeftEvent,
  member_updated: ZMemberUpdatedEvent,
  member_presence: ZMemberPresenceEvent,
  role_created: ZRoleCreatedEvent,
  role_updated: ZRoleUpdatedEvent,
  role_deleted: ZRoleDeletedEvent,
  roles_reordered: ZRolesReorderedEvent,
} as const;

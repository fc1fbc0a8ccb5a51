import {
  PERMISSIONS,
  type PermissionName,
  type TChannelType,
  type TPresenceStatus,
} from '@guftagu/contracts';

/** Rooms of the communities module; membership is kept exact by the module (see README.md). */
export const serverRoom = (serverId: string) => `server:${serverId}`;
export const channelRoom = (channelId: string) => `channel:${channelId}`;

/** A member's resolved standing in one channel. */
export interface ChannelAccess {
  serverId: string;
  channelId: string;
  type: TChannelType;
  /** Resolved with overwrites; ADMINISTRATOR and owner already expanded to all. */
  permissions: bigint;
  isOwner: boolean;
  slowModeSeconds: number;
  nsfw: boolean;
}

export function can(access: { permissions: bigint } | null | undefined, name: PermissionName): boolean {
  return access != null && (access.permissions & PERMISSIONS[name]) !== 0n;
}

/** What the communities module offers other modules (channel messages). */
export interface CommunitiesApi {
  /** Null when the channel does not exist or the user is not a member of its server. */
  channelAccess(userId: string, channelId: string): Promise<ChannelAccess | null>;
  /** Channels of the server where the user has VIEW_CHANNEL and READ_MESSAGE_HISTORY. */
  readableChannelIds(userId: string, serverId: string): Promise<string[]>;
  memberServerIds(userId: string): Promise<string[]>;
  /** Members among `userIds`, plus members holding any of the mentionable `roleIds`. */
  resolveMentionTargets(
    serverId: string,
    targets: { userIds: string[]; roleIds: string[] },
  ): Promise<{ userIds: string[] }>;
  /** Tells the members of every server the user is in that their presence changed. */
  announceMemberPresence(change: {
    userId: string;
    isOnline: boolean;
    status: TPresenceStatus;
  }): Promise<void>;
  onChannelDeleted(listener: (event: { serverId: string; channelId: string }) => void): void;
  onServerDeleted(listener: (event: { serverId: string }) => void): void;
}

import type { PermissionName } from '@guftagu/contracts';
import { AppError } from '../../platform/errors.js';
import { type ChannelAccess, type CommunitiesApi, can } from '../communities/index.js';

/**
 * What this module needs from communities: its `CommunitiesApi`. Every rule here is decided on the
 * server from `channelAccess`; nothing the client says about itself is trusted.
 */
export type CommunitiesPort = Pick<
  CommunitiesApi,
  'channelAccess' | 'readableChannelIds' | 'memberServerIds' | 'resolveMentionTargets'
>;
export type { ChannelAccess };

export type MessagePermission = Extract<
  PermissionName,
  | 'VIEW_CHANNEL'
  | 'SEND_MESSAGES'
  | 'READ_MESSAGE_HISTORY'
  | 'ATTACH_FILES'
  | 'ADD_REACTIONS'
  | 'MENTION_EVERYONE'
  | 'MANAGE_CHANNELS'
  | 'MANAGE_MESSAGES'
>;

/** Owner and ADMINISTRATOR arrive already expanded to every flag (communities' contract). */
export const has = (access: ChannelAccess, permission: MessagePermission): boolean => can(access, permission);

export const CHANNEL_NOT_FOUND = () => new AppError('NOT_FOUND', 'Channel not found');
export const MESSAGE_NOT_FOUND = () => new AppError('NOT_FOUND', 'Message not found');

function missing(permission: MessagePermission, message: string): AppError {
  return new AppError('FORBIDDEN', message, { requiredRole: permission, requiredPermission: permission });
}

/**
 * Checks the caller against a channel. A non-member, an unknown channel and a channel the caller
 * cannot see all answer NOT_FOUND, so a private channel's existence never leaks; a visible channel
 * without the needed flag answers FORBIDDEN naming the flag.
 */
export class AccessGuard {
  constructor(private readonly communities: CommunitiesPort) {}

  async visible(userId: string, channelId: string): Promise<ChannelAccess> {
    const access = await this.communities.channelAccess(userId, channelId);
    if (!access || !has(access, 'VIEW_CHANNEL')) throw CHANNEL_NOT_FOUND();
    if (access.type === 'category') throw CHANNEL_NOT_FOUND();
    return access;
  }

  /** A text or announcement channel the caller may read (VIEW_CHANNEL + READ_MESSAGE_HISTORY). */
  async readable(userId: string, channelId: string): Promise<ChannelAccess> {
    const access = await this.visible(userId, channelId);
    if (access.type === 'voice')
      throw new AppError('BAD_REQUEST', 'Voice channels have no messages.', { field: 'channelId' });
    if (!has(access, 'READ_MESSAGE_HISTORY'))
      throw missing('READ_MESSAGE_HISTORY', "You can't read this channel's history.");
    return access;
  }

  async writable(userId: string, channelId: string): Promise<ChannelAccess> {
    const access = await this.visible(userId, channelId);
    if (access.type === 'voice')
      throw new AppError('BAD_REQUEST', 'Voice channels have no messages.', { field: 'channelId' });
    if (!has(access, 'SEND_MESSAGES'))
      throw missing('SEND_MESSAGES', "You can't send messages in this channel.");
    // Announcement channels need nothing extra here: communities creates them with an `@everyone`
    // overwrite denying SEND_MESSAGES, so only roles or members allowed to post have the flag.
    return access;
  }

  require(access: ChannelAccess, permission: MessagePermission, message: string): void {
    if (!has(access, permission)) throw missing(permission, message);
  }
}

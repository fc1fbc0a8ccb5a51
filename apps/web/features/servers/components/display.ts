import type { TAttachment, TChannelMessage, TChannelReaction, TMember } from '@guftagu/contracts';
import { nameOf } from '@/lib/utils';
import type { PendingChannelMessage } from '../channel-log';

/** One row of the channel log as the screen renders it: a stored message or one still being sent. */
export interface ChannelDisplayMessage {
  /** Stable across the optimistic → stored swap (the nonce), so the row never remounts. */
  key: string;
  id: string | null;
  /** `senderId` is what the shared timeline groups by. */
  senderId: string;
  authorName: string;
  authorAvatar: string | null;
  authorColor: string | null;
  mine: boolean;
  content: string;
  attachments: TAttachment[];
  replyTo: TChannelMessage['replyTo'];
  reactions: TChannelReaction[];
  createdAt: string;
  edited: boolean;
  pinned: boolean;
  mentionsMe: boolean;
  /** The viewer blocked the author: the row stays collapsed until opened. */
  blocked: boolean;
  stored: TChannelMessage | null;
  pending: PendingChannelMessage | null;
}

export interface AuthorLookup {
  member: (userId: string) => TMember | undefined;
  colorOf: (member: TMember) => string | null;
}

export function fromStoredMessage(
  message: TChannelMessage,
  me: string,
  myRoleIds: readonly string[],
  lookup: AuthorLookup,
): ChannelDisplayMessage {
  const member = lookup.member(message.user._id);
  const fallback = nameOf({ displayName: message.user.displayName ?? null, username: message.user.username });
  return {
    key: message.nonce ?? message.id,
    id: message.id,
    senderId: message.user._id,
    authorName: member?.nickname?.trim() || (member ? nameOf(member.user) : fallback),
    authorAvatar: member?.user.profilePicture ?? message.user.avatar,
    authorColor: member ? lookup.colorOf(member) : null,
    mine: message.user._id === me,
    content: message.content,
    attachments: message.attachments,
    replyTo: message.replyTo,
    reactions: message.reactions.map((reaction) => ({
      ...reaction,
      mine: reaction.userIds.length > 0 ? reaction.userIds.includes(me) : reaction.mine,
    })),
    createdAt: message.createdAt,
    edited: message.edited,
    pinned: message.pinned,
    mentionsMe:
      message.mentions.everyone ||
      message.mentions.users.includes(me) ||
      message.mentions.roles.some((roleId) => myRoleIds.includes(roleId)),
    blocked: message.authorBlocked === true,
    stored: message,
    pending: null,
  };
}

export function fromPendingMessage(
  pending: PendingChannelMessage,
  me: { id: string; name: string; avatar: string | null; color: string | null },
  replyTo: TChannelMessage | undefined,
): ChannelDisplayMessage {
  return {
    key: pending.nonce,
    id: null,
    senderId: me.id,
    authorName: me.name,
    authorAvatar: me.avatar,
    authorColor: me.color,
    mine: true,
    content: pending.content,
    attachments: pending.attachments,
    replyTo: replyTo
      ? { id: replyTo.id, authorId: replyTo.user._id, content: replyTo.content.slice(0, 200), deleted: false }
      : null,
    reactions: [],
    createdAt: pending.createdAt,
    edited: false,
    pinned: false,
    mentionsMe: false,
    blocked: false,
    stored: null,
    pending,
  };
}

import type { TChannel, TChannelMessage, TMember, TRole, TServer } from '@guftagu/contracts';

const AT = '2026-01-01T00:00:00.000Z';

export function server(id: string, name = id): TServer {
  return {
    id,
    name,
    description: null,
    icon: null,
    ownerId: 'owner',
    inviteCode: 'abcdef12',
    memberCount: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

export function channel(id: string, overrides: Partial<TChannel> = {}): TChannel {
  return {
    id,
    serverId: 's1',
    name: id,
    type: 'text',
    topic: null,
    position: 0,
    parentId: null,
    slowModeSeconds: 0,
    nsfw: false,
    overwrites: [],
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function role(id: string, overrides: Partial<TRole> = {}): TRole {
  return {
    id,
    serverId: 's1',
    name: id,
    color: '#99aab5',
    permissions: [],
    mentionable: false,
    hoisted: false,
    position: 1,
    isDefault: false,
    createdAt: AT,
    ...overrides,
  };
}

export function member(userId: string, overrides: Partial<TMember> = {}): TMember {
  return {
    serverId: 's1',
    userId,
    user: { userId, userId7Digit: '1234567', username: userId, displayName: null, profilePicture: null },
    nickname: null,
    roleIds: [],
    isOwner: false,
    joinedAt: AT,
    isOnline: true,
    status: 'online',
    ...overrides,
  };
}

export function message(id: string, overrides: Partial<TChannelMessage> = {}): TChannelMessage {
  const author = { _id: 'ann', username: 'ann', discriminator: '1234567', avatar: null, displayName: null };
  return {
    _id: id,
    id,
    content: `message ${id}`,
    user: author,
    author,
    channel: 'c1',
    channelId: 'c1',
    server: 's1',
    serverId: 's1',
    createdAt: AT,
    fileUrl: null,
    edited: false,
    editedAt: null,
    attachments: [],
    replyTo: null,
    reactions: [],
    mentions: { users: [], roles: [], everyone: false },
    pinned: false,
    nonce: null,
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import {
  channelPermissions,
  firstTextChannel,
  groupChannels,
  hoistedRoleOf,
  isPrivateChannel,
} from './access';
import { channel, role } from './test-fixtures';

const everyone = role('everyone', { isDefault: true, position: 0 });
const crew = role('crew', { position: 2, hoisted: true });
const self = (overrides = {}) => ({
  userId: 'me',
  isOwner: false,
  roleIds: [] as string[],
  permissions: ['VIEW_CHANNEL', 'SEND_MESSAGES'] as const,
  ...overrides,
});

describe('channelPermissions', () => {
  const secret = channel('secret', {
    overwrites: [
      { targetId: 'everyone', type: 'role', allow: [], deny: ['VIEW_CHANNEL'] },
      { targetId: 'crew', type: 'role', allow: ['VIEW_CHANNEL'], deny: [] },
    ],
  });

  it('hides a channel whose @everyone overwrite denies viewing', () => {
    expect(channelPermissions(secret, [everyone, crew], self()).has('VIEW_CHANNEL')).toBe(false);
  });

  it('lets a role overwrite allow it back', () => {
    expect(
      channelPermissions(secret, [everyone, crew], self({ roleIds: ['crew'] })).has('VIEW_CHANNEL'),
    ).toBe(true);
  });

  it('applies the member overwrite last', () => {
    const withMember = channel('x', {
      overwrites: [
        ...secret.overwrites,
        { targetId: 'me', type: 'member', allow: [], deny: ['VIEW_CHANNEL'] },
      ],
    });
    expect(
      channelPermissions(withMember, [everyone, crew], self({ roleIds: ['crew'] })).has('VIEW_CHANNEL'),
    ).toBe(false);
  });

  it('gives owners and administrators everything', () => {
    expect(channelPermissions(secret, [everyone], self({ isOwner: true })).has('MANAGE_MESSAGES')).toBe(true);
    expect(
      channelPermissions(secret, [everyone], self({ permissions: ['ADMINISTRATOR'] })).has('VIEW_CHANNEL'),
    ).toBe(true);
  });

  it('marks private channels', () => {
    expect(isPrivateChannel(secret, 'everyone')).toBe(true);
    expect(isPrivateChannel(channel('open'), 'everyone')).toBe(false);
  });
});

describe('channel order', () => {
  const list = [
    channel('voice', { type: 'voice', position: 0, parentId: 'cat' }),
    channel('cat', { type: 'category', position: 1 }),
    channel('general', { position: 0 }),
    channel('news', { type: 'announcement', position: 1, parentId: 'cat' }),
    channel('orphan', { position: 2, parentId: 'gone' }),
  ];

  it('puts uncategorised channels first, then each category with its channels', () => {
    expect(
      groupChannels(list).map((group) => [group.category?.id ?? null, group.channels.map((item) => item.id)]),
    ).toEqual([
      [null, ['general', 'orphan']],
      ['cat', ['voice', 'news']],
    ]);
  });

  it('opens the first text-like channel', () => {
    expect(firstTextChannel(list)?.id).toBe('general');
    expect(firstTextChannel(list.filter((item) => item.id !== 'general' && item.id !== 'orphan'))?.id).toBe(
      'news',
    );
  });
});

describe('hoistedRoleOf', () => {
  it('picks the highest hoisted role a member holds', () => {
    const mods = role('mods', { position: 5, hoisted: true });
    expect(hoistedRoleOf(['crew', 'mods'], [everyone, crew, mods])?.id).toBe('mods');
    expect(hoistedRoleOf([], [everyone, crew])).toBeNull();
  });
});

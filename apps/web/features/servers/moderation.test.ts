import { describe, expect, it } from 'vitest';
import { memberModeration } from './moderation';
import { member, role } from './test-fixtures';

const roles = [
  role('everyone', { isDefault: true, position: 0 }),
  role('mod', { position: 2 }),
  role('vip', { position: 1 }),
];
const none = { kick: false, ban: false, transfer: false };

describe('member moderation', () => {
  it('gives the owner every action on anyone but themselves', () => {
    const owner = { userId: 'o', isOwner: true, roleIds: [], permissions: [] };
    expect(memberModeration(owner, member('a', { roleIds: ['mod'] }), roles)).toEqual({
      kick: true,
      ban: true,
      transfer: true,
    });
    expect(memberModeration(owner, member('o', { isOwner: true }), roles)).toEqual(none);
  });

  it('lets a moderator act only below their highest role and with the flag, never transfer', () => {
    const mod = { userId: 'm', isOwner: false, roleIds: ['mod'], permissions: ['BAN_MEMBERS' as const] };
    expect(memberModeration(mod, member('v', { roleIds: ['vip'] }), roles)).toEqual({
      kick: false,
      ban: true,
      transfer: false,
    });
    expect(memberModeration(mod, member('peer', { roleIds: ['mod'] }), roles)).toEqual(none);
    expect(memberModeration(mod, member('o', { isOwner: true }), roles)).toEqual(none);
  });

  it('gives a plain member nothing', () => {
    const plain = { userId: 'p', isOwner: false, roleIds: [], permissions: ['VIEW_CHANNEL' as const] };
    expect(memberModeration(plain, member('q'), roles)).toEqual(none);
  });
});

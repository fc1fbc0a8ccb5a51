import type { PermissionName, TMember, TRole } from '@guftagu/contracts';

/** What I may do to one member from the members list, by the server's own rules. */
export interface MemberModeration {
  kick: boolean;
  ban: boolean;
  transfer: boolean;
}

interface Me {
  userId: string;
  isOwner: boolean;
  roleIds: readonly string[];
  permissions: readonly PermissionName[];
}

const topOf = (roleIds: readonly string[], roles: readonly TRole[]) =>
  roles.filter((role) => roleIds.includes(role.id)).reduce((top, role) => Math.max(top, role.position), 0);

/**
 * Discord's hierarchy: nobody acts on themselves or the owner, and only the owner acts on a member
 * whose highest role is at or above their own. Ownership moves only from the owner. The server checks
 * all of it again; this only decides which actions the menu offers.
 */
export function memberModeration(me: Me, member: TMember, roles: readonly TRole[]): MemberModeration {
  if (member.userId === me.userId || member.isOwner) return { kick: false, ban: false, transfer: false };
  const admin = me.isOwner || me.permissions.includes('ADMINISTRATOR');
  const above = me.isOwner || topOf(me.roleIds, roles) > topOf(member.roleIds, roles);
  return {
    kick: above && (admin || me.permissions.includes('KICK_MEMBERS')),
    ban: above && (admin || me.permissions.includes('BAN_MEMBERS')),
    transfer: me.isOwner,
  };
}

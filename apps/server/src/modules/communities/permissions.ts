import { ALL_PERMISSIONS, PERMISSIONS, type PermissionName } from '@guftagu/contracts';

/**
 * Discord's permission resolution as one pure function; every route and event asks it. Inputs are
 * plain bitfields, so it is exhaustively table-tested without a database.
 */

export interface OverwriteBits {
  allow: bigint;
  deny: bigint;
}

export interface PermissionInput {
  isOwner: boolean;
  /** The `@everyone` role's flags. */
  everyone: bigint;
  /** Flags of the member's assigned roles (`@everyone` excluded). */
  roles: readonly bigint[];
}

export interface ChannelOverwriteInput {
  /** The overwrite for the `@everyone` role, if any. */
  everyone?: OverwriteBits | undefined;
  /** Overwrites for the roles the member holds. */
  roles: readonly OverwriteBits[];
  /** The overwrite for this member, if any. */
  member?: OverwriteBits | undefined;
}

/** Server-level flags: `@everyone` | roles; owner and ADMINISTRATOR get everything. */
export function basePermissions(input: PermissionInput): bigint {
  if (input.isOwner) return ALL_PERMISSIONS;
  let bits = input.everyone;
  for (const role of input.roles) bits |= role;
  if ((bits & PERMISSIONS.ADMINISTRATOR) !== 0n) return ALL_PERMISSIONS;
  return bits;
}

/**
 * Channel flags in Discord's order: base, then the `@everyone` overwrite, then all role overwrites
 * combined (every deny, then every allow, so an allow on any role wins over a deny on another), then
 * the member's own overwrite. Without VIEW_CHANNEL the channel grants nothing at all.
 */
export function channelPermissions(input: PermissionInput, overwrites: ChannelOverwriteInput): bigint {
  const base = basePermissions(input);
  if ((base & PERMISSIONS.ADMINISTRATOR) !== 0n) return ALL_PERMISSIONS;
  let bits = base;
  if (overwrites.everyone) bits = (bits & ~overwrites.everyone.deny) | overwrites.everyone.allow;
  let roleDeny = 0n;
  let roleAllow = 0n;
  for (const role of overwrites.roles) {
    roleDeny |= role.deny;
    roleAllow |= role.allow;
  }
  bits = (bits & ~roleDeny) | roleAllow;
  if (overwrites.member) bits = (bits & ~overwrites.member.deny) | overwrites.member.allow;
  // ADMINISTRATOR is a server-level flag; an overwrite cannot grant it.
  bits &= ~PERMISSIONS.ADMINISTRATOR;
  if ((bits & PERMISSIONS.VIEW_CHANNEL) === 0n) return 0n;
  return bits;
}

export function has(bits: bigint, name: PermissionName): boolean {
  return (bits & PERMISSIONS[name]) !== 0n;
}

/**
 * Role hierarchy: the owner outranks everyone; anyone else acts only on what sits strictly below their
 * highest role (`@everyone` is position 0, so a member with no role acts on nothing).
 */
export function outranks(
  actor: { isOwner: boolean; highestPosition: number },
  targetPosition: number,
): boolean {
  if (actor.isOwner) return true;
  return actor.highestPosition > targetPosition;
}

/** Whether `actor` may moderate, edit or re-role member `target` (never the owner, never oneself unless owner). */
export function canActOnMember(
  actor: { isOwner: boolean; highestPosition: number },
  target: { isOwner: boolean; highestPosition: number },
): boolean {
  if (target.isOwner) return false;
  return outranks(actor, target.highestPosition);
}

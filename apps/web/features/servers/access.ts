import { PERMISSION_NAMES, type PermissionName, type TChannel, type TRole } from '@guftagu/contracts';

/** What the client knows about itself in one server (the detail response's `me`). */
export interface SelfInServer {
  userId: string;
  isOwner: boolean;
  roleIds: readonly string[];
  /** Server-level permissions as the server resolved them (owner/ADMINISTRATOR already expanded). */
  permissions: readonly PermissionName[];
}

export type PermissionSet = ReadonlySet<PermissionName>;

const ALL: PermissionSet = new Set(PERMISSION_NAMES);

/**
 * My permissions in one channel, resolved like the server does (Discord's order: base from roles,
 * owner/ADMINISTRATOR short-circuit, then `@everyone`'s overwrite, the roles' overwrites together, the
 * member's own). Only decides what the UI offers; the server checks every action again.
 */
export function channelPermissions(
  channel: Pick<TChannel, 'overwrites'>,
  roles: readonly Pick<TRole, 'id' | 'isDefault'>[],
  me: SelfInServer,
): PermissionSet {
  const base = new Set(me.permissions);
  if (me.isOwner || base.has('ADMINISTRATOR')) return ALL;
  const everyoneId = roles.find((role) => role.isDefault)?.id;
  const apply = (allow: readonly PermissionName[], deny: readonly PermissionName[]) => {
    for (const flag of deny) base.delete(flag);
    for (const flag of allow) base.add(flag);
  };
  const everyone = channel.overwrites.find((item) => item.type === 'role' && item.targetId === everyoneId);
  if (everyone) apply(everyone.allow, everyone.deny);
  const mine = new Set(me.roleIds);
  const roleOverwrites = channel.overwrites.filter(
    (item) => item.type === 'role' && item.targetId !== everyoneId && mine.has(item.targetId),
  );
  apply(
    roleOverwrites.flatMap((item) => item.allow),
    roleOverwrites.flatMap((item) => item.deny),
  );
  const member = channel.overwrites.find((item) => item.type === 'member' && item.targetId === me.userId);
  if (member) apply(member.allow, member.deny);
  return base;
}

/** Whether a channel hides from `@everyone` (shown with a lock). */
export function isPrivateChannel(
  channel: Pick<TChannel, 'overwrites'>,
  everyoneRoleId: string | undefined,
): boolean {
  return channel.overwrites.some(
    (item) => item.type === 'role' && item.targetId === everyoneRoleId && item.deny.includes('VIEW_CHANNEL'),
  );
}

export interface ChannelGroup<C> {
  category: C | null;
  channels: C[];
}

interface Positioned {
  id: string;
  type: TChannel['type'];
  position: number;
  parentId: string | null;
}

const byPosition = (a: Positioned, b: Positioned) => a.position - b.position || (a.id < b.id ? -1 : 1);

/**
 * The sidebar's order: channels without a category first, then each category with its channels, all by
 * position. A channel whose category I cannot see (or which is gone) falls back to the top group.
 */
export function groupChannels<C extends Positioned>(channels: readonly C[]): ChannelGroup<C>[] {
  const categories = channels.filter((channel) => channel.type === 'category').sort(byPosition);
  const categoryIds = new Set(categories.map((category) => category.id));
  const inside = (parentId: string | null) =>
    channels
      .filter(
        (channel) =>
          channel.type !== 'category' &&
          (parentId === null
            ? channel.parentId === null || !categoryIds.has(channel.parentId)
            : channel.parentId === parentId),
      )
      .sort(byPosition);
  const top = inside(null);
  return [
    ...(top.length > 0 ? [{ category: null, channels: top }] : []),
    ...categories.map((category) => ({ category, channels: inside(category.id) })),
  ];
}

/** Where opening a server lands: its first text-like channel in sidebar order. */
export function firstTextChannel<C extends Positioned>(channels: readonly C[]): C | null {
  for (const group of groupChannels(channels)) {
    const found = group.channels.find(
      (channel) => channel.type === 'text' || channel.type === 'announcement',
    );
    if (found) return found;
  }
  return null;
}

interface RoleLike {
  id: string;
  position: number;
  hoisted: boolean;
  isDefault: boolean;
}

/** A member's highest role that is shown separately in the member list, if any. */
export function hoistedRoleOf<R extends RoleLike>(roleIds: readonly string[], roles: readonly R[]): R | null {
  let best: R | null = null;
  for (const role of roles) {
    if (!role.hoisted || role.isDefault || !roleIds.includes(role.id)) continue;
    if (!best || role.position > best.position) best = role;
  }
  return best;
}

/** A member's name colour: the colour of their highest role that has one (the default grey means none). */
export function roleColorOf<R extends RoleLike & { color: string }>(
  roleIds: readonly string[],
  roles: readonly R[],
): string | null {
  let best: R | null = null;
  for (const role of roles) {
    if (role.isDefault || !roleIds.includes(role.id) || role.color.toLowerCase() === '#99aab5') continue;
    if (!best || role.position > best.position) best = role;
  }
  return best?.color ?? null;
}

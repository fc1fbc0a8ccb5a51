'use client';

import type { TMember, TRole } from '@guftagu/contracts';
import { CrownIcon } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { Tooltip } from '@/components/ui/tooltip';
import { PresenceAvatar, shownStatus } from '@/features/friends/components/presence';
import { cn, nameOf, profileHref } from '@/lib/utils';
import { hoistedRoleOf, roleColorOf } from '../access';
import { useMembers } from '../hooks/use-servers';

export interface MemberGroup {
  key: string;
  title: string;
  members: TMember[];
}

export function memberName(member: TMember): string {
  return member.nickname?.trim() || nameOf(member.user);
}

/**
 * Discord's member list: online members under their highest hoisted role (highest roles first), the rest
 * of the online members under "Online", everyone offline at the end. Names sort within each group.
 */
export function groupMembers(members: readonly TMember[], roles: readonly TRole[]): MemberGroup[] {
  const hoisted = roles
    .filter((role) => role.hoisted && !role.isDefault)
    .sort((a, b) => b.position - a.position);
  const buckets = new Map<string, TMember[]>();
  const push = (key: string, member: TMember) => buckets.set(key, [...(buckets.get(key) ?? []), member]);
  for (const member of members) {
    if (!member.isOnline) push('offline', member);
    else push(hoistedRoleOf(member.roleIds, roles)?.id ?? 'online', member);
  }
  const byName = (a: TMember, b: TMember) => memberName(a).localeCompare(memberName(b));
  const groups: MemberGroup[] = [
    ...hoisted.map((role) => ({ key: role.id, title: role.name, members: buckets.get(role.id) ?? [] })),
    { key: 'online', title: 'Online', members: buckets.get('online') ?? [] },
    { key: 'offline', title: 'Offline', members: buckets.get('offline') ?? [] },
  ];
  return groups
    .filter((group) => group.members.length > 0)
    .map((group) => ({ ...group, members: [...group.members].sort(byName) }));
}

function MemberRow({ member, roles }: { member: TMember; roles: readonly TRole[] }) {
  const name = memberName(member);
  const color = roleColorOf(member.roleIds, roles);
  const status = shownStatus(member.isOnline, member.status);
  return (
    <li>
      <Link
        href={profileHref(member.user)}
        className={cn(
          'flex h-11 items-center gap-3 rounded-lg px-2 transition-colors hover:bg-fill focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none',
          !member.isOnline && 'opacity-45 hover:opacity-100',
        )}
        data-testid="member-row"
        data-user-id={member.userId}
        data-online={member.isOnline ? 'true' : 'false'}
      >
        <PresenceAvatar name={name} src={member.user.profilePicture} size={32} status={status} />
        <span
          className="min-w-0 flex-1 truncate text-[14px] font-medium text-fg-soft"
          style={color ? { color } : undefined}
        >
          {name}
        </span>
        {member.isOwner ? (
          <Tooltip content="Server owner">
            <span className="text-warning-fg">
              <CrownIcon aria-label="Server owner" size={14} />
            </span>
          </Tooltip>
        ) : null}
      </Link>
    </li>
  );
}

/** The right column (or the phone's right drawer): who is in the server, grouped, with presence. */
export function MemberList({ serverId, className }: { serverId: string; className?: string }) {
  const { data, isPending, isError } = useMembers(serverId);
  const groups = useMemo(() => (data ? groupMembers(data.members, data.roles) : []), [data]);
  return (
    <aside
      aria-label="Members"
      className={cn('flex h-full min-h-0 flex-col bg-surface/40', className)}
      data-testid="member-list"
    >
      <div className="min-h-0 flex-1 overflow-y-auto px-3 pt-4 pb-6">
        {isPending ? (
          <div className="flex flex-col gap-3 px-2" aria-busy="true">
            <span className="sr-only" role="status">
              Loading members
            </span>
            <Skeleton className="h-3 w-20" />
            {[0, 1, 2, 3].map((index) => (
              <div key={index} className="flex items-center gap-3">
                <Skeleton className="size-8 rounded-full" />
                <Skeleton className="h-3.5 w-28" />
              </div>
            ))}
          </div>
        ) : isError ? (
          <p className="px-2 text-sm text-fg-subtle">Members didn’t load.</p>
        ) : (
          groups.map((group) => (
            <section key={group.key} className="mb-4" aria-label={`${group.title}, ${group.members.length}`}>
              <h3 className="px-2 pb-1.5 text-[11px] font-semibold tracking-[0.06em] text-fg-subtle uppercase">
                {group.title} — {group.members.length}
              </h3>
              <ul className="flex flex-col gap-0.5">
                {group.members.map((member) => (
                  <MemberRow key={member.userId} member={member} roles={data?.roles ?? []} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </aside>
  );
}

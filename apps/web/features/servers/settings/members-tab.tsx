'use client';

import type { TMember, TRole } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { CheckIcon, CrownIcon, PlusIcon, SearchIcon, XIcon } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { DropdownContent } from '@/components/ui/dropdown';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { cn, nameOf } from '@/lib/utils';
import type { SelfInServer } from '../access';
import { memberName } from '../components/member-list';
import { useServerActions } from '../hooks/use-server-actions';
import { useMembers } from '../hooks/use-servers';
import type { ServerDetail } from '../queries';
import { MemberModerationMenu } from './member-moderation';
import { topPosition } from './roles-tab';
import { SectionHeading } from './server-settings';

function RoleChip({ role, onRemove }: { role: TRole; onRemove?: () => void }) {
  return (
    <span
      className="inline-flex h-6 items-center gap-1.5 rounded-md border border-line bg-fill-subtle pr-1.5 pl-2 text-[12px] text-fg-soft"
      data-testid="member-role-chip"
    >
      <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: role.color }} />
      {role.name}
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${role.name}`}
          className="rounded text-fg-subtle hover:text-fg"
        >
          <XIcon aria-hidden size={12} />
        </button>
      ) : null}
    </span>
  );
}

/** Search members and give or take their roles (only roles below my highest, unless I own the server). */
export function MembersTab({ detail, self }: { detail: ServerDetail; self: SelfInServer }) {
  const serverId = detail.server.id;
  const { data, isPending } = useMembers(serverId);
  const actions = useServerActions();
  const { toast } = useToast();
  const [q, setQ] = useState('');
  const canAssign = self.permissions.includes('MANAGE_ROLES');
  const top = topPosition(self, detail.roles);
  const roles = useMemo(
    () =>
      [...(data?.roles ?? detail.roles)]
        .filter((role) => !role.isDefault)
        .sort((a, b) => b.position - a.position),
    [data?.roles, detail.roles],
  );
  const assignable = (role: TRole) => canAssign && (self.isOwner || role.position < top);
  const members = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const list = data?.members ?? [];
    return (
      needle
        ? list.filter((member) =>
            [member.nickname, member.user.username, member.user.displayName].some((value) =>
              value?.toLowerCase().includes(needle),
            ),
          )
        : list
    ).sort((a, b) => memberName(a).localeCompare(memberName(b)));
  }, [data?.members, q]);

  const setRoles = async (member: TMember, roleIds: string[]) => {
    try {
      await actions.updateMember(serverId, member.userId, { roleIds });
    } catch (error) {
      toast({ title: 'Couldn’t change roles', description: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <div data-testid="settings-members">
      <SectionHeading title="Members">
        {data ? `${data.members.length} members` : 'Everyone in this server'}
      </SectionHeading>
      <Input
        label="Search members"
        hideLabel
        placeholder="Search by name"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        prefix={<SearchIcon aria-hidden size={16} />}
        containerClassName="mb-4"
        data-testid="member-search"
      />
      {isPending ? (
        <div className="flex flex-col gap-2">
          {[0, 1, 2].map((index) => (
            <Skeleton key={index} className="h-14 w-full rounded-xl" />
          ))}
        </div>
      ) : members.length === 0 ? (
        <p className="py-8 text-center text-[14px] text-fg-subtle">No member matches “{q}”.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {members.map((member) => {
            const held = roles.filter((role) => member.roleIds.includes(role.id));
            return (
              <li
                key={member.userId}
                className="flex flex-wrap items-center gap-3 py-3"
                data-testid="settings-member"
                data-user-id={member.userId}
              >
                <Avatar name={memberName(member)} src={member.user.profilePicture} size={36} />
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-1.5 truncate text-[15px] font-medium text-fg">
                    {memberName(member)}
                    {member.isOwner ? (
                      <CrownIcon aria-label="Owner" size={13} className="text-warning-fg" />
                    ) : null}
                  </p>
                  <p className="truncate text-[12px] text-fg-subtle">
                    @{member.user.username}
                    {member.nickname ? ` · ${nameOf(member.user)}` : ''}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-1.5">
                  {held.map((role) => (
                    <RoleChip
                      key={role.id}
                      role={role}
                      onRemove={
                        assignable(role)
                          ? () =>
                              void setRoles(
                                member,
                                member.roleIds.filter((id) => id !== role.id),
                              )
                          : undefined
                      }
                    />
                  ))}
                  {canAssign ? (
                    <Menu.Root modal={false}>
                      <Menu.Trigger
                        className="inline-flex size-6 items-center justify-center rounded-md border border-dashed border-line-strong text-fg-subtle hover:border-line-bold hover:text-fg"
                        aria-label={`Roles of ${memberName(member)}`}
                        data-testid="member-roles-button"
                      >
                        <PlusIcon aria-hidden size={14} />
                      </Menu.Trigger>
                      <DropdownContent align="end" className="min-w-56" data-testid="member-roles-menu">
                        {roles.length === 0 ? (
                          <p className="px-2.5 py-2 text-[13px] text-fg-subtle">
                            No roles yet. Create one in Roles.
                          </p>
                        ) : (
                          roles.map((role) => {
                            const has = member.roleIds.includes(role.id);
                            return (
                              <Menu.CheckboxItem
                                key={role.id}
                                checked={has}
                                disabled={!assignable(role)}
                                onSelect={(event) => {
                                  event.preventDefault();
                                  void setRoles(
                                    member,
                                    has
                                      ? member.roleIds.filter((id) => id !== role.id)
                                      : [...member.roleIds, role.id],
                                  );
                                }}
                                className={cn(
                                  'flex h-9 cursor-pointer items-center gap-2.5 rounded-lg px-2.5 text-sm text-fg outline-none data-[highlighted]:bg-fill',
                                  'data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50',
                                )}
                                data-testid="member-role-option"
                                data-role-name={role.name}
                              >
                                <span
                                  aria-hidden
                                  className="size-3 rounded-full"
                                  style={{ backgroundColor: role.color }}
                                />
                                <span className="flex-1 truncate">{role.name}</span>
                                <Menu.ItemIndicator>
                                  <CheckIcon aria-hidden size={15} className="text-accent-fg" />
                                </Menu.ItemIndicator>
                              </Menu.CheckboxItem>
                            );
                          })
                        )}
                      </DropdownContent>
                    </Menu.Root>
                  ) : null}
                  <MemberModerationMenu
                    serverId={serverId}
                    serverName={detail.server.name}
                    member={member}
                    self={self}
                    roles={data?.roles ?? detail.roles}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

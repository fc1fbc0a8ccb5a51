'use client';

import type { PermissionName, TRole } from '@guftagu/contracts';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, ShieldIcon, TrashIcon } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import type { SelfInServer } from '../access';
import { useServerActions } from '../hooks/use-server-actions';
import { PERMISSION_GROUPS, PERMISSION_INFO, withFlag } from '../permissions';
import type { ServerDetail } from '../queries';
import { SectionHeading } from './server-settings';

/** Discord's role palette: picked by one tap, with a free picker for anything else. */
const SWATCHES = [
  '#1abc9c',
  '#2ecc71',
  '#3498db',
  '#9b59b6',
  '#e91e63',
  '#f1c40f',
  '#e67e22',
  '#e74c3c',
  '#95a5a6',
  '#607d8b',
];

interface Draft {
  name: string;
  color: string;
  hoisted: boolean;
  mentionable: boolean;
  permissions: PermissionName[];
}

const draftOf = (role: TRole): Draft => ({
  name: role.name,
  color: role.color,
  hoisted: role.hoisted,
  mentionable: role.mentionable,
  permissions: [...role.permissions],
});

/** My highest role position: nobody but the owner edits a role at or above it. */
export function topPosition(self: SelfInServer, roles: readonly TRole[]): number {
  return roles
    .filter((role) => self.roleIds.includes(role.id))
    .reduce((top, role) => Math.max(top, role.position), 0);
}

export function RolesTab({ detail, self }: { detail: ServerDetail; self: SelfInServer }) {
  const actions = useServerActions();
  const { toast } = useToast();
  const serverId = detail.server.id;
  const roles = useMemo(() => [...detail.roles].sort((a, b) => b.position - a.position), [detail.roles]);
  const [selectedId, setSelectedId] = useState<string | null>(
    roles.find((role) => !role.isDefault)?.id ?? roles[0]?.id ?? null,
  );
  const selected = roles.find((role) => role.id === selectedId) ?? roles[0] ?? null;
  const [draft, setDraft] = useState<Draft | null>(selected ? draftOf(selected) : null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const top = topPosition(self, detail.roles);
  const editable = (role: TRole) => self.isOwner || role.isDefault || role.position < top;

  // A different role (or a newly saved copy of it) resets the draft.
  useEffect(() => setDraft(selected ? draftOf(selected) : null), [selected?.id, selected]);

  const dirty = selected && draft ? JSON.stringify(draftOf(selected)) !== JSON.stringify(draft) : false;
  const ordered = roles.filter((role) => !role.isDefault);

  const run = async (title: string, task: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      toast({ title, description: errorMessage(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const move = (role: TRole, step: -1 | 1) => {
    // `ordered` is highest first; the API takes lowest first.
    const list = [...ordered];
    const index = list.findIndex((item) => item.id === role.id);
    const swap = index - step;
    if (index < 0 || swap < 0 || swap >= list.length) return;
    [list[index], list[swap]] = [list[swap] as TRole, list[index] as TRole];
    void run('Couldn’t reorder roles', () =>
      actions.reorderRoles(serverId, list.map((item) => item.id).reverse()),
    );
  };

  return (
    <div data-testid="settings-roles">
      <SectionHeading title="Roles">
        Roles group members and decide what they can do. Higher roles outrank lower ones; members show under
        their highest hoisted role.
      </SectionHeading>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <div>
          <Button
            variant="secondary"
            size="sm"
            className="mb-3 w-full"
            loading={busy && !selected}
            onClick={() =>
              void run('Couldn’t create the role', async () => {
                const role = await actions.createRole(serverId, { name: 'new role', color: '#3498db' });
                setSelectedId(role.id);
              })
            }
            data-testid="role-create"
          >
            <PlusIcon aria-hidden size={15} /> Create role
          </Button>
          <ul className="flex flex-col gap-0.5" aria-label="Roles, highest first">
            {roles.map((role) => (
              <li key={role.id} className="group/role flex items-center gap-1">
                <button
                  type="button"
                  onClick={() => setSelectedId(role.id)}
                  aria-current={selected?.id === role.id ? 'true' : undefined}
                  className={cn(
                    'flex h-9 min-w-0 flex-1 items-center gap-2.5 rounded-lg px-2.5 text-left text-[14px] transition-colors',
                    selected?.id === role.id
                      ? 'bg-fill-strong text-fg'
                      : 'text-fg-muted hover:bg-fill hover:text-fg',
                  )}
                  data-testid="role-item"
                  data-role-name={role.name}
                >
                  <span
                    aria-hidden
                    className="size-3 shrink-0 rounded-full"
                    style={{ backgroundColor: role.color }}
                  />
                  <span className="truncate">{role.isDefault ? '@everyone' : role.name}</span>
                </button>
                {role.isDefault || !editable(role) ? null : (
                  <span className="flex opacity-0 transition-opacity group-focus-within/role:opacity-100 group-hover/role:opacity-100">
                    <button
                      type="button"
                      aria-label={`Move ${role.name} up`}
                      onClick={() => move(role, 1)}
                      className="inline-flex size-7 items-center justify-center rounded-md text-fg-subtle hover:bg-fill hover:text-fg"
                    >
                      <ArrowUpIcon aria-hidden size={14} />
                    </button>
                    <button
                      type="button"
                      aria-label={`Move ${role.name} down`}
                      onClick={() => move(role, -1)}
                      className="inline-flex size-7 items-center justify-center rounded-md text-fg-subtle hover:bg-fill hover:text-fg"
                    >
                      <ArrowDownIcon aria-hidden size={14} />
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
        {selected && draft ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run('Couldn’t save the role', () =>
                actions.updateRole(
                  serverId,
                  selected.id,
                  selected.isDefault ? { permissions: draft.permissions } : draft,
                ),
              );
            }}
            className="min-w-0"
            data-testid="role-editor"
          >
            <fieldset disabled={!editable(selected) || busy} className="flex flex-col gap-6">
              {!editable(selected) ? (
                <p className="flex items-center gap-2 rounded-xl border border-warning/25 bg-warning/10 px-3 py-2 text-[13px] text-warning-fg">
                  <ShieldIcon aria-hidden size={15} /> This role is at or above your highest role, so you
                  can’t edit it.
                </p>
              ) : null}
              {selected.isDefault ? (
                <p className="text-[14px] text-fg-muted">
                  <span className="font-semibold text-fg">@everyone</span> is every member. What it allows,
                  everyone can do.
                </p>
              ) : (
                <>
                  <Input
                    label="Role name"
                    value={draft.name}
                    maxLength={100}
                    onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                    data-testid="role-name"
                  />
                  <div>
                    <p className="mb-2 text-[13px] font-medium text-fg-soft">Role colour</p>
                    <div className="flex flex-wrap items-center gap-2">
                      {SWATCHES.map((color) => (
                        <button
                          key={color}
                          type="button"
                          onClick={() => setDraft({ ...draft, color })}
                          aria-label={`Colour ${color}`}
                          aria-pressed={draft.color.toLowerCase() === color}
                          className={cn(
                            'size-8 rounded-lg ring-offset-2 ring-offset-canvas transition-transform hover:scale-110',
                            draft.color.toLowerCase() === color && 'ring-2 ring-fg',
                          )}
                          style={{ backgroundColor: color }}
                        />
                      ))}
                      <label className="relative inline-flex size-8 cursor-pointer items-center justify-center overflow-hidden rounded-lg border border-line-strong">
                        <span className="sr-only">Custom colour</span>
                        <input
                          type="color"
                          value={draft.color}
                          onChange={(event) => setDraft({ ...draft, color: event.target.value })}
                          className="absolute inset-0 size-full cursor-pointer opacity-0"
                        />
                        <span aria-hidden className="size-full" style={{ backgroundColor: draft.color }} />
                      </label>
                    </div>
                  </div>
                  <div className="rounded-2xl border border-line bg-fill-subtle px-4">
                    <Switch
                      checked={draft.hoisted}
                      onCheckedChange={(hoisted) => setDraft({ ...draft, hoisted })}
                      label="Show members separately"
                      description="Online members with this role get their own group in the member list."
                      className="border-b border-line"
                      data-testid="role-hoisted"
                    />
                    <Switch
                      checked={draft.mentionable}
                      onCheckedChange={(mentionable) => setDraft({ ...draft, mentionable })}
                      label="Allow anyone to @mention this role"
                      description="Members can notify everyone with this role at once."
                    />
                  </div>
                </>
              )}
              {PERMISSION_GROUPS.map((group) => (
                <section key={group.title} aria-label={`${group.title} permissions`}>
                  <h3 className="mb-1 text-[11px] font-semibold tracking-[0.06em] text-fg-subtle uppercase">
                    {group.title} permissions
                  </h3>
                  <div className="divide-y divide-line">
                    {group.flags.map((flag) => (
                      <Switch
                        key={flag}
                        checked={draft.permissions.includes(flag)}
                        onCheckedChange={(on) =>
                          setDraft({ ...draft, permissions: withFlag(draft.permissions, flag, on) })
                        }
                        label={PERMISSION_INFO[flag].label}
                        description={PERMISSION_INFO[flag].description}
                        data-testid={`perm-${flag}`}
                      />
                    ))}
                  </div>
                </section>
              ))}
            </fieldset>
            {editable(selected) ? (
              <div className="sticky bottom-0 mt-6 flex items-center gap-2 border-t border-line bg-canvas/90 py-4 backdrop-blur-md">
                {selected.isDefault ? null : (
                  <Button variant="danger" size="sm" onClick={() => setDeleting(true)} disabled={busy}>
                    <TrashIcon aria-hidden size={15} /> Delete role
                  </Button>
                )}
                <span className="flex-1" />
                <Button variant="ghost" disabled={!dirty || busy} onClick={() => setDraft(draftOf(selected))}>
                  Reset
                </Button>
                <Button
                  type="submit"
                  loading={busy}
                  disabled={!dirty || !draft.name.trim()}
                  data-testid="role-save"
                >
                  Save changes
                </Button>
              </div>
            ) : null}
          </form>
        ) : null}
      </div>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${selected?.name ?? 'this role'}?`}
        description="Members with it lose what it allowed. This can’t be undone."
        confirmLabel="Delete role"
        onConfirm={async () => {
          if (!selected) return;
          await actions.deleteRole(serverId, selected.id).catch((error) => {
            toast({ title: 'Couldn’t delete the role', description: errorMessage(error), tone: 'error' });
            throw error;
          });
          setSelectedId(null);
        }}
      />
    </div>
  );
}

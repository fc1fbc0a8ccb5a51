'use client';

import type { PermissionName, TOverwrite } from '@guftagu/contracts';
import { CheckIcon, MinusIcon, PlusIcon, TrashIcon, XIcon } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { cn, nameOf } from '@/lib/utils';
import { groupChannels } from '../access';
import { useServerActions } from '../hooks/use-server-actions';
import { useMembers } from '../hooks/use-servers';
import {
  CHANNEL_FLAGS,
  type OverwriteState,
  overwriteState,
  PERMISSION_INFO,
  setOverwrite,
} from '../permissions';
import type { ServerDetail } from '../queries';
import { ChannelOrderList } from './channel-order-list';
import { ChannelOverview } from './channel-overview';
import { SectionHeading } from './server-settings';

const STATES: { state: OverwriteState; label: string; icon: typeof CheckIcon; on: string }[] = [
  { state: 'deny', label: 'Deny', icon: XIcon, on: 'bg-danger-bright text-on-accent' },
  { state: 'neutral', label: 'Inherit', icon: MinusIcon, on: 'bg-fill-bold text-fg' },
  { state: 'allow', label: 'Allow', icon: CheckIcon, on: 'bg-live-strong text-on-accent' },
];

/** Deny / inherit / allow for one flag: three radio buttons drawn as one small segmented control. */
function TriState({
  flag,
  value,
  onChange,
}: {
  flag: PermissionName;
  value: OverwriteState;
  onChange: (state: OverwriteState) => void;
}) {
  const name = useId();
  return (
    <fieldset className="flex shrink-0 overflow-hidden rounded-lg border border-line">
      <legend className="sr-only">{PERMISSION_INFO[flag].label}</legend>
      {STATES.map(({ state, label, icon: Icon, on }) => (
        <label
          key={state}
          title={label}
          className={cn(
            'inline-flex size-8 cursor-pointer items-center justify-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus',
            value === state ? on : 'text-fg-subtle hover:bg-fill hover:text-fg',
          )}
        >
          <input
            type="radio"
            name={name}
            value={state}
            checked={value === state}
            onChange={() => onChange(state)}
            className="sr-only"
            aria-label={label}
            data-testid={`overwrite-${flag}-${state}`}
          />
          <Icon aria-hidden size={15} strokeWidth={2.25} />
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Per-channel overwrites for roles and members (Discord's "Permissions" of a channel): each flag is
 * allowed, denied or left to the roles. Denying `@everyone` View channels makes it private.
 */
export function ChannelPermissionsTab({
  detail,
  initialChannelId,
  canManageChannels,
}: {
  detail: ServerDetail;
  initialChannelId?: string;
  canManageChannels: boolean;
}) {
  const actions = useServerActions();
  const { toast } = useToast();
  const { data: memberList } = useMembers(detail.server.id);
  const serverId = detail.server.id;
  const ordered = useMemo(
    () =>
      groupChannels(detail.channels).flatMap((group) => [
        ...(group.category ? [group.category] : []),
        ...group.channels,
      ]),
    [detail.channels],
  );
  const [channelId, setChannelId] = useState(initialChannelId ?? ordered[0]?.id ?? '');
  const channel = detail.channels.find((item) => item.id === channelId) ?? ordered[0];
  const everyone = detail.roles.find((role) => role.isDefault);
  const [targetId, setTargetId] = useState<string>(everyone?.id ?? '');
  const [draft, setDraft] = useState<{ allow: PermissionName[]; deny: PermissionName[] }>({
    allow: [],
    deny: [],
  });
  const [busy, setBusy] = useState(false);

  const roleName = (id: string) => {
    const role = detail.roles.find((item) => item.id === id);
    return role ? (role.isDefault ? '@everyone' : role.name) : null;
  };
  const memberName = (id: string) => {
    const member = memberList?.members.find((item) => item.userId === id);
    return member ? member.nickname || nameOf(member.user) : 'Member';
  };
  const overwrites = channel?.overwrites ?? [];
  const saved: TOverwrite | undefined = overwrites.find((item) => item.targetId === targetId);
  const targetType: 'role' | 'member' = roleName(targetId) !== null ? 'role' : 'member';

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new target or a saved change resets the draft.
  useEffect(
    () => setDraft({ allow: [...(saved?.allow ?? [])], deny: [...(saved?.deny ?? [])] }),
    [channel?.id, targetId, saved],
  );

  if (!channel) return <p className="text-fg-muted">This server has no channels yet.</p>;

  const listed = [
    ...(everyone ? [{ id: everyone.id }] : []),
    ...overwrites.filter((item) => item.targetId !== everyone?.id).map((item) => ({ id: item.targetId })),
  ];
  // A role or member just picked from "Add" shows in the list before its first save.
  const targets = listed.some((item) => item.id === targetId) ? listed : [...listed, { id: targetId }];
  const addable = [
    ...detail.roles
      .filter((role) => !role.isDefault && !targets.some((item) => item.id === role.id))
      .map((role) => ({ value: `role:${role.id}`, label: `Role · ${role.name}` })),
    ...(memberList?.members ?? [])
      .filter((member) => !targets.some((item) => item.id === member.userId))
      .map((member) => ({
        value: `member:${member.userId}`,
        label: `Member · ${member.nickname || nameOf(member.user)}`,
      })),
  ];
  const dirty =
    JSON.stringify([...draft.allow].sort()) !== JSON.stringify([...(saved?.allow ?? [])].sort()) ||
    JSON.stringify([...draft.deny].sort()) !== JSON.stringify([...(saved?.deny ?? [])].sort());

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

  return (
    <div data-testid="settings-channels">
      <SectionHeading title="Channels">
        Edit a channel and fine-tune who can see and use it. Overwrites apply in order: @everyone, then roles,
        then single members.
      </SectionHeading>
      <Select
        label="Channel"
        options={ordered.map((item) => ({
          value: item.id,
          label: item.type === 'category' ? `▾ ${item.name}` : `# ${item.name}`,
        }))}
        value={channel.id}
        onValueChange={(id) => {
          setChannelId(id);
          setTargetId(everyone?.id ?? '');
        }}
        containerClassName="mb-6 max-w-sm"
        data-testid="overwrite-channel"
      />
      {canManageChannels ? <ChannelOverview key={channel.id} serverId={serverId} channel={channel} /> : null}
      <h3 className="mb-3 font-display text-[16px] font-semibold text-fg">Permissions</h3>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <div>
          <ul className="flex flex-col gap-0.5" aria-label="Roles and members with overwrites">
            {targets.map((target) => (
              <li key={target.id}>
                <button
                  type="button"
                  onClick={() => setTargetId(target.id)}
                  aria-current={targetId === target.id ? 'true' : undefined}
                  className={cn(
                    'flex h-9 w-full items-center rounded-lg px-2.5 text-left text-[14px] transition-colors',
                    targetId === target.id
                      ? 'bg-fill-strong text-fg'
                      : 'text-fg-muted hover:bg-fill hover:text-fg',
                  )}
                  data-testid="overwrite-target"
                >
                  <span className="truncate">{roleName(target.id) ?? memberName(target.id)}</span>
                </button>
              </li>
            ))}
          </ul>
          {addable.length > 0 ? (
            <div className="mt-3">
              <Select
                label="Add a role or member"
                options={[{ value: '', label: 'Add a role or member…' }, ...addable]}
                value=""
                onValueChange={(value) => {
                  const [, id] = value.split(':');
                  if (id) setTargetId(id);
                }}
                data-testid="overwrite-add"
                hideLabel
              />
            </div>
          ) : null}
        </div>
        <div className="min-w-0">
          <p className="mb-3 flex items-center gap-2 text-[15px] font-semibold text-fg">
            <PlusIcon aria-hidden size={15} className="text-fg-subtle" />
            {roleName(targetId) ?? memberName(targetId)}
            {saved ? null : (
              <span className="text-[12px] font-normal text-fg-subtle">(no overwrite yet)</span>
            )}
          </p>
          <ul className="divide-y divide-line">
            {CHANNEL_FLAGS.map((flag) => (
              <li key={flag} className="flex items-center justify-between gap-4 py-3">
                <div className="min-w-0">
                  <p className="text-[15px] font-medium text-fg">{PERMISSION_INFO[flag].label}</p>
                  <p className="text-[13px] text-fg-subtle">{PERMISSION_INFO[flag].description}</p>
                </div>
                <TriState
                  flag={flag}
                  value={overwriteState(flag, draft.allow, draft.deny)}
                  onChange={(state) => setDraft((current) => setOverwrite(current, flag, state))}
                />
              </li>
            ))}
          </ul>
          <div className="sticky bottom-0 mt-4 flex items-center gap-2 border-t border-line bg-canvas/90 py-4 backdrop-blur-md">
            {saved && targetId !== everyone?.id ? (
              <Button
                variant="danger"
                size="sm"
                disabled={busy}
                onClick={() =>
                  void run('Couldn’t remove the overwrite', async () => {
                    await actions.deleteOverwrite(serverId, channel.id, targetId);
                    setTargetId(everyone?.id ?? '');
                  })
                }
              >
                <TrashIcon aria-hidden size={15} /> Remove
              </Button>
            ) : null}
            <span className="flex-1" />
            <Button
              variant="ghost"
              disabled={!dirty || busy}
              onClick={() => setDraft({ allow: [...(saved?.allow ?? [])], deny: [...(saved?.deny ?? [])] })}
            >
              Reset
            </Button>
            <Button
              loading={busy}
              disabled={!dirty}
              onClick={() =>
                void run('Couldn’t save the permissions', () =>
                  actions.putOverwrite(serverId, channel.id, targetId, { type: targetType, ...draft }),
                )
              }
              data-testid="overwrite-save"
            >
              Save changes
            </Button>
          </div>
        </div>
      </div>
      {canManageChannels ? <ChannelOrderList serverId={serverId} channels={detail.channels} /> : null}
    </div>
  );
}

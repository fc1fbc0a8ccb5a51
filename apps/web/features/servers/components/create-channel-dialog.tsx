'use client';

import { CHANNEL_NAME_MAX, type TChannelType } from '@guftagu/contracts';
import { FolderIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Modal, ModalClose } from '@/components/ui/modal';
import { Switch } from '@/components/ui/switch';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { useServerActions } from '../hooks/use-server-actions';
import type { ServerDetail } from '../queries';
import { ChannelIcon } from './channel-icon';

const TYPES: { type: TChannelType; label: string; hint: string }[] = [
  { type: 'text', label: 'Text', hint: 'Messages, pictures, opinions and puns' },
  { type: 'voice', label: 'Voice', hint: 'Hang out together with voice and video' },
  { type: 'announcement', label: 'Announcement', hint: 'Only members allowed to post can post' },
];

/** Text channels read like Discord's: lower case, dashes for spaces. */
export function channelSlug(name: string, type: TChannelType): string {
  if (type === 'voice' || type === 'category') return name.trimStart();
  return name.toLowerCase().replace(/\s+/g, '-').replace(/-{2,}/g, '-');
}

/**
 * "Create channel" (or category). A private channel is created with `@everyone` denied VIEW_CHANNEL and
 * the picked roles allowed it, in the same breath.
 */
export function CreateChannelDialog({
  open,
  onOpenChange,
  detail,
  initialType,
  initialParentId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  detail: ServerDetail;
  initialType: TChannelType;
  initialParentId: string | null;
}) {
  const actions = useServerActions();
  const router = useRouter();
  const [type, setType] = useState<TChannelType>(initialType);
  const [name, setName] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [roleIds, setRoleIds] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const serverId = detail.server.id;
  const everyone = detail.roles.find((role) => role.isDefault);
  const roles = detail.roles.filter((role) => !role.isDefault).sort((a, b) => b.position - a.position);
  const category = type === 'category';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim().replace(/-+$/, '');
    if (!trimmed) {
      setError('Give it a name.');
      return;
    }
    setBusy(true);
    try {
      const channel = await actions.createChannel(serverId, {
        name: trimmed,
        type,
        ...(category ? {} : { parentId: initialParentId }),
      });
      if (isPrivate && everyone) {
        await actions.putOverwrite(serverId, channel.id, everyone.id, {
          type: 'role',
          deny: ['VIEW_CHANNEL'],
        });
        for (const roleId of roleIds) {
          await actions.putOverwrite(serverId, channel.id, roleId, { type: 'role', allow: ['VIEW_CHANNEL'] });
        }
      }
      onOpenChange(false);
      if (!category) router.push(`/servers/${serverId}/${channel.id}`);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title={category ? 'Create category' : 'Create channel'}
      description={
        initialParentId
          ? `In ${detail.channels.find((item) => item.id === initialParentId)?.name ?? 'this category'}`
          : undefined
      }
    >
      <form onSubmit={submit} className="flex flex-col gap-5" data-testid="create-channel-form">
        {category ? null : (
          <fieldset>
            <legend className="mb-2 text-[13px] font-medium text-fg-soft">Channel type</legend>
            <div className="flex flex-col gap-2" role="radiogroup">
              {TYPES.map((option) => (
                <label
                  key={option.type}
                  className={cn(
                    'flex cursor-pointer items-center gap-3 rounded-xl border px-3.5 py-3 transition-colors',
                    type === option.type
                      ? 'border-accent-bright/50 bg-accent/10'
                      : 'border-line bg-fill-subtle hover:bg-fill',
                  )}
                >
                  <ChannelIcon type={option.type} size={20} className="text-fg-muted" />
                  <span className="min-w-0 flex-1">
                    <span className="block text-[15px] font-medium text-fg">{option.label}</span>
                    <span className="block text-[13px] text-fg-subtle">{option.hint}</span>
                  </span>
                  <input
                    type="radio"
                    name="channel-type"
                    value={option.type}
                    checked={type === option.type}
                    onChange={() => setType(option.type)}
                    className="size-4 accent-[var(--color-accent)]"
                    data-testid={`channel-type-${option.type}`}
                  />
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <Input
          label={category ? 'Category name' : 'Channel name'}
          value={name}
          maxLength={CHANNEL_NAME_MAX}
          onChange={(event) => {
            setName(channelSlug(event.target.value, type));
            setError(null);
          }}
          placeholder={category ? 'New category' : 'new-channel'}
          prefix={category ? <FolderIcon aria-hidden size={16} /> : <ChannelIcon type={type} size={16} />}
          error={error ?? undefined}
          autoFocus
          data-testid="create-channel-name"
        />
        <div className="rounded-2xl border border-line bg-fill-subtle px-4">
          <Switch
            checked={isPrivate}
            onCheckedChange={setPrivate}
            label={category ? 'Private category' : 'Private channel'}
            description="Only the roles you pick (and admins) can see it."
            data-testid="create-channel-private"
          />
          {isPrivate ? (
            <div className="border-t border-line py-3">
              {roles.length === 0 ? (
                <p className="text-[13px] text-fg-subtle">
                  No roles yet: only admins will see it. Create roles in Server settings → Roles.
                </p>
              ) : (
                <ul className="flex flex-col gap-1">
                  {roles.map((role) => (
                    <li key={role.id}>
                      <label className="flex cursor-pointer items-center gap-3 rounded-lg px-1 py-1.5 hover:bg-fill">
                        <input
                          type="checkbox"
                          checked={roleIds.has(role.id)}
                          onChange={(event) =>
                            setRoleIds((current) => {
                              const next = new Set(current);
                              if (event.target.checked) next.add(role.id);
                              else next.delete(role.id);
                              return next;
                            })
                          }
                          className="size-4 accent-[var(--color-accent)]"
                          data-testid="create-channel-role"
                          data-role-name={role.name}
                        />
                        <span
                          aria-hidden
                          className="size-3 rounded-full"
                          style={{ backgroundColor: role.color }}
                        />
                        <span className="text-[14px] text-fg">{role.name}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </div>
        <div className="flex justify-end gap-2">
          <ModalClose asChild>
            <Button variant="ghost" disabled={busy}>
              Cancel
            </Button>
          </ModalClose>
          <Button type="submit" loading={busy} data-testid="create-channel-submit">
            {category ? 'Create category' : 'Create channel'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

'use client';

import type { TChannel } from '@guftagu/contracts';
import {
  ChevronDownIcon,
  FolderPlusIcon,
  LogOutIcon,
  PlusIcon,
  SettingsIcon,
  TrashIcon,
  UserPlusIcon,
} from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import {
  Dropdown,
  DropdownContent,
  DropdownItem,
  DropdownSeparator,
  DropdownTrigger,
} from '@/components/ui/dropdown';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { Tooltip } from '@/components/ui/tooltip';
import { VoiceChannelMembers } from '@/features/voice/components/voice-channel-members';
import { VoicePanel } from '@/features/voice/components/voice-panel';
import { joinVoice } from '@/features/voice/lib/voice-controller';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { groupChannels, isPrivateChannel } from '../access';
import { useServerUnread } from '../hooks/use-channel';
import { useServerActions } from '../hooks/use-server-actions';
import { useSelf, useServerDetail } from '../hooks/use-servers';
import { ChannelIcon } from './channel-icon';
import { CreateChannelDialog } from './create-channel-dialog';
import { useServersUi } from './servers-ui';
import { UserPanel } from './user-panel';

function ChannelRow({
  channel,
  serverId,
  active,
  locked,
  unread,
  mentions,
  canManage,
}: {
  channel: TChannel;
  serverId: string;
  active: boolean;
  locked: boolean;
  unread: boolean;
  mentions: number;
  canManage: boolean;
}) {
  const ui = useServersUi();
  return (
    <li className="group/channel relative">
      {unread && !active ? (
        <span
          aria-hidden
          className="absolute top-1/2 -left-2 h-2 w-1 -translate-y-1/2 rounded-r-full bg-fg"
        />
      ) : null}
      <Link
        href={`/servers/${serverId}/${channel.id}`}
        onClick={channel.type === 'voice' ? () => joinVoice(serverId, channel.id) : undefined}
        aria-current={active ? 'page' : undefined}
        className={cn(
          'flex h-9 items-center gap-2 rounded-lg pr-2 pl-2.5 text-[15px] transition-colors outline-none focus-visible:ring-2 focus-visible:ring-focus',
          active
            ? 'bg-fill-strong text-fg'
            : unread
              ? 'font-semibold text-fg hover:bg-fill'
              : 'text-fg-subtle hover:bg-fill hover:text-fg-soft',
        )}
        data-testid="channel-link"
        data-channel-id={channel.id}
        data-channel-name={channel.name}
        data-unread={unread ? 'true' : 'false'}
      >
        <ChannelIcon
          type={channel.type}
          locked={locked}
          className={active || unread ? 'text-fg-muted' : ''}
        />
        <span className="min-w-0 flex-1 truncate">{channel.name}</span>
        <span className="sr-only">
          {`, ${channel.type} channel${locked ? ', private' : ''}${unread ? ', unread' : ''}`}
        </span>
        {mentions > 0 ? (
          <span
            className="tabular inline-flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-danger-bright px-1 text-[11px] font-bold text-on-accent"
            data-testid="channel-mentions"
          >
            <span className="sr-only">, mentions: </span>
            {mentions > 99 ? '99+' : mentions}
          </span>
        ) : null}
      </Link>
      {canManage ? (
        <Tooltip content="Edit channel">
          <button
            type="button"
            onClick={() => ui.openSettings(serverId, 'channels', channel.id)}
            aria-label={`Edit ${channel.name}`}
            className="absolute top-1/2 right-1.5 inline-flex size-6 -translate-y-1/2 items-center justify-center rounded-md text-fg-muted opacity-0 transition-opacity group-focus-within/channel:opacity-100 group-hover/channel:opacity-100 hover:text-fg"
            data-testid="channel-settings"
          >
            <SettingsIcon aria-hidden size={14} />
          </button>
        </Tooltip>
      ) : null}
      {channel.type === 'voice' ? <VoiceChannelMembers serverId={serverId} channelId={channel.id} /> : null}
    </li>
  );
}

/** The second column: the server's name and menu, its channels by category, and me at the bottom. */
export function ChannelSidebar({
  serverId,
  activeChannelId,
}: {
  serverId: string;
  activeChannelId: string | null;
}) {
  const { data: detail, isPending, isError } = useServerDetail(serverId);
  const self = useSelf(detail);
  const unread = useServerUnread(serverId);
  const ui = useServersUi();
  const actions = useServerActions();
  const router = useRouter();
  const { toast } = useToast();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [createIn, setCreateIn] = useState<{ parentId: string | null; type: TChannel['type'] } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [deleting, setDeletingOpen] = useState(false);
  const [deleteName, setDeleteName] = useState('');
  const [deleteNameError, setDeleteNameError] = useState<string | null>(null);
  const setDeleting = (open: boolean) => {
    setDeletingOpen(open);
    setDeleteName('');
    setDeleteNameError(null);
  };

  const groups = useMemo(() => groupChannels(detail?.channels ?? []), [detail?.channels]);
  const everyoneId = detail?.roles.find((role) => role.isDefault)?.id;
  const perms = new Set(self?.permissions ?? []);
  const canManageChannels = perms.has('MANAGE_CHANNELS');
  const canInvite = perms.has('CREATE_INVITE');
  const canSettings =
    perms.has('MANAGE_SERVER') || perms.has('MANAGE_ROLES') || canManageChannels || canInvite;
  const readState = new Map(unread.channels.map((item) => [item.channelId, item]));

  return (
    <aside
      aria-label="Channels"
      className="flex h-full w-64 shrink-0 flex-col border-r border-line bg-surface/60"
      data-testid="channel-sidebar"
    >
      <Dropdown>
        <DropdownTrigger
          className="flex h-14 w-full shrink-0 items-center gap-2 border-b border-line px-4 text-left font-display text-[15px] font-semibold text-fg transition-colors outline-none hover:bg-fill-subtle focus-visible:bg-fill data-[state=open]:bg-fill"
          data-testid="server-menu"
          disabled={!detail}
        >
          {detail ? (
            <span className="min-w-0 flex-1 truncate" data-testid="server-name">
              {detail.server.name}
            </span>
          ) : (
            <Skeleton className="h-4 w-32" />
          )}
          <ChevronDownIcon aria-hidden size={18} className="text-fg-muted" />
        </DropdownTrigger>
        {detail ? (
          <DropdownContent align="start" className="w-60" data-testid="server-menu-content">
            {canInvite ? (
              <DropdownItem
                icon={<UserPlusIcon aria-hidden size={16} />}
                onSelect={() => ui.openInvite(serverId)}
                className="text-accent-fg"
                data-testid="menu-invite"
              >
                Invite people
              </DropdownItem>
            ) : null}
            {canSettings ? (
              <DropdownItem
                icon={<SettingsIcon aria-hidden size={16} />}
                onSelect={() => ui.openSettings(serverId)}
                data-testid="menu-settings"
              >
                Server settings
              </DropdownItem>
            ) : null}
            {canManageChannels ? (
              <>
                <DropdownItem
                  icon={<PlusIcon aria-hidden size={16} />}
                  onSelect={() => setCreateIn({ parentId: null, type: 'text' })}
                  data-testid="menu-create-channel"
                >
                  Create channel
                </DropdownItem>
                <DropdownItem
                  icon={<FolderPlusIcon aria-hidden size={16} />}
                  onSelect={() => setCreateIn({ parentId: null, type: 'category' })}
                >
                  Create category
                </DropdownItem>
              </>
            ) : null}
            <DropdownSeparator />
            {self?.isOwner ? (
              <DropdownItem
                tone="danger"
                icon={<TrashIcon aria-hidden size={16} />}
                onSelect={() => setDeleting(true)}
                data-testid="menu-delete-server"
              >
                Delete server
              </DropdownItem>
            ) : (
              <DropdownItem
                tone="danger"
                icon={<LogOutIcon aria-hidden size={16} />}
                onSelect={() => setLeaving(true)}
                data-testid="menu-leave"
              >
                Leave server
              </DropdownItem>
            )}
          </DropdownContent>
        ) : null}
      </Dropdown>

      <div className="min-h-0 flex-1 overflow-y-auto px-2 pt-3 pb-4">
        {isPending ? (
          <div className="flex flex-col gap-2 px-2" aria-busy="true">
            <span className="sr-only" role="status">
              Loading channels
            </span>
            {['w-24', 'w-32', 'w-28', 'w-20', 'w-36'].map((width) => (
              <Skeleton key={width} className={cn('h-5', width)} />
            ))}
          </div>
        ) : isError ? (
          <p className="px-3 text-sm text-fg-subtle">Channels didn’t load.</p>
        ) : (
          groups.map((group) => {
            const key = group.category?.id ?? 'top';
            const closed = collapsed.has(key);
            return (
              <section key={key} className="mb-3" aria-label={group.category?.name ?? 'Channels'}>
                {group.category ? (
                  <div className="group/category flex items-center pr-1">
                    <button
                      type="button"
                      onClick={() =>
                        setCollapsed((current) => {
                          const next = new Set(current);
                          if (next.has(key)) next.delete(key);
                          else next.add(key);
                          return next;
                        })
                      }
                      aria-expanded={!closed}
                      className="flex h-7 min-w-0 flex-1 items-center gap-1 px-1 text-[11px] font-semibold tracking-[0.06em] text-fg-subtle uppercase transition-colors hover:text-fg-soft"
                      data-testid="channel-category"
                    >
                      <ChevronDownIcon
                        aria-hidden
                        size={12}
                        strokeWidth={2.5}
                        className={cn('transition-transform duration-200', closed && '-rotate-90')}
                      />
                      <span className="truncate">{group.category.name}</span>
                    </button>
                    {canManageChannels ? (
                      <Tooltip content="Create channel">
                        <button
                          type="button"
                          onClick={() => setCreateIn({ parentId: group.category?.id ?? null, type: 'text' })}
                          aria-label={`Create a channel in ${group.category.name}`}
                          className="inline-flex size-6 items-center justify-center rounded-md text-fg-subtle hover:text-fg"
                        >
                          <PlusIcon aria-hidden size={15} />
                        </button>
                      </Tooltip>
                    ) : null}
                  </div>
                ) : null}
                <ul className="flex flex-col gap-0.5">
                  {group.channels
                    .filter((channel) => !closed || channel.id === activeChannelId)
                    .map((channel) => {
                      const state = readState.get(channel.id);
                      return (
                        <ChannelRow
                          key={channel.id}
                          channel={channel}
                          serverId={serverId}
                          active={channel.id === activeChannelId}
                          locked={isPrivateChannel(channel, everyoneId)}
                          unread={(state?.unreadCount ?? 0) > 0}
                          mentions={state?.mentionCount ?? 0}
                          canManage={canManageChannels || perms.has('MANAGE_ROLES')}
                        />
                      );
                    })}
                </ul>
              </section>
            );
          })
        )}
      </div>
      <VoicePanel channelName={(id) => detail?.channels.find((channel) => channel.id === id)?.name ?? null} />
      <UserPanel />

      {detail && createIn ? (
        <CreateChannelDialog
          open
          onOpenChange={(open) => !open && setCreateIn(null)}
          detail={detail}
          initialType={createIn.type}
          initialParentId={createIn.parentId}
        />
      ) : null}
      <ConfirmDialog
        open={leaving}
        onOpenChange={setLeaving}
        title={`Leave ${detail?.server.name ?? 'this server'}?`}
        description="You won’t be able to rejoin unless you are invited again."
        confirmLabel="Leave server"
        data-testid="leave-server"
        onConfirm={async () => {
          try {
            await actions.leave(serverId);
            router.replace('/servers');
          } catch (error) {
            toast({ title: 'Couldn’t leave the server', description: errorMessage(error), tone: 'error' });
            throw error;
          }
        }}
      />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${detail?.server.name ?? 'this server'}?`}
        description="Every channel, message, role and invite goes with it. This can’t be undone."
        confirmLabel="Delete server"
        data-testid="delete-server"
        onConfirm={async () => {
          // Typing the name proves this is the server meant, not a slip of the menu.
          if (deleteName.trim() !== (detail?.server.name ?? '').trim()) {
            setDeleteNameError('Type the server’s name exactly to delete it.');
            throw new Error('name mismatch');
          }
          try {
            await actions.remove(serverId);
            router.replace('/servers');
          } catch (error) {
            toast({ title: 'Couldn’t delete the server', description: errorMessage(error), tone: 'error' });
            throw error;
          }
        }}
      >
        <Input
          label={`Type “${detail?.server.name ?? ''}” to confirm`}
          value={deleteName}
          autoComplete="off"
          onChange={(event) => {
            setDeleteName(event.target.value);
            setDeleteNameError(null);
          }}
          error={deleteNameError ?? undefined}
          data-testid="delete-server-name"
        />
      </ConfirmDialog>
    </aside>
  );
}

'use client';

import type { TChannel } from '@guftagu/contracts';
import { MenuIcon, UserPlusIcon, UsersIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Tooltip } from '@/components/ui/tooltip';
import { cn } from '@/lib/utils';
import { ChannelIcon } from './channel-icon';
import { useServersUi } from './servers-ui';

/** Without its display, so each button says when it shows (`inline-flex`, `xl:inline-flex`…). */
const iconLook =
  'size-9 shrink-0 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-fill hover:text-fg';
const iconButton = `inline-flex ${iconLook}`;

/** The channel's top bar: the phone's menu button, name and topic, invite and the member list toggle. */
export function ChannelHeader({
  serverId,
  channel,
  title,
  locked,
  canInvite,
  actions,
}: {
  serverId: string;
  channel: Pick<TChannel, 'name' | 'type' | 'topic'> | null;
  title: string;
  locked: boolean;
  canInvite: boolean;
  /** Channel-specific buttons (pins), given the header's icon-button look. */
  actions?: (buttonClass: string) => ReactNode;
}) {
  const ui = useServersUi();
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-line bg-canvas/80 px-2 backdrop-blur-xl sm:px-4">
      <button
        type="button"
        onClick={ui.openNav}
        aria-label="Servers and channels"
        className={cn(iconButton, 'lg:hidden')}
        data-testid="open-nav"
      >
        <MenuIcon aria-hidden size={20} />
      </button>
      {channel ? (
        <ChannelIcon type={channel.type} locked={locked} size={20} className="text-fg-subtle" />
      ) : null}
      <h1
        className="min-w-0 shrink truncate font-display text-[16px] font-semibold text-fg"
        data-testid="channel-title"
      >
        {title}
      </h1>
      {channel?.topic ? (
        <>
          <span aria-hidden className="mx-1 hidden h-5 w-px bg-line-strong md:block" />
          <p className="hidden min-w-0 flex-1 truncate text-[13px] text-fg-subtle md:block">
            {channel.topic}
          </p>
        </>
      ) : (
        <span className="flex-1" />
      )}
      {actions?.(iconButton)}
      {canInvite ? (
        <Tooltip content="Invite people">
          <button
            type="button"
            onClick={() => ui.openInvite(serverId)}
            aria-label="Invite people"
            className={iconButton}
          >
            <UserPlusIcon aria-hidden size={19} />
          </button>
        </Tooltip>
      ) : null}
      <Tooltip content={ui.membersShown ? 'Hide member list' : 'Show member list'}>
        <button
          type="button"
          onClick={ui.toggleMembers}
          aria-label={ui.membersShown ? 'Hide member list' : 'Show member list'}
          aria-pressed={ui.membersShown}
          className={cn(iconLook, 'hidden xl:inline-flex', ui.membersShown && 'text-fg')}
        >
          <UsersIcon aria-hidden size={19} />
        </button>
      </Tooltip>
      <button
        type="button"
        onClick={ui.openMembers}
        aria-label="Members"
        className={cn(iconButton, 'xl:hidden')}
        data-testid="open-members"
      >
        <UsersIcon aria-hidden size={19} />
      </button>
    </header>
  );
}

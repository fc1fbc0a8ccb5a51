'use client';

import type { TServer } from '@guftagu/contracts';
import { CompassIcon, PlusIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { Tooltip } from '@/components/ui/tooltip';
import { cn } from '@/lib/utils';
import { useServerUnread } from '../hooks/use-channel';
import { useServerList } from '../hooks/use-servers';
import { ServerIcon } from './server-icon';
import { useServersUi } from './servers-ui';

/** The pill at the rail's left edge: tall for the open server, a dot for unread, none otherwise. */
function RailPill({ state }: { state: 'active' | 'unread' | 'none' }) {
  return (
    <span
      aria-hidden
      className={cn(
        'absolute top-1/2 -left-3 w-1 -translate-y-1/2 rounded-r-full bg-fg transition-[height,opacity] duration-200 ease-out-quart',
        state === 'active' && 'h-10 opacity-100',
        state === 'unread' && 'h-2 opacity-100 group-hover/rail:h-5',
        state === 'none' && 'h-2 opacity-0 group-hover/rail:h-5 group-hover/rail:opacity-100',
      )}
    />
  );
}

function RailServer({ server, active }: { server: TServer; active: boolean }) {
  const unread = useServerUnread(server.id);
  const hasUnread = unread.unreadCount > 0;
  const label = [
    server.name,
    unread.mentionCount > 0 ? `${unread.mentionCount} mention${unread.mentionCount === 1 ? '' : 's'}` : null,
    hasUnread && unread.mentionCount === 0 ? 'unread messages' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className="relative flex justify-center">
      <Tooltip content={server.name} side="right">
        <Link
          href={`/servers/${server.id}`}
          aria-label={label}
          aria-current={active ? 'page' : undefined}
          className="group/rail relative rounded-[32%] outline-none focus-visible:ring-2 focus-visible:ring-focus"
          data-testid="rail-server"
          data-server-id={server.id}
          data-unread={hasUnread ? 'true' : 'false'}
          data-mentions={unread.mentionCount}
        >
          <RailPill state={active ? 'active' : hasUnread ? 'unread' : 'none'} />
          <ServerIcon name={server.name} src={server.icon} active={active} />
          {unread.mentionCount > 0 ? (
            <span
              aria-hidden
              className="tabular absolute -right-1 -bottom-1 inline-flex h-5 min-w-5 items-center justify-center rounded-full border-[3px] border-sunken bg-danger-bright px-1 text-[11px] font-bold text-on-accent"
              data-testid="rail-mentions"
            >
              {unread.mentionCount > 99 ? '99+' : unread.mentionCount}
            </span>
          ) : null}
        </Link>
      </Tooltip>
    </li>
  );
}

function RailAction({
  label,
  onClick,
  children,
  testId,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  testId: string;
}) {
  return (
    <li className="flex justify-center">
      <Tooltip content={label} side="right">
        <button
          type="button"
          onClick={onClick}
          aria-label={label}
          className="group/rail inline-flex size-12 items-center justify-center rounded-[42%] border border-line bg-fill-subtle text-live-fg transition-[border-radius,background-color,color] duration-200 ease-out-quart hover:rounded-[32%] hover:bg-live-strong hover:text-on-accent focus-visible:outline-2 focus-visible:outline-focus"
          data-testid={testId}
        >
          {children}
        </button>
      </Tooltip>
    </li>
  );
}

/** The leftmost column: every server I am in, then "create" and "join". */
export function ServerRail({ activeServerId }: { activeServerId: string | null }) {
  const { data: servers, isPending } = useServerList();
  const ui = useServersUi();
  return (
    <nav
      aria-label="Servers"
      className="flex h-full w-[4.5rem] shrink-0 flex-col items-center border-r border-line bg-sunken"
      data-testid="server-rail"
    >
      <ul className="flex w-full flex-1 flex-col gap-2 overflow-y-auto py-3 [scrollbar-width:none]">
        {isPending
          ? [0, 1, 2].map((index) => (
              <li key={index} className="flex justify-center">
                <Skeleton className="size-12 rounded-[42%]" />
              </li>
            ))
          : (servers ?? []).map((server) => (
              <RailServer key={server.id} server={server} active={server.id === activeServerId} />
            ))}
        {servers && servers.length > 0 ? (
          <li aria-hidden className="mx-auto my-1 h-px w-8 bg-line-strong" />
        ) : null}
        <RailAction label="Create a server" onClick={() => ui.openDialog('create')} testId="rail-create">
          <PlusIcon aria-hidden size={22} />
        </RailAction>
        <RailAction label="Join a server" onClick={() => ui.openDialog('join')} testId="rail-join">
          <CompassIcon aria-hidden size={22} />
        </RailAction>
      </ul>
    </nav>
  );
}

'use client';

import { MessageCircleIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';
import { useDmUnread } from '../hooks/use-dm-queries';

/** The header's messages icon with the live unread total (seed 000 "Header messages icon"). */
export function MessagesHeaderButton() {
  const { total: unreadTotal } = useDmUnread();
  const pathname = usePathname();
  const active = pathname === '/messages' || pathname.startsWith('/messages/');
  const label = unreadTotal > 0 ? `Messages, ${unreadTotal} unread` : 'Messages';
  return (
    <>
      <Link
        href="/messages"
        aria-label={label}
        aria-current={active ? 'page' : undefined}
        className={cn(
          'relative inline-flex size-10 items-center justify-center rounded-xl transition-colors hover:bg-fill hover:text-fg',
          active ? 'bg-fill-strong text-fg' : 'text-fg-soft',
        )}
        data-testid="messages-header-button"
      >
        <MessageCircleIcon aria-hidden size={21} />
        {unreadTotal > 0 ? (
          <span
            aria-hidden
            className="tabular absolute top-1 right-1 inline-flex h-[18px] min-w-[18px] animate-scale-in items-center justify-center rounded-full bg-accent px-1 text-[11px] leading-none font-semibold text-on-accent ring-2 ring-canvas"
            data-testid="messages-unread-badge"
          >
            {unreadTotal > 99 ? '99+' : unreadTotal}
          </span>
        ) : null}
      </Link>
      <span className="sr-only" aria-live="polite">
        {unreadTotal > 0 ? `${unreadTotal} unread messages` : ''}
      </span>
    </>
  );
}

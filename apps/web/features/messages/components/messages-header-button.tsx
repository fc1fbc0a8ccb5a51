'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { MessageIcon } from '@/components/ui/Icons';
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
          'relative inline-flex size-10 items-center justify-center rounded-xl transition-colors hover:bg-white/[0.06] hover:text-ink-50',
          active ? 'bg-white/[0.08] text-ink-50' : 'text-ink-200',
        )}
        data-testid="messages-header-button"
      >
        <MessageIcon size={21} />
        {unreadTotal > 0 ? (
          <span
            aria-hidden
            className="tabular absolute top-1 right-1 inline-flex h-[18px] min-w-[18px] animate-scale-in items-center justify-center rounded-full bg-brand-500 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-ink-950"
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

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { useFriendRequests } from '../hooks/use-friends';

const TABS = [
  { href: '/friends', label: 'Friends' },
  { href: '/friends/requests', label: 'Requests' },
  { href: '/friends/find', label: 'Find people' },
] as const;

/** Section navigation shared by /friends, /friends/requests and /friends/find. */
function FriendsTabs() {
  const pathname = usePathname();
  const pending = useFriendRequests().data?.received.length ?? 0;
  return (
    <nav aria-label="Friends" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max gap-1 rounded-xl border border-line bg-canvas/60 p-1">
        {TABS.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex h-9 items-center gap-2 rounded-lg px-3.5 text-[13px] font-medium whitespace-nowrap transition-all duration-200',
                  active ? 'bg-fill-strong text-fg shadow-inset-top' : 'text-fg-subtle hover:text-fg-soft',
                )}
              >
                {tab.label}
                {tab.href === '/friends/requests' && pending > 0 ? (
                  <span className="tabular inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-highlight px-1 text-[11px] font-semibold text-on-accent">
                    {pending > 99 ? '99+' : pending}
                    <span className="sr-only"> pending</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function FriendsShell({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-5xl animate-fade-up px-4 py-10 sm:px-6 sm:py-14">
      <FriendsTabs />
      <div className="mt-8 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-title font-semibold text-fg">{title}</h1>
          {description ? <p className="mt-1.5 text-[15px] text-fg-muted">{description}</p> : null}
        </div>
        {actions}
      </div>
      <div className="mt-8">{children}</div>
    </div>
  );
}

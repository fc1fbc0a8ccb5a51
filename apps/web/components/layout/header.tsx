'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '@/features/auth/auth-context';
import { MessagesHeaderButton } from '@/features/messages/components/messages-header-button';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { cn } from '@/lib/utils';
import { Logo } from './logo';
import { MobileNav } from './mobile-nav';
import { isCurrent, navItemsFor } from './nav';
import { OnlineCountPill } from './online-count';
import { UserMenu } from './user-menu';

export function Header() {
  const { status } = useAuth();
  const pathname = usePathname();

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-canvas/70 backdrop-blur-xl backdrop-saturate-150">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-raised focus:px-3 focus:py-2 focus:text-sm"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Logo compact />

        <nav aria-label="Main" className="ml-6 hidden items-center gap-1 md:flex">
          {navItemsFor(status === 'authenticated').map((item) => {
            const active = isCurrent(item, pathname);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'rounded-lg px-3 py-1.5 text-sm transition-colors',
                  active ? 'text-fg' : 'text-fg-muted hover:text-fg',
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>

        <div className="ml-auto flex items-center gap-1.5 sm:gap-3">
          <OnlineCountPill />
          {status === 'authenticated' ? (
            <>
              <MessagesHeaderButton />
              <NotificationBell />
              <UserMenu />
            </>
          ) : (
            <div className="hidden items-center gap-2 md:flex">
              {status === 'loading' ? (
                <Skeleton className="h-8 w-36 rounded-lg" />
              ) : (
                <>
                  <Link href="/login" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
                    Sign in
                  </Link>
                  <Link href="/login" className={buttonClasses({ variant: 'light', size: 'sm' })}>
                    Get started
                  </Link>
                </>
              )}
            </div>
          )}
          <MobileNav />
        </div>
      </div>
    </header>
  );
}

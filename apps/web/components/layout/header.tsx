'use client';

import { LogOutIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { Button, buttonClasses } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '@/features/auth/auth-context';
import { cn } from '@/lib/utils';
import { Logo } from './logo';
import { MobileNav } from './mobile-nav';
import { isCurrent, type NavItem, navItemsFor, shellKind } from './nav';
import { OnlineCountPill } from './online-count';

// Signed-in only: visitors (most of the landing's traffic) never download the dropdowns and queries behind these.
const MessagesHeaderButton = dynamic(() =>
  import('@/features/messages/components/messages-header-button').then((m) => m.MessagesHeaderButton),
);
const NotificationBell = dynamic(() =>
  import('@/features/notifications/components/notification-bell').then((m) => m.NotificationBell),
);
const UserMenu = dynamic(() => import('./user-menu').then((m) => m.UserMenu));

function NavLink({ item, pathname }: { item: NavItem; pathname: string }) {
  if (item.soon) {
    return (
      <span
        className="inline-flex cursor-default items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm text-fg-faint"
        aria-disabled="true"
        title={`${item.label} are coming soon`}
        data-testid={`nav-soon-${item.label.toLowerCase()}`}
      >
        {item.label}
        <span className="rounded-md bg-fill px-1.5 py-px text-micro font-medium tracking-wide text-fg-subtle uppercase">
          Soon
        </span>
      </span>
    );
  }
  const active = isCurrent(item, pathname);
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'rounded-lg px-3 py-1.5 text-sm transition-colors',
        active ? 'bg-fill text-fg' : 'text-fg-muted hover:text-fg',
      )}
    >
      {item.label}
    </Link>
  );
}

/** An account that has not picked a username yet can only finish onboarding or leave. */
function OnboardingActions() {
  const { logout } = useAuth();
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={async () => {
        await logout();
        router.push('/');
      }}
      data-testid="onboarding-logout"
    >
      <LogOutIcon size={16} aria-hidden /> Log out
    </Button>
  );
}

export function Header() {
  const { status, user } = useAuth();
  const pathname = usePathname();
  const kind = shellKind(status, user);
  const items = navItemsFor(kind);

  return (
    <header
      className="sticky top-0 z-40 border-b border-line bg-canvas/70 backdrop-blur-xl backdrop-saturate-150"
      data-shell={kind}
    >
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-raised focus:px-3 focus:py-2 focus:text-sm"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Logo compact />

        {items.length > 0 ? (
          <nav aria-label="Main" className="ml-6 hidden items-center gap-1 md:flex" data-testid="main-nav">
            {items.map((item) => (
              <NavLink key={item.href} item={item} pathname={pathname} />
            ))}
          </nav>
        ) : null}

        <div className="ml-auto flex items-center gap-1.5 sm:gap-3">
          {kind === 'onboarding' ? (
            <OnboardingActions />
          ) : (
            <>
              <OnlineCountPill />
              {kind === 'app' ? (
                <>
                  <MessagesHeaderButton />
                  <NotificationBell />
                  <UserMenu />
                </>
              ) : (
                <div className="hidden items-center gap-2 md:flex">
                  {kind === 'loading' ? (
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
              <MobileNav kind={kind} />
            </>
          )}
        </div>
      </div>
    </header>
  );
}

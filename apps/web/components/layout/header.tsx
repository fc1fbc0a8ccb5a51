'use client';

import { LogOutIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '@/features/auth/auth-context';
import { HeaderFrame, VisitorActions } from './header-frame';
import { MobileNav } from './mobile-nav';
import { navItemsFor, shellKind } from './nav';
import { OnlineCountPill } from './online-count';

// Signed-in only: visitors (most of the landing's traffic) never download the dropdowns and queries behind these.
const MessagesHeaderButton = dynamic(() =>
  import('@/features/messages/components/messages-header-button').then((m) => m.MessagesHeaderButton),
);
const NotificationBell = dynamic(() =>
  import('@/features/notifications/components/notification-bell').then((m) => m.NotificationBell),
);
const UserMenu = dynamic(() => import('./user-menu').then((m) => m.UserMenu));

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

/**
 * The app shell's header, which follows the session (visitor, onboarding, signed in). Visitors on the
 * marketing pages get `VisitorHeader` instead, the same markup rendered on the server.
 */
export function Header() {
  const { status, user } = useAuth();
  const kind = shellKind(status, user);

  return (
    <HeaderFrame kind={kind} items={navItemsFor(kind)}>
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
          ) : kind === 'loading' ? (
            <div className="hidden items-center gap-2 md:flex">
              <Skeleton className="h-8 w-36 rounded-lg" />
            </div>
          ) : (
            <VisitorActions />
          )}
          <MobileNav kind={kind} />
        </>
      )}
    </HeaderFrame>
  );
}

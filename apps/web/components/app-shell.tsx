'use client';

import dynamic from 'next/dynamic';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { shellKind } from '@/components/layout/nav';
import { ShellKindContext } from '@/components/layout/shell-kind-context';
import { ToastProvider } from '@/components/ui/toast';
import { TooltipProvider } from '@/components/ui/tooltip';
import { AuthProvider, useAuth } from '@/features/auth/auth-context';
import { MessagesProvider } from '@/features/messages/messages-context';
import { QueryProvider } from '@/lib/query/query-provider';
import { SocketProvider } from '@/lib/socket/socket-context';

/**
 * The friend-request toasts only concern a signed-in person, so visitors never download them; the
 * provider renders nothing of its own, so it sits beside the page, not around it.
 */
const NotificationToasts = dynamic(
  () =>
    import('@/features/notifications/notifications-context').then(({ NotificationsProvider }) => ({
      default: () => <NotificationsProvider>{null}</NotificationsProvider>,
    })),
  { ssr: false },
);

function SignedInOnly() {
  const { status } = useAuth();
  return status === 'authenticated' ? <NotificationToasts /> : null;
}

/** Pages a signed-in user may still visit before choosing a username. */
const ONBOARDING_EXEMPT = ['/onboard', '/terms', '/privacy', '/help', '/dev'];

/** Sends a signed-in user who has not picked a username yet to /onboard, from wherever they are. */
function OnboardingGate() {
  const { status, user } = useAuth();
  const pathname = usePathname();
  const router = useRouter();
  const needsOnboarding = status === 'authenticated' && user?.needsOnboarding === true;
  const exempt = ONBOARDING_EXEMPT.some((path) => pathname === path || pathname.startsWith(`${path}/`));

  useEffect(() => {
    if (needsOnboarding && !exempt) router.replace('/onboard');
  }, [needsOnboarding, exempt, router]);

  return null;
}

/** Tells session-free islands (the landing's call to action) which shell they are in. */
function ShellKindBridge({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  return <ShellKindContext.Provider value={shellKind(status, user)}>{children}</ShellKindContext.Provider>;
}

/**
 * The app: session, socket, query cache, DM session, toasts and tooltips around the header, the page and
 * the footer. Loaded (as its own chunk) by `Providers` on every page except a visitor's marketing pages.
 */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <TooltipProvider delayDuration={250} skipDelayDuration={150}>
        <AuthProvider>
          <ShellKindBridge>
            <SocketProvider>
              <QueryProvider>
                <MessagesProvider>
                  <OnboardingGate />
                  <SignedInOnly />
                  <Header />
                  <main id="main" className="flex flex-1 flex-col">
                    {children}
                  </main>
                  <Footer />
                </MessagesProvider>
              </QueryProvider>
            </SocketProvider>
          </ShellKindBridge>
        </AuthProvider>
      </TooltipProvider>
    </ToastProvider>
  );
}

'use client';

import { LucideProvider } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { ToastProvider } from '@/components/ui/toast';
import { TooltipProvider } from '@/components/ui/tooltip';
import { AuthProvider, useAuth } from '@/features/auth/auth-context';
import { MessagesProvider } from '@/features/messages/messages-context';
import { QueryProvider } from '@/lib/query/query-provider';
import { SocketProvider } from '@/lib/socket/socket-context';

/**
 * The friend-request toasts only concern a signed-in person, so visitors (the landing's audience) never
 * download them; the provider renders nothing of its own, so it sits beside the page, not around it.
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

export function Providers({ children }: { children: ReactNode }) {
  // The app's icons were drawn on a 20px, 1.75-stroke grid; lucide's defaults (24px, 2) would look heavier.
  return (
    <LucideProvider size={20} strokeWidth={1.75}>
      <ToastProvider>
        <TooltipProvider delayDuration={250} skipDelayDuration={150}>
          <AuthProvider>
            <SocketProvider>
              <QueryProvider>
                <MessagesProvider>
                  <OnboardingGate />
                  <SignedInOnly />
                  {children}
                </MessagesProvider>
              </QueryProvider>
            </SocketProvider>
          </AuthProvider>
        </TooltipProvider>
      </ToastProvider>
    </LucideProvider>
  );
}

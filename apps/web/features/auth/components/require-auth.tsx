'use client';

import type { TSelfUser } from '@guftagu/contracts';
import { TriangleAlertIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useAuth } from '@/features/auth/auth-context';

export function CenteredState({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center px-4 py-24 text-center">{children}</div>
  );
}

export function UnreachableState({ onRetry }: { onRetry: () => Promise<unknown> }) {
  const [retrying, setRetrying] = useState(false);
  return (
    <CenteredState>
      <span className="inline-flex size-12 items-center justify-center rounded-2xl border border-warning/20 bg-warning/10 text-warning-fg">
        <TriangleAlertIcon size={22} />
      </span>
      <h1 className="mt-5 text-title font-semibold text-fg">We can&apos;t reach Guftagu</h1>
      <p className="mt-2 max-w-sm text-fg-muted">
        Your connection or our servers are having a moment. Your account is safe — try again in a few seconds.
      </p>
      <div className="mt-6 flex gap-3">
        <Button
          loading={retrying}
          onClick={async () => {
            setRetrying(true);
            await onRetry();
            setRetrying(false);
          }}
        >
          Try again
        </Button>
        <Link href="/login" className={buttonClasses({ variant: 'secondary' })}>
          Go to sign in
        </Link>
      </div>
    </CenteredState>
  );
}

/**
 * Renders children only for a signed-in user. Signed out → /login (returning here afterwards);
 * still needs a username → /onboard (unless `allowOnboarding`).
 */
export function RequireAuth({
  children,
  fallback,
  allowOnboarding = false,
}: {
  children: (user: TSelfUser) => ReactNode;
  fallback?: ReactNode;
  allowOnboarding?: boolean;
}) {
  const { status, user, offline, refresh } = useAuth();
  const router = useRouter();
  const pathname = usePathname();

  const mustSignIn = status === 'unauthenticated' && !offline;
  const mustOnboard = status === 'authenticated' && !allowOnboarding && user?.needsOnboarding === true;

  useEffect(() => {
    if (mustSignIn) router.replace(`/login?next=${encodeURIComponent(pathname)}`);
    else if (mustOnboard) router.replace('/onboard');
  }, [mustSignIn, mustOnboard, pathname, router]);

  if (status === 'unauthenticated' && offline) return <UnreachableState onRetry={refresh} />;
  if (status === 'authenticated' && user && !mustOnboard) return <>{children(user)}</>;
  return (
    fallback ?? (
      <CenteredState>
        <Spinner size={28} className="text-accent-fg" label="Loading your account" />
      </CenteredState>
    )
  );
}

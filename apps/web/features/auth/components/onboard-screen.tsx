'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthShell } from './auth-shell';
import { OnboardingForm } from './onboarding-form';
import { RequireAuth } from './require-auth';

function AlreadyOnboarded() {
  const router = useRouter();
  useEffect(() => router.replace('/profile'), [router]);
  return null;
}

/** /onboard: a signed-in user without a username picks one; anyone else moves on to their profile. */
export function OnboardScreen() {
  return (
    <RequireAuth
      allowOnboarding
      fallback={
        <AuthShell title="Choose your username" wide>
          <div className="flex flex-col gap-5" aria-busy="true">
            <Skeleton className="h-20 rounded-2xl" />
            <Skeleton className="h-20 rounded-xl" />
            <Skeleton className="h-12 rounded-2xl" />
          </div>
        </AuthShell>
      }
    >
      {(current) =>
        current.needsOnboarding ? (
          <AuthShell
            wide
            title="Choose your username"
            subtitle="This is how people will see you on Guftagu. Your permanent 7-digit ID is created the moment you finish."
            footer={<span />}
          >
            <OnboardingForm />
          </AuthShell>
        ) : (
          <AlreadyOnboarded />
        )
      }
    </RequireAuth>
  );
}

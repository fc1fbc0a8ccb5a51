'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Skeleton } from '@/components/ui/Skeleton';
import { AuthShell } from '@/features/auth/components/auth-shell';
import { OnboardingForm } from '@/features/auth/components/onboarding-form';
import { RequireAuth } from '@/features/auth/components/require-auth';

function AlreadyOnboarded() {
  const router = useRouter();
  useEffect(() => router.replace('/profile'), [router]);
  return null;
}

export default function OnboardPage() {
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
            <OnboardingForm user={current} />
          </AuthShell>
        ) : (
          <AlreadyOnboarded />
        )
      }
    </RequireAuth>
  );
}

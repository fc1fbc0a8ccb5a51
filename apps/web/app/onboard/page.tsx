'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { AuthShell } from '@/components/auth/AuthShell';
import { OnboardingForm } from '@/components/auth/OnboardingForm';
import { RequireAuth } from '@/components/auth/RequireAuth';
import { Skeleton } from '@/components/ui/Skeleton';

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

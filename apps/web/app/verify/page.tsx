import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthShell } from '@/features/auth/components/auth-shell';
import { VerifyForm } from '@/features/auth/components/verify-form';

export const metadata: Metadata = { title: 'Enter your code' };

export default function VerifyPage() {
  return (
    <Suspense
      fallback={
        <AuthShell title="Check your email">
          <div className="flex gap-2.5" aria-busy="true">
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={`otp-skeleton-${String(index)}`} className="aspect-[4/5] flex-1 rounded-2xl" />
            ))}
          </div>
        </AuthShell>
      }
    >
      <VerifyForm />
    </Suspense>
  );
}

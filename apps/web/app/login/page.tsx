import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthShell } from '@/features/auth/components/auth-shell';
import { LoginForm } from '@/features/auth/components/login-form';

export const metadata: Metadata = { title: 'Sign in' };

function LoginFallback() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <Skeleton className="h-11 rounded-xl" />
      <Skeleton className="h-20 rounded-xl" />
      <Skeleton className="h-12 rounded-2xl" />
    </div>
  );
}

export default function LoginPage() {
  return (
    <AuthShell title="Sign in to Guftagu" subtitle="New or returning — one email code gets you talking.">
      <Suspense fallback={<LoginFallback />}>
        <LoginForm />
      </Suspense>
    </AuthShell>
  );
}

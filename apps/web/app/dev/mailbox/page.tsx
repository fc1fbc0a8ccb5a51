import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { DevMailbox } from '@/features/dev-mailbox/components/dev-mailbox';

export const metadata: Metadata = { title: 'Dev outbox', robots: { index: false, follow: false } };

export default function DevMailboxPage() {
  return (
    <Suspense
      fallback={
        <div className="flex flex-1 items-center justify-center py-24">
          <Spinner size={28} className="text-accent-fg" />
        </div>
      }
    >
      <DevMailbox />
    </Suspense>
  );
}

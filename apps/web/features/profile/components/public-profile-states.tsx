'use client';

import { SearchIcon } from 'lucide-react';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { CenteredState } from '@/features/auth/components/require-auth';
import type { ProfileLookup } from '../queries';

export function PublicProfileSkeleton() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6 sm:py-14" aria-busy="true">
      <span className="sr-only" role="status">
        Loading profile
      </span>
      <div className="card rounded-[1.75rem] p-6 sm:p-8">
        <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
          <Skeleton className="size-24 rounded-full" />
          <div className="flex flex-col gap-2.5">
            <Skeleton className="h-8 w-56" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-32" />
          </div>
        </div>
        <div className="mt-7 flex gap-2">
          <Skeleton className="h-10 w-32 rounded-xl" />
          <Skeleton className="h-10 w-28 rounded-xl" />
        </div>
      </div>
      <div className="mt-6 grid grid-cols-3 gap-3">
        <Skeleton className="h-20 rounded-2xl" />
        <Skeleton className="h-20 rounded-2xl" />
        <Skeleton className="h-20 rounded-2xl" />
      </div>
    </div>
  );
}

export function ProfileNotFound({ lookup }: { lookup: ProfileLookup }) {
  return (
    <CenteredState>
      <EmptyState
        icon={<SearchIcon size={22} aria-hidden />}
        title="We couldn’t find that person"
        actions={
          <>
            <Link href="/friends/find" className={buttonClasses()}>
              Find people
            </Link>
            <Link href="/friends" className={buttonClasses({ variant: 'secondary' })}>
              Your friends
            </Link>
          </>
        }
        className="w-full max-w-md"
        data-testid="profile-not-found"
      >
        {'username' in lookup ? (
          <>
            No one goes by <span className="font-medium text-fg">@{lookup.username}</span> — the name may have
            changed, or the account isn’t available.
          </>
        ) : (
          'No account has that 7-digit ID, or it isn’t available to you.'
        )}
      </EmptyState>
    </CenteredState>
  );
}

'use client';

import { TriangleAlertIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useAuth } from '@/features/auth/auth-context';
import { CenteredState } from '@/features/auth/components/require-auth';
import { errorMessage } from '@/lib/api';
import { usePublicProfile } from '../hooks/use-profiles';
import type { ProfileLookup } from '../queries';
import { PublicProfileCard } from './public-profile-card';
import { ProfileNotFound, PublicProfileSkeleton } from './public-profile-states';

const VALID_ID = /^[1-9]\d{6}$/;

/**
 * A public profile by username or 7-digit ID, kept live from the cache: presence and whatever they do
 * to the relationship from their side arrive through friendsCacheEvents.
 */
export function PublicProfile({ lookup }: { lookup: ProfileLookup }) {
  const { status } = useAuth();
  const invalid = 'userId7Digit' in lookup && !VALID_ID.test(lookup.userId7Digit);
  const query = usePublicProfile(invalid ? null : lookup);
  const result = query.data;

  if (invalid || result?.state === 'not_found') return <ProfileNotFound lookup={lookup} />;
  if (result?.state === 'ready') {
    return <PublicProfileCard profile={result.profile} signedIn={status === 'authenticated'} />;
  }
  if (query.isError) {
    return (
      <CenteredState>
        <EmptyState
          tone="warning"
          icon={<TriangleAlertIcon size={22} aria-hidden />}
          title="This profile didn’t load"
          actions={<Button onClick={() => void query.refetch()}>Try again</Button>}
          className="w-full max-w-md"
        >
          {errorMessage(query.error)}
        </EmptyState>
      </CenteredState>
    );
  }
  return <PublicProfileSkeleton />;
}

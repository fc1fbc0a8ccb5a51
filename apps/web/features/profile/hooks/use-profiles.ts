'use client';

import type { TSelfUser } from '@guftagu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { useSocialApi } from '@/features/friends/social-api';
import { isApiError } from '@/lib/api';
import { useLiveCache } from '@/lib/query/query-provider';
import { type ProfileLookup, type ProfileResult, profileKeys } from '../queries';

/**
 * Someone's public profile by username or 7-digit ID (null: nothing to look up yet). Presence and
 * relationship changes reach it through friendsCacheEvents and social-changes.ts.
 */
export function usePublicProfile(lookup: ProfileLookup | null) {
  const { status } = useAuth();
  const api = useSocialApi();
  const live = useLiveCache();
  const key = lookup ? profileKeys.lookup(lookup) : profileKeys.publics();
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      live.fetch(key, async (): Promise<ProfileResult> => {
        if (!lookup) return { state: 'not_found' };
        try {
          const { profile } =
            'username' in lookup
              ? await api.getProfileByUsername(lookup.username, signal)
              : await api.getProfileById(lookup.userId7Digit, signal);
          return { state: 'ready', profile };
        } catch (error) {
          if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_ERROR')) {
            return { state: 'not_found' };
          }
          throw error;
        }
      }),
    enabled: status !== 'loading' && lookup !== null,
  });
}

/**
 * The session holds a snapshot of the signed-in user: read the current one once per visit of a page
 * and hand it to the session (and to `onFresh`). Not kept after the page closes, so a later visit never
 * puts an older copy back.
 */
export function useFreshOwnProfile(onFresh?: (user: TSelfUser) => void): void {
  const { setUser } = useAuth();
  const api = useSocialApi();
  const onFreshRef = useRef(onFresh);
  onFreshRef.current = onFresh;
  const { data } = useQuery({
    queryKey: profileKeys.own(),
    queryFn: async () => (await api.getOwnProfile()).user,
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  useEffect(() => {
    if (!data) return;
    setUser(data);
    onFreshRef.current?.(data);
  }, [data, setUser]);
}

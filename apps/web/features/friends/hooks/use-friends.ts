'use client';

import type { TFriend, TRelationship, TUserCard } from '@guftagu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAuth } from '@/features/auth/auth-context';
import { useLiveCache } from '@/lib/query/query-provider';
import { type AnsweredRequests, type FriendRequestLists, friendsKeys } from '../queries';
import { useSocialApi } from '../social-api';

/**
 * True once someone is signed in and has a username: before that they have no social graph yet (the
 * API would refuse with ONBOARDING_REQUIRED).
 */
export function useSocialReady(): boolean {
  const { status, user } = useAuth();
  return status === 'authenticated' && !!user && !user.needsOnboarding;
}

/** Everyone you are friends with, presence kept live by friendsCacheEvents. */
export function useFriends() {
  const ready = useSocialReady();
  const api = useSocialApi();
  const live = useLiveCache();
  const key = friendsKeys.list();
  return useQuery({
    queryKey: key,
    queryFn: (): Promise<TFriend[]> => live.fetch(key, async () => (await api.listFriends()).friends),
    enabled: ready,
  });
}

/** Pending requests you received and sent. */
export function useFriendRequests() {
  const ready = useSocialReady();
  const api = useSocialApi();
  const live = useLiveCache();
  const key = friendsKeys.requests();
  return useQuery({
    queryKey: key,
    queryFn: (): Promise<FriendRequestLists> =>
      live.fetch(key, async () => {
        const { received, sent } = await api.listRequests();
        return { received, sent };
      }),
    enabled: ready,
  });
}

const NONE_ANSWERED: AnsweredRequests = {};

/** Requests answered in this tab, so their notifications can say what became of them. */
export function useAnsweredRequests(): AnsweredRequests {
  const ready = useSocialReady();
  const live = useLiveCache();
  const key = friendsKeys.answered();
  const { data } = useQuery({
    queryKey: key,
    // Written by social-changes.ts, never fetched: a refetch keeps what is there.
    queryFn: () => live.client.getQueryData<AnsweredRequests>(key) ?? NONE_ANSWERED,
    staleTime: Number.POSITIVE_INFINITY,
    enabled: ready,
  });
  return data ?? NONE_ANSWERED;
}

export type SearchUser = TUserCard & { relationship: TRelationship };

/** People whose username starts with `term`; the previous answer stays while the next one loads. */
export function useUserSearch(term: string) {
  const ready = useSocialReady();
  const api = useSocialApi();
  const q = term.slice(0, 20);
  return useQuery({
    queryKey: friendsKeys.search(q),
    queryFn: async ({ signal }): Promise<SearchUser[]> => (await api.searchUsers(q, signal)).users,
    enabled: ready && q.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

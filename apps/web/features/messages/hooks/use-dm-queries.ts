'use client';

import type { TConversation } from '@guftagu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { useLiveCache } from '@/lib/query/query-provider';
import { type ConversationView, useMessagesApi } from '../messages-api';
import { changeThread, type DmUnread, messagesKeys, NO_UNREAD } from '../queries';
import { emptyThread, type Thread } from '../thread-store';
import { threadReducer } from '../threads-reducer';

/** The signed-in user's id, or null when signed out or still onboarding (no messaging then). */
export function useDmMe(): string | null {
  const { status, user } = useAuth();
  return status === 'authenticated' && user && !user.needsOnboarding ? user.id : null;
}

/** Unread totals for the header badge, the list and /friends; `dm_unread_update` keeps them live. */
export function useDmUnread(): DmUnread {
  const me = useDmMe();
  const api = useMessagesApi();
  const live = useLiveCache();
  const key = messagesKeys.unread();
  const { data } = useQuery({
    queryKey: key,
    queryFn: () =>
      live.fetch(key, async (): Promise<DmUnread> => {
        const { total, byUser } = await api.unread();
        return { total, byUser };
      }),
    enabled: me !== null,
  });
  return data ?? NO_UNREAD;
}

/** One tab of the conversation list, filtered by a search; events refetch it (see queries.ts). */
export function useConversations(view: ConversationView, q: string) {
  const me = useDmMe();
  const api = useMessagesApi();
  const live = useLiveCache();
  const key = messagesKeys.conversationList(view, q);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }): Promise<TConversation[]> =>
      live.fetch(key, async () => (await api.listConversations(view, q, signal)).conversations),
    enabled: me !== null,
  });
}

/** Full-text matches in the person's own messages. */
export function useMessageSearch(q: string) {
  const me = useDmMe();
  const api = useMessagesApi();
  return useQuery({
    queryKey: messagesKeys.search(q),
    queryFn: async ({ signal }) => (await api.search(q, undefined, signal)).results,
    enabled: me !== null && q.length > 0,
  });
}

/**
 * One conversation: the newest page on open, merged into what is already cached (live events and
 * older pages stay), plus `loadOlder` for the page before the oldest one shown.
 */
export function useThread(userId: string) {
  const me = useDmMe();
  const api = useMessagesApi();
  const live = useLiveCache();
  const key = messagesKeys.thread(userId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      live.fetch(key, async () => {
        const page = await api.listMessages(userId, undefined, signal);
        // Read the cache after the answer: whatever arrived meanwhile is kept by the merge.
        const current = live.client.getQueryData<Thread>(key) ?? emptyThread(userId);
        return threadReducer(current, { type: 'page', page, older: false });
      }),
    enabled: me !== null,
    // Opening a conversation always refreshes its newest page, as it did before the cache.
    refetchOnMount: 'always',
  });

  const loadOlder = useCallback(async () => {
    const cursor = live.client.getQueryData<Thread>(messagesKeys.thread(userId))?.olderCursor;
    if (!cursor) return;
    const page = await api.listMessages(userId, cursor);
    changeThread(live, userId, { type: 'page', page, older: true });
  }, [api, live, userId]);

  return { thread: query.data ?? emptyThread(userId), query, loadOlder };
}

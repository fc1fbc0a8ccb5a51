'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSocialReady } from '@/features/friends/hooks/use-friends';
import { useSocialApi } from '@/features/friends/social-api';
import { useLiveCache } from '@/lib/query/query-provider';
import {
  feedCleared,
  feedRead,
  feedWithOlder,
  feedWithout,
  type NotificationFeed,
  notificationsKeys,
  setUnread,
} from '../queries';

/** The bell's badge: pushed by `notification_count_update`, read once when the page opens. */
export function useUnreadNotifications(): number {
  const ready = useSocialReady();
  const api = useSocialApi();
  const live = useLiveCache();
  const key = notificationsKeys.unread();
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => live.fetch(key, async () => (await api.listNotifications({ limit: 1 })).unreadCount),
    enabled: ready,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data ?? 0;
}

/**
 * The newest `limit` notifications (`keep` caps how many stay as new ones arrive; null keeps all).
 * `enabled` lets the dropdown wait until it is first opened.
 */
export function useNotificationFeed(limit: number, keep: number | null, enabled = true) {
  const ready = useSocialReady();
  const api = useSocialApi();
  const live = useLiveCache();
  const key = notificationsKeys.feed(limit);
  return useQuery({
    queryKey: key,
    queryFn: () =>
      live.fetch(key, async (): Promise<NotificationFeed> => {
        const page = await api.listNotifications({ limit });
        setUnread(live, page.unreadCount);
        return { items: page.notifications, nextCursor: page.nextCursor, keep };
      }),
    enabled: ready && enabled,
  });
}

/** Read, delete and paging actions; each writes the server's answer (and unread count) into the cache. */
export function useNotificationActions() {
  const api = useSocialApi();
  const live = useLiveCache();
  return useMemo(() => {
    const feeds = notificationsKeys.feeds();
    return {
      markRead: async (ids: string[]) => {
        if (ids.length === 0) return;
        live.apply(feeds, feedRead(new Set(ids)));
        const { unreadCount } = await api.markNotificationsRead(ids);
        setUnread(live, unreadCount);
      },
      markAllRead: async () => {
        const { unreadCount } = await api.markNotificationsRead('all');
        live.apply(feeds, feedRead('all'));
        setUnread(live, unreadCount);
      },
      remove: async (id: string) => {
        const { unreadCount } = await api.deleteNotification(id);
        live.apply(
          feeds,
          feedWithout((item) => item.id === id),
        );
        setUnread(live, unreadCount);
      },
      clearAll: async () => {
        await api.clearNotifications();
        live.apply(feeds, feedCleared);
        setUnread(live, 0);
      },
      loadOlder: async (limit: number, before: string) => {
        const page = await api.listNotifications({ before, limit });
        live.client.setQueryData<NotificationFeed>(notificationsKeys.feed(limit), (feed) =>
          feed ? feedWithOlder(page)(feed) : feed,
        );
      },
    };
  }, [api, live]);
}

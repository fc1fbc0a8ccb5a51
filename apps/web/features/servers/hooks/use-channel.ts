'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLiveCache } from '@/lib/query/query-provider';
import { type ChannelLog, emptyLog, logReducer } from '../channel-log';
import { useChannelMessagesApi } from '../channel-messages-api';
import { type ChannelTyping, changeLog, channelKeys, type ServerUnread } from '../message-queries';
import { useMe } from './use-servers';

/**
 * One channel's history: the newest page on open, merged into what is cached (live events and older
 * pages stay), plus `loadOlder` for the page before the oldest one shown.
 */
export function useChannelLog(channelId: string) {
  const me = useMe();
  const api = useChannelMessagesApi();
  const live = useLiveCache();
  const key = channelKeys.log(channelId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      live.fetch(key, async () => {
        const page = await api.page(channelId, undefined, signal);
        const current = live.client.getQueryData<ChannelLog>(key) ?? emptyLog(channelId);
        return logReducer(current, {
          type: 'page',
          messages: page.messages,
          hasOlder: page.hasMoreBefore || page.hasMore,
          older: false,
        });
      }),
    enabled: me !== null,
    refetchOnMount: 'always',
    // Live events and the reconnect sync keep it current; a newest page landing after a reconnect but
    // before the sync would move the sync's cursor past the messages missed offline.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  const loadOlder = useCallback(async () => {
    const oldest = live.client.getQueryData<ChannelLog>(key)?.messages[0]?.id;
    if (!oldest) return;
    const page = await api.page(channelId, oldest);
    changeLog(live, channelId, {
      type: 'page',
      messages: page.messages,
      hasOlder: page.hasMore,
      older: true,
    });
  }, [api, live, channelId, key]);

  return { log: query.data ?? emptyLog(channelId), query, loadOlder };
}

const NO_UNREAD = (serverId: string): ServerUnread => ({
  serverId,
  channels: [],
  unreadCount: 0,
  mentionCount: 0,
});

/** Unread and mention counts of one server, per channel; `channel_read_update` keeps them exact. */
export function useServerUnread(serverId: string | null): ServerUnread & { loaded: boolean } {
  const me = useMe();
  const api = useChannelMessagesApi();
  const live = useLiveCache();
  const key = channelKeys.unread(serverId ?? '');
  const { data } = useQuery({
    queryKey: key,
    queryFn: () =>
      live.fetch(key, async (): Promise<ServerUnread> => {
        const { success: _ok, ...unread } = await api.unread(serverId ?? '');
        return unread;
      }),
    enabled: me !== null && serverId !== null,
    // Counts are cheap to be wrong about for a second, expensive to be wrong about for long.
    staleTime: 15_000,
  });
  return data ? { ...data, loaded: true } : { ...NO_UNREAD(serverId ?? ''), loaded: false };
}

const NO_TYPING: ChannelTyping = {};

/** Who is typing in a channel; the cache entry exists so socket events have somewhere to land. */
export function useChannelTyping(channelId: string): ChannelTyping {
  const { data } = useQuery({
    queryKey: channelKeys.typing(channelId),
    queryFn: () => NO_TYPING,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
  return data ?? NO_TYPING;
}

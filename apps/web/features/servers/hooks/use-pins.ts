'use client';

import { useQuery } from '@tanstack/react-query';
import { useLiveCache } from '@/lib/query/query-provider';
import { useChannelMessagesApi } from '../channel-messages-api';
import { channelKeys } from '../message-queries';
import type { PinList } from '../pins';
import { useMe } from './use-servers';

/** A channel's pins, fetched when the pins panel opens; `message_pinned`/`unpinned` keep it live. */
export function useChannelPins(channelId: string, enabled: boolean) {
  const me = useMe();
  const api = useChannelMessagesApi();
  const live = useLiveCache();
  const key = channelKeys.pins(channelId);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      live.fetch(key, async (): Promise<PinList> => (await api.pins(channelId, signal)).messages),
    enabled: enabled && me !== null,
    staleTime: 30_000,
  });
}

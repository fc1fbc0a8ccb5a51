'use client';

import { type TChannelSyncResponse, ZChannelSyncResponse } from '@guftagu/contracts';
import { useEffect, useRef } from 'react';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useLiveCache } from '@/lib/query/query-provider';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { syncChannels, trackSyncHook } from '../channel-sync';

/**
 * After each (re)connect, every channel this tab holds asks the server for everything after its newest
 * message (`channel_sync`), as DMs do with `dm_sync`: refetching the newest page would leave a gap when
 * more than a page arrived while offline. The channel on screen is announced again (typing, "seen").
 */
export function useChannelSync(viewingChannelId: string | null) {
  const { socket } = useSocket();
  const live = useLiveCache();
  const syncedAt = useRef<string | null>(null);
  const viewing = useRef(viewingChannelId);
  viewing.current = viewingChannelId;

  useEffect(() => trackSyncHook(), []);

  useServerEvent('authenticated', () => {
    if (!socket) return;
    if (viewing.current) void emitWithAck(socket, 'join_channel', viewing.current).catch(() => {});
    const send = async (request: Parameters<Parameters<typeof syncChannels>[1]>[0]) => {
      const parsed = ZChannelSyncResponse.safeParse(
        await emitWithAck(socket, 'channel_sync', request, 15_000),
      );
      return parsed.success ? (parsed.data as TChannelSyncResponse) : null;
    };
    void syncChannels(live, send, syncedAt.current)
      .then((newest) => {
        syncedAt.current = newest;
      })
      .catch(() => {});
  });
}

'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { listen, useSocket } from '@/lib/socket/socket-context';
import { LiveCache } from './live-cache';
import { createQueryClient } from './query-client';

const LiveCacheContext = createContext<LiveCache | null>(null);

/** The tab's LiveCache: queries wrap their fetches with it, mutations apply their results through it. */
export function useLiveCache(): LiveCache {
  const live = useContext(LiveCacheContext);
  if (!live) throw new Error('useLiveCache must be used inside <QueryProvider>');
  return live;
}

/**
 * Feeds the cache from the socket: every binding in CACHE_EVENTS is subscribed once per socket; after a
 * reconnect (`reconnected`) every query is marked stale so what is on screen refetches, and a change of
 * signed-in identity empties the cache so nobody sees the previous user's data.
 */
function SocketCacheBridge({ live }: { live: LiveCache }) {
  const { socket } = useSocket();
  const { status, user } = useAuth();

  useEffect(() => {
    if (!socket) return;
    const offs = [listen(socket, 'reconnected', () => void live.client.invalidateQueries())];
    let closed = false;
    // The bindings (and the feature caches they reach) load in their own chunk, off the landing's critical
    // path. The import starts when the socket is created, before it connects (that waits for the auth
    // check), so it usually wins; if the socket connected first, events may have been missed, and what is
    // cached refetches as after a reconnect.
    void import('./cache-events').then(({ CACHE_EVENTS }) => {
      if (closed) return;
      for (const binding of CACHE_EVENTS)
        offs.push(listen(socket, binding.event, (payload) => binding.apply(payload, live)));
      if (socket.connected) void live.client.invalidateQueries();
    });
    return () => {
      closed = true;
      for (const off of offs) off();
    };
  }, [socket, live]);

  const identity = status === 'loading' ? undefined : (user?.id ?? null);
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (identity === undefined) return;
    if (previous.current !== undefined && previous.current !== identity) live.reset();
    previous.current = identity;
  }, [identity, live]);

  return null;
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [live] = useState(() => new LiveCache(createQueryClient()));
  return (
    <QueryClientProvider client={live.client}>
      <LiveCacheContext.Provider value={live}>
        <SocketCacheBridge live={live} />
        {children}
      </LiveCacheContext.Provider>
    </QueryClientProvider>
  );
}

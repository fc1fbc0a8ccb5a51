'use client';

import { createContext, useContext } from 'react';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface OnlineCountValue {
  /** Live number of connected clients (anonymous + signed in); null until the first update arrives. */
  count: number | null;
  status: ConnectionStatus;
}

/**
 * The live online count on its own, so the header pill and the landing's hero can show it without the
 * app's socket: the signed-in shell fills it from `SocketProvider`, the visitor shell from the bare
 * `LiveCountProvider` (no socket.io-client, no zod).
 */
export const OnlineCountContext = createContext<OnlineCountValue>({ count: null, status: 'idle' });

/** The real-time online user count plus whether it is live. */
export function useUserCount(): { count: number | null; live: boolean; status: ConnectionStatus } {
  const { count, status } = useContext(OnlineCountContext);
  return { count, live: status === 'connected' && count !== null, status };
}

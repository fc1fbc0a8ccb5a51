'use client';

import type { ServerEventName, ServerPayload } from '@guftagu/contracts';
import { createBrowserSocket, type GuftaguSocket, listen as listenTyped } from '@guftagu/sdk';
import { useRouter } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { SOCKET_PATH, SOCKET_URL } from '@/lib/config';
import { type ConnectionStatus, OnlineCountContext } from './online-count';

export type { ConnectionStatus } from './online-count';
export { useUserCount } from './online-count';

interface SocketContextValue {
  socket: GuftaguSocket | null;
  status: ConnectionStatus;
  /** Live number of connected clients (anonymous + signed in); null until the first update arrives. */
  onlineCount: number | null;
}

const SocketContext = createContext<SocketContextValue>({ socket: null, status: 'idle', onlineCount: null });

/**
 * Subscribe to a server event, letting through only payloads that match the contract schema. Returns the
 * unsubscribe function.
 */
export function listen<E extends ServerEventName>(
  socket: GuftaguSocket,
  event: E,
  handler: (payload: ServerPayload<E>) => void,
): () => void {
  return listenTyped(socket, event, handler, (name, issues) => {
    if (process.env.NODE_ENV !== 'production') {
      console.warn(`[socket] dropped malformed "${name}" payload`, issues);
    }
  });
}

const SIGN_OUT_REASONS = new Set(['logged_out', 'account_banned', 'session_revoked']);

const FORCE_DISCONNECT_COPY: Record<string, string> = {
  logged_out: 'You were signed out on another device.',
  account_banned: 'This account has been suspended.',
  session_revoked: 'Your session ended. Please sign in again.',
  duplicate_session: 'Guftagu is open in another tab or device.',
  server_shutdown: 'Guftagu is restarting. Reconnecting…',
};

export function SocketProvider({ children }: { children: ReactNode }) {
  const { status: authStatus, user, token, refresh, clearSession } = useAuth();
  const { toast } = useToast();
  const router = useRouter();

  const [socket, setSocket] = useState<GuftaguSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('idle');
  const [onlineCount, setOnlineCount] = useState<number | null>(null);

  // Read through refs so the long-lived socket always sees the latest values without being recreated.
  const tokenRef = useRef<string | null>(token);
  tokenRef.current = token;
  const actionsRef = useRef({ refresh, clearSession, toast, router });
  actionsRef.current = { refresh, clearSession, toast, router };

  // One socket for the app's lifetime. The handshake auth is a function, so every (re)connect presents
  // whatever access token is current at that moment.
  useEffect(() => {
    const client = createBrowserSocket({
      url: SOCKET_URL,
      path: SOCKET_PATH,
      getToken: () => tokenRef.current,
    });

    const offs = [
      listen(client, 'user_count_update', ({ count }) => setOnlineCount(count)),
      listen(client, 'auth_error', ({ code }) => {
        if (code !== 'TOKEN_EXPIRED') return;
        void actionsRef.current.refresh().then((ok) => {
          const fresh = tokenRef.current;
          if (ok && fresh && client.connected) client.emit('authenticate', { token: fresh });
        });
      }),
      listen(client, 'force_disconnect', ({ reason }) => {
        const { clearSession: clear, toast: notify, router: nav } = actionsRef.current;
        notify({
          title: SIGN_OUT_REASONS.has(reason) ? 'Signed out' : 'Disconnected',
          description: FORCE_DISCONNECT_COPY[reason] ?? 'You were disconnected.',
          tone: SIGN_OUT_REASONS.has(reason) ? 'error' : 'default',
        });
        if (SIGN_OUT_REASONS.has(reason)) {
          clear();
          nav.replace('/login');
        }
      }),
    ];

    const onConnect = () => setStatus('connected');
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setStatus(reason === 'io client disconnect' ? 'idle' : 'reconnecting');
    };
    const onConnectError = () =>
      setStatus((current) => (current === 'connected' ? 'reconnecting' : 'offline'));
    const onReconnectAttempt = () =>
      setStatus((current) => (current === 'offline' ? current : 'reconnecting'));

    client.on('connect', onConnect);
    client.on('disconnect', onDisconnect);
    client.on('connect_error', onConnectError);
    client.io.on('reconnect_attempt', onReconnectAttempt);
    setSocket(client);

    return () => {
      for (const off of offs) off();
      client.off('connect', onConnect);
      client.off('disconnect', onDisconnect);
      client.off('connect_error', onConnectError);
      client.io.off('reconnect_attempt', onReconnectAttempt);
      client.disconnect();
      setSocket(null);
    };
  }, []);

  // Connect once auth has settled, and reconnect whenever the identity changes (sign in / sign out), so
  // the server sees the right user. A mere token refresh for the same user does not reconnect.
  const identity = authStatus === 'loading' ? null : (user?.id ?? 'anonymous');
  const identityRef = useRef<string | null>(null);
  useEffect(() => {
    if (!socket || identity === null) return;
    if (identityRef.current === identity && socket.active) return;
    const changed = identityRef.current !== null && identityRef.current !== identity;
    identityRef.current = identity;
    if (changed && socket.active) socket.disconnect();
    setStatus((current) => (current === 'connected' ? 'reconnecting' : 'connecting'));
    socket.connect();
  }, [socket, identity]);

  const value = useMemo(() => ({ socket, status, onlineCount }), [socket, status, onlineCount]);
  const count = useMemo(() => ({ count: onlineCount, status }), [onlineCount, status]);
  return (
    <SocketContext.Provider value={value}>
      <OnlineCountContext.Provider value={count}>{children}</OnlineCountContext.Provider>
    </SocketContext.Provider>
  );
}

export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}

'use client';

import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { SOCKET_PATH, SOCKET_URL } from '@/lib/config';
import { type ConnectionStatus, OnlineCountContext } from './online-count';

/**
 * The visitor shell's live count: a plain WebSocket speaking just enough of the Engine.IO v4 / Socket.IO
 * v5 wire protocol to join the default namespace anonymously and read `user_count_update`. It replaces
 * socket.io-client, the SDK and the contracts' zod schemas on the landing (≈ 75 KB gzip) with ≈ 1 KB.
 * The server counts it like any other connection, so the number a visitor sees includes themselves.
 *
 * Protocol used (text frames only): server `0{…pingInterval,pingTimeout}` opens, client `40` joins "/",
 * server `40{sid}` confirms, `42["event",payload]` is an event, server `2` pings and the client answers
 * `3`, `41`/`44` end the namespace. Anything else is ignored.
 */
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 8_000;

function endpoint(): string {
  const base = new URL(SOCKET_URL ?? window.location.href, window.location.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = `${SOCKET_PATH.replace(/\/+$/, '')}/`;
  base.search = '?EIO=4&transport=websocket';
  base.hash = '';
  return base.toString();
}

/** Reads `count` from a `user_count_update` event frame; anything malformed is ignored. */
export function countFromFrame(frame: string): number | null {
  if (!frame.startsWith('42')) return null;
  try {
    const [name, payload] = JSON.parse(frame.slice(2)) as [unknown, { count?: unknown } | undefined];
    if (name !== 'user_count_update') return null;
    const count = payload?.count;
    return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
  } catch {
    return null;
  }
}

export function LiveCountProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempt = 0;
    let everConnected = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let deadTimer: ReturnType<typeof setTimeout> | undefined;

    const open = () => {
      const ws = new WebSocket(endpoint());
      socket = ws;
      let heartbeatMs = 45_000;
      // The server pings every pingInterval; silence for pingInterval + pingTimeout means a dead link.
      const armDeadTimer = () => {
        clearTimeout(deadTimer);
        deadTimer = setTimeout(() => ws.close(), heartbeatMs);
      };
      ws.onmessage = ({ data }) => {
        if (typeof data !== 'string') return;
        armDeadTimer();
        const type = data[0];
        if (type === '0') {
          try {
            const { pingInterval, pingTimeout } = JSON.parse(data.slice(1)) as Record<string, number>;
            if (pingInterval && pingTimeout) heartbeatMs = pingInterval + pingTimeout;
          } catch {
            // Keep the default heartbeat.
          }
          ws.send('40');
        } else if (type === '2') {
          ws.send('3');
        } else if (data.startsWith('40')) {
          attempt = 0;
          everConnected = true;
          setStatus('connected');
        } else if (data.startsWith('42')) {
          const next = countFromFrame(data);
          if (next !== null) setCount(next);
        } else if (data.startsWith('41') || data.startsWith('44') || type === '1') {
          ws.close();
        }
      };
      ws.onclose = () => {
        clearTimeout(deadTimer);
        if (socket === ws) socket = null;
        if (stopped) return;
        setStatus(everConnected ? 'reconnecting' : 'offline');
        const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt);
        attempt += 1;
        retryTimer = setTimeout(open, delay * (0.75 + Math.random() * 0.5));
      };
      armDeadTimer();
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(deadTimer);
      const ws = socket;
      if (!ws) return;
      ws.onmessage = null;
      // Closing a socket that is still connecting makes Chromium log an error; let it open first.
      if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close();
      else ws.close();
    };
  }, []);

  const value = useMemo(() => ({ count, status }), [count, status]);
  return <OnlineCountContext.Provider value={value}>{children}</OnlineCountContext.Provider>;
}

'use client';

import type { ServerEventName, ServerPayload } from '@guftagu/contracts';
import { useEffect, useRef } from 'react';
import { listen, useSocket } from '@/lib/socket/socket-context';

/**
 * Runs `handler` for every contract-valid `event` from the server while the component is mounted. The
 * latest handler is always used, so it may close over fresh state without re-subscribing.
 */
export function useServerEvent<E extends ServerEventName>(
  event: E,
  handler: (payload: ServerPayload<E>) => void,
): void {
  const { socket } = useSocket();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;

  useEffect(() => {
    if (!socket) return;
    return listen(socket, event, (payload) => handlerRef.current(payload));
  }, [socket, event]);
}

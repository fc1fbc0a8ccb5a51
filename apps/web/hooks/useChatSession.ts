'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { useSocket } from '@/contexts/SocketContext';
import { ChatSession } from '@/lib/chat/chat-session';
import { INITIAL_SNAPSHOT } from '@/lib/chat/session-state';

/** One ChatSession per /chat page, bound to the app's socket (which exists for anonymous visitors too). */
export function useChatSession() {
  const { socket } = useSocket();
  const [session] = useState(() => new ChatSession());

  useEffect(() => {
    session.attach(socket);
    return () => session.dispose();
  }, [session, socket]);

  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot, () => INITIAL_SNAPSHOT);
  return { session, snapshot };
}

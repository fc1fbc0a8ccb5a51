'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { ChatSession } from '@/features/chat/lib/chat-session';
import { INITIAL_SNAPSHOT } from '@/features/chat/lib/session-state';
import { useSocket } from '@/lib/socket/socket-context';

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

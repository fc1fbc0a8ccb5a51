'use client';

import dynamic from 'next/dynamic';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { isSoundEnabled, setSoundEnabled } from './alerts';
import { useDmMe } from './hooks/use-dm-queries';
import { useDmSession } from './hooks/use-dm-session';

/** 1:1 calls (features/calls) ride along with the DM session: in their own chunk, for signed-in people. */
const CallLayer = dynamic(() => import('@/features/calls/components/call-layer').then((m) => m.CallLayer), {
  ssr: false,
});

/**
 * What messaging keeps in this tab only: the sound switch, which conversation the tab shows, and who is
 * typing. Server state (conversations, threads, unread counts) lives in the query cache.
 */
export interface MessagesContextValue {
  soundOn: boolean;
  setSoundOn: (on: boolean) => void;
  /** The conversation this tab shows (set by the chat page), for notifications and read marking. */
  viewingRef: { current: string | null };
  setViewing: (userId: string | null) => void;
  announceViewing: () => void;
  /** When each person's typing indicator hides itself (epoch ms). */
  typingUntil: Readonly<Record<string, number>>;
}

const MessagesContext = createContext<MessagesContextValue | null>(null);

/** Typing is a few seconds of presence, never stored by the server: it stays out of the cache. */
function useTypingState(me: string | null) {
  const [typingUntil, setTypingUntil] = useState<Readonly<Record<string, number>>>({});
  const set = useCallback(
    (userId: string, until: number | null) =>
      setTypingUntil((current) => {
        if ((current[userId] ?? null) === until) return current;
        const { [userId]: _old, ...rest } = current;
        return until === null ? rest : { ...rest, [userId]: until };
      }),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: me is the trigger: a new person starts clean.
  useEffect(() => setTypingUntil({}), [me]);
  useServerEvent('dm_typing_start', ({ from, expiresInMs }) => set(from.userId, Date.now() + expiresInMs));
  useServerEvent('dm_typing_stop', ({ from }) => set(from.userId, null));
  // A message from the other person ends their typing indicator.
  useServerEvent('dm_receive', ({ senderId }) => set(senderId, null));
  // Typing indicators hide themselves if the stop never comes (closed tab, lost connection).
  const hasTyping = Object.keys(typingUntil).length > 0;
  useEffect(() => {
    if (!hasTyping) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setTypingUntil((current) => {
        const live = Object.entries(current).filter(([, until]) => until > now);
        return live.length === Object.keys(current).length ? current : Object.fromEntries(live);
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [hasTyping]);
  return typingUntil;
}

export function MessagesProvider({ children }: { children: ReactNode }) {
  const me = useDmMe();
  const { socket } = useSocket();
  const [soundOn, setSoundOnState] = useState(false);
  const viewingRef = useRef<string | null>(null);
  const typingUntil = useTypingState(me);

  useEffect(() => setSoundOnState(isSoundEnabled()), []);
  const setSoundOn = useCallback((on: boolean) => {
    setSoundEnabled(on);
    setSoundOnState(on);
  }, []);

  const announceViewing = useCallback(() => {
    const userId =
      typeof document !== 'undefined' && document.visibilityState === 'visible' ? viewingRef.current : null;
    if (socket?.connected) void emitWithAck(socket, 'dm_viewing', { userId }).catch(() => {});
  }, [socket]);
  const setViewing = useCallback(
    (userId: string | null) => {
      viewingRef.current = userId;
      announceViewing();
    },
    [announceViewing],
  );

  useDmSession({ me, viewingRef, soundOn, onSession: announceViewing });

  const value = useMemo<MessagesContextValue>(
    () => ({ soundOn, setSoundOn, viewingRef, setViewing, announceViewing, typingUntil }),
    [soundOn, setSoundOn, setViewing, announceViewing, typingUntil],
  );
  return (
    <MessagesContext.Provider value={value}>
      {children}
      {me ? <CallLayer /> : null}
    </MessagesContext.Provider>
  );
}

export function useMessages(): MessagesContextValue {
  const value = useContext(MessagesContext);
  if (!value) throw new Error('useMessages must be used inside <MessagesProvider>');
  return value;
}

/** Whether `userId` is typing to me right now. */
export function useIsTyping(userId: string): boolean {
  const until = useMessages().typingUntil[userId];
  return until !== undefined && until > Date.now();
}

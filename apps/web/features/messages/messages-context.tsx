'use client';

import type { TDirectMessage } from '@guftagu/contracts';
import {
  createContext,
  type Dispatch,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { useDmActions } from '@/features/messages/hooks/use-dm-actions';
import { useDmEvents } from '@/features/messages/hooks/use-dm-events';
import { isSoundEnabled, setSoundEnabled } from './alerts';
import { useMessagesApi } from './messages-api';
import { type ThreadAction, type Threads, threadsReducer } from './threads-reducer';

/**
 * The live direct-message store: unread totals (header badge, /friends, the list), every conversation
 * opened in this tab, and the socket events that keep them true. Pages read it; they never listen to
 * DM events themselves, so one place decides how an event changes state.
 */
export interface MessagesContextValue {
  /** The signed-in user's id, or null when signed out / onboarding. */
  me: string | null;
  unreadTotal: number;
  unreadByUser: Readonly<Record<string, number>>;
  threads: Threads;
  dispatch: Dispatch<ThreadAction>;
  /** Increments whenever the conversation list may be stale (new message, request, reconnect…). */
  listVersion: number;
  bumpList: () => void;
  soundOn: boolean;
  setSoundOn: (on: boolean) => void;
  /** The conversation this tab shows (set by the chat page), for notifications and read marking. */
  viewingRef: { current: string | null };
  actions: ReturnType<typeof useDmActions>;
}

const MessagesContext = createContext<MessagesContextValue | null>(null);

export function otherParty(message: TDirectMessage, me: string): string {
  return message.senderId === me ? message.recipientId : message.senderId;
}

export function MessagesProvider({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const api = useMessagesApi();
  const me = status === 'authenticated' && user && !user.needsOnboarding ? user.id : null;

  const [threads, dispatch] = useReducer(threadsReducer, {});
  const [unreadTotal, setUnreadTotal] = useState(0);
  const [unreadByUser, setUnreadByUser] = useState<Readonly<Record<string, number>>>({});
  const [listVersion, setListVersion] = useState(0);
  const [soundOn, setSoundOnState] = useState(false);
  const viewingRef = useRef<string | null>(null);
  const threadsRef = useRef(threads);
  threadsRef.current = threads;

  useEffect(() => setSoundOnState(isSoundEnabled()), []);
  const setSoundOn = useCallback((on: boolean) => {
    setSoundEnabled(on);
    setSoundOnState(on);
  }, []);
  const bumpList = useCallback(() => setListVersion((value) => value + 1), []);

  // Forget everything when the signed-in person changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: me is the trigger, not a value we read.
  useEffect(() => {
    dispatch({ type: 'reset' });
    setUnreadTotal(0);
    setUnreadByUser({});
  }, [me]);

  // Exact counts from the server on sign-in and after every reconnect (events may have been missed).
  // A live update that lands while this request is in flight is newer than its answer: keep it.
  const unreadEpoch = useRef(0);
  const loadUnread = useCallback(async () => {
    if (!me) return;
    const epoch = unreadEpoch.current;
    try {
      const { total, byUser } = await api.unread();
      if (epoch !== unreadEpoch.current) return;
      setUnreadTotal(total);
      setUnreadByUser(byUser);
    } catch {
      // The badge keeps its last value; the next event or reconnect corrects it.
    }
  }, [api, me]);
  useEffect(() => {
    void loadUnread();
  }, [loadUnread]);

  const applyUnread = useCallback((total: number, byUser?: Record<string, number>) => {
    unreadEpoch.current++;
    setUnreadTotal(total);
    if (byUser) setUnreadByUser((current) => ({ ...current, ...byUser }));
  }, []);

  const actions = useDmActions({
    me,
    threadsRef,
    dispatch,
    viewingRef,
    unreadByUser,
    setUnreadByUser,
    setUnreadTotal,
  });
  const onSession = () => {
    void loadUnread();
    actions.announceViewing();
  };
  useDmEvents({ me, threadsRef, dispatch, applyUnread, bumpList, viewingRef, soundOn, onSession });

  const value = useMemo<MessagesContextValue>(
    () => ({
      me,
      unreadTotal,
      unreadByUser,
      threads,
      dispatch,
      listVersion,
      bumpList,
      soundOn,
      setSoundOn,
      viewingRef,
      actions,
    }),
    [me, unreadTotal, unreadByUser, threads, listVersion, bumpList, soundOn, setSoundOn, actions],
  );
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

export function useMessages(): MessagesContextValue {
  const value = useContext(MessagesContext);
  if (!value) throw new Error('useMessages must be used inside <MessagesProvider>');
  return value;
}

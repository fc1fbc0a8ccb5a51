'use client';

import type { ServerPayload, TNotification } from '@guftagu/contracts';
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
import { useToast } from '@/components/ui/Toast';
import { useAuth } from '@/features/auth/auth-context';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useSocialApi } from '@/features/friends/social-api';
import { useSocialChange } from '@/features/friends/social-events';
import { nameOf } from '@/lib/utils';

/** How many of the newest notifications the header dropdown keeps. */
export const DROPDOWN_LIMIT = 10;

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What became of a friend request answered from a notification (shown in place of the buttons). */
export type RequestOutcome = 'accepted' | 'rejected';

interface NotificationsContextValue {
  unreadCount: number;
  /** The newest notifications, newest first; null until first loaded. */
  recent: TNotification[] | null;
  loadState: LoadState;
  /** Received friend requests that are still pending (so their notification can offer Accept/Reject). */
  pendingRequestIds: ReadonlySet<string>;
  outcomes: ReadonlyMap<string, RequestOutcome>;
  /** (Re)load the newest notifications and the pending requests. */
  load: () => Promise<void>;
  markRead: (ids: string[]) => Promise<void>;
  markAllRead: () => Promise<void>;
  remove: (id: string) => Promise<void>;
  clearAll: () => Promise<void>;
  /** Answer the friend request a notification is about; resolves once the server agreed. */
  respond: (requestId: string, answer: 'accept' | 'reject') => Promise<void>;
}

const NotificationsContext = createContext<NotificationsContextValue | null>(null);

/** A pushed `notification_new` as the stored shape the lists render. */
export function fromPushed(payload: ServerPayload<'notification_new'>): TNotification {
  return {
    id: payload.notificationId,
    type: payload.type,
    title: payload.title,
    content: payload.content,
    relatedUserId: payload.relatedUserId,
    relatedUsername: payload.relatedUsername,
    relatedUserId7Digit: payload.relatedUserId7Digit,
    relatedProfilePicture: payload.relatedProfilePicture,
    relatedId: payload.relatedId,
    actionUrl: payload.actionUrl,
    isRead: false,
    createdAt: payload.timestamp,
  };
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const api = useSocialApi();
  const { toast } = useToast();

  const [unreadCount, setUnreadCount] = useState(0);
  const [recent, setRecent] = useState<TNotification[] | null>(null);
  const [loadState, setLoadState] = useState<LoadState>('idle');
  const [pendingRequestIds, setPending] = useState<ReadonlySet<string>>(new Set());
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, RequestOutcome>>(new Map());
  const loadSeq = useRef(0);

  // Forget everything when the signed-in person changes. (Someone still choosing a username has no
  // social graph yet; the API would refuse with ONBOARDING_REQUIRED.)
  const userId = status === 'authenticated' && user && !user.needsOnboarding ? user.id : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: userId is the trigger, not a value we read.
  useEffect(() => {
    loadSeq.current++;
    setUnreadCount(0);
    setRecent(null);
    setLoadState('idle');
    setPending(new Set());
    setOutcomes(new Map());
  }, [userId]);

  const addPending = (requestId: string) => setPending((current) => new Set(current).add(requestId));
  const dropPending = (requestId: string) =>
    setPending((current) => {
      if (!current.has(requestId)) return current;
      const next = new Set(current);
      next.delete(requestId);
      return next;
    });
  const setOutcome = (requestId: string, outcome: RequestOutcome) =>
    setOutcomes((current) => new Map(current).set(requestId, outcome));

  // Know the pending received requests from the start (the Requests tab counts them).
  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    api
      .listRequests()
      .then((requests) => {
        if (!cancelled) setPending(new Set(requests.received.map((request) => request.id)));
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [api, userId]);

  const load = useCallback(async () => {
    if (!userId) return;
    const seq = ++loadSeq.current;
    setLoadState((current) => (current === 'ready' ? current : 'loading'));
    try {
      const [list, requests] = await Promise.all([
        api.listNotifications({ limit: DROPDOWN_LIMIT }),
        api.listRequests().catch(() => null),
      ]);
      if (seq !== loadSeq.current) return;
      setRecent(list.notifications);
      setUnreadCount(list.unreadCount);
      if (requests) setPending(new Set(requests.received.map((request) => request.id)));
      setLoadState('ready');
    } catch {
      if (seq === loadSeq.current) setLoadState((current) => (current === 'ready' ? current : 'error'));
    }
  }, [api, userId]);

  // Live counts and pushes.
  useServerEvent('authenticated', ({ unreadNotifications }) => setUnreadCount(unreadNotifications));
  useServerEvent('notification_count_update', ({ unreadCount: count }) => setUnreadCount(count));
  useServerEvent('notification_new', (payload) => {
    const item = fromPushed(payload);
    setRecent((current) =>
      current && !current.some((existing) => existing.id === item.id)
        ? [item, ...current].slice(0, DROPDOWN_LIMIT)
        : current,
    );
    if (item.type === 'friend_request' && item.relatedId) addPending(item.relatedId);
  });
  useServerEvent('friend_request_received', ({ requestId, from, message }) => {
    addPending(requestId);
    const who = from.displayName ? `${from.displayName} (@${from.username})` : `@${from.username}`;
    toast({
      title: 'New friend request',
      description: message ? `${who}: “${message}”` : `${who} wants to be friends.`,
    });
  });
  useServerEvent('friend_request_accepted', ({ by }) => {
    toast({
      title: 'Friend request accepted',
      description: `You and ${nameOf(by)} are now friends.`,
      tone: 'success',
    });
  });
  // A cancelled request's notification is withdrawn on the server; withdraw it here too.
  useServerEvent('friend_request_cancelled', ({ requestId }) => {
    dropPending(requestId);
    setRecent((current) => current?.filter((item) => item.relatedId !== requestId) ?? null);
  });

  // The same request answered elsewhere on this page (e.g. /friends/requests).
  useSocialChange((change) => {
    if (change.type === 'request_accepted') {
      dropPending(change.requestId);
      setOutcome(change.requestId, 'accepted');
    } else if (change.type === 'request_rejected') {
      dropPending(change.requestId);
      setOutcome(change.requestId, 'rejected');
    }
  });

  const markRead = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return;
      const wanted = new Set(ids);
      setRecent(
        (current) => current?.map((item) => (wanted.has(item.id) ? { ...item, isRead: true } : item)) ?? null,
      );
      const { unreadCount: count } = await api.markNotificationsRead(ids);
      setUnreadCount(count);
    },
    [api],
  );

  const markAllRead = useCallback(async () => {
    const { unreadCount: count } = await api.markNotificationsRead('all');
    setRecent((current) => current?.map((item) => ({ ...item, isRead: true })) ?? null);
    setUnreadCount(count);
  }, [api]);

  const remove = useCallback(
    async (id: string) => {
      const { unreadCount: count } = await api.deleteNotification(id);
      setRecent((current) => current?.filter((item) => item.id !== id) ?? null);
      setUnreadCount(count);
    },
    [api],
  );

  const clearAll = useCallback(async () => {
    await api.clearNotifications();
    setRecent([]);
    setUnreadCount(0);
  }, [api]);

  const respond = useCallback(
    async (requestId: string, answer: 'accept' | 'reject') => {
      if (answer === 'accept') await api.acceptRequest(requestId);
      else await api.rejectRequest(requestId);
    },
    [api],
  );

  const value = useMemo<NotificationsContextValue>(
    () => ({
      unreadCount,
      recent,
      loadState,
      pendingRequestIds,
      outcomes,
      load,
      markRead,
      markAllRead,
      remove,
      clearAll,
      respond,
    }),
    [
      unreadCount,
      recent,
      loadState,
      pendingRequestIds,
      outcomes,
      load,
      markRead,
      markAllRead,
      remove,
      clearAll,
      respond,
    ],
  );

  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsContextValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications must be used inside <NotificationsProvider>');
  return value;
}

'use client';

import { type TDirectMessage, ZDmSyncResponse } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { type Dispatch, type RefObject, useEffect, useRef } from 'react';
import { playMessageChime, showDesktopNotification } from '@/features/messages/alerts';
import { asTombstone, lastMessageId, withReactions, withStatus } from '@/features/messages/thread-store';
import type { ThreadAction, Threads } from '@/features/messages/threads-reducer';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { messageHref, nameOf } from '@/lib/utils';

interface Options {
  me: string | null;
  threadsRef: RefObject<Threads>;
  dispatch: Dispatch<ThreadAction>;
  applyUnread: (total: number, byUser?: Record<string, number>) => void;
  bumpList: () => void;
  viewingRef: RefObject<string | null>;
  soundOn: boolean;
  /** Runs after each (re)authentication: refresh counts, re-announce the open conversation. */
  onSession: () => void;
}

/** Sync rounds per reconnect before giving up (each returns up to the server's page of messages). */
const MAX_SYNC_ROUNDS = 20;
/** Ask for changes a little before the newest server time we saw, so in-flight commits are included. */
const CLOCK_MARGIN_MS = 15_000;

function newestTime(message: TDirectMessage): string {
  let newest = message.createdAt;
  for (const value of [message.deliveredAt, message.readAt, message.editedAt, message.deletedAt]) {
    if (value && value > newest) newest = value;
  }
  return newest;
}

/**
 * Applies every DM socket event to the store, marks incoming messages delivered, plays the alert, and
 * after each (re)connect asks the server for everything after the last known message of each open
 * conversation (`dm_sync`), so a dropped connection leaves no gaps and no stale receipts.
 */
export function useDmEvents({
  me,
  threadsRef,
  dispatch,
  applyUnread,
  bumpList,
  viewingRef,
  soundOn,
  onSession,
}: Options) {
  const { socket } = useSocket();
  const router = useRouter();
  const conversationUser = useRef(new Map<string, string>());
  /** The newest server timestamp seen: the `changedSince` of the next sync. */
  const serverClock = useRef<string | null>(null);
  const deliveredQueue = useRef(new Set<string>());
  const soundRef = useRef(soundOn);
  soundRef.current = soundOn;

  const observe = (time: string | null | undefined) => {
    if (time && (!serverClock.current || time > serverClock.current)) serverClock.current = time;
  };

  const userFor = (conversationId: string): string | null => {
    const known = conversationUser.current.get(conversationId);
    if (known) return known;
    for (const thread of Object.values(threadsRef.current ?? {})) {
      if (
        thread.conversation?.id === conversationId ||
        thread.messages[0]?.conversationId === conversationId
      ) {
        conversationUser.current.set(conversationId, thread.otherUserId);
        return thread.otherUserId;
      }
    }
    return null;
  };

  const remember = (messages: TDirectMessage[]) => {
    if (!me) return;
    for (const message of messages) {
      conversationUser.current.set(
        message.conversationId,
        message.senderId === me ? message.recipientId : message.senderId,
      );
      observe(newestTime(message));
    }
  };

  // Learn conversation ids and the clock from pages loaded by the chat page.
  useEffect(() => {
    for (const thread of Object.values(threadsRef.current ?? {})) {
      if (thread.conversation) conversationUser.current.set(thread.conversation.id, thread.otherUserId);
      const last = thread.messages.at(-1);
      if (last) observe(newestTime(last));
    }
  });

  const markDelivered = (messages: TDirectMessage[]) => {
    for (const message of messages) {
      if (message.recipientId === me && message.status === 'sent') deliveredQueue.current.add(message.id);
    }
    if (deliveredQueue.current.size === 0) return;
    // Batch a burst of arrivals into one acknowledgement.
    queueMicrotask(() => {
      const ids = [...deliveredQueue.current];
      deliveredQueue.current.clear();
      if (ids.length > 0)
        void emitWithAck(socket, 'dm_mark_delivered', { messageIds: ids.slice(0, 500) }).catch(() => {});
    });
  };

  /** `known`: only refresh messages already loaded (sync's changed list reaches below loaded pages). */
  const store = (messages: TDirectMessage[], known = false) => {
    if (!me) return;
    remember(messages);
    const byUser = new Map<string, TDirectMessage[]>();
    for (const message of messages) {
      const other = message.senderId === me ? message.recipientId : message.senderId;
      byUser.set(other, [...(byUser.get(other) ?? []), message]);
    }
    for (const [userId, list] of byUser)
      dispatch({ type: known ? 'refresh' : 'upsert', userId, messages: list });
  };

  useServerEvent('dm_receive', (payload) => {
    if (!me) return;
    const { messageId: _id, from, message: _text, timestamp: _at, ...message } = payload;
    store([message]);
    markDelivered([message]);
    bumpList();
    if (message.senderId === me) return;
    const looking = viewingRef.current === message.senderId && document.visibilityState === 'visible';
    if (looking) return;
    if (soundRef.current) playMessageChime();
    showDesktopNotification({
      title: nameOf(from),
      body: message.content || (message.attachments.length > 0 ? 'Sent an attachment' : 'New message'),
      icon: from.profilePicture,
      tag: `dm-${from.userId}`,
      onClick: () => router.push(messageHref(from.userId)),
    });
  });

  useServerEvent('dm_delivered', ({ messageIds, conversationId, deliveredAt, toUserId }) => {
    observe(deliveredAt);
    const userId = userFor(conversationId) ?? toUserId;
    dispatch({
      type: 'patch',
      userId,
      ids: new Set(messageIds),
      patch: withStatus('delivered', deliveredAt),
    });
  });

  useServerEvent('dm_read', ({ messageIds, conversationId, readAt, readBy }) => {
    observe(readAt);
    if (readBy === me) {
      // Read in another tab of mine: those messages are not unread here either.
      const userId = userFor(conversationId);
      if (userId)
        dispatch({
          type: 'patch',
          userId,
          ids: new Set(messageIds),
          patch: (m) => ({ ...m, readAt: m.readAt ?? readAt }),
        });
      return;
    }
    dispatch({ type: 'patch', userId: readBy, ids: new Set(messageIds), patch: withStatus('read', readAt) });
  });

  useServerEvent('dm_edited', ({ message }) => {
    store([message], true);
    bumpList();
  });

  useServerEvent('dm_deleted', ({ messageId, conversationId, scope, timestamp }) => {
    observe(timestamp);
    const userId = userFor(conversationId);
    if (userId) {
      const ids = new Set([messageId]);
      dispatch(
        scope === 'me'
          ? { type: 'remove', userId, ids }
          : { type: 'patch', userId, ids, patch: asTombstone(timestamp) },
      );
    }
    bumpList();
  });

  useServerEvent('dm_reaction_updated', ({ messageId, conversationId, reactions }) => {
    const userId = userFor(conversationId);
    if (userId)
      dispatch({ type: 'patch', userId, ids: new Set([messageId]), patch: withReactions(reactions) });
  });

  useServerEvent('dm_typing_start', ({ from, expiresInMs }) => {
    dispatch({ type: 'typing', userId: from.userId, until: Date.now() + expiresInMs });
  });
  useServerEvent('dm_typing_stop', ({ from }) =>
    dispatch({ type: 'typing', userId: from.userId, until: null }),
  );

  useServerEvent('dm_unread_update', ({ total, byUser }) => applyUnread(total, byUser));

  useServerEvent('dm_conversation_updated', ({ conversation }) => {
    conversationUser.current.set(conversation.id, conversation.otherUser.userId);
    dispatch({ type: 'conversation', userId: conversation.otherUser.userId, conversation });
    bumpList();
  });
  useServerEvent('dm_request_received', ({ message }) => {
    store([message]);
    markDelivered([message]);
    bumpList();
  });
  // The other side answered my request: the open chat's banner and composer follow at once.
  useServerEvent('dm_request_accepted', ({ by }) => {
    dispatch({
      type: 'conversation_patch',
      userId: by.userId,
      change: { requestState: 'none', canSend: true },
    });
    bumpList();
  });
  useServerEvent('dm_request_rejected', ({ by }) => {
    dispatch({
      type: 'conversation_patch',
      userId: by.userId,
      change: { requestState: 'rejected', canSend: false },
    });
    bumpList();
  });
  // Blocked: no more sending from here (the server refuses anyway; this says so before trying).
  useServerEvent('blocked_by_user', ({ by }) => {
    dispatch({ type: 'conversation_patch', userId: by.userId, change: { canSend: false } });
    bumpList();
  });
  useServerEvent('unfriended', () => bumpList());

  useServerEvent('friend_online', ({ friendId, status, lastActive }) =>
    dispatch({ type: 'other_user', userId: friendId, change: { isOnline: true, status, lastActive } }),
  );
  useServerEvent('friend_offline', ({ friendId, lastActive }) =>
    dispatch({
      type: 'other_user',
      userId: friendId,
      change: { isOnline: false, status: 'offline', lastActive },
    }),
  );

  // Typing indicators hide themselves if the stop never comes (closed tab, lost connection).
  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      for (const thread of Object.values(threadsRef.current ?? {})) {
        if (thread.typingUntil !== null && thread.typingUntil <= now) {
          dispatch({ type: 'typing', userId: thread.otherUserId, until: null });
        }
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [dispatch, threadsRef]);

  // Reconnect catch-up.
  const syncRef = useRef<() => Promise<void>>(async () => {});
  syncRef.current = async () => {
    if (!me || !socket) return;
    const loaded = Object.values(threadsRef.current ?? {}).filter((thread) => thread.loaded);
    if (loaded.length === 0) return;
    const after: Record<string, string | null> = {};
    for (const thread of loaded) {
      const conversationId = thread.conversation?.id ?? thread.messages[0]?.conversationId;
      if (conversationId) after[conversationId] = lastMessageId(thread);
    }
    const since = serverClock.current
      ? new Date(new Date(serverClock.current).getTime() - CLOCK_MARGIN_MS).toISOString()
      : undefined;
    for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
      const ack = await emitWithAck(
        socket,
        'dm_sync',
        { after, ...(since ? { changedSince: since } : {}) },
        15_000,
      );
      const parsed = ZDmSyncResponse.safeParse(ack);
      if (!parsed.success) return;
      const { messages, changed, removed, hasMore, syncedAt } = parsed.data;
      store(changed, true);
      store(messages);
      markDelivered(messages);
      if (removed.length > 0) {
        const ids = new Set(removed);
        for (const thread of Object.values(threadsRef.current ?? {}))
          dispatch({ type: 'remove', userId: thread.otherUserId, ids });
      }
      for (const message of messages) after[message.conversationId] = message.id;
      observe(syncedAt);
      if (!hasMore) break;
    }
    bumpList();
  };

  // `authenticated` follows every (re)connect once the server has bound this socket to the user, so
  // events from here on reach us: catch up on what happened before.
  useServerEvent('authenticated', () => {
    onSession();
    void syncRef.current().catch(() => {});
  });
}

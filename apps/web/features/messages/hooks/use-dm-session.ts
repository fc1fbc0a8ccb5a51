'use client';

import { type TDirectMessage, ZDmSyncResponse } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { type RefObject, useRef } from 'react';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useLiveCache } from '@/lib/query/query-provider';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { messageHref, nameOf } from '@/lib/utils';
import { playMessageChime, showDesktopNotification } from '../alerts';
import { changeEveryThread, messagesKeys, refreshConversations, storeMessages } from '../queries';
import { lastMessageId, type Thread } from '../thread-store';

interface Options {
  me: string | null;
  viewingRef: RefObject<string | null>;
  soundOn: boolean;
  /** Runs after each (re)authentication: re-announce the open conversation. */
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
 * The socket side of messaging that is not cache state: incoming messages are acknowledged as
 * delivered and announced (chime, desktop notification), and after each (re)connect the open
 * conversations ask the server for everything after their last message (`dm_sync`). Refetching the
 * newest page would leave a gap when more than a page arrived while offline; the sync never does.
 */
export function useDmSession({ me, viewingRef, soundOn, onSession }: Options) {
  const { socket } = useSocket();
  const live = useLiveCache();
  const router = useRouter();
  const deliveredQueue = useRef(new Set<string>());
  /** The last sync's server time: changes before it are already here. */
  const syncedAt = useRef<string | null>(null);
  const soundRef = useRef(soundOn);
  soundRef.current = soundOn;

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

  useServerEvent('dm_receive', (payload) => {
    if (!me) return;
    const { messageId: _id, from, message: _text, timestamp: _at, ...message } = payload;
    markDelivered([message]);
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
  useServerEvent('dm_request_received', ({ message }) => {
    if (me) markDelivered([message]);
  });

  const sync = async () => {
    if (!me || !socket) return;
    const loaded = live.client
      .getQueriesData<Thread>({ queryKey: messagesKeys.threads() })
      .flatMap(([, thread]) => (thread?.loaded ? [thread] : []));
    if (loaded.length === 0) return;
    const after: Record<string, string | null> = {};
    let clock = syncedAt.current;
    for (const thread of loaded) {
      const conversationId = thread.conversation?.id ?? thread.messages[0]?.conversationId;
      if (conversationId) after[conversationId] = lastMessageId(thread);
      for (const message of thread.messages) {
        const time = newestTime(message);
        if (!clock || time > clock) clock = time;
      }
    }
    const since = clock ? new Date(new Date(clock).getTime() - CLOCK_MARGIN_MS).toISOString() : undefined;
    for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
      const ack = await emitWithAck(
        socket,
        'dm_sync',
        { after, ...(since ? { changedSince: since } : {}) },
        15_000,
      );
      const parsed = ZDmSyncResponse.safeParse(ack);
      if (!parsed.success) return;
      const { messages, changed, removed, hasMore } = parsed.data;
      // The changed list reaches below loaded pages: only refresh messages already here.
      storeMessages(live, changed, true);
      storeMessages(live, messages);
      markDelivered(messages);
      if (removed.length > 0) changeEveryThread(live, { type: 'remove', ids: new Set(removed) });
      for (const message of messages) after[message.conversationId] = message.id;
      if (!syncedAt.current || parsed.data.syncedAt > syncedAt.current)
        syncedAt.current = parsed.data.syncedAt;
      if (!hasMore) break;
    }
    refreshConversations(live);
  };
  const syncRef = useRef(sync);
  syncRef.current = sync;

  // `authenticated` follows every (re)connect once the server has bound this socket to the user, so
  // events from here on reach us: catch up on what happened before.
  useServerEvent('authenticated', () => {
    // Exact counts: events may have been missed while disconnected.
    void live.client.invalidateQueries({ queryKey: messagesKeys.unread() });
    onSession();
    void syncRef.current().catch(() => {});
  });
}

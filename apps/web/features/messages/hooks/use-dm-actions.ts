'use client';

import {
  type TAttachment,
  type TDirectMessage,
  type TSendDm,
  ZDmConversationResponse,
  ZDmMessageResponse,
  ZSendDmResponse,
} from '@guftagu/contracts';
import { type Dispatch, type RefObject, type SetStateAction, useCallback, useMemo } from 'react';
import { messagingErrorMessage, useMessagesApi } from '@/features/messages/messages-api';
import {
  asTombstone,
  emptyThread,
  type PendingMessage,
  toggleMyReaction,
} from '@/features/messages/thread-store';
import type { ThreadAction, Threads } from '@/features/messages/threads-reducer';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';

interface Options {
  me: string | null;
  threadsRef: RefObject<Threads>;
  dispatch: Dispatch<ThreadAction>;
  viewingRef: RefObject<string | null>;
  unreadByUser: Readonly<Record<string, number>>;
  setUnreadByUser: Dispatch<SetStateAction<Readonly<Record<string, number>>>>;
  setUnreadTotal: Dispatch<SetStateAction<number>>;
}

function snippetOf(message: TDirectMessage): string {
  return message.content.slice(0, 200);
}

/**
 * What the chat page can do. Sends are optimistic with a client nonce: the bubble shows at once, is
 * replaced by the stored message (matched by nonce), and a failed send keeps its nonce so "Retry" can
 * never store it twice. Socket first; REST when the socket is down.
 */
export function useDmActions({
  me,
  threadsRef,
  dispatch,
  viewingRef,
  unreadByUser,
  setUnreadByUser,
  setUnreadTotal,
}: Options) {
  const { socket } = useSocket();
  const api = useMessagesApi();

  const thread = useCallback(
    (userId: string) => threadsRef.current?.[userId] ?? emptyThread(userId),
    [threadsRef],
  );

  const deliver = useCallback(
    async (userId: string, pending: PendingMessage) => {
      const body: TSendDm = {
        to: pending.to,
        nonce: pending.nonce,
        ...(pending.content ? { message: pending.content } : {}),
        ...(pending.replyToId ? { replyTo: pending.replyToId } : {}),
        ...(pending.attachments.length > 0
          ? { attachmentIds: pending.attachments.map((item) => item.id) }
          : {}),
      };
      try {
        const result = socket?.connected
          ? ZSendDmResponse.parse(await emitWithAck(socket, 'dm_send', body, 12_000))
          : await api.send(body);
        dispatch({ type: 'upsert', userId, messages: [result.message] });
        // A first message creates the conversation (maybe as a request): fetch it for the header/banner.
        if (!thread(userId).conversation) {
          void api.listMessages(userId).then(
            (page) => dispatch({ type: 'page', userId, page, older: false }),
            () => {},
          );
        }
      } catch (error) {
        dispatch({
          type: 'pending_set',
          userId,
          nonce: pending.nonce,
          state: 'failed',
          error: messagingErrorMessage(error),
        });
      }
    },
    [api, dispatch, socket, thread],
  );

  const send = useCallback(
    (userId: string, text: string, attachments: TAttachment[], replyTo: TDirectMessage | null) => {
      const pending: PendingMessage = {
        nonce: crypto.randomUUID(),
        to: userId,
        content: text,
        attachments,
        replyToId: replyTo?.id ?? null,
        replyTo: replyTo
          ? {
              id: replyTo.id,
              senderId: replyTo.senderId,
              content: snippetOf(replyTo),
              messageType: replyTo.messageType,
              deleted: replyTo.deletedForEveryone,
            }
          : null,
        createdAt: new Date().toISOString(),
        state: 'sending',
        error: null,
      };
      dispatch({ type: 'pending_add', userId, pending });
      void deliver(userId, pending);
    },
    [deliver, dispatch],
  );

  const retry = useCallback(
    (userId: string, nonce: string) => {
      const pending = thread(userId).pending.find((item) => item.nonce === nonce);
      if (!pending) return;
      dispatch({ type: 'pending_set', userId, nonce, state: 'sending', error: null });
      void deliver(userId, pending);
    },
    [deliver, dispatch, thread],
  );

  const discard = useCallback(
    (userId: string, nonce: string) => dispatch({ type: 'pending_drop', userId, nonce }),
    [dispatch],
  );

  const loadThread = useCallback(
    async (userId: string, signal?: AbortSignal) => {
      const page = await api.listMessages(userId, undefined, signal);
      dispatch({ type: 'page', userId, page, older: false });
      return page;
    },
    [api, dispatch],
  );

  const loadOlder = useCallback(
    async (userId: string) => {
      const cursor = thread(userId).olderCursor;
      if (!cursor) return;
      const page = await api.listMessages(userId, cursor);
      dispatch({ type: 'page', userId, page, older: true });
    },
    [api, dispatch, thread],
  );

  const edit = useCallback(
    async (userId: string, messageId: string, text: string) => {
      const before = thread(userId).messages.find((message) => message.id === messageId);
      const ids = new Set([messageId]);
      dispatch({
        type: 'patch',
        userId,
        ids,
        patch: (m) => ({ ...m, content: text, editedAt: new Date().toISOString() }),
      });
      try {
        const ack = await emitWithAck(socket, 'dm_edit', { messageId, message: text });
        const parsed = ZDmMessageResponse.safeParse(ack);
        if (parsed.success) dispatch({ type: 'upsert', userId, messages: [parsed.data.message] });
      } catch (error) {
        if (before) dispatch({ type: 'patch', userId, ids, patch: () => before });
        throw error;
      }
    },
    [dispatch, socket, thread],
  );

  const remove = useCallback(
    async (userId: string, messageId: string, scope: 'everyone' | 'me') => {
      const before = thread(userId).messages.find((message) => message.id === messageId);
      const ids = new Set([messageId]);
      dispatch(
        scope === 'me'
          ? { type: 'remove', userId, ids }
          : { type: 'patch', userId, ids, patch: asTombstone(new Date().toISOString()) },
      );
      try {
        await emitWithAck(socket, 'dm_delete', { messageId, scope });
      } catch (error) {
        if (before) {
          dispatch(
            scope === 'me'
              ? { type: 'upsert', userId, messages: [before] }
              : { type: 'patch', userId, ids, patch: () => before },
          );
        }
        throw error;
      }
    },
    [dispatch, socket, thread],
  );

  const react = useCallback(
    async (userId: string, messageId: string, emoji: string) => {
      if (!me) return;
      const before = thread(userId).messages.find((message) => message.id === messageId);
      if (!before) return;
      const mine = before.reactions.some((reaction) => reaction.emoji === emoji && reaction.mine);
      const ids = new Set([messageId]);
      dispatch({
        type: 'patch',
        userId,
        ids,
        patch: (m) => ({ ...m, reactions: toggleMyReaction(m.reactions, emoji, me) }),
      });
      try {
        await emitWithAck(socket, mine ? 'dm_unreact' : 'dm_react', { messageId, emoji });
      } catch (error) {
        dispatch({ type: 'patch', userId, ids, patch: (m) => ({ ...m, reactions: before.reactions }) });
        throw error;
      }
    },
    [dispatch, me, socket, thread],
  );

  /** Marks everything from `userId` read, only when something is unread (so scrolling never spams). */
  const markRead = useCallback(
    (userId: string) => {
      const unreadHere = thread(userId).messages.some(
        (message) => message.senderId === userId && !message.readAt,
      );
      if (!unreadHere && !(unreadByUser[userId] ?? 0)) return;
      const now = new Date().toISOString();
      const ids = new Set(
        thread(userId)
          .messages.filter((m) => m.senderId === userId && !m.readAt)
          .map((m) => m.id),
      );
      dispatch({ type: 'patch', userId, ids, patch: (m) => ({ ...m, readAt: now }) });
      // Optimistic: the badges drop now; the server's `dm_unread_update` confirms the exact numbers.
      const known = unreadByUser[userId] ?? 0;
      if (known > 0) setUnreadTotal((total) => Math.max(0, total - known));
      setUnreadByUser((current) => ({ ...current, [userId]: 0 }));
      const request = socket?.connected
        ? emitWithAck(socket, 'dm_mark_read', { fromUserId: userId })
        : api.markReadFrom(userId);
      void request.catch(() => {});
    },
    [api, dispatch, setUnreadByUser, setUnreadTotal, socket, thread, unreadByUser],
  );

  const announceViewing = useCallback(() => {
    const userId =
      typeof document !== 'undefined' && document.visibilityState === 'visible' ? viewingRef.current : null;
    if (socket?.connected) void emitWithAck(socket, 'dm_viewing', { userId }).catch(() => {});
  }, [socket, viewingRef]);

  const setViewing = useCallback(
    (userId: string | null) => {
      viewingRef.current = userId;
      announceViewing();
    },
    [announceViewing, viewingRef],
  );

  const typing = useCallback(
    (to: string, active: boolean) => {
      if (socket?.connected)
        void emitWithAck(socket, active ? 'dm_typing_start' : 'dm_typing_stop', { to }).catch(() => {});
    },
    [socket],
  );

  const answerRequest = useCallback(
    async (userId: string, answer: 'accept' | 'reject') => {
      const ack = await emitWithAck(socket, answer === 'accept' ? 'dm_request_accept' : 'dm_request_reject', {
        userId,
      });
      const parsed = ZDmConversationResponse.safeParse(ack);
      if (parsed.success) dispatch({ type: 'conversation', userId, conversation: parsed.data.conversation });
      await loadThread(userId).catch(() => {});
    },
    [dispatch, loadThread, socket],
  );

  return useMemo(
    () => ({
      send,
      retry,
      discard,
      loadThread,
      loadOlder,
      edit,
      remove,
      react,
      markRead,
      setViewing,
      announceViewing,
      typing,
      answerRequest,
    }),
    [
      send,
      retry,
      discard,
      loadThread,
      loadOlder,
      edit,
      remove,
      react,
      markRead,
      setViewing,
      announceViewing,
      typing,
      answerRequest,
    ],
  );
}

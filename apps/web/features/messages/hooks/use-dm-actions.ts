'use client';

import {
  type TAttachment,
  type TDirectMessage,
  type TSendDm,
  ZDmConversationResponse,
  ZDmMessageResponse,
  ZSendDmResponse,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { useLiveCache } from '@/lib/query/query-provider';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { messagingErrorMessage, useMessagesApi } from '../messages-api';
import { changeThread, type DmUnread, messagesKeys, refreshConversations } from '../queries';
import {
  asTombstone,
  emptyThread,
  type PendingMessage,
  type Thread,
  toggleMyReaction,
} from '../thread-store';
import { useDmMe } from './use-dm-queries';

function pendingFor(
  userId: string,
  text: string,
  attachments: TAttachment[],
  replyTo: TDirectMessage | null,
) {
  return {
    nonce: crypto.randomUUID(),
    to: userId,
    content: text,
    attachments,
    replyToId: replyTo?.id ?? null,
    replyTo: replyTo
      ? {
          id: replyTo.id,
          senderId: replyTo.senderId,
          content: replyTo.content.slice(0, 200),
          messageType: replyTo.messageType,
          deleted: replyTo.deletedForEveryone,
        }
      : null,
    createdAt: new Date().toISOString(),
    state: 'sending',
    error: null,
  } satisfies PendingMessage;
}

/**
 * What the chat page can do, each change applied to the cached thread first. Sends are optimistic with
 * a client nonce: the bubble shows at once, is replaced by the stored message (matched by nonce), and a
 * failed send keeps its nonce so "Retry" can never store it twice. Socket first; REST when it is down.
 */
export function useDmActions() {
  const me = useDmMe();
  const { socket } = useSocket();
  const api = useMessagesApi();
  const live = useLiveCache();

  return useMemo(() => {
    const thread = (userId: string) =>
      live.client.getQueryData<Thread>(messagesKeys.thread(userId)) ?? emptyThread(userId);
    const restore = (userId: string, before: TDirectMessage) =>
      changeThread(live, userId, { type: 'patch', ids: new Set([before.id]), patch: () => before });

    const deliver = async (userId: string, pending: PendingMessage) => {
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
        changeThread(live, userId, { type: 'upsert', messages: [result.message] });
        // A first message creates the conversation (maybe as a request): fetch it for the header/banner.
        if (!thread(userId).conversation) {
          void live.client.invalidateQueries({ queryKey: messagesKeys.thread(userId) });
        }
      } catch (error) {
        changeThread(live, userId, {
          type: 'pending_set',
          nonce: pending.nonce,
          state: 'failed',
          error: messagingErrorMessage(error),
        });
      }
    };

    /** Marks everything from `userId` read, only when something is unread (so scrolling never spams). */
    const markRead = (userId: string) => {
      const unreadIds = thread(userId)
        .messages.filter((m) => m.senderId === userId && !m.readAt)
        .map((m) => m.id);
      const known = live.client.getQueryData<DmUnread>(messagesKeys.unread())?.byUser[userId] ?? 0;
      if (unreadIds.length === 0 && known === 0) return;
      const now = new Date().toISOString();
      changeThread(live, userId, {
        type: 'patch',
        ids: new Set(unreadIds),
        patch: (m) => ({ ...m, readAt: m.readAt ?? now }),
      });
      // Optimistic: the badges drop now; the server's `dm_unread_update` confirms the exact numbers.
      live.apply(messagesKeys.unread(), (unread: DmUnread) => ({
        total: Math.max(0, unread.total - (unread.byUser[userId] ?? 0)),
        byUser: { ...unread.byUser, [userId]: 0 },
      }));
      const request = socket?.connected
        ? emitWithAck(socket, 'dm_mark_read', { fromUserId: userId })
        : api.markReadFrom(userId);
      void request.catch(() => {});
    };

    return {
      send(userId: string, text: string, attachments: TAttachment[], replyTo: TDirectMessage | null) {
        const pending = pendingFor(userId, text, attachments, replyTo);
        changeThread(live, userId, { type: 'pending_add', pending });
        void deliver(userId, pending);
      },
      retry(userId: string, nonce: string) {
        const pending = thread(userId).pending.find((item) => item.nonce === nonce);
        if (!pending) return;
        changeThread(live, userId, { type: 'pending_set', nonce, state: 'sending', error: null });
        void deliver(userId, pending);
      },
      discard(userId: string, nonce: string) {
        changeThread(live, userId, { type: 'pending_drop', nonce });
      },
      async edit(userId: string, messageId: string, text: string) {
        const before = thread(userId).messages.find((message) => message.id === messageId);
        const editedAt = new Date().toISOString();
        const ids = new Set([messageId]);
        changeThread(live, userId, { type: 'patch', ids, patch: (m) => ({ ...m, content: text, editedAt }) });
        try {
          const parsed = ZDmMessageResponse.safeParse(
            await emitWithAck(socket, 'dm_edit', { messageId, message: text }),
          );
          if (parsed.success) changeThread(live, userId, { type: 'upsert', messages: [parsed.data.message] });
        } catch (error) {
          if (before) restore(userId, before);
          throw error;
        }
      },
      async remove(userId: string, messageId: string, scope: 'everyone' | 'me') {
        const before = thread(userId).messages.find((message) => message.id === messageId);
        const ids = new Set([messageId]);
        const at = new Date().toISOString();
        changeThread(
          live,
          userId,
          scope === 'me' ? { type: 'remove', ids } : { type: 'patch', ids, patch: asTombstone(at) },
        );
        try {
          await emitWithAck(socket, 'dm_delete', { messageId, scope });
        } catch (error) {
          if (before && scope === 'me') changeThread(live, userId, { type: 'upsert', messages: [before] });
          else if (before) restore(userId, before);
          throw error;
        }
      },
      async react(userId: string, messageId: string, emoji: string) {
        if (!me) return;
        const before = thread(userId).messages.find((message) => message.id === messageId);
        if (!before) return;
        const mine = before.reactions.some((reaction) => reaction.emoji === emoji && reaction.mine);
        const ids = new Set([messageId]);
        // Sets my reaction to the wanted state rather than toggling, so applying it twice is harmless.
        const hasMine = (m: TDirectMessage) => m.reactions.some((r) => r.emoji === emoji && r.mine);
        changeThread(live, userId, {
          type: 'patch',
          ids,
          patch: (m) =>
            hasMine(m) !== mine ? m : { ...m, reactions: toggleMyReaction(m.reactions, emoji, me) },
        });
        try {
          await emitWithAck(socket, mine ? 'dm_unreact' : 'dm_react', { messageId, emoji });
        } catch (error) {
          changeThread(live, userId, {
            type: 'patch',
            ids,
            patch: (m) => ({ ...m, reactions: before.reactions }),
          });
          throw error;
        }
      },
      markRead,
      typing(to: string, active: boolean) {
        if (socket?.connected)
          void emitWithAck(socket, active ? 'dm_typing_start' : 'dm_typing_stop', { to }).catch(() => {});
      },
      async answerRequest(userId: string, answer: 'accept' | 'reject') {
        const ack = await emitWithAck(
          socket,
          answer === 'accept' ? 'dm_request_accept' : 'dm_request_reject',
          {
            userId,
          },
        );
        const parsed = ZDmConversationResponse.safeParse(ack);
        if (parsed.success) {
          changeThread(live, userId, { type: 'conversation', conversation: parsed.data.conversation });
        }
        await live.client.invalidateQueries({ queryKey: messagesKeys.thread(userId) }).catch(() => {});
        refreshConversations(live);
      },
      async setArchived(userId: string, archived: boolean) {
        const { conversation } = await api.setArchived(userId, archived);
        changeThread(live, userId, { type: 'conversation', conversation });
        refreshConversations(live);
      },
      async markAllRead(userIds: readonly string[]) {
        await api.markAllRead();
        for (const userId of userIds) markRead(userId);
        await live.client.invalidateQueries({ queryKey: messagesKeys.conversations() });
      },
    };
  }, [api, live, me, socket]);
}

export type DmActions = ReturnType<typeof useDmActions>;

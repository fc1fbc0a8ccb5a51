'use client';

import {
  type TAttachment,
  type TChannelMessage,
  type TSendChannelMessage,
  ZChannelMessageResponse,
  ZChannelReadResponse,
  ZSendChannelMessageResponse,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { errorMessage, isApiError } from '@/lib/api';
import { useLiveCache } from '@/lib/query/query-provider';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { type ChannelLog, emptyLog, type PendingChannelMessage, toggleMine } from '../channel-log';
import { useChannelMessagesApi } from '../channel-messages-api';
import { changeLog, channelKeys, readStateSet } from '../message-queries';
import { useMe } from './use-servers';

/** A sentence for a failed channel action, kinder than the raw code where we know better. */
export function channelErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    switch (error.code) {
      case 'NETWORK_ERROR':
        return 'You’re offline. Retry when you’re back.';
      case 'RATE_LIMITED':
        return 'Slow mode is on, or you’re sending too quickly. Wait a moment.';
      case 'FORBIDDEN':
        return 'You don’t have permission to do that here.';
      default:
        return error.message;
    }
  }
  return errorMessage(error);
}

/**
 * What the channel screen can do. Sends are optimistic with a client nonce (the bubble shows at once
 * and is replaced by the stored message carrying the same nonce; "Retry" reuses it, so a message is
 * never stored twice). Socket first, REST when the socket is down.
 */
export function useChannelActions(serverId: string, channelId: string) {
  const me = useMe();
  const { socket } = useSocket();
  const api = useChannelMessagesApi();
  const live = useLiveCache();

  return useMemo(() => {
    const log = () => live.client.getQueryData<ChannelLog>(channelKeys.log(channelId)) ?? emptyLog(channelId);

    const deliver = async (pending: PendingChannelMessage) => {
      const body: TSendChannelMessage = {
        nonce: pending.nonce,
        ...(pending.content ? { content: pending.content } : {}),
        ...(pending.replyToId ? { replyTo: pending.replyToId } : {}),
        ...(pending.attachments.length > 0
          ? { attachmentIds: pending.attachments.map((item) => item.id) }
          : {}),
      };
      try {
        const result = socket?.connected
          ? ZSendChannelMessageResponse.parse(
              await emitWithAck(socket, 'send_message', { ...body, channelId }, 12_000),
            )
          : await api.send(channelId, body);
        changeLog(live, channelId, {
          type: 'upsert',
          messages: [{ ...result.message, nonce: pending.nonce }],
        });
      } catch (error) {
        changeLog(live, channelId, {
          type: 'pending_set',
          nonce: pending.nonce,
          state: 'failed',
          error: channelErrorMessage(error),
        });
      }
    };

    return {
      send(text: string, attachments: TAttachment[], replyTo: TChannelMessage | null) {
        const pending: PendingChannelMessage = {
          nonce: crypto.randomUUID(),
          content: text,
          attachments,
          replyToId: replyTo?.id ?? null,
          createdAt: new Date().toISOString(),
          state: 'sending',
          error: null,
        };
        changeLog(live, channelId, { type: 'pending_add', pending });
        void deliver(pending);
      },
      retry(nonce: string) {
        const pending = log().pending.find((item) => item.nonce === nonce);
        if (!pending) return;
        changeLog(live, channelId, { type: 'pending_set', nonce, state: 'sending', error: null });
        void deliver(pending);
      },
      discard(nonce: string) {
        changeLog(live, channelId, { type: 'pending_drop', nonce });
      },
      async edit(messageId: string, text: string) {
        const before = log().messages.find((message) => message.id === messageId);
        const editedAt = new Date().toISOString();
        changeLog(live, channelId, { type: 'edited', messageId, content: text, editedAt });
        try {
          const answer = socket?.connected
            ? await emitWithAck(socket, 'edit_message', { messageId, newContent: text })
            : await api.edit(channelId, messageId, text);
          const parsed = ZChannelMessageResponse.safeParse(answer);
          if (parsed.success) changeLog(live, channelId, { type: 'upsert', messages: [parsed.data.message] });
        } catch (error) {
          if (before) changeLog(live, channelId, { type: 'upsert', messages: [before] });
          throw error;
        }
      },
      async remove(messageId: string) {
        const before = log().messages.find((message) => message.id === messageId);
        changeLog(live, channelId, { type: 'deleted', messageIds: [messageId] });
        try {
          if (socket?.connected) await emitWithAck(socket, 'delete_message', { messageId });
          else await api.remove(channelId, messageId);
        } catch (error) {
          if (before) changeLog(live, channelId, { type: 'upsert', messages: [before] });
          throw error;
        }
      },
      async react(messageId: string, emoji: string) {
        if (!me) return;
        const message = log().messages.find((item) => item.id === messageId);
        if (!message) return;
        const mine = message.reactions.some(
          (reaction) => reaction.emoji === emoji && (reaction.mine || reaction.userIds.includes(me)),
        );
        changeLog(live, channelId, {
          type: 'reactions',
          messageId,
          reactions: toggleMine(message.reactions, emoji, me),
        });
        try {
          const answer = await emitWithAck(socket, mine ? 'remove_reaction' : 'add_reaction', {
            messageId,
            emoji,
          });
          // The answer is built for me (its `mine` flags are mine): it settles the optimistic toggle.
          const parsed = ZChannelMessageResponse.safeParse(answer);
          if (parsed.success) {
            changeLog(live, channelId, {
              type: 'reactions',
              messageId,
              reactions: parsed.data.message.reactions,
            });
          }
        } catch (error) {
          changeLog(live, channelId, { type: 'reactions', messageId, reactions: message.reactions });
          throw error;
        }
      },
      /** Pins or unpins (Manage Messages); the broadcast settles every tab, this one shows it at once. */
      async setPinned(messageId: string, pinned: boolean) {
        changeLog(live, channelId, { type: 'pinned', messageId, pinned });
        try {
          if (socket?.connected)
            await emitWithAck(socket, pinned ? 'pin_message' : 'unpin_message', { messageId });
          else await api.setPinned(channelId, messageId, pinned);
        } catch (error) {
          changeLog(live, channelId, { type: 'pinned', messageId, pinned: !pinned });
          throw error;
        }
      },
      /** Moves my read position to `messageId`; the answer carries the channel's exact counts. */
      markRead(messageId: string) {
        const request = socket?.connected
          ? emitWithAck(socket, 'mark_channel_read', { channelId, messageId }).then((answer) =>
              ZChannelReadResponse.safeParse(answer),
            )
          : api.markRead(channelId, messageId).then((answer) => ({ success: true as const, data: answer }));
        void request
          .then((parsed) => {
            if (parsed.success) live.apply(channelKeys.unread(serverId), readStateSet(parsed.data.state));
          })
          .catch(() => {});
      },
      typing(active: boolean) {
        if (socket?.connected)
          void emitWithAck(socket, active ? 'typing' : 'stop_typing', { channelId }).catch(() => {});
      },
      /** Tells the server which channel this socket is looking at (typing and "seen" state only). */
      view(active: boolean) {
        if (socket?.connected)
          void emitWithAck(socket, active ? 'join_channel' : 'leave_channel', channelId).catch(() => {});
      },
    };
  }, [api, live, socket, me, channelId, serverId]);
}

export type ChannelActions = ReturnType<typeof useChannelActions>;

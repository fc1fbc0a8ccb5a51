import type { TConversation } from '@guftagu/contracts';
// Relative, not `@/`: the unit suite loads this file without the app's path alias.
import { onServerEvent } from '@/lib/query/cache-event';
import {
  changeConversationsWith,
  changeEveryThread,
  changeThread,
  type DmUnread,
  messagesKeys,
  refreshConversations,
  storeMessages,
} from './queries';
import { asTombstone, withReactions, withStatus } from './thread-store';

/**
 * How direct-message events change the cached conversations, lists and unread counts. Side effects
 * that are not cache state (delivery receipts, the chime, desktop notifications, typing) live in
 * hooks/use-dm-session.ts and messages-context.tsx.
 */
export const messagesCacheEvents = [
  onServerEvent('dm_receive', (payload, live) => {
    const { messageId: _id, from: _from, message: _text, timestamp: _at, ...message } = payload;
    storeMessages(live, [message]);
    refreshConversations(live);
  }),
  onServerEvent('dm_request_received', ({ message }, live) => {
    storeMessages(live, [message]);
    refreshConversations(live);
  }),
  onServerEvent('dm_delivered', ({ messageIds, deliveredAt }, live) =>
    changeEveryThread(live, {
      type: 'patch',
      ids: new Set(messageIds),
      patch: withStatus('delivered', deliveredAt),
    }),
  ),
  // Sent to the sender (ticks turn blue) and to the reader's other tabs (no longer unread there): in
  // both cases the reader is the messages' recipient.
  onServerEvent('dm_read', ({ messageIds, readAt, readBy }, live) => {
    const read = withStatus('read', readAt);
    changeEveryThread(live, {
      type: 'patch',
      ids: new Set(messageIds),
      patch: (message) => (message.recipientId === readBy ? read(message) : message),
    });
  }),
  onServerEvent('dm_edited', ({ message }, live) => {
    storeMessages(live, [message], true);
    refreshConversations(live);
  }),
  onServerEvent('dm_deleted', ({ messageId, scope, timestamp }, live) => {
    const ids = new Set([messageId]);
    changeEveryThread(
      live,
      scope === 'me' ? { type: 'remove', ids } : { type: 'patch', ids, patch: asTombstone(timestamp) },
    );
    refreshConversations(live);
  }),
  onServerEvent('dm_reaction_updated', ({ messageId, reactions }, live) =>
    changeEveryThread(live, { type: 'patch', ids: new Set([messageId]), patch: withReactions(reactions) }),
  ),
  onServerEvent('dm_unread_update', ({ total, byUser }, live) =>
    live.apply(messagesKeys.unread(), (unread: DmUnread) => ({
      total,
      byUser: byUser ? { ...unread.byUser, ...byUser } : unread.byUser,
    })),
  ),
  onServerEvent('dm_conversation_updated', ({ conversation }, live) => {
    changeThread(live, conversation.otherUser.userId, { type: 'conversation', conversation });
    refreshConversations(live);
  }),
  // The other side answered my request: the open chat's banner and composer follow at once.
  onServerEvent('dm_request_accepted', ({ by }, live) => {
    changeThread(live, by.userId, {
      type: 'conversation_patch',
      change: { requestState: 'none', canSend: true },
    });
    refreshConversations(live);
  }),
  onServerEvent('dm_request_rejected', ({ by }, live) => {
    changeThread(live, by.userId, {
      type: 'conversation_patch',
      change: { requestState: 'rejected', canSend: false },
    });
    refreshConversations(live);
  }),
  // Blocked: no more sending from here (the server refuses anyway; this says so before trying).
  onServerEvent('blocked_by_user', ({ by }, live) => {
    changeThread(live, by.userId, { type: 'conversation_patch', change: { canSend: false } });
    refreshConversations(live);
  }),
  onServerEvent('unfriended', (_payload, live) => refreshConversations(live)),
  // Online dots in the chat header and the list follow presence without refetching.
  onServerEvent('friend_online', ({ friendId, status, lastActive }, live) => {
    const change = { isOnline: true, status, lastActive };
    changeThread(live, friendId, { type: 'other_user', change });
    changeConversationsWith(live, friendId, (item) => withOtherUser(item, change));
  }),
  onServerEvent('friend_offline', ({ friendId, lastActive }, live) => {
    const change = { isOnline: false, status: 'offline' as const, lastActive };
    changeThread(live, friendId, { type: 'other_user', change });
    changeConversationsWith(live, friendId, (item) => withOtherUser(item, change));
  }),
];

function withOtherUser(
  conversation: TConversation,
  change: Partial<TConversation['otherUser']>,
): TConversation {
  return { ...conversation, otherUser: { ...conversation.otherUser, ...change } };
}

import type { TConversation, TDirectMessage } from '@guftagu/contracts';
import type { LiveCache } from '@/lib/query/live-cache';
import type { ConversationView } from './messages-api';
import type { Thread } from './thread-store';
import { type ThreadChange, threadReducer } from './threads-reducer';

/** Unread direct messages: the header badge total and the count per other person. */
export interface DmUnread {
  total: number;
  byUser: Readonly<Record<string, number>>;
}

export const NO_UNREAD: DmUnread = { total: 0, byUser: {} };

/**
 * Query keys for direct messages. A thread entry holds the whole open conversation (pages merged into
 * one ordered list plus this tab's pending sends), because the merge rules in threads-reducer.ts decide
 * how pages and live events combine without gaps.
 */
export const messagesKeys = {
  all: ['messages'] as const,
  conversations: () => [...messagesKeys.all, 'conversations'] as const,
  conversationList: (view: ConversationView, q: string) =>
    [...messagesKeys.conversations(), view, q] as const,
  threads: () => [...messagesKeys.all, 'thread'] as const,
  thread: (userId: string) => [...messagesKeys.threads(), userId] as const,
  unread: () => [...messagesKeys.all, 'unread'] as const,
  search: (q: string) => [...messagesKeys.all, 'search', q] as const,
};

/** Applies one change to the open conversation with `userId`, if this tab has it. */
export function changeThread(live: LiveCache, userId: string, change: ThreadChange): void {
  live.apply(messagesKeys.thread(userId), (thread: Thread) => threadReducer(thread, change));
}

/** Applies a change that names messages by id to every open conversation: ids are unique, so only the one holding them changes. */
export function changeEveryThread(live: LiveCache, change: ThreadChange): void {
  live.apply(messagesKeys.threads(), (thread: Thread) => threadReducer(thread, change));
}

/**
 * Adds or refreshes stored messages in their conversations. A message belongs to the thread keyed by
 * the other person; the signed-in user never has a thread with themselves, so offering it to both the
 * sender's and the recipient's key reaches exactly the right one without knowing who "me" is.
 */
export function storeMessages(live: LiveCache, messages: readonly TDirectMessage[], knownOnly = false): void {
  const byUser = new Map<string, TDirectMessage[]>();
  for (const message of messages) {
    for (const userId of [message.senderId, message.recipientId]) {
      byUser.set(userId, [...(byUser.get(userId) ?? []), message]);
    }
  }
  for (const [userId, list] of byUser) {
    changeThread(live, userId, { type: knownOnly ? 'refresh' : 'upsert', messages: list });
  }
}

/** Changes one person's row in every loaded conversation list (presence, for example). */
export function changeConversationsWith(
  live: LiveCache,
  userId: string,
  change: (conversation: TConversation) => TConversation,
): void {
  live.apply(messagesKeys.conversations(), (list: TConversation[]) =>
    list.map((item) => (item.otherUser.userId === userId ? change(item) : item)),
  );
}

const refreshTimers = new WeakMap<LiveCache, ReturnType<typeof setTimeout>>();
/** Refetch at most this often while events keep arriving. */
const REFRESH_DEBOUNCE_MS = 250;

/**
 * The conversation lists may be stale (new message, request, archive…): their order and snippets come
 * from the server, so they refetch, once per burst of events.
 */
export function refreshConversations(live: LiveCache): void {
  clearTimeout(refreshTimers.get(live));
  refreshTimers.set(
    live,
    setTimeout(() => {
      refreshTimers.delete(live);
      void live.client.invalidateQueries({ queryKey: messagesKeys.conversations() });
    }, REFRESH_DEBOUNCE_MS),
  );
}

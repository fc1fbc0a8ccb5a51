import type { TConversation, TDirectMessage, TDmOtherUser, TMessagesResponse } from '@guftagu/contracts';
import {
  emptyThread,
  type PendingMessage,
  patchMessages,
  refreshQuotes,
  removeMessages,
  type Thread,
  upsertMessages,
} from './thread-store';

export type Threads = Readonly<Record<string, Thread>>;

export type ThreadAction =
  | { type: 'reset' }
  | { type: 'page'; userId: string; page: TMessagesResponse; older: boolean }
  | { type: 'upsert'; userId: string; messages: TDirectMessage[] }
  /** Newer copies of messages; ones this tab has not loaded are ignored (they would open a gap). */
  | { type: 'refresh'; userId: string; messages: TDirectMessage[] }
  | {
      type: 'patch';
      userId: string;
      ids: ReadonlySet<string>;
      patch: (message: TDirectMessage) => TDirectMessage;
    }
  | { type: 'remove'; userId: string; ids: ReadonlySet<string> }
  | { type: 'pending_add'; userId: string; pending: PendingMessage }
  | {
      type: 'pending_set';
      userId: string;
      nonce: string;
      state: PendingMessage['state'];
      error: string | null;
    }
  | { type: 'pending_drop'; userId: string; nonce: string }
  | { type: 'typing'; userId: string; until: number | null }
  | { type: 'conversation'; userId: string; conversation: TConversation }
  | { type: 'conversation_patch'; userId: string; change: Partial<TConversation> }
  | { type: 'other_user'; userId: string; change: Partial<TDmOtherUser> };

/** A change to one conversation: a `ThreadAction` without the routing. */
export type ThreadChange = ThreadAction extends infer A
  ? A extends { type: 'reset' }
    ? never
    : A extends { userId: string }
      ? Omit<A, 'userId'>
      : never
  : never;

function update(threads: Threads, userId: string, change: (thread: Thread) => Thread): Threads {
  const current = threads[userId] ?? emptyThread(userId);
  const next = change(current);
  return next === current && threads[userId] ? threads : { ...threads, [userId]: next };
}

/**
 * Every change to the open conversations goes through here. A page merges into what live events already
 * delivered (a message can arrive while its page is loading), so nothing received is ever dropped.
 */
export function threadsReducer(threads: Threads, action: ThreadAction): Threads {
  if (action.type === 'reset') return {};
  if ((action.type === 'conversation_patch' || action.type === 'other_user') && !threads[action.userId]) {
    return threads;
  }
  return update(threads, action.userId, (thread) => threadReducer(thread, action));
}

/**
 * One conversation's change. Every case may run twice on the same data (the query cache replays live
 * changes onto a fetch that was in flight), so each one sets state rather than adding to it.
 */
function idsOf(messages: readonly TDirectMessage[]): ReadonlySet<string> {
  return new Set(messages.map((message) => message.id));
}

export function threadReducer(thread: Thread, action: ThreadChange): Thread {
  switch (action.type) {
    case 'page': {
      // Messages that arrived live before the first page and are older than it belong to older
      // pages; keeping them would show a history with holes until those pages load.
      const oldest = action.page.messages.at(-1)?.id;
      const base =
        !thread.loaded && action.page.hasMore && oldest
          ? { ...thread, messages: thread.messages.filter((message) => message.id >= oldest) }
          : thread;
      const merged = upsertMessages(base, action.page.messages);
      return {
        ...merged,
        otherUser: action.page.otherUser,
        conversation: action.page.conversation ?? thread.conversation,
        loaded: true,
        // An initial page (or a refresh) only decides the older cursor when none is known yet.
        olderCursor: action.older || !thread.loaded ? action.page.nextCursor : thread.olderCursor,
        hasOlder: action.older || !thread.loaded ? action.page.hasMore : thread.hasOlder,
      };
    }
    case 'upsert': {
      // A redelivered old message (offline delivery on reconnect) that falls in a page not loaded
      // yet waits for that page, so the history never shows holes.
      const oldestLoaded = thread.loaded && thread.hasOlder ? thread.messages[0]?.id : undefined;
      const fresh = oldestLoaded
        ? action.messages.filter((message) => message.id >= oldestLoaded)
        : action.messages;
      const next = refreshQuotes(upsertMessages(thread, fresh), idsOf(fresh));
      // A message from the other person ends their typing indicator.
      const fromThem = fresh.some((message) => message.senderId === thread.otherUserId);
      return fromThem && next.typingUntil !== null ? { ...next, typingUntil: null } : next;
    }
    case 'refresh': {
      const known = new Set(thread.messages.map((message) => message.id));
      const fresh = action.messages.filter((message) => known.has(message.id));
      return refreshQuotes(upsertMessages(thread, fresh), idsOf(fresh));
    }
    case 'patch':
      return refreshQuotes(patchMessages(thread, action.ids, action.patch), action.ids);
    case 'remove':
      return removeMessages(thread, action.ids);
    case 'pending_add':
      return {
        ...thread,
        pending: [...thread.pending.filter((item) => item.nonce !== action.pending.nonce), action.pending],
      };
    case 'pending_set':
      return {
        ...thread,
        pending: thread.pending.map((item) =>
          item.nonce === action.nonce ? { ...item, state: action.state, error: action.error } : item,
        ),
      };
    case 'pending_drop':
      return {
        ...thread,
        pending: thread.pending.filter((item) => item.nonce !== action.nonce),
      };
    case 'typing':
      return thread.typingUntil === action.until ? thread : { ...thread, typingUntil: action.until };
    case 'conversation':
      return { ...thread, conversation: action.conversation, otherUser: action.conversation.otherUser };
    case 'conversation_patch':
      return thread.conversation
        ? { ...thread, conversation: { ...thread.conversation, ...action.change } }
        : thread;
    case 'other_user':
      return thread.otherUser ? { ...thread, otherUser: { ...thread.otherUser, ...action.change } } : thread;
  }
}

import type {
  TAttachment,
  TConversation,
  TDirectMessage,
  TDmOtherUser,
  TDmReaction,
  TDmReplyPreview,
  TDmStatus,
} from '@guftagu/contracts';

/**
 * The client's copy of each open conversation, as pure functions over plain data so the merge rules
 * (no gaps, no duplicates, ordered, the freshest state wins) are easy to read and to test.
 */

/** A message this tab is sending or failed to send; replaced by the stored one with the same nonce. */
export interface PendingMessage {
  nonce: string;
  to: string;
  content: string;
  attachments: TAttachment[];
  replyTo: TDmReplyPreview | null;
  replyToId: string | null;
  createdAt: string;
  state: 'sending' | 'failed';
  error: string | null;
}

export interface Thread {
  otherUserId: string;
  otherUser: TDmOtherUser | null;
  conversation: TConversation | null;
  /** Stored messages, oldest first, unique by id. */
  messages: TDirectMessage[];
  pending: PendingMessage[];
  /** Cursor for the next older page; null when the oldest message is loaded. */
  olderCursor: string | null;
  hasOlder: boolean;
  loaded: boolean;
  /** When the other person's typing indicator hides itself (epoch ms); null when not typing. */
  typingUntil: number | null;
}

export function emptyThread(otherUserId: string): Thread {
  return {
    otherUserId,
    otherUser: null,
    conversation: null,
    messages: [],
    pending: [],
    olderCursor: null,
    hasOlder: false,
    loaded: false,
    typingUntil: null,
  };
}

const STATUS_RANK: Record<TDmStatus, number> = { sent: 0, delivered: 1, read: 2 };

function later(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/**
 * Two copies of one message → the freshest. Receipts only move forward and a deletion is final, so an
 * older copy arriving late (a slow REST page racing a socket event) never undoes them. Text follows the
 * latest edit; reactions follow the incoming copy, which is always the more recent server answer.
 */
export function mergeMessage(current: TDirectMessage, incoming: TDirectMessage): TDirectMessage {
  const deleted = current.deletedForEveryone || incoming.deletedForEveryone;
  const newerText = (incoming.editedAt ?? '') >= (current.editedAt ?? '');
  const status =
    STATUS_RANK[incoming.status] >= STATUS_RANK[current.status] ? incoming.status : current.status;
  return {
    ...incoming,
    content: deleted ? '' : newerText ? incoming.content : current.content,
    attachments: deleted ? [] : incoming.attachments,
    editedAt: later(current.editedAt, incoming.editedAt),
    deletedForEveryone: deleted,
    deletedAt: later(current.deletedAt, incoming.deletedAt),
    status,
    deliveredAt: later(current.deliveredAt, incoming.deliveredAt),
    readAt: later(current.readAt, incoming.readAt),
    nonce: current.nonce ?? incoming.nonce,
  };
}

/** Adds or refreshes messages by id, keeps id order (UUIDv7 = creation order), and retires pendings. */
export function upsertMessages(thread: Thread, incoming: readonly TDirectMessage[]): Thread {
  if (incoming.length === 0) return thread;
  const byId = new Map(thread.messages.map((message) => [message.id, message]));
  for (const message of incoming) {
    const existing = byId.get(message.id);
    byId.set(message.id, existing ? mergeMessage(existing, message) : message);
  }
  const messages = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const storedNonces = new Set(incoming.flatMap((message) => (message.nonce ? [message.nonce] : [])));
  const pending = storedNonces.size
    ? thread.pending.filter((item) => !storedNonces.has(item.nonce))
    : thread.pending;
  return { ...thread, messages, pending };
}

export function patchMessages(
  thread: Thread,
  ids: ReadonlySet<string>,
  patch: (message: TDirectMessage) => TDirectMessage,
): Thread {
  let changed = false;
  const messages = thread.messages.map((message) => {
    if (!ids.has(message.id)) return message;
    changed = true;
    return patch(message);
  });
  return changed ? { ...thread, messages } : thread;
}

export function removeMessages(thread: Thread, ids: ReadonlySet<string>): Thread {
  const messages = thread.messages.filter((message) => !ids.has(message.id));
  return messages.length === thread.messages.length ? thread : { ...thread, messages };
}

/**
 * Replies carry a preview of the message they quote; when that message is edited or deleted the
 * previews follow, as the server would now answer (first 200 characters, empty once deleted).
 */
export function refreshQuotes(thread: Thread, quotedIds: ReadonlySet<string>): Thread {
  const quoted = new Map(
    thread.messages.filter((message) => quotedIds.has(message.id)).map((message) => [message.id, message]),
  );
  if (quoted.size === 0) return thread;
  let changed = false;
  const messages = thread.messages.map((message) => {
    const original = message.replyTo ? quoted.get(message.replyTo.id) : undefined;
    if (!message.replyTo || !original) return message;
    const deleted = original.deletedForEveryone;
    const content = deleted ? '' : original.content.slice(0, 200);
    if (message.replyTo.content === content && message.replyTo.deleted === deleted) return message;
    changed = true;
    return { ...message, replyTo: { ...message.replyTo, content, deleted } };
  });
  return changed ? { ...thread, messages } : thread;
}

export function withStatus(status: TDmStatus, at: string) {
  return (message: TDirectMessage): TDirectMessage => {
    if (STATUS_RANK[message.status] >= STATUS_RANK[status]) return message;
    return {
      ...message,
      status,
      deliveredAt: message.deliveredAt ?? at,
      readAt: status === 'read' ? (message.readAt ?? at) : message.readAt,
    };
  };
}

export function withReactions(reactions: TDmReaction[]) {
  return (message: TDirectMessage): TDirectMessage => ({ ...message, reactions });
}

export function asTombstone(at: string) {
  return (message: TDirectMessage): TDirectMessage => ({
    ...message,
    content: '',
    attachments: [],
    reactions: [],
    deletedForEveryone: true,
    deletedAt: message.deletedAt ?? at,
  });
}

/** The id of the newest stored message, the reconnect cursor. */
export function lastMessageId(thread: Thread): string | null {
  return thread.messages.at(-1)?.id ?? null;
}

/** Optimistically toggles my reaction so the chip responds at once; the server's answer replaces it. */
export function toggleMyReaction(reactions: TDmReaction[], emoji: string, me: string): TDmReaction[] {
  const existing = reactions.find((reaction) => reaction.emoji === emoji);
  if (existing?.mine) {
    return existing.count <= 1
      ? reactions.filter((reaction) => reaction.emoji !== emoji)
      : reactions.map((reaction) =>
          reaction.emoji === emoji
            ? {
                ...reaction,
                count: reaction.count - 1,
                mine: false,
                userIds: reaction.userIds.filter((id) => id !== me),
              }
            : reaction,
        );
  }
  if (existing) {
    return reactions.map((reaction) =>
      reaction.emoji === emoji
        ? { ...reaction, count: reaction.count + 1, mine: true, userIds: [...reaction.userIds, me] }
        : reaction,
    );
  }
  return [...reactions, { emoji, count: 1, mine: true, userIds: [me] }];
}

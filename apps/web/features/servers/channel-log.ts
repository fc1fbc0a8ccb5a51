import type { TAttachment, TChannelMessage, TChannelReaction } from '@guftagu/contracts';

/**
 * The client's copy of one open channel, as pure functions over plain data: pages and live events merge
 * without gaps or duplicates, and each change can run twice (LiveCache replays events over a fetch that
 * was in flight) without counting twice.
 */

/** A message this tab is sending or failed to send; replaced by the stored one with the same nonce. */
export interface PendingChannelMessage {
  nonce: string;
  content: string;
  attachments: TAttachment[];
  replyToId: string | null;
  createdAt: string;
  state: 'sending' | 'failed';
  error: string | null;
}

export interface ChannelLog {
  channelId: string;
  /** Stored messages, oldest first, unique by id (UUIDv7 ids sort by creation). */
  messages: TChannelMessage[];
  pending: PendingChannelMessage[];
  hasOlder: boolean;
  loaded: boolean;
}

export function emptyLog(channelId: string): ChannelLog {
  return { channelId, messages: [], pending: [], hasOlder: false, loaded: false };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two copies of one message → the freshest: text follows the latest edit, the rest the incoming copy. */
function merge(current: TChannelMessage, incoming: TChannelMessage): TChannelMessage {
  const newerText = (incoming.editedAt ?? '') >= (current.editedAt ?? '');
  return {
    ...incoming,
    content: newerText ? incoming.content : current.content,
    edited: current.edited || incoming.edited,
    editedAt: newerText ? incoming.editedAt : current.editedAt,
    nonce: current.nonce ?? incoming.nonce,
  };
}

export type LogChange =
  | { type: 'page'; messages: readonly TChannelMessage[]; hasOlder: boolean; older: boolean }
  | { type: 'upsert'; messages: readonly TChannelMessage[] }
  /** Newer copies of messages this log may hold (a sync's `changed`): never adds one. */
  | { type: 'refresh'; messages: readonly TChannelMessage[] }
  | { type: 'edited'; messageId: string; content: string; editedAt: string }
  | { type: 'deleted'; messageIds: readonly string[] }
  | {
      type: 'reaction';
      messageId: string;
      emoji: string;
      userId: string;
      count: number;
      added: boolean;
      me: string | null;
    }
  | { type: 'reactions'; messageId: string; reactions: TChannelReaction[] }
  | { type: 'pinned'; messageId: string; pinned: boolean }
  | { type: 'pending_add'; pending: PendingChannelMessage }
  | { type: 'pending_set'; nonce: string; state: PendingChannelMessage['state']; error: string | null }
  | { type: 'pending_drop'; nonce: string };

function upsert(log: ChannelLog, incoming: readonly TChannelMessage[]): ChannelLog {
  if (incoming.length === 0) return log;
  const map = new Map(log.messages.map((message) => [message.id, message]));
  for (const message of incoming) {
    const existing = map.get(message.id);
    map.set(message.id, existing ? merge(existing, message) : message);
  }
  const nonces = new Set(incoming.flatMap((message) => (message.nonce ? [message.nonce] : [])));
  return {
    ...log,
    messages: [...map.values()].sort(byId),
    pending: nonces.size ? log.pending.filter((item) => !nonces.has(item.nonce)) : log.pending,
  };
}

function patch(
  log: ChannelLog,
  messageId: string,
  change: (message: TChannelMessage) => TChannelMessage,
): ChannelLog {
  let changed = false;
  const messages = log.messages.map((message) => {
    if (message.id !== messageId) return message;
    const next = change(message);
    if (next !== message) changed = true;
    return next;
  });
  return changed ? { ...log, messages } : log;
}

/** Sets one user's reaction from a broadcast that carries the new total (idempotent by user id). */
export function applyReaction(
  reactions: readonly TChannelReaction[],
  change: { emoji: string; userId: string; count: number; added: boolean; me: string | null },
): TChannelReaction[] {
  const existing = reactions.find((reaction) => reaction.emoji === change.emoji);
  const userIds = new Set(existing?.userIds ?? []);
  if (change.added) userIds.add(change.userId);
  else userIds.delete(change.userId);
  if (change.count <= 0) return reactions.filter((reaction) => reaction.emoji !== change.emoji);
  const mine = change.userId === change.me ? change.added : (existing?.mine ?? false);
  const next: TChannelReaction = { emoji: change.emoji, count: change.count, mine, userIds: [...userIds] };
  return existing
    ? reactions.map((reaction) => (reaction.emoji === change.emoji ? next : reaction))
    : [...reactions, next];
}

export function logReducer(log: ChannelLog, change: LogChange): ChannelLog {
  switch (change.type) {
    case 'page': {
      const oldest = [...change.messages].sort(byId)[0]?.id;
      // Live messages older than a first page that has more behind it belong to pages not loaded yet.
      const base =
        !log.loaded && change.hasOlder && oldest
          ? { ...log, messages: log.messages.filter((message) => message.id >= oldest) }
          : log;
      const merged = upsert(base, change.messages);
      return {
        ...merged,
        loaded: true,
        hasOlder: change.older || !log.loaded ? change.hasOlder : log.hasOlder,
      };
    }
    case 'upsert': {
      // A message older than the oldest loaded one waits for its page (no holes in the history).
      const oldestLoaded = log.loaded && log.hasOlder ? log.messages[0]?.id : undefined;
      const fresh = oldestLoaded
        ? change.messages.filter((message) => message.id >= oldestLoaded)
        : change.messages;
      return upsert(log, fresh);
    }
    case 'refresh': {
      const held = new Set(log.messages.map((message) => message.id));
      const known = change.messages.filter((message) => held.has(message.id));
      return known.length > 0 ? upsert(log, known) : log;
    }
    case 'edited':
      return patch(log, change.messageId, (message) =>
        (message.editedAt ?? '') > change.editedAt
          ? message
          : { ...message, content: change.content, edited: true, editedAt: change.editedAt },
      );
    case 'deleted': {
      const ids = new Set(change.messageIds);
      let changed = false;
      const messages = log.messages.flatMap((message) => {
        if (ids.has(message.id)) {
          changed = true;
          return [];
        }
        if (message.replyTo && ids.has(message.replyTo.id) && !message.replyTo.deleted) {
          changed = true;
          return [{ ...message, replyTo: { ...message.replyTo, content: '', deleted: true } }];
        }
        return [message];
      });
      return changed ? { ...log, messages } : log;
    }
    case 'reaction':
      return patch(log, change.messageId, (message) => ({
        ...message,
        reactions: applyReaction(message.reactions, change),
      }));
    case 'reactions':
      return patch(log, change.messageId, (message) => ({ ...message, reactions: change.reactions }));
    case 'pinned':
      return patch(log, change.messageId, (message) =>
        message.pinned === change.pinned ? message : { ...message, pinned: change.pinned },
      );
    case 'pending_add':
      return {
        ...log,
        pending: [...log.pending.filter((item) => item.nonce !== change.pending.nonce), change.pending],
      };
    case 'pending_set':
      return {
        ...log,
        pending: log.pending.map((item) =>
          item.nonce === change.nonce ? { ...item, state: change.state, error: change.error } : item,
        ),
      };
    case 'pending_drop':
      return { ...log, pending: log.pending.filter((item) => item.nonce !== change.nonce) };
  }
}

/** Optimistic toggle of my reaction so the chip answers at once; the server's broadcast settles it. */
export function toggleMine(
  reactions: readonly TChannelReaction[],
  emoji: string,
  me: string,
): TChannelReaction[] {
  const existing = reactions.find((reaction) => reaction.emoji === emoji);
  const mine = existing?.mine || existing?.userIds.includes(me) || false;
  return applyReaction(reactions, {
    emoji,
    userId: me,
    added: !mine,
    count: (existing?.count ?? 0) + (mine ? -1 : 1),
    me,
  });
}

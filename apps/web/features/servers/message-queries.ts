import type { TChannelReadState } from '@guftagu/contracts';
import type { LiveCache } from '@/lib/query/live-cache';
import { type ChannelLog, type LogChange, logReducer } from './channel-log';

export interface ServerUnread {
  serverId: string;
  channels: TChannelReadState[];
  unreadCount: number;
  mentionCount: number;
}

export interface TypingEntry {
  username: string;
  /** Epoch ms after which the indicator hides itself if no stop arrives. */
  until: number;
}
export type ChannelTyping = Readonly<Record<string, TypingEntry>>;

/** Query keys for channel messages, read state and typing (each prefix holds one shape). */
export const channelKeys = {
  all: ['channels'] as const,
  logs: () => [...channelKeys.all, 'log'] as const,
  log: (channelId: string) => [...channelKeys.logs(), channelId] as const,
  unreads: () => [...channelKeys.all, 'unread'] as const,
  unread: (serverId: string) => [...channelKeys.unreads(), serverId] as const,
  typings: () => [...channelKeys.all, 'typing'] as const,
  pinLists: () => [...channelKeys.all, 'pins'] as const,
  pins: (channelId: string) => [...channelKeys.pinLists(), channelId] as const,
  typing: (channelId: string) => [...channelKeys.typings(), channelId] as const,
};

/** Applies one change to an open channel, if this tab has it. */
export function changeLog(live: LiveCache, channelId: string, change: LogChange): void {
  live.apply(channelKeys.log(channelId), (log: ChannelLog) => logReducer(log, change));
}

/** A change naming messages by id, offered to every open channel (ids are unique). */
export function changeEveryLog(live: LiveCache, change: LogChange): void {
  live.apply(channelKeys.logs(), (log: ChannelLog) => logReducer(log, change));
}

/** One channel's exact read state (from `channel_read_update` or a mark-read answer), totals recomputed. */
export const readStateSet =
  (state: TChannelReadState) =>
  (unread: ServerUnread): ServerUnread => {
    const channels = unread.channels.some((item) => item.channelId === state.channelId)
      ? unread.channels.map((item) => (item.channelId === state.channelId ? state : item))
      : [...unread.channels, state];
    return {
      ...unread,
      channels,
      unreadCount: channels.reduce((sum, item) => sum + item.unreadCount, 0),
      mentionCount: channels.reduce((sum, item) => sum + item.mentionCount, 0),
    };
  };

/** A channel gone from my view no longer counts towards the server's unread badge. */
export const readStateRemoved =
  (channelId: string) =>
  (unread: ServerUnread): ServerUnread => {
    if (!unread.channels.some((item) => item.channelId === channelId)) return unread;
    const channels = unread.channels.filter((item) => item.channelId !== channelId);
    return {
      ...unread,
      channels,
      unreadCount: channels.reduce((sum, item) => sum + item.unreadCount, 0),
      mentionCount: channels.reduce((sum, item) => sum + item.mentionCount, 0),
    };
  };

export const typingSet =
  (userId: string, entry: TypingEntry | null) =>
  (typing: ChannelTyping): ChannelTyping => {
    if (entry === null) {
      if (!(userId in typing)) return typing;
      const { [userId]: _gone, ...rest } = typing;
      return rest;
    }
    return { ...typing, [userId]: entry };
  };

const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Refetch a server's counts at most this often while messages keep arriving. */
const UNREAD_DEBOUNCE_MS = 300;

/**
 * Unread and mention counts are the server's arithmetic (who is mentioned, what I already read, what was
 * deleted): after a burst of messages the server's counts are read again rather than guessed.
 */
export function refreshUnread(live: LiveCache, serverId: string): void {
  clearTimeout(refreshTimers.get(serverId));
  refreshTimers.set(
    serverId,
    setTimeout(() => {
      refreshTimers.delete(serverId);
      void live.client.invalidateQueries({ queryKey: channelKeys.unread(serverId) });
    }, UNREAD_DEBOUNCE_MS),
  );
}

import type { ServerPayload, TNotification } from '@guftagu/contracts';
import type { LiveCache } from '@/lib/query/live-cache';

/** How many of the newest notifications the header dropdown keeps. */
export const DROPDOWN_LIMIT = 10;
/** Page size of /notifications. */
export const PAGE_SIZE = 20;

/**
 * The newest notifications, newest first, with the cursor of the next older page. `keep` caps a list
 * that only ever shows the newest few (the dropdown); null keeps everything loaded (the page).
 */
export interface NotificationFeed {
  items: TNotification[];
  nextCursor: string | null;
  keep: number | null;
}

export const notificationsKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationsKeys.all, 'unread'] as const,
  feeds: () => [...notificationsKeys.all, 'feed'] as const,
  feed: (limit: number) => [...notificationsKeys.feeds(), limit] as const,
};

/** A pushed `notification_new` as the stored shape the lists render. */
export function fromPushed(payload: ServerPayload<'notification_new'>): TNotification {
  return {
    id: payload.notificationId,
    type: payload.type,
    title: payload.title,
    content: payload.content,
    relatedUserId: payload.relatedUserId,
    relatedUsername: payload.relatedUsername,
    relatedUserId7Digit: payload.relatedUserId7Digit,
    relatedProfilePicture: payload.relatedProfilePicture,
    relatedId: payload.relatedId,
    actionUrl: payload.actionUrl,
    isRead: false,
    createdAt: payload.timestamp,
  };
}

type FeedUpdate = (feed: NotificationFeed) => NotificationFeed;

export const feedWithNew =
  (item: TNotification): FeedUpdate =>
  (feed) => {
    if (feed.items.some((existing) => existing.id === item.id)) return feed;
    const items = [item, ...feed.items];
    return { ...feed, items: feed.keep === null ? items : items.slice(0, feed.keep) };
  };

export const feedWithout =
  (drop: (item: TNotification) => boolean): FeedUpdate =>
  (feed) => ({ ...feed, items: feed.items.filter((item) => !drop(item)) });

export const feedRead =
  (ids: ReadonlySet<string> | 'all'): FeedUpdate =>
  (feed) => ({
    ...feed,
    items: feed.items.map((item) => (ids === 'all' || ids.has(item.id) ? { ...item, isRead: true } : item)),
  });

export const feedCleared: FeedUpdate = (feed) => ({ ...feed, items: [], nextCursor: null });

/** Appends an older page, skipping what is already shown (a new item may have shifted the pages). */
export const feedWithOlder =
  (page: { notifications: TNotification[]; nextCursor: string | null }): FeedUpdate =>
  (feed) => {
    const seen = new Set(feed.items.map((item) => item.id));
    return {
      ...feed,
      items: [...feed.items, ...page.notifications.filter((item) => !seen.has(item.id))],
      nextCursor: page.nextCursor,
    };
  };

/** The server's unread count is the truth whenever it arrives (an answer or a push). */
export function setUnread(live: LiveCache, count: number): void {
  // Through apply so a count fetch already in flight cannot put an older number back; set as well
  // because apply leaves entries nobody has loaded yet alone.
  live.apply(notificationsKeys.unread(), () => count);
  live.client.setQueryData(notificationsKeys.unread(), count);
}

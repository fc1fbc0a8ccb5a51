import type { ServerEventName, ServerPayload, TNotification } from '@guftagu/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from '@/lib/query/live-cache';
import { notificationsCacheEvents } from './cache-events';
import { feedRead, feedWithOlder, type NotificationFeed, notificationsKeys } from './queries';

function emit<E extends ServerEventName>(live: LiveCache, event: E, payload: ServerPayload<E>): void {
  for (const binding of notificationsCacheEvents) {
    if (binding.event === event) binding.apply(payload as never, live);
  }
}

const item = (id: string, relatedId: string | null = null): TNotification => ({
  id,
  type: 'friend_request',
  title: id,
  content: '',
  relatedUserId: null,
  relatedUsername: null,
  relatedUserId7Digit: null,
  relatedProfilePicture: null,
  relatedId,
  actionUrl: null,
  isRead: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const pushed = (id: string): ServerPayload<'notification_new'> => ({
  notificationId: id,
  type: 'friend_request',
  title: id,
  content: '',
  relatedUserId: null,
  relatedUsername: null,
  relatedUserId7Digit: null,
  relatedProfilePicture: null,
  relatedId: null,
  actionUrl: null,
  timestamp: '2026-01-02T00:00:00.000Z',
  priority: 'medium',
});

describe('notifications cache', () => {
  it('adds a pushed notification once, newest first, capped in the dropdown but not on the page', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData<NotificationFeed>(notificationsKeys.feed(2), {
      items: [item('a'), item('b')],
      nextCursor: null,
      keep: 2,
    });
    live.client.setQueryData<NotificationFeed>(notificationsKeys.feed(20), {
      items: [item('a'), item('b')],
      nextCursor: 'c',
      keep: null,
    });
    emit(live, 'notification_new', pushed('n'));
    emit(live, 'notification_new', pushed('n'));
    const ids = (limit: number) =>
      live.client.getQueryData<NotificationFeed>(notificationsKeys.feed(limit))?.items.map((n) => n.id);
    expect(ids(2)).toEqual(['n', 'a']);
    expect(ids(20)).toEqual(['n', 'a', 'b']);
  });

  it('withdraws the notification of a cancelled request', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData<NotificationFeed>(notificationsKeys.feed(20), {
      items: [item('a', 'r1'), item('b', 'r2')],
      nextCursor: null,
      keep: null,
    });
    emit(live, 'friend_request_cancelled', { requestId: 'r1', by: { userId: 'u', username: 'u' } });
    expect(
      live.client.getQueryData<NotificationFeed>(notificationsKeys.feed(20))?.items.map((n) => n.id),
    ).toEqual(['b']);
  });

  it('takes the pushed unread count even before anything read it, and over a count fetch in flight', async () => {
    const live = new LiveCache(new QueryClient());
    emit(live, 'authenticated', { unreadNotifications: 4 } as ServerPayload<'authenticated'>);
    expect(live.client.getQueryData(notificationsKeys.unread())).toBe(4);

    const key = notificationsKeys.unread();
    let answer!: (count: number) => void;
    const fetching = live.client.fetchQuery({
      queryKey: key,
      queryFn: () => live.fetch(key, () => new Promise<number>((done) => (answer = done))),
      staleTime: 0,
    });
    emit(live, 'notification_count_update', { unreadCount: 7 });
    answer(5);
    expect(await fetching).toBe(7);
  });

  it('marks read and appends older pages without repeating what is shown', () => {
    const feed: NotificationFeed = { items: [item('a'), item('b')], nextCursor: 'b', keep: null };
    const read = feedRead(new Set(['a']))(feed);
    expect(read.items.map((n) => n.isRead)).toEqual([true, false]);
    const more = feedWithOlder({ notifications: [item('b'), item('c')], nextCursor: null })(read);
    expect(more.items.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(more.nextCursor).toBeNull();
  });
});

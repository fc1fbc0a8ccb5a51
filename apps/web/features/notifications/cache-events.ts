import { onServerEvent } from '@/lib/query/cache-event';
import { feedWithNew, feedWithout, fromPushed, notificationsKeys, setUnread } from './queries';

/** How pushed notifications and counts change the cached feeds and the bell's unread count. */
export const notificationsCacheEvents = [
  onServerEvent('authenticated', ({ unreadNotifications }, live) => setUnread(live, unreadNotifications)),
  onServerEvent('notification_count_update', ({ unreadCount }, live) => setUnread(live, unreadCount)),
  onServerEvent('notification_new', (payload, live) =>
    live.apply(notificationsKeys.feeds(), feedWithNew(fromPushed(payload))),
  ),
  // A cancelled request's notification is withdrawn on the server; withdraw it here too.
  onServerEvent('friend_request_cancelled', ({ requestId }, live) =>
    live.apply(
      notificationsKeys.feeds(),
      feedWithout((item) => item.relatedId === requestId),
    ),
  ),
];

import { defineModule } from '../../app/module.js';
import type { Database } from '../../platform/db/client.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { registerNotificationRoutes } from './notifications.http.js';
import { NotificationsService } from './notifications.service.js';
import { notificationSocketHandlers } from './notifications.socket.js';

/** Seed 000 keeps notifications 30 days; an hourly sweep is idempotent, so every node may run it. */
const RETENTION_INTERVAL_MS = 3_600_000;

export function createNotificationsModule(deps: { db: Database; publisher: RealtimePublisher }) {
  const notifications = new NotificationsService(deps.db, deps.publisher);
  return defineModule({
    name: 'notifications',
    api: notifications,
    routes: (app, guard) => registerNotificationRoutes(app, notifications, guard),
    socket: notificationSocketHandlers(notifications),
    unread: { notifications: (userId) => notifications.unreadCount(userId) },
    jobs: [
      {
        name: 'notification retention',
        everyMs: RETENTION_INTERVAL_MS,
        run: () => notifications.purgeExpired(),
      },
    ],
  });
}

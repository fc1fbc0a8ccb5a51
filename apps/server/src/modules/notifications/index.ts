export {
  type GroupedNotification,
  groupedNotificationCtes,
  newGroupedNotification,
  type StoredGroupedNotification,
  unreadCountAfterGrouping,
} from './grouped-notification.js';
export { registerNotificationRoutes } from './notifications.http.js';
export { createNotificationsModule } from './notifications.module.js';
export type { NewNotification } from './notifications.service.js';
export { NOTIFICATION_TTL_DAYS, NotificationsService } from './notifications.service.js';
export { notificationSocketHandlers } from './notifications.socket.js';

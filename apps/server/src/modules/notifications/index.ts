export {
  type GroupedNotification,
  groupedNotificationCtes,
  newGroupedNotification,
  type StoredGroupedNotification,
  unreadCountAfterGrouping,
} from './grouped-notification.js';
export { createNotificationsModule } from './notifications.module.js';
export type { NewNotification } from './notifications.service.js';
export { NOTIFICATION_TTL_DAYS, NotificationsService } from './notifications.service.js';

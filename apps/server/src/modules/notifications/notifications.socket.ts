import type { SocketModule } from '../../realtime/socket-module.js';
import type { NotificationsService } from './notifications.service.js';

export function notificationSocketHandlers(service: NotificationsService): SocketModule {
  return ({ handle }) => {
    handle('notification_mark_read', async (userId, { notificationIds }) => ({
      unreadCount: await service.markRead(userId, notificationIds),
    }));
    handle('notification_delete', async (userId, { notificationId }) => ({
      unreadCount: await service.delete(userId, notificationId),
    }));
    handle('notification_clear_all', async (userId) => ({ unreadCount: await service.clear(userId) }));
  };
}

import {
  ZMarkNotificationsRead,
  ZNotificationIdParam,
  ZNotificationsQuery,
  ZNotificationsResponse,
  ZUnreadCountResponse,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { NotificationsService } from './notifications.service.js';

export function registerNotificationRoutes(
  app: FastifyInstance,
  service: NotificationsService,
  guard: AuthGuard,
): void {
  const route = apiRoutes(app, guard);

  route({
    method: 'GET',
    url: '/api/notifications',
    summary: 'Your notifications, newest first, with a cursor',
    tag: 'notifications',
    auth: 'required',
    query: ZNotificationsQuery,
    response: ZNotificationsResponse,
  })(async ({ viewer, query }) => {
    const page = await service.list(viewer.user.id, {
      before: query.before,
      limit: query.limit,
      unreadOnly: query.unreadOnly === 'true',
    });
    return { success: true, ...page };
  });

  route({
    method: 'PUT',
    url: '/api/notifications/read',
    summary: 'Mark some or all notifications read',
    tag: 'notifications',
    auth: 'required',
    body: ZMarkNotificationsRead,
    response: ZUnreadCountResponse,
  })(async ({ viewer, body }) => {
    const unreadCount = await service.markRead(viewer.user.id, 'all' in body ? 'all' : body.notificationIds);
    return { success: true, unreadCount };
  });

  route({
    method: 'DELETE',
    url: '/api/notifications/:id',
    summary: 'Delete one notification',
    tag: 'notifications',
    auth: 'required',
    params: ZNotificationIdParam,
    response: ZUnreadCountResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    unreadCount: await service.delete(viewer.user.id, params.id),
  }));

  route({
    method: 'DELETE',
    url: '/api/notifications',
    summary: 'Delete all your notifications',
    tag: 'notifications',
    auth: 'required',
    response: ZUnreadCountResponse,
  })(async ({ viewer }) => ({ success: true, unreadCount: await service.clear(viewer.user.id) }));
}

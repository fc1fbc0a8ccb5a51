import { ZMarkNotificationsRead, ZNotificationIdParam, ZNotificationsQuery } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import type { NotificationsService } from './notifications.service.js';

export function registerNotificationRoutes(
  app: FastifyInstance,
  service: NotificationsService,
  guard: AuthGuard,
): void {
  app.get('/api/notifications', async (request) => {
    const { user } = await guard.require(request);
    const query = parseInput(ZNotificationsQuery, request.query);
    const page = await service.list(user.id, {
      before: query.before,
      limit: query.limit,
      unreadOnly: query.unreadOnly === 'true',
    });
    return { success: true, ...page };
  });

  app.put('/api/notifications/read', async (request) => {
    const { user } = await guard.require(request);
    const body = parseInput(ZMarkNotificationsRead, request.body);
    const unreadCount = await service.markRead(user.id, 'all' in body ? 'all' : body.notificationIds);
    return { success: true, unreadCount };
  });

  app.delete('/api/notifications/:id', async (request) => {
    const { user } = await guard.require(request);
    const { id } = parseInput(ZNotificationIdParam, request.params);
    return { success: true, unreadCount: await service.delete(user.id, id) };
  });

  app.delete('/api/notifications', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, unreadCount: await service.clear(user.id) };
  });
}

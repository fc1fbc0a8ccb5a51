import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DevOutboxMailer } from '../platform/mail/dev-outbox.js';
import { parseInput } from './validation.js';

export interface PlatformRouteDeps {
  version: string;
  startedAt: number;
  checkDatabase: () => Promise<boolean>;
  checkRedis: (() => Promise<boolean>) | undefined;
  gatewayUp: () => boolean;
  onlineCount: () => number;
  openApi: Record<string, unknown>;
  devOutbox: DevOutboxMailer | undefined;
}

export function registerPlatformRoutes(app: FastifyInstance, deps: PlatformRouteDeps): void {
  app.get('/api/health', async (_request, reply) => {
    const [db, redis] = await Promise.all([
      deps.checkDatabase(),
      deps.checkRedis ? deps.checkRedis() : undefined,
    ]);
    const gateway = deps.gatewayUp();
    const ok = db && redis !== false && gateway;
    return reply.status(ok ? 200 : 503).send({
      success: ok,
      status: ok ? 'ok' : 'degraded',
      version: deps.version,
      uptime: Math.round((Date.now() - deps.startedAt) / 1000),
      db: db ? 'up' : 'down',
      redis: redis === undefined ? 'disabled' : redis ? 'up' : 'down',
      gateway: gateway ? 'up' : 'down',
      onlineCount: deps.onlineCount(),
    });
  });

  app.get('/api/docs', async () => deps.openApi);

  // The dev outbox exists only outside production; there is no route to it otherwise.
  const outbox = deps.devOutbox;
  if (outbox) {
    const ZQuery = z.object({ to: z.string().trim().toLowerCase().max(254).optional() });
    app.get('/api/dev/mailbox', async (request) => {
      const { to } = parseInput(ZQuery, request.query);
      return { success: true, messages: outbox.list(to) };
    });
  }
}

import { ZDevMailboxResponse, ZHealthResponse } from '@guftagu/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DevOutboxMailer } from '../platform/mail/dev-outbox.js';
import { API_REFERENCE_CSP, renderApiReference } from './api-reference.js';
import { apiRoutes } from './api-route.js';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.js';

export interface PlatformRouteDeps {
  version: string;
  startedAt: number;
  checkDatabase: () => Promise<boolean>;
  checkRedis: (() => Promise<boolean>) | undefined;
  gatewayUp: () => boolean;
  onlineCount: () => number;
  devOutbox: DevOutboxMailer | undefined;
}

const OPENAPI_JSON_URL = '/api/docs/openapi.json';
const ZOpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  paths: z.record(z.string(), z.unknown()),
});
const ZMailboxQuery = z.object({ to: z.string().trim().toLowerCase().max(254).optional() });

/** A browser asks for HTML first; fetch, curl and API clients send `*\/*` or JSON and get the document. */
function prefersHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html !== -1 && (json === -1 || html < json);
}

export function registerPlatformRoutes(app: FastifyInstance, deps: PlatformRouteDeps): void {
  const route = apiRoutes(app);

  route({
    method: 'GET',
    url: '/api/health',
    summary: 'Service health',
    description: 'Answers 503 with `success: false` while the database, Redis or the gateway is down.',
    tag: 'platform',
    auth: 'none',
    response: ZHealthResponse,
  })(async ({ reply }) => {
    const [db, redis] = await Promise.all([
      deps.checkDatabase(),
      deps.checkRedis ? deps.checkRedis() : undefined,
    ]);
    const gateway = deps.gatewayUp();
    const ok = db && redis !== false && gateway;
    void reply.status(ok ? 200 : 503);
    return {
      success: ok,
      status: ok ? 'ok' : 'degraded',
      version: deps.version,
      uptime: Math.round((Date.now() - deps.startedAt) / 1000),
      db: db ? 'up' : 'down',
      redis: redis === undefined ? 'disabled' : redis ? 'up' : 'down',
      gateway: gateway ? 'up' : 'down',
      onlineCount: deps.onlineCount(),
    };
  });

  // Built on first use: by then every module has registered its routes.
  let document: OpenApiDocument | undefined;
  const openApi = () => {
    document ??= buildOpenApiDocument(app.apiRouteSpecs, deps.version);
    return document;
  };
  let page: string | undefined;

  route({
    method: 'GET',
    url: '/api/docs',
    summary: 'This API reference',
    description: `A readable HTML page for browsers (\`Accept: text/html\`); the OpenAPI document otherwise, as at \`${OPENAPI_JSON_URL}\`.`,
    tag: 'platform',
    auth: 'none',
    response: ZOpenApiDocument,
  })(async ({ request, reply }) => {
    if (!prefersHtml(request)) return openApi();
    page ??= renderApiReference(openApi(), OPENAPI_JSON_URL);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', API_REFERENCE_CSP)
      .send(page);
  });

  route({
    method: 'GET',
    url: OPENAPI_JSON_URL,
    summary: 'The OpenAPI 3.1 document of this API',
    tag: 'platform',
    auth: 'none',
    response: ZOpenApiDocument,
  })(async () => openApi());

  // The dev outbox exists only outside production; there is no route to it otherwise.
  const outbox = deps.devOutbox;
  if (outbox) {
    route({
      method: 'GET',
      url: '/api/dev/mailbox',
      summary: 'Mail the server would have sent (development only)',
      description:
        'Served only with the dev outbox (no SMTP or Brevo configured) on a loopback address, or with `DEV_MAILBOX_PUBLIC=true`. Whoever reads it can sign in as anyone.',
      tag: 'platform',
      auth: 'none',
      query: ZMailboxQuery,
      response: ZDevMailboxResponse,
    })(async ({ query }) => ({ success: true, messages: outbox.list(query.to) }));
  }
}

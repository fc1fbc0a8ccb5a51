import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { RateLimiter, RateLimitRule } from '../platform/kv/rate-limit.js';
import type { Logger } from '../platform/logger.js';
import { answerClientError } from './client-error.js';
import { installErrorHandler } from './error-handler.js';
import { collectApiRouteSpecs } from './openapi.js';

export interface HttpOptions {
  logger: Logger;
  trustProxy: boolean | string[];
  allowedOrigins: string[];
  limiter: RateLimiter;
  apiRateLimit: RateLimitRule;
  devMode: boolean;
}

/** JSON bodies are small; upload routes raise their own limit. */
export const JSON_BODY_LIMIT = 100 * 1024;

export async function createHttpApp(options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: () => crypto.randomUUID(),
    clientErrorHandler: answerClientError,
    // Errors the router raises before any route runs (a malformed URL, a path parameter longer than
    // `maxParamLength`) would otherwise be answered by Fastify in its own shape.
    frameworkErrors: (error, _request, reply) => {
      const envelope =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new AppError('URI_TOO_LONG', 'A path segment is too long.')
          : new AppError('BAD_REQUEST', 'The request URL could not be read.');
      void (reply as FastifyReply).status(envelope.status).send(envelope.toEnvelope());
    },
  });
  installErrorHandler(app);
  collectApiRouteSpecs(app);
  // The API reads JSON only. Fastify parses text/plain by default, so such a body (one a cross-site
  // form can send without a CORS preflight) reached handlers as a string; now it is refused with 415.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    // Next.js renders inline bootstrap scripts; 'unsafe-eval' is only needed by its dev server.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", ...(options.devMode ? ["'unsafe-eval'"] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:', ...options.allowedOrigins],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    credentials: true,
    origin: (origin, callback) => {
      // Same-origin requests and non-browser clients send no Origin header.
      if (!origin || options.allowedOrigins.includes(origin)) callback(null, true);
      else callback(null, false);
    },
  });
  await app.register(cookie);
  // Per-route limits are passed to request.file(); these are the outer bounds for any multipart body.
  await app.register(multipart, {
    limits: { fileSize: 25 * 1024 * 1024, files: 10, fields: 20, fieldSize: 64 * 1024 },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const result = await options.limiter.hit(`api:ip:${request.ip}`, options.apiRateLimit);
    if (!result.allowed) {
      void reply.header('retry-after', String(result.retryAfter));
      throw new AppError('RATE_LIMITED', 'Too many requests. Slow down a little.', {
        retryAfter: result.retryAfter,
      });
    }
  });

  return app;
}

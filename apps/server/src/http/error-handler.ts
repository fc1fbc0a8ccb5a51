import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, INTERNAL_ENVELOPE } from '../platform/errors.js';

/**
 * Maps everything that escapes a route to the envelope. Fastify's own client errors (bad JSON, body
 * too large, wrong content type) keep their 4xx meaning; anything unknown is logged with the request
 * id and answered without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'RATE_LIMITED' || error.code === 'OTP_COOLDOWN') {
        const retryAfter = error.details?.retryAfter;
        if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      }
      return reply.status(error.status).send(error.toEnvelope());
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.').toEnvelope());
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.').toEnvelope());
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(400)
        .send(new AppError('BAD_REQUEST', 'The request could not be read.').toEnvelope());
    }
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return reply.status(500).send({ ...INTERNAL_ENVELOPE, details: { requestId: request.id } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(
        new AppError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`).toEnvelope(),
      );
  });
}

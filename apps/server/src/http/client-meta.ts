import type { FastifyRequest } from 'fastify';
import type { ClientMeta } from '../modules/auth/session.service.js';

export function clientMeta(request: FastifyRequest): ClientMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

import type { FastifyRequest } from 'fastify';
import type { ClientMeta } from '../modules/auth/index.js';

export function clientMeta(request: FastifyRequest): ClientMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

import type { FastifyRequest } from 'fastify';
import type { Authenticated, SessionService } from '../modules/auth/index.js';
import { AppError } from '../platform/errors.js';

export interface GuardOptions {
  /** Routes a signed-in user may call before choosing a username (me, onboard, logout). */
  allowOnboarding?: boolean;
}

export interface AuthGuard {
  require(request: FastifyRequest, options?: GuardOptions): Promise<Authenticated>;
  optional(request: FastifyRequest): Promise<Authenticated | undefined>;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

export function createAuthGuard(sessions: SessionService): AuthGuard {
  return {
    async require(request, options = {}) {
      const token = bearer(request);
      if (!token) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
      const auth = await sessions.authenticate(token);
      if (!options.allowOnboarding && auth.user.username === null) {
        throw new AppError('ONBOARDING_REQUIRED', 'Choose a username first.');
      }
      return auth;
    },
    async optional(request) {
      const token = bearer(request);
      if (!token) return undefined;
      return sessions.authenticate(token).catch(() => undefined);
    },
  };
}

import { ZLogin, ZRegister, ZSendOtp, ZVerifyOtp } from '@guftagu/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthGuard } from '../../http/auth-guard.js';
import { clientMeta } from '../../http/client-meta.js';
import { parseInput } from '../../http/validation.js';
import { AppError } from '../../platform/errors.js';
import { toSelfUser } from '../users/users.service.js';
import type { AuthService, SignInResult } from './auth.service.js';
import type { SessionService } from './session.service.js';

export const REFRESH_COOKIE = 'guftagu_rt';

export interface AuthRouteOptions {
  secureCookies: boolean;
}

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: AuthService,
  sessions: SessionService,
  guard: AuthGuard,
  options: AuthRouteOptions,
): void {
  const setRefreshCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      path: '/api/auth',
      expires,
    });
  const clearRefreshCookie = (reply: FastifyReply) =>
    reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth', httpOnly: true, sameSite: 'strict' });

  const sessionResponse = (reply: FastifyReply, result: SignInResult) => {
    setRefreshCookie(reply, result.issued.refreshToken, result.issued.refreshExpiresAt);
    return {
      success: true as const,
      token: result.issued.accessToken,
      expiresIn: result.issued.expiresIn,
      user: toSelfUser(result.user),
      isNewUser: result.isNewUser,
    };
  };

  const refreshTokenOf = (request: FastifyRequest) => request.cookies[REFRESH_COOKIE];

  app.post('/api/auth/send-otp', async (request) => {
    const { email } = parseInput(ZSendOtp, request.body);
    const result = await auth.sendOtp(email, clientMeta(request));
    return { success: true, message: 'If the address can receive mail, a code is on its way.', ...result };
  });

  app.post('/api/auth/verify-otp', async (request, reply) => {
    const { email, otp } = parseInput(ZVerifyOtp, request.body);
    return sessionResponse(reply, await auth.verifyOtp(email, otp, clientMeta(request)));
  });

  app.post('/api/auth/register', async (request, reply) => {
    const input = parseInput(ZRegister, request.body);
    const result = await auth.register(input, clientMeta(request));
    return reply.status(201).send(sessionResponse(reply, result));
  });

  app.post('/api/auth/login', async (request, reply) => {
    const { email, password } = parseInput(ZLogin, request.body);
    return sessionResponse(reply, await auth.login(email, password, clientMeta(request)));
  });

  app.post('/api/auth/refresh', async (request, reply) => {
    const token = refreshTokenOf(request);
    if (!token) throw new AppError('UNAUTHORIZED', 'Please sign in.');
    try {
      const { issued, user } = await sessions.refresh(token, clientMeta(request));
      return sessionResponse(reply, { issued, user, isNewUser: false });
    } catch (error) {
      clearRefreshCookie(reply);
      throw error;
    }
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const viewer = await guard.optional(request);
    if (viewer) await sessions.revoke(viewer.familyId);
    else {
      const token = refreshTokenOf(request);
      if (!token) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
      await sessions.revokeByRefreshToken(token);
    }
    clearRefreshCookie(reply);
    return { success: true, message: 'Logged out successfully' };
  });

  app.get('/api/auth/me', async (request) => {
    const { user } = await guard.require(request, { allowOnboarding: true });
    return { success: true, user: toSelfUser(user) };
  });
}

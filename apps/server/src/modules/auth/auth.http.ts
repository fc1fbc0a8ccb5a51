import {
  ZLogin,
  ZMeResponse,
  ZMessageResponse,
  ZRegister,
  ZSendOtp,
  ZSendOtpResponse,
  ZSessionResponse,
  ZVerifyOtp,
} from '@guftagu/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import { clientMeta } from '../../http/client-meta.js';
import { AppError } from '../../platform/errors.js';
import { toSelfUser } from '../users/index.js';
import type { AuthService, SignInResult } from './auth.service.js';
import type { SessionService } from './session.service.js';

import { REFRESH_COOKIE, sessionCookies } from './session-cookies.js';

export { REFRESH_COOKIE, SESSION_HINT_COOKIE } from './session-cookies.js';

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
  const cookies = sessionCookies(options.secureCookies);

  const sessionResponse = (reply: FastifyReply, result: SignInResult) => {
    cookies.set(reply, result.issued.refreshToken, result.issued.refreshExpiresAt);
    return {
      success: true as const,
      token: result.issued.accessToken,
      expiresIn: result.issued.expiresIn,
      user: toSelfUser(result.user),
      isNewUser: result.isNewUser,
    };
  };

  const refreshTokenOf = (request: FastifyRequest) => request.cookies[REFRESH_COOKIE];

  const route = apiRoutes(app, guard);

  route({
    method: 'POST',
    url: '/api/auth/send-otp',
    summary: 'Email a 6-digit sign-in code',
    tag: 'auth',
    auth: 'none',
    body: ZSendOtp,
    response: ZSendOtpResponse,
  })(async ({ request, body }) => {
    const result = await auth.sendOtp(body.email, clientMeta(request));
    return { success: true, message: 'If the address can receive mail, a code is on its way.', ...result };
  });

  route({
    method: 'POST',
    url: '/api/auth/verify-otp',
    summary: 'Sign in with the emailed code',
    tag: 'auth',
    auth: 'none',
    body: ZVerifyOtp,
    response: ZSessionResponse,
  })(async ({ request, reply, body }) =>
    sessionResponse(reply, await auth.verifyOtp(body.email, body.otp, clientMeta(request))),
  );

  route({
    method: 'POST',
    url: '/api/auth/register',
    summary: 'Create an account with a password',
    tag: 'auth',
    auth: 'none',
    body: ZRegister,
    response: ZSessionResponse,
    status: 201,
  })(async ({ request, reply, body }) =>
    sessionResponse(reply, await auth.register(body, clientMeta(request))),
  );

  route({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    auth: 'none',
    body: ZLogin,
    response: ZSessionResponse,
  })(async ({ request, reply, body }) =>
    sessionResponse(reply, await auth.login(body.email, body.password, clientMeta(request))),
  );

  route({
    method: 'POST',
    url: '/api/auth/refresh',
    summary: 'Rotate the refresh cookie, get a new access token',
    description: `Reads the refresh token from the httpOnly \`${REFRESH_COOKIE}\` cookie.`,
    tag: 'auth',
    auth: 'none',
    response: ZSessionResponse,
  })(async ({ request, reply }) => {
    const token = refreshTokenOf(request);
    if (!token) {
      // A stale hint without its refresh cookie would make every page load try again.
      cookies.clear(reply);
      throw new AppError('UNAUTHORIZED', 'Please sign in.');
    }
    try {
      const { issued, user } = await sessions.refresh(token, clientMeta(request));
      return sessionResponse(reply, { issued, user, isNewUser: false });
    } catch (error) {
      cookies.clear(reply);
      throw error;
    }
  });

  route({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Revoke this session and disconnect its sockets',
    description: 'Signs out the session of the bearer token, or else the one of the refresh cookie.',
    tag: 'auth',
    auth: 'optional',
    response: ZMessageResponse,
  })(async ({ request, reply, viewer }) => {
    if (viewer) await sessions.revoke(viewer.familyId);
    else {
      const token = refreshTokenOf(request);
      if (!token) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
      await sessions.revokeByRefreshToken(token);
    }
    cookies.clear(reply);
    return { success: true, message: 'Logged out successfully' };
  });

  route({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    auth: 'onboarding',
    response: ZMeResponse,
  })(async ({ viewer }) => ({ success: true, user: toSelfUser(viewer.user) }));
}

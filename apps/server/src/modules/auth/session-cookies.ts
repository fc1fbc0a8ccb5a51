import type { FastifyReply } from 'fastify';

export const REFRESH_COOKIE = 'guftagu_rt';

/**
 * A non-secret "a session may exist" flag next to the refresh cookie. The web app cannot read the
 * httpOnly refresh cookie (nor would it see it: its path is /api/auth), so it reads this one to skip
 * the refresh call on a signed-out page load, which would otherwise always answer 401.
 */
export const SESSION_HINT_COOKIE = 'guftagu_session';

/** The refresh cookie and its hint are always set and cleared together, here only. */
export function sessionCookies(secure: boolean) {
  const refreshOptions = { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' } as const;
  // Path / so every page can read it; it carries no secret, so it need not be httpOnly.
  const hintOptions = { httpOnly: false, sameSite: 'strict', secure, path: '/' } as const;
  return {
    set(reply: FastifyReply, refreshToken: string, expires: Date) {
      reply.setCookie(REFRESH_COOKIE, refreshToken, { ...refreshOptions, expires });
      reply.setCookie(SESSION_HINT_COOKIE, '1', { ...hintOptions, expires });
    },
    clear(reply: FastifyReply) {
      reply.clearCookie(REFRESH_COOKIE, refreshOptions);
      reply.clearCookie(SESSION_HINT_COOKIE, hintOptions);
    },
  };
}

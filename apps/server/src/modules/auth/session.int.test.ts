import { type TErrorEnvelope, ZErrorEnvelope, ZSessionResponse } from '@guftagu/contracts';
import { ApiClient } from '@guftagu/sdk';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  nextEvent,
  RELAXED_OTP_POLICY,
  startTestServer,
  type TestServer,
  uniqueName,
  waitForConnect,
} from '../../../test/harness.js';
import { REFRESH_COOKIE, SESSION_HINT_COOKIE } from './auth.http.js';

const JWT_SECRET = new TextEncoder().encode('test-jwt-secret-0123456789abcdef0123456789');
const PASSWORD = 'correct horse battery';
const RELAXED = { limit: 10_000, windowSeconds: 3600 };

let server: TestServer;

beforeAll(async () => {
  // Three logins per email per minute: generous for every test here, and the limit test proves it bites.
  server = await startTestServer({
    // No grace: a replay right after rotation is theft here; the grace window has its own suite.
    env: { REFRESH_REUSE_GRACE_SECONDS: '0' },
    passwordPolicy: {
      loginsPerIp: RELAXED,
      loginsPerEmail: { limit: 3, windowSeconds: 60 },
      registrationsPerIp: RELAXED,
    },
  });
});
afterAll(async () => {
  await server?.close();
});

const newEmail = () => `${uniqueName('e')}@example.com`;

async function register(email = newEmail(), username = uniqueName()) {
  const api = server.api();
  const session = await api.register(username, email, PASSWORD);
  return { api, session, email, username };
}

/** POSTs JSON with fetch, for the status and headers the SDK does not expose. */
function post(path: string, body: unknown, headers: Record<string, string> = {}, base = server.url) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function envelopeOf(response: Response): Promise<TErrorEnvelope> {
  return ZErrorEnvelope.parse(await response.json());
}

describe('password registration', () => {
  it('creates the account with 201, a session and an argon2id hash, never the password', async () => {
    const email = newEmail();
    const username = uniqueName('Reg');
    const response = await post('/api/auth/register', { username, email, password: PASSWORD });
    expect(response.status).toBe(201);
    const body = ZSessionResponse.parse(await response.json());
    expect(body.isNewUser).toBe(true);
    expect(body.user).toMatchObject({ email, username, isVerified: false, needsOnboarding: false });
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${REFRESH_COOKIE}=[\\w-]{40,};`));

    const { rows } = await server.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [body.user.id],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]?.password_hash).not.toContain(PASSWORD);
  });

  it('rejects a password shorter than 8 characters with VALIDATION_ERROR naming the field', async () => {
    const error = await expectApiError(
      server.api().register(uniqueName(), newEmail(), '1234567'),
      400,
      'VALIDATION_ERROR',
    );
    expect(error.envelope.details?.field).toBe('password');
  });

  it('refuses a second account for the same email with EMAIL_TAKEN', async () => {
    const { email } = await register();
    const error = await expectApiError(
      server.api().register(uniqueName(), email, PASSWORD),
      409,
      'EMAIL_TAKEN',
    );
    expect(error.envelope.details?.field).toBe('email');
  });

  it('refuses a username that differs from an existing one only in case with USERNAME_TAKEN', async () => {
    const username = uniqueName('Case');
    await register(newEmail(), username);
    const error = await expectApiError(
      server.api().register(username.toUpperCase(), newEmail(), PASSWORD),
      409,
      'USERNAME_TAKEN',
    );
    expect(error.envelope.details?.field).toBe('username');
  });
});

describe('password login', () => {
  it('signs in with the right password and reports an existing user', async () => {
    const { email, session } = await register();
    const login = await server.api().login(email.toUpperCase(), PASSWORD);
    expect(login.isNewUser).toBe(false);
    expect(login.user.id).toBe(session.user.id);
  });

  it('answers a wrong password and an unknown email with the same INVALID_CREDENTIALS envelope', async () => {
    const { email } = await register();
    const wrong = await expectApiError(
      server.api().login(email, 'not the password'),
      401,
      'INVALID_CREDENTIALS',
    );
    const unknown = await expectApiError(
      server.api().login(newEmail(), PASSWORD),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(wrong.envelope).toEqual(unknown.envelope);
  });

  it('refuses password login for an account created by email code, which has no password', async () => {
    const { email } = await server.signUp();
    await expectApiError(server.api().login(email, PASSWORD), 401, 'INVALID_CREDENTIALS');
  });
});

describe('access tokens', () => {
  it('serves /api/auth/me to the token holder', async () => {
    const { api, session } = await register();
    const me = await api.me();
    expect(me.user).toEqual(session.user);
  });

  it('answers a request without a token with UNAUTHORIZED', async () => {
    await expectApiError(server.api().me(), 401, 'UNAUTHORIZED');
  });

  it('rejects a token whose payload was altered with TOKEN_INVALID', async () => {
    const { api } = await register();
    const other = await register();
    const [header, , signature] = (api.token ?? '').split('.');
    const payload = Buffer.from(JSON.stringify(decodeJwt(other.session.token))).toString('base64url');
    // Someone else's claims under this token's signature.
    api.token = `${header}.${payload}.${signature}`;
    await expectApiError(api.me(), 401, 'TOKEN_INVALID');
    api.token = 'not-a-jwt';
    await expectApiError(api.me(), 401, 'TOKEN_INVALID');
  });

  it('rejects a correctly signed token for a live session once it has expired, with TOKEN_EXPIRED', async () => {
    const { api, session } = await register();
    const claims = decodeJwt(session.token);
    const now = Math.floor(Date.now() / 1000);
    api.token = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub))
      .setIssuer('guftagu')
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(JWT_SECRET);
    await expectApiError(api.me(), 401, 'TOKEN_EXPIRED');

    // The same claims, still valid, are accepted: only the expiry made the difference.
    api.token = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub))
      .setIssuer('guftagu')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(JWT_SECRET);
    expect((await api.me()).user.id).toBe(session.user.id);
  });
});

describe('refresh tokens', () => {
  it('rotates the httpOnly refresh cookie and returns a working access token', async () => {
    const { api } = await register();
    const before = api.refreshCookieValue;
    const response = await post('/api/auth/refresh', undefined, { cookie: before ?? '' });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const rotated = /guftagu_rt=([^;]+)/.exec(cookie)?.[1];
    expect(rotated).toBeDefined();
    expect(`${REFRESH_COOKIE}=${rotated}`).not.toBe(before);

    const fresh = new ApiClient({ baseUrl: server.url });
    fresh.token = ZSessionResponse.parse(await response.json()).token;
    await expect(fresh.me()).resolves.toMatchObject({ success: true });
  });

  it('treats a replayed old refresh cookie as theft: 401, and the whole session family is revoked', async () => {
    const { api } = await register();
    const original = api.refreshCookieValue;
    await api.refresh();
    const newest = api.refreshCookieValue;
    expect(newest).not.toBe(original);
    await expect(api.me()).resolves.toMatchObject({ success: true });

    const thief = server.api();
    thief.refreshCookieValue = original;
    await expectApiError(thief.refresh(), 401, 'UNAUTHORIZED');

    // The legitimate holder is signed out too: neither the newest refresh cookie nor its access token work.
    expect(api.refreshCookieValue).toBe(newest);
    await expectApiError(api.me(), 401, 'UNAUTHORIZED');
    await expectApiError(api.refresh(), 401, 'UNAUTHORIZED');
  });

  it('answers refresh without a cookie with UNAUTHORIZED', async () => {
    await expectApiError(server.api().refresh(), 401, 'UNAUTHORIZED');
  });
});

describe('session hint cookie', () => {
  /** The named cookie of a response's Set-Cookie headers, attributes included. */
  const cookieOf = (response: Response, name: string) =>
    response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
  const hintOf = (response: Response) => cookieOf(response, SESSION_HINT_COOKIE);
  const isCleared = (line: string | undefined) => /Expires=Thu, 01 Jan 1970/i.test(line ?? '');

  it('is set next to the refresh cookie, readable by pages and with the same expiry, on every sign-in and refresh', async () => {
    const email = newEmail();
    const registered = await post('/api/auth/register', {
      username: uniqueName(),
      email,
      password: PASSWORD,
    });
    const loggedIn = await post('/api/auth/login', { email, password: PASSWORD });
    await post('/api/auth/send-otp', { email });
    const verified = await post('/api/auth/verify-otp', { email, otp: server.latestCode(email) });
    const refreshCookie = /guftagu_rt=[^;]+/.exec(cookieOf(verified, REFRESH_COOKIE) ?? '')?.[0] ?? '';
    const refreshed = await post('/api/auth/refresh', undefined, { cookie: refreshCookie });

    for (const response of [registered, loggedIn, verified, refreshed]) {
      expect(response.ok).toBe(true);
      const hint = hintOf(response);
      expect(hint).toMatch(new RegExp(`^${SESSION_HINT_COOKIE}=1;`));
      expect(hint).toMatch(/Path=\/(;|$)/);
      expect(hint).toMatch(/SameSite=Strict/i);
      expect(hint).not.toMatch(/HttpOnly/i);
      const expires = (line: string | undefined) => /Expires=([^;]+)/i.exec(line ?? '')?.[1];
      expect(expires(hint)).toBe(expires(cookieOf(response, REFRESH_COOKIE)));
      expect(isCleared(hint)).toBe(false);
    }
  });

  it('is cleared on logout, on a failed refresh, on token reuse and on a refresh without a cookie', async () => {
    const { api } = await register();
    const original = api.refreshCookieValue ?? '';
    const rotated = await post('/api/auth/refresh', undefined, { cookie: original });
    expect(rotated.ok).toBe(true);
    const newest = /guftagu_rt=[^;]+/.exec(cookieOf(rotated, REFRESH_COOKIE) ?? '')?.[0] ?? '';

    const reused = await post('/api/auth/refresh', undefined, { cookie: original });
    expect(reused.status).toBe(401);
    expect(isCleared(hintOf(reused))).toBe(true);
    expect(isCleared(cookieOf(reused, REFRESH_COOKIE))).toBe(true);

    // The family is revoked by the reuse, so the newest token now fails too.
    const failed = await post('/api/auth/refresh', undefined, { cookie: newest });
    expect(failed.status).toBe(401);
    expect(isCleared(hintOf(failed))).toBe(true);

    const without = await post('/api/auth/refresh', undefined);
    expect(without.status).toBe(401);
    expect(isCleared(hintOf(without))).toBe(true);

    const other = await register();
    const loggedOut = await post('/api/auth/logout', undefined, {
      cookie: other.api.refreshCookieValue ?? '',
    });
    expect(loggedOut.ok).toBe(true);
    expect(hintOf(loggedOut)).toMatch(/Path=\/(;|$)/);
    expect(isCleared(hintOf(loggedOut))).toBe(true);
    expect(isCleared(cookieOf(loggedOut, REFRESH_COOKIE))).toBe(true);
  });
});

describe('logout', () => {
  it('ends only this session: its token stops working and its sockets are told and dropped, others stay', async () => {
    const { api: first, email, session } = await register();
    const second = server.api();
    await second.login(email, PASSWORD);

    const loggedOut = server.socket(first.token);
    const forced = nextEvent(loggedOut, 'force_disconnect');
    const dropped = new Promise<string>((resolve) => loggedOut.once('disconnect', resolve));
    const firstAuthenticated = nextEvent(loggedOut, 'authenticated');
    const survivor = server.socket(second.token);
    const survivorAuthenticated = nextEvent(survivor, 'authenticated');
    await Promise.all([waitForConnect(loggedOut), waitForConnect(survivor)]);
    expect((await firstAuthenticated).userId).toBe(session.user.id);
    expect((await survivorAuthenticated).userId).toBe(session.user.id);

    const token = first.token;
    await expect(first.logout()).resolves.toEqual({ success: true, message: 'Logged out successfully' });
    expect(await forced).toEqual({ reason: 'logged_out' });
    await dropped;
    expect(loggedOut.connected).toBe(false);

    first.token = token;
    await expectApiError(first.me(), 401, 'UNAUTHORIZED');
    await expectApiError(first.refresh(), 401, 'UNAUTHORIZED');

    // The other login of the same user is untouched.
    const ack = await survivor.timeout(2_000).emitWithAck('heartbeat', {});
    expect(ack.success).toBe(true);
    expect(survivor.connected).toBe(true);
    await expect(second.me()).resolves.toMatchObject({ user: { id: session.user.id } });
  });

  it('logs out with only the refresh cookie when the access token is gone', async () => {
    const { api } = await register();
    const token = api.token;
    api.token = undefined;
    await expect(api.logout()).resolves.toMatchObject({ success: true });
    api.token = token;
    await expectApiError(api.me(), 401, 'UNAUTHORIZED');
  });
});

describe('banned accounts', () => {
  const ban = (userId: string, until: Date | null) =>
    server.db.query("UPDATE users SET is_banned = true, ban_reason = 'spam', ban_until = $2 WHERE id = $1", [
      userId,
      until,
    ]);

  it('cannot sign in by code, by password or by refresh, and its live token stops working', async () => {
    const { api, email, session } = await register();
    await ban(session.user.id, null);

    const login = await expectApiError(server.api().login(email, PASSWORD), 403, 'ACCOUNT_BANNED');
    expect(login.envelope.details).toEqual({ reason: 'spam', banUntil: null });
    await expectApiError(api.me(), 403, 'ACCOUNT_BANNED');
    await expectApiError(api.refresh(), 403, 'ACCOUNT_BANNED');

    const byCode = server.api();
    await byCode.sendOtp(email);
    await expectApiError(byCode.verifyOtp(email, server.latestCode(email)), 403, 'ACCOUNT_BANNED');
  });

  it('is not blocked by a temporary ban that has already ended', async () => {
    const { api, email, session } = await register();
    await ban(session.user.id, new Date(Date.now() - 60_000));
    await expect(server.api().login(email, PASSWORD)).resolves.toMatchObject({
      user: { id: session.user.id },
    });
    await expect(api.me()).resolves.toMatchObject({ success: true });
    await expect(api.refresh()).resolves.toMatchObject({ success: true });
  });

  it('is blocked by a temporary ban that has not ended yet, and told until when', async () => {
    const { email, session } = await register();
    const until = new Date(Date.now() + 3_600_000);
    await ban(session.user.id, until);
    const error = await expectApiError(server.api().login(email, PASSWORD), 403, 'ACCOUNT_BANNED');
    expect(error.envelope.details?.banUntil).toBe(until.toISOString());
  });
});

describe('rate limits', () => {
  it('refuses the 4th login for one email within the window with 429 RATE_LIMITED and Retry-After', async () => {
    const { email } = await register();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await post('/api/auth/login', {
        email,
        password: attempt === 2 ? PASSWORD : 'wrong-password',
      });
      expect(response.status).not.toBe(429);
    }
    // Even the right password is refused now.
    const response = await post('/api/auth/login', { email, password: PASSWORD });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const envelope = await envelopeOf(response);
    expect(envelope.code).toBe('RATE_LIMITED');
    expect(envelope.details?.retryAfter).toBe(retryAfter);

    // Another email from the same address is unaffected.
    const other = await register();
    await expect(server.api().login(other.email, PASSWORD)).resolves.toMatchObject({ success: true });
  });

  describe('on a server with tight per-IP limits', () => {
    let tight: TestServer;
    beforeAll(async () => {
      tight = await startTestServer({
        otpPolicy: { ...RELAXED_OTP_POLICY, sendsPerIp: { limit: 2, windowSeconds: 3600 } },
        passwordPolicy: {
          loginsPerIp: RELAXED,
          loginsPerEmail: RELAXED,
          registrationsPerIp: { limit: 2, windowSeconds: 3600 },
        },
      });
    });
    afterAll(async () => {
      await tight?.close();
    });

    it('refuses a 3rd sign-in code from one IP, even to a new email, with 429 RATE_LIMITED', async () => {
      const api = tight.api();
      await api.sendOtp(newEmail());
      await api.sendOtp(newEmail());
      const response = await post('/api/auth/send-otp', { email: newEmail() }, {}, tight.url);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await envelopeOf(response)).code).toBe('RATE_LIMITED');
    });

    it('refuses a 3rd registration from one IP with 429 RATE_LIMITED', async () => {
      const api = tight.api();
      await api.register(uniqueName(), newEmail(), PASSWORD);
      await api.register(uniqueName(), newEmail(), PASSWORD);
      await expectApiError(api.register(uniqueName(), newEmail(), PASSWORD), 429, 'RATE_LIMITED');
    });
  });
});

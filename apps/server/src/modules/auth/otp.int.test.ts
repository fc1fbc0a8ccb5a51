import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestServer, type TestServer, uniqueName } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('email OTP sign-in', () => {
  it('signs a new user in with the mailed code and reports isNewUser until onboarding', async () => {
    const api = server.api();
    const email = `${uniqueName()}@Example.COM`;
    const sent = await api.sendOtp(email);
    expect(sent).toMatchObject({ success: true, resendAfter: 60, expiresIn: 600 });
    const session = await api.verifyOtp(email, server.latestCode(email));
    expect(session.isNewUser).toBe(true);
    expect(session.user.email).toBe(email.toLowerCase());
    expect(session.user.isVerified).toBe(true);
    expect(session.user.needsOnboarding).toBe(true);
    expect(session.user.userId7Digit).toMatch(/^[1-9]\d{6}$/);
  });

  it('rejects a malformed email with VALIDATION_ERROR naming the field', async () => {
    const error = await expectApiError(server.api().sendOtp('not-an-email'), 400, 'VALIDATION_ERROR');
    expect(error.envelope.details?.field).toBe('email');
  });

  it('refuses a second code within the 60 s cooldown', async () => {
    const api = server.api();
    const email = `${uniqueName()}@example.com`;
    await api.sendOtp(email);
    await expectApiError(api.sendOtp(email), 429, 'OTP_COOLDOWN');
  });

  it('locks the code after five wrong attempts, so even the right code then fails', async () => {
    const api = server.api();
    const email = `${uniqueName()}@example.com`;
    await api.sendOtp(email);
    const code = server.latestCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++)
      await expectApiError(api.verifyOtp(email, wrong), 400, 'INVALID_OTP');
    await expectApiError(api.verifyOtp(email, wrong), 429, 'OTP_LOCKED');
    await expectApiError(api.verifyOtp(email, code), 400, 'INVALID_OTP');
  });

  it('accepts a code only once, even when the same code is submitted twice at once', async () => {
    const email = `${uniqueName()}@example.com`;
    await server.api().sendOtp(email);
    const code = server.latestCode(email);
    const results = await Promise.allSettled([
      server.api().verifyOtp(email, code),
      server.api().verifyOtp(email, code),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    await expectApiError(server.api().verifyOtp(email, code), 400, 'INVALID_OTP');
  });

  it('gives the same answer for a wrong code whether or not the email has an account', async () => {
    const unknown = await expectApiError(
      server.api().verifyOtp(`${uniqueName()}@example.com`, '123456'),
      400,
      'INVALID_OTP',
    );
    const known = await server.signUp();
    const existing = await expectApiError(server.api().verifyOtp(known.email, '123456'), 400, 'INVALID_OTP');
    expect(existing.envelope).toEqual(unknown.envelope);
  });
});

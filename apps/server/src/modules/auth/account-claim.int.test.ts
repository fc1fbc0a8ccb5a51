import { ApiClient } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  nextEvent,
  RELAXED_OTP_POLICY,
  startTestServer,
  type TestServer,
  uniqueName,
} from '../../../test/harness.js';

let server: TestServer;
const ADMIN = `${uniqueName('boss')}@example.com`;

beforeAll(async () => {
  // A one-second resend cooldown lets a test sign the same owner in twice.
  server = await startTestServer({
    env: { ADMIN_EMAILS: ADMIN },
    otpPolicy: { ...RELAXED_OTP_POLICY, resendCooldownSeconds: 1 },
  });
});
afterAll(async () => {
  await server?.close();
});

const verifyByCode = async (email: string) => {
  const api = server.api();
  await api.sendOtp(email);
  return { api, session: await api.verifyOtp(email, server.latestCode(email)) };
};

describe('an address registered by someone who does not own it', () => {
  it('is taken over by the owner: the squatter’s password and sessions stop working', async () => {
    const victim = `${uniqueName('v')}@example.com`;
    const squatter = server.api();
    await squatter.register(uniqueName('sq'), victim, 'squatter-password');
    const squatterSocket = server.socket(squatter.token);
    await nextEvent(squatterSocket, 'authenticated');
    const dropped = new Promise((resolve) => squatterSocket.once('disconnect', resolve));

    const { session } = await verifyByCode(victim);
    expect(session.user.isVerified).toBe(true);

    await expectApiError(squatter.me(), 401, 'UNAUTHORIZED');
    await expectApiError(squatter.refresh(), 401, 'UNAUTHORIZED');
    await expectApiError(server.api().login(victim, 'squatter-password'), 401, 'INVALID_CREDENTIALS');
    await dropped;
  });

  it('never makes an unverified registration an admin, only the verified owner', async () => {
    const early = server.api();
    const registered = await early.register(uniqueName('ad'), ADMIN, 'pretend-to-be-admin');
    expect(registered.user.isAdmin).toBe(false);

    const { session } = await verifyByCode(ADMIN);
    expect(session.user.isAdmin).toBe(true);
  });

  it('leaves a verified account alone when its owner signs in by code again', async () => {
    const email = `${uniqueName('o')}@example.com`;
    const first = await verifyByCode(email);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await verifyByCode(email);
    expect(second.session.user.id).toBe(first.session.user.id);
    await expect(first.api.me()).resolves.toMatchObject({ success: true });
  });
});

describe('refresh races between tabs', () => {
  it('lets two tabs refresh with the same cookie at once without signing the user out', async () => {
    const { api } = await verifyByCode(`${uniqueName('t')}@example.com`);
    const cookie = api.refreshCookieValue;
    const tabs = [new ApiClient({ baseUrl: server.url }), new ApiClient({ baseUrl: server.url })];
    for (const tab of tabs) tab.refreshCookieValue = cookie;

    const results = await Promise.all(tabs.map((tab) => tab.refresh()));
    for (const result of results) expect(result.success).toBe(true);
    for (const tab of tabs) await expect(tab.me()).resolves.toMatchObject({ success: true });
    // Both tabs can keep rotating their own cookie afterwards.
    for (const tab of tabs) await expect(tab.refresh()).resolves.toMatchObject({ success: true });
  });
});

describe('presence after a crash', () => {
  it('marks everyone offline when a single node starts, since nobody can still be connected to it', async () => {
    if (process.env.REDIS_URL) return; // With Redis, presence outlives a node; this rule is single-node.
    const { session } = await verifyByCode(`${uniqueName('c')}@example.com`);
    await server.db.query('UPDATE users SET is_online = true WHERE id = $1', [session.user.id]);
    const restarted = await startTestServer({ database: server.database });
    const { rows } = await server.db.query<{ is_online: boolean }>(
      'SELECT is_online FROM users WHERE id = $1',
      [session.user.id],
    );
    expect(rows[0]?.is_online).toBe(false);
    await restarted.close();
  });
});

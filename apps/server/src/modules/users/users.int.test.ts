import { isValidUserId, ZMeResponse } from '@guftagu/contracts';
import { ApiError } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestServer, type TestServer, uniqueName } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('checking a username', () => {
  it('reports a free username as available', async () => {
    const username = uniqueName('Free');
    await expect(server.api().checkUsername(username)).resolves.toEqual({
      success: true,
      username,
      available: true,
    });
  });

  it('reports a taken username as taken in any letter case', async () => {
    const username = uniqueName('Taken_');
    await server.signUp({ username });
    for (const variant of [username, username.toUpperCase(), username.toLowerCase()]) {
      await expect(server.api().checkUsername(variant)).resolves.toEqual({
        success: true,
        username: variant,
        available: false,
        reason: 'taken',
      });
    }
  });

  it('reports the signed-in user their own username as available', async () => {
    const username = uniqueName('Mine');
    const { api } = await server.signUp({ username });
    await expect(api.checkUsername(username.toLowerCase())).resolves.toMatchObject({ available: true });
  });

  it('reports malformed usernames as invalid rather than failing', async () => {
    for (const bad of ['ab', 'a'.repeat(21), 'has space', 'dash-ed', 'émile', '']) {
      await expect(server.api().checkUsername(bad)).resolves.toEqual({
        success: true,
        username: bad,
        available: false,
        reason: 'invalid',
      });
    }
  });

  it('rejects a query longer than 100 characters with VALIDATION_ERROR', async () => {
    const error = await expectApiError(server.api().checkUsername('a'.repeat(101)), 400, 'VALIDATION_ERROR');
    expect(error.envelope.details?.field).toBe('username');
  });
});

describe('onboarding', () => {
  it('sets the username and display name once, after which the user no longer needs onboarding', async () => {
    const { api, session } = await server.signUp({ username: null });
    expect(session.user.needsOnboarding).toBe(true);
    const username = uniqueName('New_');
    const onboarded = ZMeResponse.parse(await api.onboard(`  ${username}  `, '  Ada Lovelace '));
    expect(onboarded.user).toMatchObject({ username, displayName: 'Ada Lovelace', needsOnboarding: false });
    await expect(api.me()).resolves.toEqual(onboarded);
    await expect(server.api().checkUsername(username)).resolves.toMatchObject({
      available: false,
      reason: 'taken',
    });
  });

  it('refuses a second onboarding with ALREADY_ONBOARDED and keeps the first username', async () => {
    const username = uniqueName();
    const { api } = await server.signUp({ username });
    await expectApiError(api.onboard(uniqueName()), 409, 'ALREADY_ONBOARDED');
    await expect(api.me()).resolves.toMatchObject({ user: { username } });
  });

  it('requires a signed-in user', async () => {
    await expectApiError(server.api().onboard(uniqueName()), 401, 'UNAUTHORIZED');
  });

  it('refuses a username another user already has, in any letter case, with USERNAME_TAKEN', async () => {
    const username = uniqueName('Held_');
    await server.signUp({ username });
    const { api } = await server.signUp({ username: null });
    const error = await expectApiError(api.onboard(username.toLowerCase()), 409, 'USERNAME_TAKEN');
    expect(error.envelope.details?.field).toBe('username');
    await expect(api.me()).resolves.toMatchObject({ user: { username: null } });
  });

  it('lets exactly one of two users racing for the same username (in different case) have it', async () => {
    const [first, second] = await Promise.all([
      server.signUp({ username: null }),
      server.signUp({ username: null }),
    ]);
    const username = uniqueName('race_');
    const results = await Promise.allSettled([
      first.api.onboard(username),
      second.api.onboard(username.toUpperCase()),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ApiError);
    expect((lost[0] as ApiError).status).toBe(409);
    expect((lost[0] as ApiError).code).toBe('USERNAME_TAKEN');
    expect((lost[0] as ApiError).envelope.details?.field).toBe('username');

    // The loser is still un-onboarded and can pick another name.
    const loser = results[0]?.status === 'rejected' ? first : second;
    await expect(loser.api.me()).resolves.toMatchObject({ user: { username: null, needsOnboarding: true } });
    await expect(loser.api.onboard(uniqueName())).resolves.toMatchObject({ success: true });
  });

  it.each([
    ['too short', 'ab'],
    ['too long (21 characters)', 'a'.repeat(21)],
    ['with a space', 'ada lovelace'],
    ['with punctuation', 'ada!'],
    ['with a non-ASCII letter', 'adé_1'],
    ['empty', ''],
  ])(
    'rejects a username that is %s with VALIDATION_ERROR on the username field',
    async (_label, username) => {
      const { api } = await server.signUp({ username: null });
      const error = await expectApiError(api.onboard(username), 400, 'VALIDATION_ERROR');
      expect(error.envelope.details?.field).toBe('username');
      await expect(api.me()).resolves.toMatchObject({ user: { needsOnboarding: true } });
    },
  );

  it('accepts exactly 3 and exactly 20 characters', async () => {
    const short = await server.signUp({ username: null });
    const shortName = uniqueName('').slice(0, 3);
    await expect(short.api.onboard(shortName)).resolves.toMatchObject({ user: { username: shortName } });
    const long = await server.signUp({ username: null });
    const longName = uniqueName('L_').padEnd(20, '9');
    await expect(long.api.onboard(longName)).resolves.toMatchObject({ user: { username: longName } });
  });

  it('rejects a display name over 50 characters with VALIDATION_ERROR on the displayName field', async () => {
    const { api } = await server.signUp({ username: null });
    const error = await expectApiError(api.onboard(uniqueName(), 'x'.repeat(51)), 400, 'VALIDATION_ERROR');
    expect(error.envelope.details?.field).toBe('displayName');
    await expect(api.onboard(uniqueName(), 'x'.repeat(50))).resolves.toMatchObject({ success: true });
  });
});

describe('7-digit public ids', () => {
  it('gives 30 new users 30 distinct valid ids', async () => {
    const users = await Promise.all(Array.from({ length: 30 }, () => server.signUp()));
    const ids = users.map((user) => user.session.user.userId7Digit);
    for (const id of ids) expect(isValidUserId(id), id).toBe(true);
    expect(new Set(ids).size).toBe(30);
  });
});

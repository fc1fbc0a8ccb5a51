import { ZAck, ZAuthRequired, ZUserBanned, ZValidationErrorEvent } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventRecorder,
  nextEvent,
  recordEvents,
  startTestServer,
  type TestServer,
  waitForConnect,
} from '../../test/harness.js';
import { OPTIONAL_PAYLOAD_EVENTS, SOCKET_EVENTS_PER_SECOND } from './event-registry.js';

const ADMIN_EMAIL = 'boss@example.com';

let server: TestServer;
let opened: GuftaguSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: { ADMIN_EMAILS: ` ${ADMIN_EMAIL.toUpperCase()} , other@example.com` },
  });
});
afterAll(async () => {
  await server?.close();
});

const onlineCount = async () =>
  ((await (await fetch(`${server.url}/api/health`)).json()) as { onlineCount: number }).onlineCount;

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Each test starts from an empty gateway, so counts are exact.
afterEach(async () => {
  for (const socket of opened) socket.disconnect();
  opened = [];
  await eventually(async () => (await onlineCount()) === 0, 'every socket is gone');
});

function open(token?: string): GuftaguSocket {
  const socket = server.socket(token);
  opened.push(socket);
  return socket;
}

/** The socket without its typed event map, for sending what a hostile or buggy client might send. */
interface UntypedSocket {
  emit(event: string, ...args: unknown[]): void;
  emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
}
const untyped = (socket: GuftaguSocket, timeoutMs = 2_000) =>
  socket.timeout(timeoutMs) as unknown as UntypedSocket;

const countsOf = (recorder: EventRecorder<'user_count_update'>) =>
  recorder.payloads.map((payload) => payload.count);
const countsReach = (recorder: EventRecorder<'user_count_update'>, length: number) =>
  recorder.waitFor(() => recorder.payloads.length >= length);

describe('online count', () => {
  it('broadcasts the exact count to everyone as anonymous clients come and go one by one', async () => {
    const sockets: GuftaguSocket[] = [];
    const recorders: Array<EventRecorder<'user_count_update'>> = [];
    for (let n = 1; n <= 3; n++) {
      const socket = open();
      recorders.push(recordEvents(socket, 'user_count_update'));
      sockets.push(socket);
      await waitForConnect(socket);
      // Every connected client, the newcomer included, hears the new count.
      await Promise.all(recorders.map((recorder, index) => countsReach(recorder, n - index)));
    }
    expect(await onlineCount()).toBe(3);

    const [first, second, third] = sockets as [GuftaguSocket, GuftaguSocket, GuftaguSocket];
    const [firstCounts, secondCounts] = recorders as [
      EventRecorder<'user_count_update'>,
      EventRecorder<'user_count_update'>,
    ];
    third.disconnect();
    await Promise.all([countsReach(firstCounts, 4), countsReach(secondCounts, 3)]);
    second.disconnect();
    await countsReach(firstCounts, 5);
    // One more round trip, so a stray extra broadcast would have arrived by now.
    await untyped(first).emitWithAck('heartbeat');

    expect(recorders.map(countsOf)).toEqual([[1, 2, 3, 2, 1], [2, 3, 2], [3]]);
    expect(await onlineCount()).toBe(1);
  });

  it('counts a socket whose handshake token is bad, and keeps it connected', async () => {
    const socket = open('not-a-token');
    const error = nextEvent(socket, 'auth_error');
    await waitForConnect(socket);
    expect(await error).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(socket.connected).toBe(true);
    await expect(untyped(socket).emitWithAck('heartbeat')).resolves.toMatchObject({ success: true });
    expect(await onlineCount()).toBe(1);
  });
});

describe('authentication', () => {
  it('sends `authenticated` with exactly the seed payload for a valid handshake token', async () => {
    const { token, session } = await server.signUp();
    const socket = open(token);
    const authenticated = nextEvent(socket, 'authenticated');
    await waitForConnect(socket);
    expect(await authenticated).toStrictEqual({
      userId: session.user.id,
      username: session.user.username,
      userId7Digit: session.user.userId7Digit,
      displayName: null,
      profilePicture: null,
      isAdmin: false,
      isPremium: false,
      friendsCount: 0,
      unreadNotifications: 0,
      unreadMessages: 0,
    });
  });

  it('marks a user listed in ADMIN_EMAILS as admin, and a user before onboarding with a null username', async () => {
    const admin = await server.signUp({ email: ADMIN_EMAIL, username: null });
    const socket = open(admin.token);
    const authenticated = nextEvent(socket, 'authenticated');
    await waitForConnect(socket);
    expect(await authenticated).toMatchObject({ userId: admin.userId, isAdmin: true, username: null });
  });

  it('authenticates an anonymous socket by the `authenticate` event: ack with the user and an `authenticated` event', async () => {
    const { token, userId } = await server.signUp();
    const socket = open();
    await waitForConnect(socket);
    const authenticated = nextEvent(socket, 'authenticated');
    const ack = ZAck.parse(await untyped(socket).emitWithAck('authenticate', { token }));
    expect(ack).toMatchObject({ success: true, user: { userId } });
    expect(await authenticated).toEqual(ack.success ? ack.user : undefined);
  });

  it('answers `authenticate` with a bad token by a failed ack and `auth_error`, and stays connected', async () => {
    const socket = open();
    await waitForConnect(socket);
    const authError = nextEvent(socket, 'auth_error');
    const ack = ZAck.parse(await untyped(socket).emitWithAck('authenticate', { token: 'a.b.c' }));
    expect(ack).toMatchObject({ success: false, code: 'TOKEN_INVALID' });
    expect(await authError).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(socket.connected).toBe(true);
  });

  it('moves a socket re-authenticated as another user out of the first user’s rooms', async () => {
    const first = await server.signUp();
    const second = await server.signUp();
    const socket = open(first.token);
    const authenticated = nextEvent(socket, 'authenticated');
    await waitForConnect(socket);
    await authenticated;
    await expect(untyped(socket).emitWithAck('authenticate', { token: second.token })).resolves.toMatchObject(
      {
        success: true,
        user: { userId: second.userId },
      },
    );
    const forced = recordEvents(socket, 'force_disconnect');
    await first.api.logout();
    await untyped(socket).emitWithAck('heartbeat');
    expect(forced.payloads).toEqual([]);
    expect(socket.connected).toBe(true);
  });

  it('tells a client that reconnects with `reconnect: true` what it missed', async () => {
    const { token, userId } = await server.signUp();
    const socket = open(token);
    const reconnected = recordEvents(socket, 'reconnected');
    const authenticated = recordEvents(socket, 'authenticated');
    await waitForConnect(socket);
    await authenticated.waitFor(() => true);
    expect(reconnected.payloads).toEqual([]);

    socket.disconnect();
    socket.connect();
    await waitForConnect(socket);
    expect(await reconnected.waitFor(() => true)).toEqual({ missedNotifications: 0, missedMessages: 0 });
    await authenticated.waitFor(() => authenticated.payloads.length === 2);
    expect(authenticated.payloads[1]?.userId).toBe(userId);
  });
});

describe('client events', () => {
  it('acknowledges `heartbeat` with the server time', async () => {
    const socket = open();
    await waitForConnect(socket);
    const before = Date.now();
    const ack = ZAck.parse(await untyped(socket).emitWithAck('heartbeat', {}));
    expect(ack.success).toBe(true);
    const serverTime = Date.parse(String((ack as { serverTime?: unknown }).serverTime));
    expect(serverTime).toBeGreaterThanOrEqual(before - 1_000);
    expect(serverTime).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('records a signed-in user’s heartbeat as activity', async () => {
    const { token, userId } = await server.signUp();
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE users SET last_active = now() - interval '1 day' WHERE id = $1`, [userId]);
      const socket = open(token);
      const authenticated = nextEvent(socket, 'authenticated');
      await waitForConnect(socket);
      await authenticated;
      await untyped(socket).emitWithAck('heartbeat');
      const { rows } = await db.query<{ age: number }>(
        'SELECT extract(epoch FROM now() - last_active)::float AS age FROM users WHERE id = $1',
        [userId],
      );
      expect(rows[0]?.age).toBeLessThan(60);
    } finally {
      await db.end();
    }
  });

  it('writes a heartbeat’s activity at most once per 30 seconds per socket', async () => {
    const { token, userId } = await server.signUp();
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    const ageInSeconds = async () => {
      const { rows } = await db.query<{ age: number }>(
        'SELECT extract(epoch FROM now() - last_active)::float AS age FROM users WHERE id = $1',
        [userId],
      );
      return rows[0]?.age ?? Number.NaN;
    };
    try {
      const first = open(token);
      const authenticated = nextEvent(first, 'authenticated');
      await waitForConnect(first);
      await authenticated;
      await untyped(first).emitWithAck('heartbeat');
      await db.query(`UPDATE users SET last_active = now() - interval '1 day' WHERE id = $1`, [userId]);
      for (let beat = 0; beat < 5; beat++) await untyped(first).emitWithAck('heartbeat');
      expect(await ageInSeconds()).toBeGreaterThan(86_000);

      // The limit is per socket: another tab's first heartbeat is written.
      const second = open(token);
      const secondAuthenticated = nextEvent(second, 'authenticated');
      await waitForConnect(second);
      await secondAuthenticated;
      await untyped(second).emitWithAck('heartbeat');
      expect(await ageInSeconds()).toBeLessThan(60);
    } finally {
      await db.end();
    }
  });

  it.each([
    ['no token', [{}]],
    ['a number token', [{ token: 5 }]],
    ['a 10 KB token', [{ token: 'x'.repeat(10 * 1024) }]],
    ['a string payload', ['token']],
    ['a null payload', [null]],
    ['no payload at all', []],
  ])('answers `authenticate` with %s by a VALIDATION_ERROR ack and keeps serving', async (_label, args) => {
    const socket = open();
    await waitForConnect(socket);
    const ack = ZAck.parse(await untyped(socket).emitWithAck('authenticate', ...args));
    expect(ack).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect(socket.connected).toBe(true);
    await expect(untyped(socket).emitWithAck('heartbeat')).resolves.toMatchObject({ success: true });
  });

  it('accepts no payload (sent as null) for every event whose payload is optional', async () => {
    expect([...OPTIONAL_PAYLOAD_EVENTS]).toEqual(
      expect.arrayContaining([
        'heartbeat',
        'leave_queue',
        'notification_clear_all',
        'join_queue',
        'end_chat',
      ]),
    );
    const socket = open();
    await waitForConnect(socket);
    // Socket.IO serialises `undefined` as `null`; a seed client sends exactly this.
    await expect(untyped(socket).emitWithAck('heartbeat', undefined)).resolves.toMatchObject({
      success: true,
    });
    await expect(untyped(socket).emitWithAck('heartbeat', null)).resolves.toMatchObject({ success: true });
    await expect(untyped(socket).emitWithAck('leave_queue', undefined)).resolves.toMatchObject({
      success: true,
      left: false,
    });
    await expect(untyped(socket).emitWithAck('leave_queue')).resolves.toMatchObject({ success: true });
    // A required payload still may not be null.
    await expect(untyped(socket).emitWithAck('authenticate', null)).resolves.toMatchObject({
      success: false,
      code: 'VALIDATION_ERROR',
    });
  });

  it('sends seed 000’s `validation_error` and `auth_required` besides the failed ack', async () => {
    const socket = open();
    await waitForConnect(socket);
    const invalid = nextEvent(socket, 'validation_error');
    await expect(untyped(socket).emitWithAck('authenticate', { token: 5 })).resolves.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    // The token is a secret: its refusal never repeats it.
    expect(ZValidationErrorEvent.parse(await invalid)).toEqual({
      field: 'token',
      message: expect.any(String),
    });
    const required = nextEvent(socket, 'auth_required');
    await expect(untyped(socket).emitWithAck('notification_clear_all')).resolves.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(ZAuthRequired.parse(await required)).toMatchObject({ action: 'notification_clear_all' });
  });

  it('repeats a refused short value in `validation_error.value`, but never a secret', async () => {
    const socket = open();
    await waitForConnect(socket);
    const invalid = nextEvent(socket, 'validation_error');
    await untyped(socket).emitWithAck('update_status', { status: 'dancing' });
    expect(ZValidationErrorEvent.parse(await invalid)).toMatchObject({ field: 'status', value: 'dancing' });
    const long = nextEvent(socket, 'validation_error');
    await untyped(socket).emitWithAck('update_status', { status: 'x'.repeat(5000) });
    expect(ZValidationErrorEvent.parse(await long).value).toHaveLength(100);
  });

  it('tells a banned account `user_banned`, then disconnects it with `force_disconnect` account_banned', async () => {
    const { token, userId } = await server.signUp();
    await server.db.query(
      "update users set is_banned = true, ban_until = now() + interval '1 day', ban_reason = 'spam' where id = $1",
      [userId],
    );
    const socket = open(token);
    const banned = nextEvent(socket, 'user_banned');
    const forced = nextEvent(socket, 'force_disconnect');
    const authError = nextEvent(socket, 'auth_error');
    expect(ZUserBanned.parse(await banned)).toMatchObject({ reason: 'spam', banType: 'temporary' });
    expect(await authError).toMatchObject({ code: 'ACCOUNT_BANNED' });
    expect(await forced).toEqual({ reason: 'account_banned' });
    await eventually(async () => !socket.connected, 'the banned socket is disconnected');
  });

  it('rejects a heartbeat with unknown fields', async () => {
    const socket = open();
    await waitForConnect(socket);
    await expect(untyped(socket).emitWithAck('heartbeat', { extra: 1 })).resolves.toMatchObject({
      success: false,
      code: 'VALIDATION_ERROR',
    });
  });

  it('reports a bad payload sent without an ack callback as an `error` event', async () => {
    const socket = open();
    await waitForConnect(socket);
    const error = nextEvent(socket, 'error');
    (socket as unknown as UntypedSocket).emit('authenticate', { token: 5 });
    expect(await error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'token' } });
    expect(socket.connected).toBe(true);
  });

  it('rate-limits a flood of 100 events: the first 40 pass, the excess is refused and announced', async () => {
    const socket = open();
    const exceeded = recordEvents(socket, 'rate_limit_exceeded');
    await waitForConnect(socket);
    const acks = (await Promise.all(
      Array.from({ length: 100 }, () => untyped(socket, 5_000).emitWithAck('heartbeat')),
    )) as Array<{ success: boolean; code?: string }>;
    for (const ack of acks) ZAck.parse(ack);
    const passed = acks.filter((ack) => ack.success);
    const refused = acks.filter((ack) => !ack.success);
    expect(acks.slice(0, SOCKET_EVENTS_PER_SECOND).every((ack) => ack.success)).toBe(true);
    // A one-second window boundary may fall inside the burst on a slow machine; never more than two windows.
    expect(passed.length).toBeLessThanOrEqual(2 * SOCKET_EVENTS_PER_SECOND);
    expect(refused.length).toBeGreaterThanOrEqual(100 - 2 * SOCKET_EVENTS_PER_SECOND);
    expect(refused.every((ack) => ack.code === 'RATE_LIMITED')).toBe(true);
    expect(await exceeded.waitFor(() => true)).toEqual({
      endpoint: 'heartbeat',
      retryAfter: 1,
      limit: SOCKET_EVENTS_PER_SECOND,
      window: 1,
    });
    expect(socket.connected).toBe(true);

    // The window is one second: after it the socket is served again.
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await expect(untyped(socket).emitWithAck('heartbeat')).resolves.toMatchObject({ success: true });
  });

  it('counts unknown events against the rate limit too', async () => {
    const socket = open();
    const exceeded = recordEvents(socket, 'rate_limit_exceeded');
    await waitForConnect(socket);
    const name = `no_such_event_${'x'.repeat(100)}`;
    const acks = (await Promise.all(
      Array.from({ length: 100 }, () => untyped(socket, 5_000).emitWithAck(name, {})),
    )) as Array<{ success: boolean; code?: string }>;
    for (const ack of acks) ZAck.parse(ack);
    const codes = acks.map((ack) => ack.code);
    expect(codes.slice(0, SOCKET_EVENTS_PER_SECOND).every((code) => code === 'VALIDATION_ERROR')).toBe(true);
    // As in the flood above, the burst may straddle two one-second windows, never more.
    expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(
      100 - 2 * SOCKET_EVENTS_PER_SECOND,
    );
    expect(await exceeded.waitFor(() => true)).toEqual({
      endpoint: name.slice(0, 50),
      retryAfter: 1,
      limit: SOCKET_EVENTS_PER_SECOND,
      window: 1,
    });
    expect(socket.connected).toBe(true);
  });

  it('survives malformed and oversized packets: the offending connection may drop, the server stays up', async () => {
    const packets = [
      '2["authenticate",', // truncated JSON
      'not socket.io at all',
      '2"just a string"',
      '2[42]',
      '2["error","boom"]',
      '2["no_such_event",{}]',
      '5-["binary without attachments"]',
      '3',
      `2["authenticate",${'['.repeat(10_000)}${']'.repeat(10_000)}]`, // deeply nested
    ];
    for (const packet of packets) {
      const socket = open();
      await waitForConnect(socket);
      socket.io.engine.write(packet);
      // Packets are handled in order: either the server drops this connection or it answers what follows.
      await Promise.race([
        new Promise((resolve) => socket.once('disconnect', resolve)),
        untyped(socket)
          .emitWithAck('heartbeat')
          .catch(() => undefined),
      ]);
    }
    const big = open();
    await waitForConnect(big);
    const dropped = new Promise((resolve) => big.once('disconnect', resolve));
    (big as unknown as UntypedSocket).emit('heartbeat', { blob: 'x'.repeat(70 * 1024) });
    await dropped;

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const fresh = open();
    await waitForConnect(fresh);
    await expect(untyped(fresh).emitWithAck('heartbeat')).resolves.toMatchObject({ success: true });
  });
});

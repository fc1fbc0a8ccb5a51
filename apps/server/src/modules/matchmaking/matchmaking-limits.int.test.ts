import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emitAck,
  expectApiError,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { anonymousPeer, fails, ok, pair } from './matchmaking.test-support.js';

/** The costly video chat events are limited per person, not only per socket. */
describe('video chat abuse limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { MATCH_CHAT_RATE_LIMIT: '3', MATCH_REPORT_RATE_LIMIT: '2' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('limits chat lines per address over all anonymous sockets', async () => {
    const a = await anonymousPeer(server);
    const b = await anonymousPeer(server);
    const { matchId } = await pair(a, b);
    for (let line = 0; line < 3; line++) {
      await ok(a.socket, 'chat_message', { to: b.id, matchId, message: `line ${line}` });
    }
    await fails(a.socket, 'chat_message', { to: b.id, matchId, message: 'one too many' }, 'RATE_LIMITED');
    // A second socket from the same address is the same person.
    await fails(b.socket, 'chat_message', { to: a.id, matchId, message: 'me too' }, 'RATE_LIMITED');
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('relays a typing change, but drops repeats of the same state', async () => {
    const a = await anonymousPeer(server);
    const b = await anonymousPeer(server);
    const { matchId } = await pair(a, b);
    const starts = recordEvents(b.socket, 'chat_typing_start');
    const stops = recordEvents(b.socket, 'chat_typing_stop');
    for (let repeat = 0; repeat < 5; repeat++) {
      expect((await emitAck(a.socket, 'chat_typing_start', { to: b.id, matchId })).success).toBe(true);
    }
    await ok(a.socket, 'chat_typing_stop', { to: b.id, matchId });
    await stops.waitFor(() => true);
    await settle(b.socket);
    expect(starts.payloads).toHaveLength(1);
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('limits reports per user', async () => {
    const reporter = await server.signUp();
    const targets = [await server.signUp(), await server.signUp(), await server.signUp()];
    const report = (userId: string) =>
      reporter.api.request('POST', '/api/report/user', { userId, reason: 'spam', description: '' });
    await report(targets[0]?.userId ?? '');
    await report(targets[1]?.userId ?? '');
    await expectApiError(report(targets[2]?.userId ?? ''), 429, 'RATE_LIMITED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  nextEvent,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError } from '../../../test/messaging-helpers.js';
import { callLines, callRow, friends, mustAck, startCall } from './calls.test-support.js';

/** Short deadlines so the sweep decides within the test; nothing here asserts a duration. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { CALL_RING_TIMEOUT_MS: '300', CALL_GRACE_MS: '200', CALL_SWEEP_MS: '50' },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('call deadlines', () => {
  it('makes an unanswered call missed: both hear it, the line is written, the callee is notified', async () => {
    const [a, b] = await friends(server);
    const notified = recordEvents(b.socket, 'notification_new');
    const ringing = nextEvent(b.socket, 'incoming_dm_call');
    const endedForA = nextEvent(a.socket, 'dm_call_ended');
    const endedForB = nextEvent(b.socket, 'dm_call_ended');
    const sessionId = await startCall(a, b, true);
    await ringing;
    expect(await endedForA).toMatchObject({ sessionId, outcome: 'missed', endedBy: null, duration: 0 });
    await endedForB;
    await expectAckError(b.socket, 'answer_dm_call', { sessionId }, 'CONFLICT');
    expect(await callRow(server, sessionId)).toMatchObject({ status: 'ended', outcome: 'missed' });
    await notified.waitFor((payload) => payload.title === 'Missed video call');
    await eventually(async () => (await callLines(server, a.userId, b.userId)).length === 1, 'the call line');
    expect(await callLines(server, a.userId, b.userId)).toEqual(['Missed video call']);
    // Both are free again.
    const again = await startCall(b, a);
    await mustAck(b.socket, 'end_dm_call', { sessionId: again });
  });

  it('ends a running call when a signaling socket stays away past the grace period', async () => {
    const [a, b] = await friends(server);
    const sessionId = await startCall(a, b, false);
    await mustAck(b.socket, 'answer_dm_call', { sessionId });
    const ended = nextEvent(a.socket, 'dm_call_ended');
    b.socket.disconnect();
    expect(await ended).toMatchObject({ sessionId, endedBy: b.userId, outcome: 'completed' });
    expect((await callRow(server, sessionId))?.answered_at).not.toBeNull();
    await eventually(async () => (await callLines(server, a.userId, b.userId)).length === 1, 'the call line');
    expect((await callLines(server, a.userId, b.userId))[0]).toMatch(/^Voice call · 0:0\d$/);
  });
});

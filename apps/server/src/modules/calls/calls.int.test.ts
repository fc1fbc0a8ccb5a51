import { SDP_MAX_LENGTH, ZCallSessionResponse, ZCallSessionsResponse, ZOkResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  emitAck,
  eventually,
  expectApiError,
  nextEvent,
  recordAllEvents,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError, sendDm } from '../../../test/messaging-helpers.js';
import { callLines, callRow, friends, mustAck, person, startCall } from './calls.test-support.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };

describe('who may call whom', () => {
  it('refuses a stranger, and a blocked pair in both directions', async () => {
    const [a, b] = await Promise.all([person(server), person(server)]);
    await expectAckError(
      a.socket,
      'start_dm_call',
      { recipientId: b.userId, isVideo: true },
      'DM_NOT_ALLOWED',
    );

    const [c, d] = await friends(server);
    await call(c.api, ZOkResponse, 'POST', `/api/users/${d.userId}/block`);
    await expectAckError(c.socket, 'start_dm_call', { recipientId: d.userId, isVideo: false }, 'BLOCKED');
    await expectAckError(d.socket, 'start_dm_call', { recipientId: c.userId, isVideo: false }, 'BLOCKED');
    await expectApiError(
      call(d.api, ZCallSessionResponse, 'POST', '/api/voice/dm-call', { recipientId: c.userId }),
      403,
      'BLOCKED',
    );
  });

  it('lets someone call after their message request was accepted', async () => {
    const [a, b] = await Promise.all([person(server), person(server)]);
    await sendDm(a.socket, b, 'hello');
    await mustAck(b.socket, 'dm_request_accept', { userId: a.userId });
    const sessionId = await startCall(b, a, false);
    await mustAck(b.socket, 'end_dm_call', { sessionId });
  });

  it('refuses bad payloads, yourself and unknown users with the envelope', async () => {
    const a = await person(server);
    await expectAckError(
      a.socket,
      'start_dm_call',
      { recipientId: 'nope', isVideo: true },
      'VALIDATION_ERROR',
    );
    await expectAckError(
      a.socket,
      'start_dm_call',
      { recipientId: a.userId, isVideo: true },
      'VALIDATION_ERROR',
    );
    await expectAckError(
      a.socket,
      'start_dm_call',
      { recipientId: '0190b5a4-8f4e-7000-8000-000000000000', isVideo: true },
      'NOT_FOUND',
    );
    await expectAckError(
      a.socket,
      'webrtc_signal',
      {
        sessionId: '0190b5a4-8f4e-7000-8000-000000000000',
        signalData: { type: 'offer', sdp: 'x'.repeat(SDP_MAX_LENGTH + 1) },
      },
      'VALIDATION_ERROR',
    );
  });

  it('answers an offline callee at once with OFFLINE', async () => {
    const [a, b] = await friends(server);
    b.socket.disconnect();
    // The gateway lets go of a socket asynchronously; from then on the call is refused at once.
    await eventually(async () => {
      const ack = await emitAck(a.socket, 'start_dm_call', { recipientId: b.userId, isVideo: true });
      if (ack.success) await mustAck(a.socket, 'end_dm_call', { sessionId: String(ack.sessionId) });
      return !ack.success && ack.code === 'OFFLINE';
    }, 'the call is refused as OFFLINE');
  });
});

describe('a call', () => {
  it('rings every tab of the callee; the answer reaches both and stops the other tab ringing', async () => {
    const [a, b] = await friends(server);
    const { socket: bTab2 } = await connectAuthed(server, b.token);
    const ringing1 = nextEvent(b.socket, 'incoming_dm_call');
    const ringing2 = nextEvent(bTab2, 'incoming_dm_call');
    const started = nextEvent(a.socket, 'dm_call_started');
    const sessionId = await startCall(a, b, true);

    expect(await started).toMatchObject({
      sessionId,
      recipientId: b.userId,
      isVideo: true,
      status: 'calling',
    });
    for (const incoming of [await ringing1, await ringing2])
      expect(incoming).toMatchObject({
        sessionId,
        callerId: a.userId,
        isVideo: true,
        caller: { username: a.session.user.username },
      });

    const answeredA = nextEvent(a.socket, 'dm_call_answered');
    const answeredTab2 = nextEvent(bTab2, 'dm_call_answered');
    await mustAck(b.socket, 'answer_dm_call', { sessionId });
    const answered = await answeredA;
    expect(answered.participants.map((p) => p._id)).toEqual([a.userId, b.userId]);
    expect((await answeredTab2).sessionId).toBe(sessionId);

    const sessions = await call(a.api, ZCallSessionsResponse, 'GET', '/api/voice/sessions');
    expect(sessions.sessions).toMatchObject([{ sessionId, status: 'active', isVideoCall: true }]);

    const ended = nextEvent(b.socket, 'dm_call_ended');
    await mustAck(a.socket, 'end_dm_call', { sessionId });
    expect(await ended).toMatchObject({ sessionId, endedBy: a.userId, outcome: 'completed' });
    expect(await callRow(server, sessionId)).toMatchObject({
      status: 'ended',
      outcome: 'completed',
      call_type: 'video',
    });
    await eventually(async () => (await callLines(server, a.userId, b.userId)).length === 1, 'the call line');
    expect((await callLines(server, a.userId, b.userId))[0]).toMatch(/^Video call · \d+:\d\d$/);
    expect((await call(a.api, ZCallSessionsResponse, 'GET', '/api/voice/sessions')).sessions).toEqual([]);
  });

  it('lets exactly one of two tabs answering at once win', async () => {
    const [a, b] = await friends(server);
    const { socket: bTab2 } = await connectAuthed(server, b.token);
    const sessionId = await startCall(a, b);
    const acks = await Promise.all([
      mustAck(b.socket, 'answer_dm_call', { sessionId }).then(
        () => 'ok',
        (error: Error) => error.message,
      ),
      mustAck(bTab2, 'answer_dm_call', { sessionId }).then(
        () => 'ok',
        (error: Error) => error.message,
      ),
    ]);
    expect(acks.filter((ack) => ack === 'ok')).toHaveLength(1);
    expect(acks.find((ack) => ack !== 'ok')).toMatch(/CONFLICT/);
    await mustAck(a.socket, 'end_dm_call', { sessionId });
  });

  it('relays signals only between the two call sockets; a third user or another tab cannot inject or answer', async () => {
    const [a, b] = await friends(server);
    const mallory = await person(server);
    const { socket: bTab2 } = await connectAuthed(server, b.token);
    const sessionId = await startCall(a, b);

    await expectAckError(mallory.socket, 'answer_dm_call', { sessionId }, 'NOT_FOUND');
    await expectAckError(a.socket, 'answer_dm_call', { sessionId }, 'FORBIDDEN');
    await expectAckError(a.socket, 'webrtc_signal', { sessionId, signalData: offer }, 'CONFLICT');
    await mustAck(b.socket, 'answer_dm_call', { sessionId });

    const tab2Events = recordAllEvents(bTab2);
    const malloryEvents = recordAllEvents(mallory.socket);
    const received = nextEvent(b.socket, 'webrtc_signal');
    expect(await mustAck(a.socket, 'webrtc_signal', { sessionId, signalData: offer })).toMatchObject({
      delivered: true,
    });
    expect(await received).toEqual({ fromUserId: a.userId, sessionId, signalData: offer });

    await expectAckError(mallory.socket, 'webrtc_signal', { sessionId, signalData: offer }, 'FORBIDDEN');
    await expectAckError(bTab2, 'webrtc_signal', { sessionId, signalData: offer }, 'FORBIDDEN');
    await expectAckError(mallory.socket, 'end_dm_call', { sessionId }, 'NOT_FOUND');
    await expectAckError(mallory.socket, 'update_dm_call_state', { sessionId, muted: true }, 'NOT_FOUND');

    const candidate = {
      type: 'candidate' as const,
      candidate: { candidate: '', sdpMid: '0', sdpMLineIndex: 0 },
    };
    const back = nextEvent(a.socket, 'webrtc_signal');
    await mustAck(b.socket, 'webrtc_signal', { sessionId, signalData: candidate });
    expect((await back).signalData).toEqual(candidate);

    const stateSeen = nextEvent(a.socket, 'dm_call_state_updated');
    await mustAck(b.socket, 'update_dm_call_state', { sessionId, muted: true, screenSharing: true });
    expect(await stateSeen).toEqual({
      sessionId,
      userId: b.userId,
      voiceState: { muted: true, deafened: false, video: true, screenSharing: true },
    });

    await settle(bTab2);
    await settle(mallory.socket);
    expect(tab2Events.names()).not.toContain('webrtc_signal');
    expect(malloryEvents.names().filter((name) => name !== 'permission_denied')).toEqual([]);
    await mustAck(a.socket, 'end_dm_call', { sessionId });
  });

  it('is declined: the caller hears dm_call_declined and the conversation says so', async () => {
    const [a, b] = await friends(server);
    const sessionId = await startCall(a, b, false);
    const declined = nextEvent(a.socket, 'dm_call_declined');
    await expectAckError(a.socket, 'decline_dm_call', { sessionId }, 'FORBIDDEN');
    await mustAck(b.socket, 'decline_dm_call', { sessionId });
    expect(await declined).toEqual({ sessionId, recipientId: b.userId });
    await expectAckError(b.socket, 'answer_dm_call', { sessionId }, 'CONFLICT');
    expect(await callRow(server, sessionId)).toMatchObject({ outcome: 'declined', answered_at: null });
    await eventually(async () => (await callLines(server, a.userId, b.userId)).length === 1, 'the call line');
    expect(await callLines(server, a.userId, b.userId)).toEqual(['Declined voice call']);
    // Declining freed both: they can call again.
    const again = await startCall(b, a);
    await mustAck(b.socket, 'end_dm_call', { sessionId: again });
  });

  it('is busy when either side is already in a call, on any tab', async () => {
    const [a, b] = await friends(server);
    const [d, e] = await Promise.all([person(server), person(server)]);
    await befriend(e, b);
    await befriend(a, d);
    const sessionId = await startCall(a, b);
    // b is being called by a: e's call is busy.
    await expectAckError(e.socket, 'start_dm_call', { recipientId: b.userId, isVideo: true }, 'BUSY');
    // a, calling b, calls d from another tab: busy too, and d never rings.
    const dEvents = recordAllEvents(d.socket);
    const { socket: aTab2 } = await connectAuthed(server, a.token);
    await expectAckError(aTab2, 'start_dm_call', { recipientId: d.userId, isVideo: true }, 'BUSY');
    await settle(d.socket);
    expect(dEvents.names()).not.toContain('incoming_dm_call');
    await mustAck(a.socket, 'end_dm_call', { sessionId });
    const free = await startCall(e, b);
    await mustAck(e.socket, 'end_dm_call', { sessionId: free });
  });

  it('is cancelled by the caller before an answer: a missed call for the callee, with a notification', async () => {
    const [a, b] = await friends(server);
    const notified = recordEvents(b.socket, 'notification_new');
    const sessionId = await startCall(a, b);
    const ended = nextEvent(b.socket, 'dm_call_ended');
    await mustAck(a.socket, 'end_dm_call', { sessionId });
    expect(await ended).toMatchObject({ sessionId, outcome: 'cancelled', duration: 0 });
    await notified.waitFor((n) => n.title === 'Missed video call');
    expect(await callLines(server, a.userId, b.userId)).toEqual(['Missed video call']);
  });

  it('works over REST: start, read, update state and leave', async () => {
    const [a, b] = await friends(server);
    const ringing = nextEvent(b.socket, 'incoming_dm_call');
    const { session } = await call(a.api, ZCallSessionResponse, 'POST', '/api/voice/dm-call', {
      recipientId: b.userId,
      isVideoCall: false,
    });
    expect(session).toMatchObject({ type: 'dm', participants: [a.userId, b.userId], isVideoCall: false });
    expect((await ringing).sessionId).toBe(session.sessionId);
    await mustAck(a.socket, 'resume_dm_call', { sessionId: session.sessionId });
    await mustAck(b.socket, 'answer_dm_call', { sessionId: session.sessionId });
    const got = await call(b.api, ZCallSessionResponse, 'GET', `/api/voice/sessions/${session.sessionId}`);
    expect(got.session.status).toBe('active');
    await expectApiError(
      call(
        (await person(server)).api,
        ZCallSessionResponse,
        'GET',
        `/api/voice/sessions/${session.sessionId}`,
      ),
      404,
      'NOT_FOUND',
    );
    const relayed = nextEvent(b.socket, 'webrtc_signal');
    await mustAck(a.socket, 'webrtc_signal', { sessionId: session.sessionId, signalData: offer });
    await relayed;
    await expectApiError(
      b.api.request('PUT', `/api/voice/sessions/${session.sessionId}`, { isMuted: 'yes' }),
      400,
      'VALIDATION_ERROR',
    );
    await b.api.request('PUT', `/api/voice/sessions/${session.sessionId}`, { isMuted: true });
    await b.api.request('DELETE', `/api/voice/sessions/${session.sessionId}`);
    expect(await callRow(server, session.sessionId)).toMatchObject({ outcome: 'completed' });
  });

  it('survives a dropped signaling socket that comes back within the grace period', async () => {
    const [a, b] = await friends(server);
    const sessionId = await startCall(a, b);
    await mustAck(b.socket, 'answer_dm_call', { sessionId });
    const dropped = nextEvent(a.socket, 'dm_call_peer_connection');
    b.socket.disconnect();
    expect(await dropped).toMatchObject({ sessionId, userId: b.userId, connected: false });
    const { socket: back } = await connectAuthed(server, b.token);
    const returned = nextEvent(a.socket, 'dm_call_peer_connection');
    await mustAck(back, 'resume_dm_call', { sessionId });
    expect(await returned).toMatchObject({ sessionId, userId: b.userId, connected: true });
    const relayed = nextEvent(back, 'webrtc_signal');
    await mustAck(a.socket, 'webrtc_signal', { sessionId, signalData: offer });
    await relayed;
    expect(await callRow(server, sessionId)).toMatchObject({ status: 'active' });
    await mustAck(a.socket, 'end_dm_call', { sessionId });
  });
});

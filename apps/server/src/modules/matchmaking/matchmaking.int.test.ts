import { ICE_CANDIDATE_MAX_LENGTH, SDP_MAX_LENGTH } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emitAck,
  eventually,
  nextEvent,
  recordAllEvents,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import {
  anonymousPeer,
  fails,
  nthEnded,
  nthFound,
  ok,
  pair,
  SDP,
  userPeer,
} from './matchmaking.test-support.js';

/** The core video chat flow over real sockets: pairing, signaling, chat, skip and stop. */
describe('random video chat', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('pairs two anonymous sockets and tells each the other as partner, with one polite side', async () => {
    const first = await anonymousPeer(server);
    const second = await anonymousPeer(server);
    const joined = await ok(first.socket, 'join_queue', {});
    expect(joined).toMatchObject({ status: 'queued', matchId: null, position: 1 });
    await first.positions.waitFor((payload) => payload.position === 1);
    const paired = await ok(second.socket, 'join_queue', {});
    expect(paired).toMatchObject({ status: 'matched' });
    const a = await nthFound(first, 0);
    const b = await nthFound(second, 0);
    expect(a.matchId).toBe(paired.matchId);
    expect(a).toMatchObject({
      partnerId: second.id,
      partnerUsername: 'Anonymous',
      partnerUserId7Digit: null,
    });
    expect(b).toMatchObject({ partnerId: first.id, partnerIsAnonymous: true, matchedByInterests: false });
    expect(a.polite).not.toBe(b.polite);
    expect(a.iceServers.length).toBeGreaterThan(0);
    expect(a.resumeToken).not.toBe(b.resumeToken);
    const { rows } = await server.db.query('select status, user1_socket_id from matches where id = $1', [
      a.matchId,
    ]);
    expect(rows[0]).toEqual({ status: 'active', user1_socket_id: first.id });
    await ok(first.socket, 'end_chat', {});
  });

  it('shows registered partners by name and 7-digit id and counts the match for both', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const first = await userPeer(server, alice);
    const second = await userPeer(server, bob);
    const { first: toAlice, second: toBob } = await pair(first, second);
    expect(toAlice).toMatchObject({
      partnerUserId: bob.userId,
      partnerUsername: bob.session.user.username,
      partnerUserId7Digit: bob.session.user.userId7Digit,
      partnerIsAnonymous: false,
    });
    expect(toBob.partnerUserId).toBe(alice.userId);
    const { rows } = await server.db.query('select total_matches from users where id = any($1) order by id', [
      [alice.userId, bob.userId],
    ]);
    expect(rows.map((row) => row.total_matches)).toEqual([1, 1]);
    await ok(second.socket, 'end_chat', {});
  });

  it('refuses a second join from a socket that is already waiting or matched', async () => {
    const first = await anonymousPeer(server);
    await ok(first.socket, 'join_queue', {});
    await fails(first.socket, 'join_queue', {}, 'CONFLICT');
    const second = await anonymousPeer(server);
    await ok(second.socket, 'join_queue', {});
    await nthFound(first, 0);
    await fails(first.socket, 'join_queue', {}, 'CONFLICT');
    await ok(first.socket, 'end_chat', {});
  });

  it('lets a socket leave the queue, and a double leave is harmless', async () => {
    const peer = await anonymousPeer(server);
    await ok(peer.socket, 'join_queue', {});
    expect(await ok(peer.socket, 'leave_queue')).toMatchObject({ left: true });
    expect(await ok(peer.socket, 'leave_queue')).toMatchObject({ left: false });
  });

  it('tells a socket that joins an empty queue `no_match_available`, and keeps it queued', async () => {
    const lonely = await anonymousPeer(server);
    const told = nextEvent(lonely.socket, 'no_match_available');
    await ok(lonely.socket, 'join_queue', {});
    expect((await told).message).toMatch(/nobody/i);
    const second = await anonymousPeer(server);
    const found = nextEvent(lonely.socket, 'match_found');
    await ok(second.socket, 'join_queue', {});
    expect((await found).partnerId).toBe(second.id);
    await ok(lonely.socket, 'end_chat', {});
  });

  it('rejects malformed joins: too many interests, over-long tags', async () => {
    const peer = await anonymousPeer(server);
    await fails(
      peer.socket,
      'join_queue',
      { interests: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      'VALIDATION_ERROR',
    );
    await fails(peer.socket, 'join_queue', { interests: ['x'.repeat(21)] }, 'VALIDATION_ERROR');
    await fails(peer.socket, 'join_queue', { interests: 'music' }, 'VALIDATION_ERROR');
  });

  describe('signaling', () => {
    it('relays offer, answer and ICE candidates to the partner with `from` and the match id', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      const offer = nextEvent(second.socket, 'webrtc_offer');
      await ok(first.socket, 'webrtc_offer', { to: second.id, matchId, offer: SDP('offer') });
      expect(await offer).toEqual({ from: first.id, matchId, offer: SDP('offer') });
      const answer = nextEvent(first.socket, 'webrtc_answer');
      await ok(second.socket, 'webrtc_answer', { to: first.id, matchId, answer: SDP('answer') });
      expect((await answer).from).toBe(second.id);
      const candidate = {
        candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      };
      const ice = nextEvent(second.socket, 'webrtc_ice_candidate');
      await ok(first.socket, 'webrtc_ice_candidate', { to: second.id, matchId, candidate });
      expect((await ice).candidate).toEqual(candidate);
      await ok(first.socket, 'end_chat', {});
    });

    it('accepts seed 000’s signals without a matchId, relaying them with the current match id', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      const offer = nextEvent(second.socket, 'webrtc_offer');
      await ok(first.socket, 'webrtc_offer', { to: second.id, offer: SDP('offer') });
      expect(await offer).toEqual({ from: first.id, matchId, offer: SDP('offer') });
      const answer = nextEvent(first.socket, 'webrtc_answer');
      await ok(second.socket, 'webrtc_answer', { to: first.id, answer: SDP('answer') });
      expect(await answer).toEqual({ from: second.id, matchId, answer: SDP('answer') });
      const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0' };
      const ice = nextEvent(second.socket, 'webrtc_ice_candidate');
      await ok(first.socket, 'webrtc_ice_candidate', { to: second.id, candidate });
      expect(await ice).toMatchObject({ from: first.id, matchId, candidate });
      // A matchId that is not the current match is still refused as stale.
      const stale = '0190a0a0-0000-7000-8000-000000000000';
      await fails(
        first.socket,
        'webrtc_offer',
        { to: second.id, matchId: stale, offer: SDP('offer') },
        'CONFLICT',
      );
      await ok(first.socket, 'end_chat', {});
    });

    it('refuses signaling addressed to anyone but the current partner, and delivers nothing', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const bystander = await anonymousPeer(server);
      const heard = recordAllEvents(bystander.socket);
      const { matchId } = await pair(first, second);
      await fails(
        first.socket,
        'webrtc_offer',
        { to: bystander.id, matchId, offer: SDP('offer') },
        'FORBIDDEN',
      );
      await fails(first.socket, 'chat_message', { to: bystander.id, message: 'hi' }, 'FORBIDDEN');
      await fails(first.socket, 'chat_typing_start', { to: bystander.id }, 'FORBIDDEN');
      await settle(bystander.socket);
      expect(heard.names()).toEqual([]);
      await ok(first.socket, 'end_chat', {});
    });

    it('refuses signaling and chat from a socket that is not in a match', async () => {
      const lonely = await anonymousPeer(server);
      const other = await anonymousPeer(server);
      const matchId = '0190a0a0-0000-7000-8000-000000000000';
      await fails(lonely.socket, 'webrtc_offer', { to: other.id, matchId, offer: SDP('offer') }, 'CONFLICT');
      await fails(
        lonely.socket,
        'webrtc_ice_candidate',
        { to: other.id, matchId, candidate: { candidate: '' } },
        'CONFLICT',
      );
      await fails(lonely.socket, 'chat_message', { to: other.id, message: 'hello?' }, 'CONFLICT');
      await fails(lonely.socket, 'connection_quality', { quality: 'good' }, 'CONFLICT');
    });

    it('refuses oversize SDP and ICE candidates, and a signal for an earlier match', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      await fails(
        first.socket,
        'webrtc_offer',
        { to: second.id, matchId, offer: SDP('offer', SDP_MAX_LENGTH) },
        'VALIDATION_ERROR',
      );
      await fails(
        first.socket,
        'webrtc_ice_candidate',
        { to: second.id, matchId, candidate: { candidate: 'c'.repeat(ICE_CANDIDATE_MAX_LENGTH + 1) } },
        'VALIDATION_ERROR',
      );
      await fails(
        first.socket,
        'webrtc_offer',
        { to: second.id, matchId, offer: { type: 'answer', sdp: 'x' } },
        'VALIDATION_ERROR',
      );
      await fails(
        first.socket,
        'webrtc_offer',
        { to: second.id, matchId: '0190a0a0-0000-7000-8000-000000000000', offer: SDP('offer') },
        'CONFLICT',
      );
      await ok(first.socket, 'end_chat', {});
    });
  });

  describe('text chat', () => {
    it('delivers messages and typing to the partner and stores them on the match', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      const typing = nextEvent(second.socket, 'chat_typing_start');
      await ok(first.socket, 'chat_typing_start', { to: second.id });
      expect(await typing).toEqual({ from: first.id, matchId });
      const stopped = nextEvent(second.socket, 'chat_typing_stop');
      await ok(first.socket, 'chat_typing_stop', { to: second.id, matchId });
      await stopped;
      const received = nextEvent(second.socket, 'chat_message');
      expect(
        await ok(first.socket, 'chat_message', { to: second.id, message: '  hello there  ', matchId }),
      ).toMatchObject({
        stored: true,
      });
      expect(await received).toMatchObject({
        from: first.id,
        fromUsername: 'Anonymous',
        message: 'hello there',
        matchId,
      });
      const { rows } = await server.db.query(
        'select chat_messages, message_count from matches where id = $1',
        [matchId],
      );
      expect(rows[0].message_count).toBe(1);
      expect(rows[0].chat_messages[0]).toMatchObject({ senderId: first.id, message: 'hello there' });
      await ok(first.socket, 'end_chat', {});
    });

    it('stores at most 500 messages per match and still delivers the ones after', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      await server.db.query('update matches set message_count = 500 where id = $1', [matchId]);
      const received = nextEvent(second.socket, 'chat_message');
      expect(await ok(first.socket, 'chat_message', { to: second.id, message: 'one more' })).toMatchObject({
        stored: false,
      });
      expect((await received).message).toBe('one more');
      const { rows } = await server.db.query(
        'select message_count, chat_messages from matches where id = $1',
        [matchId],
      );
      expect(rows[0]).toEqual({ message_count: 500, chat_messages: [] });
      await ok(first.socket, 'end_chat', {});
    });

    it('refuses empty and over-long messages', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      await pair(first, second);
      await fails(
        first.socket,
        'chat_message',
        { to: second.id, message: 'x'.repeat(501) },
        'VALIDATION_ERROR',
      );
      await fails(first.socket, 'chat_message', { to: second.id, message: '   ' }, 'VALIDATION_ERROR');
      await ok(first.socket, 'end_chat', {});
    });

    it('records the connection quality on the match', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      await ok(first.socket, 'connection_quality', {
        quality: 'poor',
        partnerId: second.id,
        iceConnectionState: 'connected',
      });
      await fails(first.socket, 'connection_quality', { quality: 'superb' }, 'VALIDATION_ERROR');
      const { rows } = await server.db.query(
        'select connection_quality, ice_connection_state from matches where id = $1',
        [matchId],
      );
      expect(rows[0]).toEqual({ connection_quality: 'poor', ice_connection_state: 'connected' });
      await ok(first.socket, 'end_chat', {});
    });
  });

  describe('skip and stop', () => {
    it('skip: the partner is told, both are re-queued, and the skipper meets the next waiting user', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      const third = await anonymousPeer(server);
      await ok(third.socket, 'join_queue', {});
      const skipped = recordEvents(second.socket, 'partner_skipped');
      const again = await ok(first.socket, 'skip_partner', { matchId });
      expect(again).toMatchObject({ status: 'matched' });
      expect(await nthEnded(first, 0)).toMatchObject({
        matchId,
        endReason: 'user_skipped',
        reason: 'skipped',
        requeued: true,
      });
      expect(await nthEnded(second, 0)).toMatchObject({
        matchId,
        endReason: 'partner_skipped',
        requeued: true,
      });
      await skipped.waitFor((payload) => payload.matchId === matchId);
      const next = await nthFound(first, 1);
      expect(next.partnerId).toBe(third.id);
      // The skipped partner waits again and is not handed straight back to the skipper.
      expect(await server.matchmaking.queue.state(second.id)).toMatchObject({ state: 'queued' });
      const { rows } = await server.db.query(
        'select status, end_reason, duration from matches where id = $1',
        [matchId],
      );
      expect(rows[0]).toMatchObject({ status: 'skipped', end_reason: 'user_skipped' });
      await ok(first.socket, 'end_chat', {});
      await ok(second.socket, 'leave_queue');
    });

    it('never re-pairs the partner you just left when you are the only two', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      await ok(first.socket, 'skip_partner', { matchId });
      await nthEnded(second, 0);
      await settle(second.socket);
      expect(first.found.payloads).toHaveLength(1);
      expect(await server.matchmaking.queue.state(first.id)).toMatchObject({ state: 'queued' });
      await ok(first.socket, 'leave_queue');
      await ok(second.socket, 'leave_queue');
    });

    it('a double skip ends the match once; the second is refused', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      const [one, two] = await Promise.all([
        emitAck(first.socket, 'skip_partner', { matchId }),
        emitAck(first.socket, 'skip_partner', { matchId }),
      ]);
      expect([one.success, two.success].sort()).toEqual([false, true]);
      await settle(second.socket);
      expect(second.ended.payloads).toHaveLength(1);
      await ok(first.socket, 'leave_queue');
      await ok(second.socket, 'leave_queue');
    });

    it('stop: ends without re-queueing either side', async () => {
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      expect(await ok(first.socket, 'end_chat', {})).toMatchObject({ matchId });
      expect(await nthEnded(first, 0)).toMatchObject({
        endReason: 'user_ended',
        reason: 'ended',
        requeued: false,
      });
      expect(await nthEnded(second, 0)).toMatchObject({ endReason: 'partner_ended', requeued: false });
      expect(await server.matchmaking.queue.state(first.id)).toEqual({ state: 'idle' });
      expect(await server.matchmaking.queue.state(second.id)).toEqual({ state: 'idle' });
      await fails(second.socket, 'end_chat', { matchId }, 'CONFLICT');
      await fails(second.socket, 'skip_partner', {}, 'CONFLICT');
    });

    it('stop while waiting leaves the queue', async () => {
      const peer = await anonymousPeer(server);
      await ok(peer.socket, 'join_queue', {});
      expect(await ok(peer.socket, 'end_chat', {})).toMatchObject({ matchId: null });
      expect(await server.matchmaking.queue.state(peer.id)).toEqual({ state: 'idle' });
    });
  });

  it('lists own matches in history with the end reason from the reader’s side', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    const first = await userPeer(server, alice);
    const second = await userPeer(server, bob);
    const { matchId } = await pair(first, second);
    await ok(first.socket, 'skip_partner', {});
    await nthEnded(second, 0);
    await ok(first.socket, 'leave_queue');
    await ok(second.socket, 'leave_queue');
    await eventually(async () => {
      const { rows } = await server.db.query('select status from matches where id = $1', [matchId]);
      return rows[0]?.status === 'skipped';
    }, 'the match is recorded as skipped');
    const mine = (await alice.api.request('GET', '/api/match/history?limit=1')) as {
      matches: Array<{ id: string; endReason: string; partner: { userId: string } }>;
    };
    expect(mine.matches[0]).toMatchObject({
      id: matchId,
      endReason: 'user_skipped',
      partner: { userId: bob.userId },
    });
    const theirs = (await bob.api.request('GET', '/api/match/history')) as {
      matches: Array<{ endReason: string }>;
    };
    expect(theirs.matches[0]?.endReason).toBe('partner_skipped');
  });
});

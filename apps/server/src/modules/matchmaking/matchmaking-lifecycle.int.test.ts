import {
  ZEndMatchResponse,
  ZIceServersResponse,
  ZJoinQueueResponse,
  ZLeaveQueueResponse,
  ZMatchHistoryResponse,
  ZMyReportsResponse,
  ZReportResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  eventually,
  expectApiError,
  nextEvent,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
  waitForConnect,
} from '../../../test/harness.js';
import { turnCredential } from './ice-servers.js';
import {
  anonymousPeer,
  fails,
  nthEnded,
  nthFound,
  ok,
  pair,
  SDP,
  userPeer,
  watch,
} from './matchmaking.test-support.js';

/** Dropped connections, resuming, reports and the REST surface. */
describe('matchmaking lifecycle', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      env: { TURN_URLS: 'turn:127.0.0.1:3478?transport=udp', TURN_SECRET: 'coturn-shared-secret' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('grace period', () => {
    it('tells the partner, then ends the match with reason disconnect when nobody comes back', async () => {
      server.matchmaking.settings.update({ gracePeriodMs: 200 });
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId } = await pair(first, second);
      const gone = nextEvent(second.socket, 'partner_disconnected');
      first.socket.disconnect();
      expect(await gone).toMatchObject({ matchId, reason: 'disconnect', gracePeriodMs: 200 });
      expect(await nthEnded(second, 0)).toMatchObject({
        matchId,
        endReason: 'disconnect',
        reason: 'disconnected',
        requeued: false,
      });
      const { rows } = await server.db.query('select status, end_reason from matches where id = $1', [
        matchId,
      ]);
      expect(rows[0]).toEqual({ status: 'ended', end_reason: 'disconnect' });
      expect(await server.matchmaking.queue.state(second.id)).toEqual({ state: 'idle' });
    });

    it('resumes an anonymous seat on a new socket within the grace period', async () => {
      server.matchmaking.settings.update({ gracePeriodMs: 10_000 });
      const first = await anonymousPeer(server);
      const second = await anonymousPeer(server);
      const { matchId, first: seat } = await pair(first, second);
      const gone = nextEvent(second.socket, 'partner_disconnected');
      first.socket.disconnect();
      await gone;
      const back = watch(server.socket());
      await waitForConnect(back.socket);
      const resumed = nextEvent(back.socket, 'match_resumed');
      const reconnected = nextEvent(second.socket, 'partner_reconnected');
      expect(await ok(back.socket, 'resume_match', { resumeToken: seat.resumeToken })).toMatchObject({
        matchId,
      });
      expect(await resumed).toMatchObject({ matchId, partnerId: second.id });
      expect(await reconnected).toEqual({ matchId, partnerId: back.socket.id });
      // The partner now signals the new socket; the old address is refused.
      const offer = nextEvent(back.socket, 'webrtc_offer');
      await ok(second.socket, 'webrtc_offer', { to: back.socket.id, matchId, offer: SDP('offer') });
      await offer;
      await fails(second.socket, 'webrtc_offer', { to: first.id, matchId, offer: SDP('offer') }, 'FORBIDDEN');
      // A token is good for one seat once.
      const thief = await anonymousPeer(server);
      await fails(thief.socket, 'resume_match', { resumeToken: seat.resumeToken }, 'NOT_FOUND');
      await ok(second.socket, 'end_chat', {});
    });

    it('keeps a signed-in seat for the same user only', async () => {
      server.matchmaking.settings.update({ gracePeriodMs: 10_000 });
      const alice = await server.signUp();
      const mallory = await server.signUp();
      const aliceTab = await userPeer(server, alice);
      const stranger = await anonymousPeer(server);
      const { first: seat, matchId } = await pair(aliceTab, stranger);
      const gone = nextEvent(stranger.socket, 'partner_disconnected');
      aliceTab.socket.disconnect();
      await gone;
      const malloryTab = await userPeer(server, mallory);
      await fails(malloryTab.socket, 'resume_match', { resumeToken: seat.resumeToken }, 'NOT_FOUND');
      const anonymousThief = await anonymousPeer(server);
      await fails(anonymousThief.socket, 'resume_match', { resumeToken: seat.resumeToken }, 'NOT_FOUND');
      const aliceAgain = await userPeer(server, alice);
      expect(await ok(aliceAgain.socket, 'resume_match', { resumeToken: seat.resumeToken })).toMatchObject({
        matchId,
      });
      await ok(stranger.socket, 'end_chat', {});
    });

    it('refuses garbage and unknown resume tokens', async () => {
      const peer = await anonymousPeer(server);
      await fails(peer.socket, 'resume_match', { resumeToken: 'x' }, 'VALIDATION_ERROR');
      await fails(peer.socket, 'resume_match', { resumeToken: 'no-dot-in-this-token-at-all' }, 'NOT_FOUND');
      await fails(
        peer.socket,
        'resume_match',
        { resumeToken: '0190a0a0-0000-7000-8000-000000000000.abcdefghijkl' },
        'NOT_FOUND',
      );
    });
  });

  describe('reports', () => {
    it('report_partner ends the match as reported, attaches the transcript, and the pair never meets again', async () => {
      const alice = await server.signUp();
      const bob = await server.signUp();
      const aliceTab = await userPeer(server, alice);
      const bobTab = await userPeer(server, bob);
      const { matchId } = await pair(aliceTab, bobTab);
      await ok(bobTab.socket, 'chat_message', { to: aliceTab.id, message: 'something rude' });
      const reported = await ok(aliceTab.socket, 'report_partner', {
        reason: 'harassment',
        description: 'rude',
      });
      expect(reported).toMatchObject({ matchId });
      expect(await nthEnded(bobTab, 0)).toMatchObject({
        endReason: 'report',
        reason: 'reported',
        requeued: false,
      });
      const { rows } = await server.db.query(
        'select r.reporter_id, r.reported_user_id, r.status, r.transcript, m.status as match_status from reports r join matches m on m.id = r.match_id where r.id = $1',
        [reported.reportId],
      );
      expect(rows[0]).toMatchObject({
        reporter_id: alice.userId,
        reported_user_id: bob.userId,
        status: 'pending',
        match_status: 'reported',
      });
      expect(rows[0].transcript[0]).toMatchObject({ message: 'something rude' });
      // Fresh sockets, still never paired: the exclusion lives in the database.
      const aliceNew = await userPeer(server, alice);
      const bobNew = await userPeer(server, bob);
      await ok(aliceNew.socket, 'join_queue', {});
      expect(await ok(bobNew.socket, 'join_queue', {})).toMatchObject({ status: 'queued' });
      await ok(aliceNew.socket, 'leave_queue');
      await ok(bobNew.socket, 'leave_queue');
      const mine = await call(alice.api, ZMyReportsResponse, 'GET', '/api/report/my-reports');
      expect(mine.reports[0]).toMatchObject({
        id: reported.reportId,
        reason: 'harassment',
        status: 'pending',
        matchId,
      });
    });

    it('refuses a report while not in a match, and a bad reason or description', async () => {
      const peer = await anonymousPeer(server);
      await fails(peer.socket, 'report_partner', { reason: 'spam' }, 'CONFLICT');
      await fails(peer.socket, 'report_partner', { reason: 'boring' }, 'VALIDATION_ERROR');
      await fails(
        peer.socket,
        'report_partner',
        { reason: 'spam', description: 'x'.repeat(1001) },
        'VALIDATION_ERROR',
      );
    });

    it('POST /api/report/user reports by 7-digit id or by a match you were in, never yourself', async () => {
      const alice = await server.signUp();
      const bob = await server.signUp();
      const carol = await server.signUp();
      const byId = await call(alice.api, ZReportResponse, 'POST', '/api/report/user', {
        userId7Digit: bob.session.user.userId7Digit,
        reason: 'spam',
        description: 'ads',
      });
      expect(byId.report).toMatchObject({
        reason: 'spam',
        matchId: null,
        reportedUser: { userId: bob.userId },
      });
      await expectApiError(
        alice.api.request('POST', '/api/report/user', { userId: alice.userId, reason: 'spam' }),
        400,
        'BAD_REQUEST',
      );
      await expectApiError(
        alice.api.request('POST', '/api/report/user', { reason: 'spam' }),
        400,
        'VALIDATION_ERROR',
      );
      const aliceTab = await userPeer(server, alice);
      const carolTab = await userPeer(server, carol);
      const { matchId } = await pair(aliceTab, carolTab);
      await ok(aliceTab.socket, 'end_chat', {});
      const byMatch = await call(carol.api, ZReportResponse, 'POST', '/api/report/user', {
        matchId,
        reason: 'other',
      });
      expect(byMatch.report).toMatchObject({ matchId, reportedUser: { userId: alice.userId } });
      await expectApiError(
        bob.api.request('POST', '/api/report/user', { matchId, reason: 'other' }),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('REST', () => {
    it('gives STUN and short-lived coturn credentials that match the shared secret', async () => {
      const alice = await server.signUp();
      const body = await call(alice.api, ZIceServersResponse, 'GET', '/api/match/ice-servers');
      expect(body.relayAvailable).toBe(true);
      const turn = body.iceServers.find((server) => server.username);
      expect(turn?.username).toMatch(new RegExp(`^\\d+:${alice.userId}$`));
      expect(turn?.credential).toBe(turnCredential('coturn-shared-secret', turn?.username ?? ''));
      // No relay credentials (they cost bandwidth) for an unauthenticated caller, a banned user, or during maintenance.
      const anonymous = await call(server.api(), ZIceServersResponse, 'GET', '/api/match/ice-servers');
      expect(anonymous.iceServers.some((server) => server.username)).toBe(false);
      // …but it is told a match would be relayed (the credentials come with match_found).
      expect(anonymous.relayAvailable).toBe(true);
      server.matchmaking.settings.update({ maintenance: true });
      try {
        const down = await call(alice.api, ZIceServersResponse, 'GET', '/api/match/ice-servers');
        expect(down.relayAvailable).toBe(false);
      } finally {
        server.matchmaking.settings.update({ maintenance: false });
      }
      await server.db.query('update users set is_banned = true where id = $1', [alice.userId]);
      try {
        const banned = await call(alice.api, ZIceServersResponse, 'GET', '/api/match/ice-servers');
        expect(banned.iceServers.some((server) => server.username)).toBe(false);
      } finally {
        await server.db.query('update users set is_banned = false where id = $1', [alice.userId]);
      }
    });

    it('acts on the caller’s own socket only', async () => {
      const alice = await server.signUp();
      const bob = await server.signUp();
      const aliceTab = await userPeer(server, alice);
      const bobTab = await userPeer(server, bob);
      const stranger = await anonymousPeer(server);
      await expectApiError(
        alice.api.request('POST', '/api/match/join-queue', { socketId: bobTab.id }),
        403,
        'FORBIDDEN',
      );
      await expectApiError(
        alice.api.request('POST', '/api/match/join-queue', { socketId: stranger.id }),
        403,
        'FORBIDDEN',
      );
      await expectApiError(
        alice.api.request('POST', '/api/match/join-queue', { socketId: 'not-a-socket' }),
        404,
        'NOT_FOUND',
      );
      await expectApiError(
        server.api().request('POST', '/api/match/join-queue', { socketId: aliceTab.id }),
        401,
        'UNAUTHORIZED',
      );
      const joined = await call(alice.api, ZJoinQueueResponse, 'POST', '/api/match/join-queue', {
        socketId: aliceTab.id,
        interests: ['rest'],
      });
      expect(joined).toMatchObject({ status: 'queued' });
      const left = await call(alice.api, ZLeaveQueueResponse, 'POST', '/api/match/leave-queue', {
        socketId: aliceTab.id,
      });
      expect(left.left).toBe(true);
      await call(alice.api, ZJoinQueueResponse, 'POST', '/api/match/next', { socketId: aliceTab.id });
      const next = await call(bob.api, ZJoinQueueResponse, 'POST', '/api/match/next', {
        socketId: bobTab.id,
      });
      expect(next.status).toBe('matched');
      await nthFound(aliceTab, 0);
      const ended = recordEvents(aliceTab.socket, 'match_ended');
      const stopped = await call(bob.api, ZEndMatchResponse, 'POST', '/api/match/end', {
        socketId: bobTab.id,
      });
      expect(stopped.matchId).toBe(next.matchId);
      await ended.waitFor((payload) => payload.endReason === 'partner_ended');
      await expectApiError(
        alice.api.request('POST', '/api/match/end', { socketId: aliceTab.id }),
        409,
        'CONFLICT',
      );
    });

    it('pages through match history', async () => {
      const alice = await server.signUp();
      const aliceTab = await userPeer(server, alice);
      for (let round = 0; round < 3; round++) {
        const stranger = await anonymousPeer(server);
        await pair(aliceTab, stranger);
        await ok(stranger.socket, 'end_chat', {});
        await nthEnded(aliceTab, round);
      }
      await settle(aliceTab.socket);
      await eventually(async () => {
        const { rows } = await server.db.query(
          "select count(*)::int as n from matches where user1_id = $1 and status = 'ended'",
          [alice.userId],
        );
        return rows[0].n === 3;
      }, 'three ended matches');
      const page1 = await call(alice.api, ZMatchHistoryResponse, 'GET', '/api/match/history?limit=2');
      expect(page1.matches).toHaveLength(2);
      expect(page1.matches[0]?.endReason).toBe('partner_ended');
      expect(page1.matches[0]?.partner).toMatchObject({ userId: null, username: 'Anonymous' });
      const page2 = await call(
        alice.api,
        ZMatchHistoryResponse,
        'GET',
        `/api/match/history?limit=2&before=${page1.nextCursor}`,
      );
      expect(page2.matches).toHaveLength(1);
      expect(page2.nextCursor).toBeNull();
      await expectApiError(alice.api.request('GET', '/api/match/history?limit=500'), 400, 'VALIDATION_ERROR');
    });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  nextEvent,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import type { MatchSettingsValues } from './match-settings.js';
import { anonymousPeer, fails, nthFound, ok, type Peer, pair, userPeer } from './matchmaking.test-support.js';

/** Who may be matched with whom, and the settings that gate matching. */
describe('matchmaking rules', () => {
  let server: TestServer;
  let defaults: MatchSettingsValues;
  const peers: Peer[] = [];
  const track = (peer: Peer) => {
    peers.push(peer);
    return peer;
  };
  const anonymous = async () => track(await anonymousPeer(server));
  const signedIn = async () => {
    const user = await server.signUp();
    return { user, peer: track(await userPeer(server, user)) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    defaults = { ...server.matchmaking.settings.current() };
  });
  afterEach(async () => {
    // Every test starts with an empty queue and no running matches.
    for (const peer of peers.splice(0)) peer.socket.disconnect();
    server.matchmaking.settings.update({ ...defaults, gracePeriodMs: 0 });
    const { waiting, matches } = await server.matchmaking.queue.inspect();
    for (const entry of waiting) await server.matchmaking.queue.dequeue(entry.socketId);
    for (const match of matches) await server.matchmaking.queue.endMatch(match.id);
    server.matchmaking.settings.update(defaults);
  });
  afterAll(async () => {
    await server.close();
  });

  it('prefers the waiting partner with the most common interests', async () => {
    const music = await anonymous();
    const most = await anonymous();
    await ok(music.socket, 'join_queue', { interests: ['music'] });
    await ok(most.socket, 'join_queue', { interests: ['music', 'chess', 'go'] });
    // `most` and `music` share one interest, so they were paired at once.
    const first = await nthFound(most, 0);
    expect(first).toMatchObject({
      partnerId: music.id,
      commonInterests: ['music'],
      matchedByInterests: true,
    });
    const waitingA = await anonymous();
    const waitingB = await anonymous();
    const joiner = await anonymous();
    await ok(waitingA.socket, 'join_queue', { interests: ['chess'] });
    await ok(waitingB.socket, 'join_queue', { interests: ['chess', 'go'] });
    // waitingB shares chess with waitingA, so they pair; the joiner then has nobody.
    await nthFound(waitingB, 0);
    await ok(joiner.socket, 'join_queue', { interests: ['go', 'chess'] });
    await settle(joiner.socket);
    expect(joiner.found.payloads).toHaveLength(0);
  });

  it('ranks by the number of common interests, not by who waited longer', async () => {
    const one = await anonymous();
    const two = await anonymous();
    const joiner = await anonymous();
    await ok(one.socket, 'join_queue', { interests: ['a'] });
    await ok(two.socket, 'join_queue', { interests: ['b', 'c'] });
    await ok(joiner.socket, 'join_queue', { interests: ['a', 'b', 'c'] });
    expect(await nthFound(joiner, 0)).toMatchObject({ partnerId: two.id, commonInterests: ['b', 'c'] });
  });

  it('waits for an interest match first, then relaxes to anyone', async () => {
    server.matchmaking.settings.update({ relaxAfterMs: 300 });
    const cats = await anonymous();
    const dogs = await anonymous();
    await ok(cats.socket, 'join_queue', { interests: ['cats'] });
    const joined = await ok(dogs.socket, 'join_queue', { interests: ['dogs'] });
    expect(joined).toMatchObject({ status: 'queued', position: 2, totalWaiting: 2 });
    const found = await nthFound(dogs, 0);
    expect(found).toMatchObject({ partnerId: cats.id, matchedByInterests: false, commonInterests: [] });
  });

  it('pairs users without interests with each other at once', async () => {
    const first = await anonymous();
    const second = await anonymous();
    const { first: found } = await pair(first, second);
    expect(found.matchedByInterests).toBe(false);
  });

  it('never matches two tabs of the same user', async () => {
    const { user } = await signedIn();
    const firstTab = peers[0] as Peer;
    const secondTab = track(await userPeer(server, user));
    await ok(firstTab.socket, 'join_queue', {});
    expect(await ok(secondTab.socket, 'join_queue', {})).toMatchObject({ status: 'queued', totalWaiting: 2 });
    const stranger = await anonymous();
    await ok(stranger.socket, 'join_queue', {});
    expect(await nthFound(stranger, 0)).toMatchObject({ partnerId: firstTab.id });
    await settle(secondTab.socket);
    expect(secondTab.found.payloads).toHaveLength(0);
  });

  it('never matches a blocked pair, whichever side blocked', async () => {
    const { user: alice, peer: aliceTab } = await signedIn();
    const { user: bob, peer: bobTab } = await signedIn();
    await alice.api.request('POST', `/api/users/${bob.userId}/block`);
    const { rows } = await server.db.query('select 1 from blocks where blocker_id = $1 and blocked_id = $2', [
      alice.userId,
      bob.userId,
    ]);
    expect(rows).toHaveLength(1);
    await ok(bobTab.socket, 'join_queue', {});
    expect(await ok(aliceTab.socket, 'join_queue', {})).toMatchObject({ status: 'queued' });
    const stranger = await anonymous();
    await ok(stranger.socket, 'join_queue', {});
    expect(await nthFound(stranger, 0)).toMatchObject({ partnerId: bobTab.id });
  });

  it('does not start a match between users who blocked each other while both were waiting', async () => {
    server.matchmaking.settings.update({ relaxAfterMs: 200 });
    const { user: alice, peer: aliceTab } = await signedIn();
    const { user: bob, peer: bobTab } = await signedIn();
    await ok(aliceTab.socket, 'join_queue', { interests: ['alpha'] });
    await ok(bobTab.socket, 'join_queue', { interests: ['beta'] });
    await server.db.query('insert into blocks (blocker_id, blocked_id) values ($1, $2)', [
      bob.userId,
      alice.userId,
    ]);
    // At the relax deadline the two are paired; the block read at match time splits them again and
    // both wait on, now excluding each other.
    await eventually(async () => {
      const { waiting } = await server.matchmaking.queue.inspect();
      return waiting.some(
        (entry) => entry.socketId === aliceTab.id && entry.excluded.includes(`u:${bob.userId}`),
      );
    }, 'alice waits again with bob excluded');
    await settle(aliceTab.socket);
    await settle(bobTab.socket);
    expect(aliceTab.found.payloads).toHaveLength(0);
    expect(bobTab.found.payloads).toHaveLength(0);
    const stranger = await anonymous();
    await ok(stranger.socket, 'join_queue', {});
    await nthFound(stranger, 0);
  });

  it('refuses a banned user, and lets them in once the ban has expired', async () => {
    const { user, peer } = await signedIn();
    await server.db.query(
      "update users set is_banned = true, ban_until = now() + interval '1 day' where id = $1",
      [user.userId],
    );
    await fails(peer.socket, 'join_queue', {}, 'ACCOUNT_BANNED');
    await server.db.query("update users set ban_until = now() - interval '1 minute' where id = $1", [
      user.userId,
    ]);
    await ok(peer.socket, 'join_queue', {});
  });

  it('refuses anonymous sockets when anonymous matching is off, and drops those waiting', async () => {
    const waiting = await anonymous();
    const { peer: member } = await signedIn();
    await ok(waiting.socket, 'join_queue', { interests: ['solo'] });
    await ok(member.socket, 'join_queue', { interests: ['other'] });
    const told = nextEvent(waiting.socket, 'matchmaking_unavailable');
    server.matchmaking.settings.update({ allowAnonymous: false });
    expect(await told).toMatchObject({ reason: 'anonymous_disabled' });
    const late = await anonymous();
    const refused = await fails(late.socket, 'join_queue', {}, 'SERVICE_UNAVAILABLE');
    expect(refused).toMatchObject({ details: { reason: 'anonymous_disabled' } });
    expect(await server.matchmaking.queue.state(member.id)).toMatchObject({ state: 'queued' });
  });

  it('maintenance: refuses joins with a clear reason and empties the queue; running matches continue', async () => {
    const first = await anonymous();
    const second = await anonymous();
    const { matchId } = await pair(first, second);
    const waiting = await anonymous();
    await ok(waiting.socket, 'join_queue', {});
    const told = nextEvent(waiting.socket, 'matchmaking_unavailable');
    server.matchmaking.settings.update({ maintenance: true });
    expect(await told).toMatchObject({ reason: 'maintenance' });
    const refused = await fails(waiting.socket, 'join_queue', {}, 'SERVICE_UNAVAILABLE');
    expect(refused).toMatchObject({ details: { reason: 'maintenance' } });
    await ok(first.socket, 'chat_message', { to: second.id, message: 'still here', matchId });
  });

  it('applies settings changes published for every node', async () => {
    await server.matchmaking.updateSettings({ maintenance: true });
    const late = await anonymous();
    await fails(late.socket, 'join_queue', {}, 'SERVICE_UNAVAILABLE');
    await expect(server.matchmaking.updateSettings({ gracePeriodMs: -1 })).rejects.toThrow();
    await server.matchmaking.updateSettings({ maintenance: false });
    await ok(late.socket, 'join_queue', {});
  });

  it('refuses new matches beyond the concurrent match limit', async () => {
    server.matchmaking.settings.update({ maxConcurrentMatches: 1 });
    await pair(await anonymous(), await anonymous());
    const late = await anonymous();
    const refused = await fails(late.socket, 'join_queue', {}, 'SERVICE_UNAVAILABLE');
    expect(refused).toMatchObject({ details: { reason: 'capacity' } });
  });

  it('times out a wait with queue_timeout and takes the socket out of the queue', async () => {
    server.matchmaking.settings.update({ queueTimeoutMs: 300 });
    const peer = await anonymous();
    const timeout = recordEvents(peer.socket, 'queue_timeout');
    await ok(peer.socket, 'join_queue', {});
    const payload = await timeout.waitFor(() => true);
    expect(payload.waitTime).toBeGreaterThanOrEqual(0);
    expect(await server.matchmaking.queue.state(peer.id)).toEqual({ state: 'idle' });
  });

  it('sends queue positions as the queue changes', async () => {
    const first = await anonymous();
    const second = await anonymous();
    await ok(first.socket, 'join_queue', { interests: ['one'] });
    await first.positions.waitFor((payload) => payload.position === 1 && payload.totalWaiting === 1);
    await ok(second.socket, 'join_queue', { interests: ['two'] });
    await first.positions.waitFor((payload) => payload.totalWaiting === 2);
    await second.positions.waitFor((payload) => payload.position === 2);
    await ok(first.socket, 'leave_queue');
    await second.positions.waitFor((payload) => payload.position === 1 && payload.totalWaiting === 1);
  });

  it('takes a disconnected socket out of the queue', async () => {
    const peer = await anonymous();
    await ok(peer.socket, 'join_queue', {});
    const id = peer.id;
    peer.socket.disconnect();
    await eventually(
      async () => (await server.matchmaking.queue.state(id)).state === 'idle',
      'the entry is gone',
    );
  });
});

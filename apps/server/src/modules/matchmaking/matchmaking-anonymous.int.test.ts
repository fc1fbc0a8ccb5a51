import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { anonymousPeer, fails, ok, userPeer } from './matchmaking.test-support.js';
import { DEVICE_COOKIE } from './network-identity.js';

/**
 * Bans and blocks bind people, not only signed-in sockets. An anonymous socket inherits the bans
 * of the accounts seen on its address, and the bans, blocks and reports of the accounts seen on its
 * browser (device cookie).
 */
describe('anonymous sockets of banned or blocking users', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const ban = (userId: string, on: boolean) =>
    server.db.query(
      on
        ? "update users set is_banned = true, ban_until = now() + interval '1 day' where id = $1"
        : "update users set ban_until = now() - interval '1 minute' where id = $1",
      [userId],
    );

  it('gives each browser a device id cookie on its handshake', async () => {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(response.headers.get('set-cookie')).toMatch(
      new RegExp(`^${DEVICE_COOKIE}=[A-Za-z0-9_-]{22};.*HttpOnly`),
    );
    await response.text();
  });

  it('refuses an anonymous join from the address of a banned user who signed out', async () => {
    const banned = await server.signUp();
    const tab = await userPeer(server, banned);
    await ok(tab.socket, 'join_queue', {});
    await ok(tab.socket, 'leave_queue', {});
    tab.socket.disconnect();
    await ban(banned.userId, true);
    try {
      const anonymous = await anonymousPeer(server);
      await fails(anonymous.socket, 'join_queue', {}, 'ACCOUNT_BANNED');
      anonymous.socket.disconnect();
    } finally {
      await ban(banned.userId, false);
    }
    // Once the ban is over, the address is free again.
    const later = await anonymousPeer(server);
    expect(await ok(later.socket, 'join_queue', {})).toMatchObject({ status: 'queued' });
    later.socket.disconnect();
  });

  it('never pairs a blocker with the blocked user’s anonymous socket on the same browser', async () => {
    const blocker = await server.signUp();
    const blocked = await server.signUp();
    await blocker.api.request('POST', `/api/users/${blocked.userId}/block`);
    const device = 'd'.repeat(22);
    const service = server.matchmaking.service;
    // The blocked user once used video chat signed in from this browser…
    const signedIn = await userPeer(server, blocked);
    await service.join({ socketId: signedIn.id, userId: blocked.userId, device, ip: '198.51.100.1' }, []);
    await service.leave(signedIn.id);
    // …then signs out and tries anonymously from another network.
    const anonymous = await anonymousPeer(server);
    const blockerTab = await userPeer(server, blocker);
    await ok(blockerTab.socket, 'join_queue', {});
    const state = await service.join(
      { socketId: anonymous.id, userId: null, device, ip: '198.51.100.2' },
      [],
    );
    expect(state).toMatchObject({ status: 'queued', totalWaiting: 2 });
    expect(blockerTab.found.payloads).toEqual([]);
    // A different browser is a different person.
    const stranger = await anonymousPeer(server);
    await service.join(
      { socketId: stranger.id, userId: null, device: 'e'.repeat(22), ip: '198.51.100.2' },
      [],
    );
    const found = await blockerTab.found.waitFor(() => true);
    expect(found.partnerId).toBe(stranger.id);
    for (const peer of [signedIn, anonymous, blockerTab, stranger]) peer.socket.disconnect();
  });
});

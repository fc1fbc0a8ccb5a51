import { ZChannelResponse, ZCommunityOkResponse, ZServerResponse } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, createChannel, createRole, createServer, join, present } from '../../../test/communities.js';
import {
  type AnyEventRecorder,
  call,
  connectAuthed,
  eventually,
  nextEvent,
  recordAllEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { createPublisher } from '../../realtime/publisher.js';
import { channelRoom, serverRoom } from './access.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Client {
  user: SignedUp;
  socket: GuftaguSocket;
  events: AnyEventRecorder;
}

async function client(user?: SignedUp): Promise<Client> {
  const signed = user ?? (await server.signUp());
  const { socket } = await connectAuthed(server, signed.token);
  return { user: signed, socket, events: recordAllEvents(socket) };
}

/** The users whose sockets are in `room` right now (on this node). */
async function inRoom(room: string): Promise<Set<string>> {
  const sockets = await server.io.in(room).fetchSockets();
  return new Set(sockets.map((socket) => socket.data.userId as string));
}

/**
 * Emits a probe into `room` through the publisher (as channel messages does) and reports, for each
 * client, whether it arrived. A fence sent after it to each client makes "did not arrive" certain,
 * since it travels after the probe on the same path.
 */
async function probe(room: string, clients: Client[]): Promise<boolean[]> {
  const serverId = `probe-${Math.random()}`;
  const fence = `fence-${Math.random()}`;
  for (const c of clients) c.events.clear();
  const publisher = createPublisher(server.io);
  publisher.toRoom(room, 'channels_reordered', { serverId, channels: [] });
  // A fence to each client's own room, sent after the probe on the same path (with Redis, the same
  // adapter channel, which keeps order): once it is in, the probe is in too if it was going to be.
  for (const c of clients)
    publisher.toUser(c.user.userId, 'channels_reordered', { serverId: fence, channels: [] });
  await Promise.all(
    clients.map((c) =>
      eventually(
        () =>
          c.events.events.some(
            (entry) =>
              entry.event === 'channels_reordered' &&
              (entry.payload as { serverId: string }).serverId === fence,
          ),
        'the fence arrived',
      ),
    ),
  );
  return clients.map((c) =>
    c.events.events.some(
      (entry) =>
        entry.event === 'channels_reordered' && (entry.payload as { serverId: string }).serverId === serverId,
    ),
  );
}

const named = (c: Client, event: string) => c.events.events.filter((entry) => entry.event === event);

describe('rooms and server events', () => {
  it('puts a member in the server and channel rooms on authentication and on join', async () => {
    const owner = await client();
    const created = await createServer(owner.user);
    const general = present(created.channels[0]);
    // A socket that authenticates later starts in the rooms.
    const ownerLater = await connectAuthed(server, owner.user.token);
    expect(await inRoom(serverRoom(created.server.id))).toContain(owner.user.userId);
    expect(await inRoom(channelRoom(general.id))).toContain(owner.user.userId);
    ownerLater.socket.disconnect();

    const joiner = await client();
    owner.events.clear();
    const joined = nextEvent(joiner.socket, 'server_joined');
    const memberJoined = nextEvent(owner.socket, 'member_joined');
    await join(joiner.user, created.server.inviteCode);
    expect((await joined).server.id).toBe(created.server.id);
    expect((await memberJoined).member.userId).toBe(joiner.user.userId);
    expect(await probe(channelRoom(general.id), [owner, joiner])).toEqual([true, true]);
    expect(await probe(serverRoom(created.server.id), [owner, joiner])).toEqual([true, true]);

    // Leaving takes every socket out at once; the others are told.
    const left = nextEvent(owner.socket, 'member_left');
    await call(joiner.user.api, ZCommunityOkResponse, 'POST', `/api/servers/${created.server.id}/leave`);
    expect((await left).userId).toBe(joiner.user.userId);
    expect(await probe(channelRoom(general.id), [owner, joiner])).toEqual([true, false]);
    expect(await probe(serverRoom(created.server.id), [owner, joiner])).toEqual([true, false]);
  });

  it('never leaks a private channel: no channel_* event, no room, until VIEW_CHANNEL is granted; losing it removes the socket live', async () => {
    const owner = await client();
    const created = await createServer(owner.user);
    const serverId = created.server.id;
    const everyone = present(created.roles[0]);
    const insider = await client();
    const outsider = await client();
    await join(insider.user, created.server.inviteCode);
    await join(outsider.user, created.server.inviteCode);
    const role = await createRole(owner.user, serverId, { name: 'Insider' });
    await assign(owner.user, serverId, role.id, insider.user.userId);
    // A private category-less channel: @everyone denied, the role allowed.
    const secret = await createChannel(owner.user, serverId, { name: 'secret' });
    await settle(outsider.socket);
    outsider.events.clear();
    insider.events.clear();
    await call(
      owner.user.api,
      ZChannelResponse,
      'PUT',
      `/api/channels/${secret.id}/permissions/${everyone.id}`,
      {
        type: 'role',
        deny: ['VIEW_CHANNEL'],
      },
    );
    await call(owner.user.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}/permissions/${role.id}`, {
      type: 'role',
      allow: ['VIEW_CHANNEL'],
    });
    await settle(outsider.socket);
    // The outsider saw it created (it was public), then deleted from their view when it went private.
    expect(named(outsider, 'channel_deleted').map((e) => e.payload)).toEqual([
      { serverId, channelId: secret.id },
    ]);
    expect(await probe(channelRoom(secret.id), [owner, insider, outsider])).toEqual([true, true, false]);

    // Updates of the private channel reach viewers only.
    outsider.events.clear();
    const updated = nextEvent(insider.socket, 'channel_updated');
    await call(owner.user.api, ZChannelResponse, 'PUT', `/api/channels/${secret.id}`, { topic: 'psst' });
    expect((await updated).channel.topic).toBe('psst');
    await settle(outsider.socket);
    expect(outsider.events.names()).toEqual([]);

    // A channel made inside a private category is private from its first moment: never announced.
    const staff = await createChannel(owner.user, serverId, { name: 'Staff', type: 'category' });
    await call(
      owner.user.api,
      ZChannelResponse,
      'PUT',
      `/api/channels/${staff.id}/permissions/${everyone.id}`,
      {
        type: 'role',
        deny: ['VIEW_CHANNEL'],
      },
    );
    await settle(outsider.socket);
    outsider.events.clear();
    const staffOnly = await createChannel(owner.user, serverId, { name: 'staff-only', parentId: staff.id });
    expect(staffOnly.overwrites).toEqual([
      { targetId: everyone.id, type: 'role', allow: [], deny: ['VIEW_CHANNEL'] },
    ]);
    await settle(outsider.socket);
    expect(outsider.events.names()).toEqual([]);
    expect(await probe(channelRoom(staffOnly.id), [owner, insider, outsider])).toEqual([true, false, false]);

    // Losing the role: the insider's socket leaves the room at once and is told the channel is gone.
    const gone = nextEvent(insider.socket, 'channel_deleted');
    await owner.user.api.request(
      'DELETE',
      `/api/servers/${serverId}/roles/${role.id}/assign/${insider.user.userId}`,
    );
    expect(await gone).toEqual({ serverId, channelId: secret.id });
    expect(await probe(channelRoom(secret.id), [owner, insider, outsider])).toEqual([true, false, false]);

    // Gaining it back through a member overwrite: the channel appears and the room takes them in.
    const appeared = nextEvent(outsider.socket, 'channel_created');
    await call(
      owner.user.api,
      ZChannelResponse,
      'PUT',
      `/api/channels/${secret.id}/permissions/${outsider.user.userId}`,
      { type: 'member', allow: ['VIEW_CHANNEL'] },
    );
    expect((await appeared).channel.id).toBe(secret.id);
    expect(await probe(channelRoom(secret.id), [owner, insider, outsider])).toEqual([true, false, true]);

    // A role permission edit that removes VIEW_CHANNEL from @everyone empties the public channel's room.
    const general = present(created.channels[0]);
    await owner.user.api.request('PUT', `/api/roles/${everyone.id}`, { permissions: ['SEND_MESSAGES'] });
    expect(await probe(channelRoom(general.id), [owner, insider, outsider])).toEqual([true, false, false]);
    await owner.user.api.request('PUT', `/api/roles/${everyone.id}`, { permissions: ['VIEW_CHANNEL'] });
    expect(await probe(channelRoom(general.id), [owner, insider, outsider])).toEqual([true, true, true]);
  });

  it('sends server, role and member events to the server room, and server_deleted empties every room', async () => {
    const owner = await client();
    const member = await client();
    const created = await createServer(owner.user);
    const serverId = created.server.id;
    await join(member.user, created.server.inviteCode);
    const outsider = await client();

    const serverUpdated = nextEvent(member.socket, 'server_updated');
    await call(owner.user.api, ZServerResponse, 'PUT', `/api/servers/${serverId}`, { name: 'Renamed' });
    expect((await serverUpdated).server.name).toBe('Renamed');

    const roleCreated = nextEvent(member.socket, 'role_created');
    const role = await createRole(owner.user, serverId, { name: 'Mod' });
    expect((await roleCreated).role.id).toBe(role.id);
    const roleUpdated = nextEvent(member.socket, 'role_updated');
    await owner.user.api.request('PUT', `/api/roles/${role.id}`, { color: '#123456' });
    expect((await roleUpdated).role.color).toBe('#123456');
    const memberUpdated = nextEvent(member.socket, 'member_updated');
    await assign(owner.user, serverId, role.id, member.user.userId);
    expect((await memberUpdated).member.roleIds).toEqual([role.id]);
    const roleDeleted = nextEvent(member.socket, 'role_deleted');
    await owner.user.api.request('DELETE', `/api/roles/${role.id}`);
    expect((await roleDeleted).roleId).toBe(role.id);

    const deleted = nextEvent(member.socket, 'server_deleted');
    await owner.user.api.request('DELETE', `/api/servers/${serverId}`);
    expect((await deleted).serverId).toBe(serverId);
    await eventually(async () => (await inRoom(serverRoom(serverId))).size === 0, 'the server room is empty');
    expect(await inRoom(channelRoom(present(created.channels[0]).id))).toEqual(new Set());
    await settle(outsider.socket);
    expect(outsider.events.names()).toEqual([]);
  });
});

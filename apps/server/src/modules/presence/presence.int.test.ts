import { ZErrorEnvelope, ZFriendsResponse, ZPublicProfileResponse, ZSelfUser } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  type AnyEventRecorder,
  befriend,
  call,
  connectAuthed,
  emitAck,
  eventually,
  nextEvent,
  recordAllEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
  waitForConnect,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Listener {
  user: SignedUp;
  socket: GuftaguSocket;
  heard: AnyEventRecorder;
}

/**
 * Bob (whose presence is watched), his friend Alice, and Carol: Alice's friend but not Bob's, so she
 * must hear nothing about Bob. Alice and Carol are connected and recording.
 */
async function setup(): Promise<{ alice: Listener; bob: SignedUp; carol: Listener }> {
  const [alice, bob, carol] = await Promise.all([server.signUp(), server.signUp(), server.signUp()]);
  await befriend(bob, alice);
  await befriend(carol, alice);
  const listeners: Listener[] = [];
  for (const user of [alice, carol]) {
    const { socket } = await connectAuthed(server, user.token);
    listeners.push({ user, socket, heard: recordAllEvents(socket) });
  }
  const [a, c] = listeners as [Listener, Listener];
  // Carol's connection was announced to Alice; start from silence.
  await settle(a.socket);
  a.heard.clear();
  return { alice: a, bob, carol: c };
}

async function heard(listener: Listener) {
  await settle(listener.socket);
  return listener.heard.events;
}

const dbPresence = async (userId: string) => {
  const { rows } = await server.db.query<{ is_online: boolean; last_active: Date }>(
    'SELECT is_online, last_active FROM users WHERE id = $1',
    [userId],
  );
  if (!rows[0]) throw new Error('no such user');
  return rows[0];
};
const bobAsSeenBy = async (viewer: SignedUp, bob: SignedUp) =>
  (await call(viewer.api, ZPublicProfileResponse, 'GET', `/api/user/${bob.session.user.username}`)).profile;
const friendEntry = async (viewer: SignedUp, friendId: string) =>
  (await call(viewer.api, ZFriendsResponse, 'GET', '/api/friends')).friends.find(
    (friend) => friend.userId === friendId,
  );
const onlineCount = async () =>
  ((await (await fetch(`${server.url}/api/health`)).json()) as { onlineCount: number }).onlineCount;

const ZStatusAck = z.object({ success: z.literal(true), user: ZSelfUser });
async function setStatus(
  socket: GuftaguSocket,
  status: 'online' | 'away' | 'busy' | 'invisible',
  custom?: string | null,
) {
  const ack = await emitAck(socket, 'update_status', {
    status,
    ...(custom === undefined ? {} : { customStatus: custom }),
  });
  return ZStatusAck.parse(ack).user;
}

async function disconnect(socket: GuftaguSocket) {
  const before = await onlineCount();
  socket.disconnect();
  await eventually(async () => (await onlineCount()) < before, 'the server saw the disconnect');
}

describe('online and offline', () => {
  it('is online while any tab is open; the last tab closing announces offline and stamps last_active', async () => {
    const { alice, bob, carol } = await setup();
    const online = nextEvent(alice.socket, 'friend_online');
    const firstTab = (await connectAuthed(server, bob.token)).socket;
    expect(await online).toMatchObject({
      friendId: bob.userId,
      userId7Digit: bob.session.user.userId7Digit,
      username: bob.session.user.username,
      displayName: null,
      profilePicture: null,
      status: 'online',
      customStatus: null,
    });
    expect((await dbPresence(bob.userId)).is_online).toBe(true);

    const secondTab = (await connectAuthed(server, bob.token)).socket;
    await disconnect(firstTab);
    // Give a wrong "offline" every chance to arrive before concluding it does not.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await heard(alice)).map((entry) => entry.event)).toEqual(['friend_online']);
    expect((await dbPresence(bob.userId)).is_online).toBe(true);
    expect((await friendEntry(alice.user, bob.userId))?.isOnline).toBe(true);

    const lastActiveBefore = (await dbPresence(bob.userId)).last_active;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const offline = nextEvent(alice.socket, 'friend_offline');
    secondTab.disconnect();
    const payload = await offline;
    expect(payload).toMatchObject({ friendId: bob.userId, status: 'offline', customStatus: null });
    const stored = await dbPresence(bob.userId);
    expect(stored.is_online).toBe(false);
    expect(stored.last_active.getTime()).toBeGreaterThan(lastActiveBefore.getTime());
    expect(payload.lastActive).toBe(stored.last_active.toISOString());
    expect(await friendEntry(alice.user, bob.userId)).toMatchObject({ isOnline: false, status: 'offline' });

    expect((await heard(alice)).map((entry) => entry.event)).toEqual(['friend_online', 'friend_offline']);
    expect(await heard(carol)).toEqual([]);
  });

  it('says nothing about a socket that never signs in', async () => {
    const { alice } = await setup();
    const anonymous = server.socket();
    await waitForConnect(anonymous);
    await disconnect(anonymous);
    expect(await heard(alice)).toEqual([]);
  });
});

describe('a watcher reconnecting', () => {
  it('rebuilds friend presence from a fetch plus events, equal to a fresh fetch', async () => {
    const { alice, bob } = await setup();
    const dave = await server.signUp();
    await befriend(dave, alice.user);
    type Seen = { isOnline: boolean; status: string };
    const fetchState = async () =>
      new Map<string, Seen>(
        (await call(alice.user.api, ZFriendsResponse, 'GET', '/api/friends')).friends.map((friend) => [
          friend.userId,
          { isOnline: friend.isOnline, status: friend.status },
        ]),
      );
    let state = await fetchState();
    const apply = (online: boolean) => (payload: { friendId: string; status: string }) => {
      state.set(payload.friendId, { isOnline: online, status: payload.status });
    };
    alice.socket.on('friend_online', apply(true));
    alice.socket.on('friend_offline', apply(false));

    const bobSocket = (await connectAuthed(server, bob.token)).socket;
    const daveSocket = (await connectAuthed(server, dave.token)).socket;
    await setStatus(bobSocket, 'away');
    await settle(alice.socket);

    const gone = new Promise((resolve) => alice.socket.once('disconnect', resolve));
    alice.socket.disconnect();
    await gone;
    // Missed while away.
    await disconnect(daveSocket);
    await setStatus(bobSocket, 'busy');

    const reconnected = nextEvent(alice.socket, 'reconnected');
    alice.socket.connect();
    await reconnected;
    state = await fetchState();
    await setStatus(bobSocket, 'online');
    await settle(alice.socket);
    expect(state).toEqual(await fetchState());
    expect(state.get(bob.userId)).toEqual({ isOnline: true, status: 'online' });
    expect(state.get(dave.userId)).toEqual({ isOnline: false, status: 'offline' });
  });
});

describe('chosen status', () => {
  it('going invisible reads as offline to friends and on the public profile; back online announces again', async () => {
    const { alice, bob, carol } = await setup();
    const bobSocket = (await connectAuthed(server, bob.token)).socket;
    await heard(alice);
    alice.heard.clear();

    const offline = nextEvent(alice.socket, 'friend_offline');
    expect((await setStatus(bobSocket, 'invisible')).status).toBe('invisible');
    expect(await offline).toMatchObject({ friendId: bob.userId, status: 'offline', customStatus: null });
    expect(await friendEntry(alice.user, bob.userId)).toMatchObject({ isOnline: false, status: 'offline' });
    expect(await bobAsSeenBy(carol.user, bob)).toMatchObject({ isOnline: false, status: 'offline' });
    expect(await bobAsSeenBy(alice.user, bob)).toMatchObject({ isOnline: false, status: 'offline' });
    expect(await bobAsSeenBy(bob, bob)).toMatchObject({ isOnline: true, status: 'invisible' });

    const online = nextEvent(alice.socket, 'friend_online');
    await setStatus(bobSocket, 'online');
    expect(await online).toMatchObject({ friendId: bob.userId, status: 'online' });
    expect(await bobAsSeenBy(carol.user, bob)).toMatchObject({ isOnline: true, status: 'online' });

    expect((await heard(alice)).map((entry) => entry.event)).toEqual(['friend_offline', 'friend_online']);
    expect(await heard(carol)).toEqual([]);
  });

  it('hides an invisible user’s lastActive from friends and strangers, however often they heartbeat', async () => {
    const { alice, bob, carol } = await setup();
    const dave = await server.signUp();
    await befriend(dave, alice.user);
    await server.db.query(`UPDATE users SET last_active = now() - interval '1 day' WHERE id = $1`, [
      dave.userId,
    ]);
    const bobSocket = (await connectAuthed(server, bob.token)).socket;
    await setStatus(bobSocket, 'invisible');
    for (let beat = 0; beat < 3; beat++) await emitAck(bobSocket, 'heartbeat', undefined);

    const hidden = { isOnline: false, status: 'offline', customStatus: null, lastActive: null };
    expect(await bobAsSeenBy(alice.user, bob)).toMatchObject(hidden);
    expect(await bobAsSeenBy(carol.user, bob)).toMatchObject(hidden);
    expect(await friendEntry(alice.user, bob.userId)).toMatchObject(hidden);
    // Sorting by activity must not give the hidden timestamp away either: Bob sorts after Dave,
    // whose last activity was a day ago.
    const byActivity = await call(
      alice.user.api,
      ZFriendsResponse,
      'GET',
      '/api/friends?sort=recent_activity',
    );
    expect(byActivity.friends.map((friend) => friend.userId)).toEqual([
      carol.user.userId,
      dave.userId,
      bob.userId,
    ]);
    // Bob still sees his own.
    expect((await bobAsSeenBy(bob, bob)).lastActive).toBe(
      (await dbPresence(bob.userId)).last_active.toISOString(),
    );
  });

  it('re-announces away and busy with the status and custom status', async () => {
    const { alice, bob, carol } = await setup();
    const bobSocket = (await connectAuthed(server, bob.token)).socket;
    await heard(alice);
    alice.heard.clear();

    const away = nextEvent(alice.socket, 'friend_online');
    const user = await setStatus(bobSocket, 'away', '  brb, chai  ');
    expect(user).toMatchObject({ status: 'away', customStatus: 'brb, chai' });
    expect(await away).toMatchObject({ friendId: bob.userId, status: 'away', customStatus: 'brb, chai' });

    const busy = nextEvent(alice.socket, 'friend_online');
    await setStatus(bobSocket, 'busy');
    // Leaving the custom status out keeps it; null clears it.
    expect(await busy).toMatchObject({ status: 'busy', customStatus: 'brb, chai' });
    const cleared = nextEvent(alice.socket, 'friend_online');
    await setStatus(bobSocket, 'busy', null);
    expect(await cleared).toMatchObject({ status: 'busy', customStatus: null });
    expect(await friendEntry(alice.user, bob.userId)).toMatchObject({ isOnline: true, status: 'busy' });

    expect((await heard(alice)).map((entry) => entry.event)).toEqual([
      'friend_online',
      'friend_online',
      'friend_online',
    ]);
    expect(await heard(carol)).toEqual([]);
  });

  it('never announces an invisible user connecting or leaving, across sessions', async () => {
    const { alice, bob } = await setup();
    const first = (await connectAuthed(server, bob.token)).socket;
    await setStatus(first, 'invisible');
    await disconnect(first);
    await heard(alice);
    alice.heard.clear();

    const again = (await connectAuthed(server, bob.token)).socket;
    expect((await dbPresence(bob.userId)).is_online).toBe(true);
    await disconnect(again);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await heard(alice)).toEqual([]);
  });

  it('keeps a sign-in and a status change whose announcement to friends failed', async () => {
    const { bob } = await setup();
    // The friend lookup behind every announcement fails while the table is away; the presence and
    // status writes themselves do not touch it.
    await server.db.query('ALTER TABLE friendships RENAME TO friendships_away');
    const silenced = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const bobSocket = (await connectAuthed(server, bob.token)).socket;
      expect((await dbPresence(bob.userId)).is_online).toBe(true);
      expect(await setStatus(bobSocket, 'away')).toMatchObject({ status: 'away' });
    } finally {
      silenced.mockRestore();
      await server.db.query('ALTER TABLE friendships_away RENAME TO friendships');
    }
  });

  it('refuses a status that cannot be chosen, and refuses an unauthenticated socket', async () => {
    const { bob } = await setup();
    const bobSocket = (await connectAuthed(server, bob.token)).socket;
    const bad = ZErrorEnvelope.parse(
      await emitAck(bobSocket, 'update_status', { status: 'offline' } as unknown as { status: 'online' }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'status' } });
    const anonymous = server.socket();
    await waitForConnect(anonymous);
    expect(ZErrorEnvelope.parse(await emitAck(anonymous, 'update_status', { status: 'away' })).code).toBe(
      'UNAUTHORIZED',
    );
    anonymous.disconnect();
  });
});

import { type TChannel, ZChannelResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, createRole, present } from '../../../test/communities.js';
import {
  call,
  connectAuthed,
  emitAck,
  expectApiError,
  nextEvent,
  recordEvents,
  settle,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError } from '../../../test/messaging-helpers.js';
import { mustAck, online, voiceServer, voiceStates } from './voice.test-support.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };

async function denyEveryone(
  ownerApi: Parameters<typeof call>[0],
  serverId: string,
  everyoneId: string,
  channel: TChannel,
  deny: string[],
) {
  void serverId;
  await call(ownerApi, ZChannelResponse, 'PUT', `/api/channels/${channel.id}/permissions/${everyoneId}`, {
    type: 'role',
    deny,
  });
}

describe('joining a voice channel', () => {
  it('announces a join and a leave to the channel, and lists who is where', async () => {
    const { serverId, owner, members, lounge } = await voiceServer(server, 1);
    const watcher = present(members[0]);
    const joined = nextEvent(watcher.socket, 'user_joined_voice');
    const created = nextEvent(watcher.socket, 'voice_session_created');
    const ack = await mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id });
    expect(ack.channelId).toBe(lounge.id);
    expect(await joined).toMatchObject({
      userId: owner.userId,
      channelId: lounge.id,
      serverId,
      voiceState: { muted: false, deafened: false, video: false },
    });
    expect(await created).toMatchObject({ sessionId: lounge.id, createdBy: owner.userId });
    expect((await voiceStates(watcher, serverId)).map((state) => [state.userId, state.channelId])).toEqual([
      [owner.userId, lounge.id],
    ]);

    const updated = nextEvent(watcher.socket, 'voice_state_updated');
    await mustAck(owner.socket, 'update_voice_state', { selfMute: true, selfDeaf: true });
    expect((await updated).voiceState).toMatchObject({ muted: true, deafened: true, selfMute: true });

    const left = nextEvent(watcher.socket, 'user_left_voice');
    const ended = nextEvent(watcher.socket, 'voice_session_ended');
    await mustAck(owner.socket, 'leave_voice_channel', {});
    expect(await left).toMatchObject({ userId: owner.userId, channelId: lounge.id, reason: 'left' });
    expect(await ended).toMatchObject({ channelId: lounge.id });
    expect(await voiceStates(watcher, serverId)).toEqual([]);
  });

  it('refuses a stranger, a text channel, bad payloads and a member without CONNECT', async () => {
    const { serverId, detail, owner, members, lounge, text } = await voiceServer(server, 1);
    const member = present(members[0]);
    const stranger = await online(server, await server.signUp());
    await expectAckError(stranger.socket, 'join_voice_channel', { channelId: lounge.id }, 'NOT_FOUND');
    await expectApiError(
      stranger.user.api.request('GET', `/api/servers/${serverId}/voice-states`),
      404,
      'NOT_FOUND',
    );
    await expectAckError(member.socket, 'join_voice_channel', { channelId: text.id }, 'VALIDATION_ERROR');
    await expectAckError(member.socket, 'join_voice_channel', { channelId: 'nope' }, 'VALIDATION_ERROR');
    await expectAckError(
      member.socket,
      'join_voice_channel',
      { channelId: '0190b5a4-8f4e-7000-8000-000000000000' },
      'NOT_FOUND',
    );
    await expectAckError(member.socket, 'update_voice_state', { selfMute: true }, 'CONFLICT');
    await expectAckError(member.socket, 'leave_voice_channel', { channelId: lounge.id }, 'CONFLICT');
    expect(await mustAck(member.socket, 'leave_voice_channel', {})).toMatchObject({ left: false });

    await denyEveryone(owner.user.api, serverId, present(detail.roles[0]).id, lounge, ['CONNECT']);
    const ack = await expectAckError(
      member.socket,
      'join_voice_channel',
      { channelId: lounge.id },
      'FORBIDDEN',
    );
    expect(ack.success === false && ack.details).toMatchObject({ permission: 'CONNECT' });
    // The owner holds every permission regardless of overwrites.
    await mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id });
    expect(await voiceStates(member, serverId)).toHaveLength(1);
  });

  it('admits at most six people to a channel, even when they race', async () => {
    const { serverId, owner, members, lounge } = await voiceServer(server, 7);
    const everyone = [owner, ...members];
    const acks = await Promise.all(
      everyone.map((person) => emitAck(person.socket, 'join_voice_channel', { channelId: lounge.id })),
    );
    expect(acks.filter((ack) => ack.success)).toHaveLength(6);
    expect(acks.filter((ack) => !ack.success).map((ack) => ack.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await voiceStates(owner, serverId)).toHaveLength(6);
  });

  it('leaves the first channel when joining another', async () => {
    const { serverId, owner, members, lounge, stage } = await voiceServer(server, 1);
    const watcher = present(members[0]);
    await mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id });
    const left = recordEvents(watcher.socket, 'user_left_voice');
    const joined = recordEvents(watcher.socket, 'user_joined_voice');
    await mustAck(owner.socket, 'join_voice_channel', { channelId: stage.id });
    expect(await left.waitFor((e) => e.channelId === lounge.id)).toMatchObject({ reason: 'switched' });
    await joined.waitFor((e) => e.channelId === stage.id);
    expect((await voiceStates(watcher, serverId)).map((state) => state.channelId)).toEqual([stage.id]);
  });

  it('keeps one voice session per user across two tabs: the last tab to join holds it', async () => {
    const { serverId, owner, lounge, stage } = await voiceServer(server, 0);
    const tab2 = await online(server, owner.user);
    const connection = recordEvents(owner.socket, 'voice_connection');
    await Promise.all([
      mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id }),
      mustAck(tab2.socket, 'join_voice_channel', { channelId: stage.id }),
    ]);
    const states = await voiceStates(owner, serverId);
    expect(states).toHaveLength(1);
    await mustAck(tab2.socket, 'join_voice_channel', { channelId: stage.id });
    // The first tab hears that the session lives on the other socket now.
    await connection.waitFor((e) => e.socketId === tab2.socket.id && e.channelId === stage.id);
    await expectAckError(
      owner.socket,
      'voice_signal',
      { channelId: stage.id, targetUserId: tab2.userId, signalData: offer },
      'VALIDATION_ERROR',
    );
  });
});

describe('voice signaling', () => {
  it('relays only between participants of the same channel, from the session socket', async () => {
    const { owner, members, lounge, stage } = await voiceServer(server, 3);
    const [b, c, d] = [present(members[0]), present(members[1]), present(members[2])];
    await mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id });
    await mustAck(b.socket, 'join_voice_channel', { channelId: lounge.id });
    await mustAck(d.socket, 'join_voice_channel', { channelId: stage.id });

    const toB = nextEvent(b.socket, 'voice_signal');
    expect(
      await mustAck(owner.socket, 'voice_signal', {
        channelId: lounge.id,
        targetUserId: b.userId,
        signalData: offer,
      }),
    ).toMatchObject({ delivered: true });
    expect(await toB).toEqual({ fromUserId: owner.userId, channelId: lounge.id, signalData: offer });

    // A member who is not in the channel cannot inject, nor can someone from another channel.
    const heardByB = recordEvents(b.socket, 'voice_signal');
    await expectAckError(
      c.socket,
      'voice_signal',
      { channelId: lounge.id, targetUserId: b.userId, signalData: offer },
      'FORBIDDEN',
    );
    await expectAckError(
      d.socket,
      'voice_signal',
      { channelId: lounge.id, targetUserId: b.userId, signalData: offer },
      'FORBIDDEN',
    );
    await expectAckError(
      owner.socket,
      'voice_signal',
      { channelId: lounge.id, targetUserId: d.userId, signalData: offer },
      'NOT_FOUND',
    );
    // Another tab of a participant is not the session socket.
    const ownerTab2 = await online(server, owner.user);
    await expectAckError(
      ownerTab2.socket,
      'voice_signal',
      { channelId: lounge.id, targetUserId: b.userId, signalData: offer },
      'FORBIDDEN',
    );
    await expectAckError(
      owner.socket,
      'voice_signal',
      {
        channelId: lounge.id,
        targetUserId: b.userId,
        signalData: { type: 'offer', sdp: 'x'.repeat(20_000) },
      },
      'VALIDATION_ERROR',
    );
    await settle(b.socket);
    expect(heardByB.payloads).toEqual([]);
  });
});

describe('voice moderation', () => {
  it('lets MUTE_MEMBERS server-mute, refuses a plain member, and never touches the owner', async () => {
    const { serverId, owner, members, lounge, stage } = await voiceServer(server, 3);
    const [mod, plain, target] = [present(members[0]), present(members[1]), present(members[2])];
    const role = await createRole(owner.user, serverId, {
      name: 'Mods',
      permissions: ['MUTE_MEMBERS', 'DEAFEN_MEMBERS', 'MOVE_MEMBERS'],
    });
    await assign(owner.user, serverId, role.id, mod.userId);
    await mustAck(target.socket, 'join_voice_channel', { channelId: lounge.id });
    await mustAck(owner.socket, 'join_voice_channel', { channelId: stage.id });

    await expectAckError(
      plain.socket,
      'moderate_voice_member',
      { userId: target.userId, serverMute: true },
      'FORBIDDEN',
    );
    await expectAckError(
      plain.socket,
      'move_voice_member',
      { userId: target.userId, channelId: stage.id },
      'FORBIDDEN',
    );
    await expectAckError(plain.socket, 'disconnect_voice_member', { userId: target.userId }, 'FORBIDDEN');
    await expectAckError(
      mod.socket,
      'moderate_voice_member',
      { userId: owner.userId, serverMute: true },
      'FORBIDDEN',
    );
    await expectAckError(
      mod.socket,
      'moderate_voice_member',
      { userId: plain.userId, serverMute: true },
      'NOT_FOUND',
    );

    const updated = nextEvent(plain.socket, 'voice_state_updated');
    await mustAck(mod.socket, 'moderate_voice_member', {
      userId: target.userId,
      serverMute: true,
      serverDeaf: true,
    });
    expect((await updated).voiceState).toMatchObject({
      muted: true,
      deafened: true,
      serverMute: true,
      selfMute: false,
    });
    // Unmuting oneself does not lift a server mute.
    await mustAck(target.socket, 'update_voice_state', { selfMute: false });
    expect(
      (await voiceStates(plain, serverId)).find((s) => s.userId === target.userId)?.voiceState.muted,
    ).toBe(true);

    const movedIn = recordEvents(plain.socket, 'user_joined_voice');
    const moved = nextEvent(target.socket, 'voice_connection');
    await mustAck(mod.socket, 'move_voice_member', { userId: target.userId, channelId: stage.id });
    expect(await moved).toMatchObject({ channelId: stage.id });
    expect(await movedIn.waitFor((e) => e.userId === target.userId)).toMatchObject({
      channelId: stage.id,
      movedBy: mod.userId,
    });

    const left = recordEvents(plain.socket, 'user_left_voice');
    await mustAck(mod.socket, 'disconnect_voice_member', { userId: target.userId });
    expect(await left.waitFor((e) => e.userId === target.userId)).toMatchObject({ reason: 'disconnected' });
    expect((await voiceStates(plain, serverId)).map((s) => s.userId)).toEqual([owner.userId]);
  });
});

describe('a dropped socket', () => {
  it('keeps its place when the user rejoins from a new socket within the grace', async () => {
    const { serverId, owner, members, lounge } = await voiceServer(server, 1);
    const watcher = present(members[0]);
    await mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id });
    const left = recordEvents(watcher.socket, 'user_left_voice');
    owner.socket.disconnect();
    const { socket } = await connectAuthed(server, owner.user.token);
    await mustAck(socket, 'join_voice_channel', { channelId: lounge.id });
    await settle(watcher.socket);
    expect(left.payloads).toEqual([]);
    expect((await voiceStates(watcher, serverId)).map((s) => s.userId)).toEqual([owner.userId]);
  });
});

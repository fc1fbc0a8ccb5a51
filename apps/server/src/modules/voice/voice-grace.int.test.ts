import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { present } from '../../../test/communities.js';
import { nextEvent, startTestServer, type TestServer } from '../../../test/harness.js';
import { mustAck, voiceServer, voiceStates } from './voice.test-support.js';

/** A short grace so the sweep decides within the test; nothing here asserts a duration. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { CALL_GRACE_MS: '200', CALL_SWEEP_MS: '50' } });
});
afterAll(async () => {
  await server?.close();
});

describe('voice grace', () => {
  it('removes a participant whose socket stays away past the grace', async () => {
    const { serverId, owner, members, lounge } = await voiceServer(server, 1);
    const watcher = present(members[0]);
    await mustAck(owner.socket, 'join_voice_channel', { channelId: lounge.id });
    const left = nextEvent(watcher.socket, 'user_left_voice');
    owner.socket.disconnect();
    expect(await left).toMatchObject({ userId: owner.userId, channelId: lounge.id, reason: 'dropped' });
    expect(await voiceStates(watcher, serverId)).toEqual([]);
  });

  it('removes a member who left the server', async () => {
    const { serverId, owner, members, lounge } = await voiceServer(server, 1);
    const member = present(members[0]);
    await mustAck(member.socket, 'join_voice_channel', { channelId: lounge.id });
    const left = nextEvent(owner.socket, 'user_left_voice');
    await member.user.api.request('POST', `/api/servers/${serverId}/leave`);
    expect(await left).toMatchObject({ userId: member.userId, reason: 'kicked' });
  });
});

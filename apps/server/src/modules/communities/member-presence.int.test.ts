import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverWithMembers } from '../../../test/communities.js';
import {
  connectAuthed,
  eventually,
  recordAllEvents,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('presence of a community’s members', () => {
  it('tells the members of a shared server, friends or not, when a member comes and goes', async () => {
    const { owner, members, serverId } = await serverWithMembers(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const outsider = await server.signUp();
    const watching = recordAllEvents((await connectAuthed(server, owner.token)).socket);
    const bystander = recordAllEvents((await connectAuthed(server, outsider.token)).socket);

    const { socket } = await connectAuthed(server, member.token);
    const online = {
      event: 'member_presence',
      payload: { serverId, userId: member.userId, isOnline: true, status: 'online' },
    };
    await eventually(
      () => watching.events.some((entry) => JSON.stringify(entry) === JSON.stringify(online)),
      'the owner hears the member come online',
    );

    socket.disconnect();
    await eventually(
      () =>
        watching.events.some(
          (entry) =>
            entry.event === 'member_presence' &&
            (entry.payload as { userId: string; isOnline: boolean }).userId === member.userId &&
            !(entry.payload as { isOnline: boolean }).isOnline,
        ),
      'the owner hears the member go offline',
    );
    expect(bystander.names()).not.toContain('member_presence');
  });

  it('shows an invisible member as offline', async () => {
    const { owner, members, serverId } = await serverWithMembers(server, 1);
    const [member] = members;
    if (!member) throw new Error('no member');
    const watching = recordAllEvents((await connectAuthed(server, owner.token)).socket);
    const { socket } = await connectAuthed(server, member.token);
    await eventually(
      () => watching.names().includes('member_presence'),
      'the owner hears the member come online',
    );
    watching.clear();
    await socket.emitWithAck('update_status', { status: 'invisible' });
    const seen = async () =>
      watching.events.find(
        (entry) =>
          entry.event === 'member_presence' && (entry.payload as { userId: string }).userId === member.userId,
      );
    await eventually(async () => (await seen()) !== undefined, 'the owner hears the change');
    expect((await seen())?.payload).toEqual({
      serverId,
      userId: member.userId,
      isOnline: false,
      status: 'offline',
    });
  });
});

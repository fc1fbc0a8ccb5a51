import type { ServerEventName, ServerPayload } from '@guftagu/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from '@/lib/query/live-cache';
import { serversCacheEvents } from './cache-events';
import { groupMembers } from './components/member-list';
import { type MemberList, type ServerDetail, serversKeys } from './queries';
import { channel, member, role, server } from './test-fixtures';

function emit<E extends ServerEventName>(live: LiveCache, event: E, payload: ServerPayload<E>): void {
  for (const binding of serversCacheEvents) {
    if (binding.event === event) binding.apply(payload as never, live);
  }
}

function setup() {
  const live = new LiveCache(new QueryClient());
  const detail: ServerDetail = {
    server: server('s1', 'Crew'),
    channels: [channel('general')],
    roles: [role('everyone', { isDefault: true, position: 0 })],
    me: { isOwner: false, nickname: null, roleIds: [], permissions: ['VIEW_CHANNEL'] },
  };
  live.client.setQueryData(serversKeys.list(), [server('s1', 'Crew')]);
  live.client.setQueryData(serversKeys.detail('s1'), detail);
  live.client.setQueryData<MemberList>(serversKeys.members('s1'), {
    members: [member('ann')],
    roles: detail.roles,
  });
  const read = () => live.client.getQueryData<ServerDetail>(serversKeys.detail('s1'));
  return { live, read };
}

describe('servers cache events', () => {
  it('shows a channel that becomes visible and hides it again when access is lost', () => {
    const { live, read } = setup();
    emit(live, 'channel_created', { channel: channel('secret') });
    expect(read()?.channels.map((item) => item.id)).toEqual(['general', 'secret']);
    // Replayed (LiveCache may apply an event twice): still one copy.
    emit(live, 'channel_created', { channel: channel('secret') });
    expect(read()?.channels).toHaveLength(2);
    emit(live, 'channel_deleted', { serverId: 's1', channelId: 'secret' });
    expect(read()?.channels.map((item) => item.id)).toEqual(['general']);
  });

  it('renames the server on the rail and in the detail', () => {
    const { live, read } = setup();
    emit(live, 'server_updated', { server: server('s1', 'Crew HQ') });
    expect(read()?.server.name).toBe('Crew HQ');
    expect(live.client.getQueryData<{ name: string }[]>(serversKeys.list())?.[0]?.name).toBe('Crew HQ');
  });

  it('drops a deleted server from the rail', () => {
    const { live } = setup();
    emit(live, 'server_deleted', { serverId: 's1' });
    expect(live.client.getQueryData(serversKeys.list())).toEqual([]);
  });

  it('adds joined members and roles to the member list, and removes those who leave', () => {
    const { live } = setup();
    emit(live, 'member_joined', { serverId: 's1', member: member('bob') });
    emit(live, 'role_created', { serverId: 's1', role: role('crew', { hoisted: true, position: 1 }) });
    const list = () => live.client.getQueryData<MemberList>(serversKeys.members('s1'));
    expect(list()?.members.map((item) => item.userId)).toEqual(['ann', 'bob']);
    expect(list()?.roles.map((item) => item.id)).toEqual(['everyone', 'crew']);
    emit(live, 'member_left', { serverId: 's1', userId: 'bob', reason: 'left' });
    expect(list()?.members.map((item) => item.userId)).toEqual(['ann']);
  });

  it('moves a member between online and offline on member_presence, friend or not', () => {
    const { live } = setup();
    const ann = () =>
      live.client
        .getQueryData<MemberList>(serversKeys.members('s1'))
        ?.members.find((item) => item.userId === 'ann');
    emit(live, 'member_presence', { serverId: 's1', userId: 'ann', isOnline: true, status: 'busy' });
    expect(ann()).toMatchObject({ isOnline: true, status: 'busy' });
    emit(live, 'member_presence', { serverId: 's1', userId: 'ann', isOnline: false, status: 'offline' });
    expect(ann()).toMatchObject({ isOnline: false, status: 'offline' });
  });
});

describe('groupMembers', () => {
  it('groups online members under their highest hoisted role, then online, then offline', () => {
    const roles = [
      role('everyone', { isDefault: true, position: 0 }),
      role('mods', { hoisted: true, position: 3 }),
      role('quiet', { hoisted: false, position: 2 }),
    ];
    const groups = groupMembers(
      [
        member('zed', { roleIds: ['mods'] }),
        member('amy', { roleIds: ['quiet'] }),
        member('bob', { isOnline: false, roleIds: ['mods'], status: 'offline' }),
      ],
      roles,
    );
    expect(groups.map((group) => [group.title, group.members.map((item) => item.userId)])).toEqual([
      ['mods', ['zed']],
      ['Online', ['amy']],
      ['Offline', ['bob']],
    ]);
  });
});

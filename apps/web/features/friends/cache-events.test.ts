import type {
  ServerEventName,
  ServerPayload,
  TFriend,
  TFriendRequest,
  TPublicProfile,
} from '@guftagu/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from '@/lib/query/live-cache';
import { type ProfileResult, profileKeys } from '../profile/queries';
import { friendsCacheEvents } from './cache-events';
import { type AnsweredRequests, type FriendRequestLists, friendsKeys } from './queries';
import { applySocialChange } from './social-changes';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function emit<E extends ServerEventName>(live: LiveCache, event: E, payload: ServerPayload<E>): void {
  for (const binding of friendsCacheEvents) {
    if (binding.event === event) binding.apply(payload as never, live);
  }
}

const card = (userId: string) => ({
  userId,
  userId7Digit: '1234567',
  username: userId,
  displayName: null,
  profilePicture: null,
});

const friend = (userId: string, isOnline = false): TFriend => ({
  ...card(userId),
  friendsSince: '2026-01-01T00:00:00.000Z',
  isOnline,
  status: isOnline ? 'online' : 'offline',
  customStatus: null,
  lastActive: '2026-01-01T00:00:00.000Z',
});

const presence = (friendId: string) => ({
  ...card(friendId),
  friendId,
  status: 'online' as const,
  customStatus: 'reading',
  lastActive: '2026-02-01T00:00:00.000Z',
  timestamp: '2026-02-01T00:00:00.000Z',
});

const profile = (id: string, patch: Partial<TPublicProfile> = {}): TPublicProfile => ({
  id,
  userId7Digit: '1234567',
  username: id,
  displayName: null,
  bio: '',
  profilePicture: null,
  interests: [],
  joinDate: '2026-01-01T00:00:00.000Z',
  totalMatches: null,
  friendsCount: 3,
  isOnline: false,
  lastActive: null,
  status: null,
  customStatus: null,
  relationship: 'none',
  requestId: null,
  ...patch,
});

const ready = (shown: TPublicProfile): ProfileResult => ({ state: 'ready', profile: shown });

const request = (id: string, from: string, to: string): TFriendRequest => ({
  id,
  status: 'pending',
  message: null,
  sentAt: '2026-01-01T00:00:00.000Z',
  from: card(from),
  to: card(to),
});

describe('friendsCacheEvents', () => {
  it('keeps a friend_online that arrives while the friends list is still being fetched', async () => {
    const live = new LiveCache(new QueryClient());
    const key = friendsKeys.list();
    const response = deferred<TFriend[]>();
    const fetching = live.client.fetchQuery({
      queryKey: key,
      queryFn: () => live.fetch(key, () => response.promise),
    });

    // The server read the list before Ann came online; her event reaches the tab first.
    emit(live, 'friend_online', presence('ann'));
    response.resolve([friend('ann'), friend('bob')]);

    const list = await fetching;
    expect(list.find((f) => f.userId === 'ann')).toMatchObject({ isOnline: true, customStatus: 'reading' });
    expect(live.client.getQueryData<TFriend[]>(key)?.find((f) => f.userId === 'ann')?.isOnline).toBe(true);
    expect(list.find((f) => f.userId === 'bob')?.isOnline).toBe(false);
  });

  it('reads the list again once the socket is connected, since presence sent before then was missed', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(friendsKeys.list(), [friend('ann')]);
    emit(live, 'authenticated', {} as ServerPayload<'authenticated'>);
    expect(live.client.getQueryState(friendsKeys.list())?.isInvalidated).toBe(true);
  });

  it('sets presence idempotently and removes friends who unfriend or block you', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(friendsKeys.list(), [friend('ann', true), friend('bob', true), friend('cy')]);
    emit(live, 'friend_offline', presence('ann'));
    emit(live, 'friend_offline', presence('ann'));
    emit(live, 'unfriended', { by: { userId: 'bob', username: 'bob' }, timestamp: '' });
    emit(live, 'blocked_by_user', { by: { userId: 'cy', username: 'cy' } });
    expect(live.client.getQueryData(friendsKeys.list())).toEqual([
      { ...friend('ann'), status: 'offline', lastActive: '2026-02-01T00:00:00.000Z' },
    ]);
  });

  it('follows the other side on a shown profile, and hides it when they block you', () => {
    const live = new LiveCache(new QueryClient());
    const annKey = profileKeys.lookup({ username: 'ann' });
    const bobKey = profileKeys.lookup({ userId7Digit: '7654321' });
    live.client.setQueryData(annKey, ready(profile('ann')));
    live.client.setQueryData(bobKey, ready(profile('bob')));

    emit(live, 'friend_request_received', {
      requestId: 'r1',
      from: { ...card('ann'), bio: '', interests: [] },
      message: null,
      sentAt: '',
    });
    emit(live, 'blocked_by_user', { by: { userId: 'bob', username: 'bob' } });

    expect(live.client.getQueryData(annKey)).toMatchObject({
      state: 'ready',
      profile: { relationship: 'request_received', requestId: 'r1' },
    });
    expect(live.client.getQueryData(bobKey)).toEqual({ state: 'not_found' });
  });

  it('drops a request from the lists once the other side answers or withdraws it', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData<FriendRequestLists>(friendsKeys.requests(), {
      received: [request('in', 'ann', 'me')],
      sent: [request('out', 'me', 'bob')],
    });
    emit(live, 'friend_request_cancelled', { requestId: 'in', by: { userId: 'ann', username: 'ann' } });
    emit(live, 'friend_request_rejected', {
      requestId: 'out',
      by: { userId: 'bob', username: 'bob' },
      rejectedAt: '',
    });
    expect(live.client.getQueryData(friendsKeys.requests())).toEqual({ received: [], sent: [] });
  });
});

describe('applySocialChange', () => {
  it('accepting a request moves it into the friends list and remembers the answer', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData<FriendRequestLists>(friendsKeys.requests(), {
      received: [request('r1', 'ann', 'me')],
      sent: [],
    });
    live.client.setQueryData(friendsKeys.list(), [friend('bob')]);
    applySocialChange(live, { type: 'request_accepted', requestId: 'r1', friend: friend('ann', true) });
    applySocialChange(live, { type: 'request_accepted', requestId: 'r1', friend: friend('ann', true) });

    expect(live.client.getQueryData<FriendRequestLists>(friendsKeys.requests())?.received).toEqual([]);
    expect(live.client.getQueryData<TFriend[]>(friendsKeys.list())?.map((f) => f.userId)).toEqual([
      'bob',
      'ann',
    ]);
    expect(live.client.getQueryData<AnsweredRequests>(friendsKeys.answered())).toEqual({ r1: 'accepted' });
  });

  it('a sent request shows as pending on their profile; unfriending lowers their friend count once', () => {
    const live = new LiveCache(new QueryClient());
    const key = profileKeys.lookup({ username: 'ann' });
    live.client.setQueryData(key, ready(profile('ann')));
    live.client.setQueryData<FriendRequestLists>(friendsKeys.requests(), { received: [], sent: [] });

    applySocialChange(live, {
      type: 'request_sent',
      request: request('r2', 'me', 'ann'),
      autoAccepted: false,
    });
    expect(live.client.getQueryData(key)).toMatchObject({
      profile: { relationship: 'request_sent', requestId: 'r2' },
    });
    expect(live.client.getQueryData<FriendRequestLists>(friendsKeys.requests())?.sent).toHaveLength(1);

    live.client.setQueryData(key, ready(profile('ann', { relationship: 'friends' })));
    applySocialChange(live, { type: 'unfriended', userId: 'ann' });
    applySocialChange(live, { type: 'unfriended', userId: 'ann' });
    expect(live.client.getQueryData(key)).toMatchObject({
      profile: { relationship: 'none', friendsCount: 2 },
    });
  });
});

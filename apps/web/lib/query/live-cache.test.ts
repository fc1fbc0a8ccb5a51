import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from './live-cache';

interface Friend {
  id: string;
  online: boolean;
}

const setOnline = (id: string, online: boolean) => (friends: Friend[]) =>
  friends.map((friend) => (friend.id === id ? { ...friend, online } : friend));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('LiveCache', () => {
  it('keeps an event that arrives while an older fetch is in flight', async () => {
    const live = new LiveCache(new QueryClient());
    const key = ['friends', 'list'];
    const response = deferred<Friend[]>();
    const fetching = live.client.fetchQuery({
      queryKey: key,
      queryFn: () => live.fetch(key, () => response.promise),
    });

    // The server sent the list before Ann came online, but the event reaches us first.
    live.apply(['friends'], setOnline('ann', true));
    response.resolve([{ id: 'ann', online: false }]);

    expect(await fetching).toEqual([{ id: 'ann', online: true }]);
    expect(live.client.getQueryData(key)).toEqual([{ id: 'ann', online: true }]);
  });

  it('does not replay events that happened before the fetch started', async () => {
    const live = new LiveCache(new QueryClient());
    const key = ['friends', 'list'];
    live.client.setQueryData(key, [{ id: 'ann', online: false }]);
    live.apply(['friends'], setOnline('ann', true));
    const response = deferred<Friend[]>();
    const fetching = live.fetch(key, () => response.promise);
    response.resolve([{ id: 'ann', online: false }]);
    // The newer fetch is the truth: Ann went offline after the event.
    expect(await fetching).toEqual([{ id: 'ann', online: false }]);
  });

  it('replays only onto queries under the event key', async () => {
    const live = new LiveCache(new QueryClient());
    const response = deferred<Friend[]>();
    const fetching = live.fetch(['blocks', 'list'], () => response.promise);
    live.apply(['friends'], setOnline('ann', true));
    response.resolve([{ id: 'ann', online: false }]);
    expect(await fetching).toEqual([{ id: 'ann', online: false }]);
  });

  it('updates loaded entries under a key prefix and leaves unloaded ones alone', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(['friends', 'list', 'all'], [{ id: 'ann', online: false }]);
    live.client.setQueryData(['friends', 'list', 'online'], [{ id: 'ann', online: false }]);
    live.apply(['friends', 'list'], setOnline('ann', true));
    expect(live.client.getQueryData(['friends', 'list', 'all'])).toEqual([{ id: 'ann', online: true }]);
    expect(live.client.getQueryData(['friends', 'list', 'online'])).toEqual([{ id: 'ann', online: true }]);
    expect(live.client.getQueryData(['friends', 'other'])).toBeUndefined();
  });

  it('forgets recorded events once no fetch is in flight, and on reset', async () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(['friends'], [{ id: 'ann', online: false }]);
    const first = deferred<Friend[]>();
    const fetching = live.fetch(['friends'], () => first.promise);
    live.apply(['friends'], setOnline('ann', true));
    first.resolve([{ id: 'ann', online: false }]);
    await fetching;
    // A later fetch must not see the event again.
    expect(await live.fetch(['friends'], async () => [{ id: 'ann', online: false }])).toEqual([
      { id: 'ann', online: false },
    ]);
    live.reset();
    expect(live.client.getQueryData(['friends'])).toBeUndefined();
  });
});

import type { TChannelSync, TChannelSyncResponse } from '@guftagu/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from '@/lib/query/live-cache';
import { type ChannelLog, emptyLog, logReducer } from './channel-log';
import { forgetUnsyncedLogs, syncChannels, syncRequest, trackSyncHook } from './channel-sync';
import { channelKeys } from './message-queries';
import { message } from './test-fixtures';

const id = (n: number) => `m${String(n).padStart(4, '0')}`;

function loadedLog(channelId: string, ids: number[], hasOlder = true): ChannelLog {
  return logReducer(emptyLog(channelId), {
    type: 'page',
    messages: ids.map((n) => message(id(n), { channelId })),
    hasOlder,
    older: false,
  });
}

/** A fake server holding `total` messages in c1 that answers `channel_sync` in batches of `batch`. */
function server(total: number, batch: number, extra: Partial<TChannelSyncResponse> = {}) {
  const requests: TChannelSync[] = [];
  const all = Array.from({ length: total }, (_, index) => message(id(index + 1)));
  const send = async (request: TChannelSync): Promise<TChannelSyncResponse> => {
    requests.push(request);
    const after = request.after.c1 ?? '';
    const newer = all.filter((item) => item.id > after);
    return {
      success: true,
      messages: newer.slice(0, batch),
      changed: requests.length === 1 ? (extra.changed ?? []) : [],
      removed: requests.length === 1 ? (extra.removed ?? []) : [],
      denied: [],
      hasMore: newer.length > batch,
      syncedAt: `2026-01-01T00:00:0${requests.length}.000Z`,
    };
  };
  return { send, requests };
}

describe('channel reconnect sync', () => {
  it('asks from each loaded channel’s newest message and skips channels not loaded yet', () => {
    const request = syncRequest(
      [loadedLog('c1', [1, 2]), emptyLog('c2')].filter((log) => log.loaded),
      null,
    );
    expect(request?.after).toEqual({ c1: id(2) });
    expect(request?.changedSince).toBeDefined();
    expect(syncRequest([], null)).toBeNull();
  });

  it('catches up more than a page of missed messages with no gap and no duplicate', async () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(channelKeys.log('c1'), loadedLog('c1', [1, 2, 3]));
    // 130 messages on the server, 3 held: two more rounds than one page, each from the last one merged.
    const fake = server(130, 50);
    const syncedAt = await syncChannels(live, fake.send, null);
    const log = live.client.getQueryData<ChannelLog>(channelKeys.log('c1'));
    expect(log?.messages.map((item) => item.id)).toEqual(Array.from({ length: 130 }, (_, i) => id(i + 1)));
    expect(fake.requests.map((request) => request.after.c1)).toEqual([id(3), id(53), id(103)]);
    expect(syncedAt).toBe('2026-01-01T00:00:03.000Z');
    // Running again (a second reconnect) adds nothing twice.
    await syncChannels(live, server(130, 50).send, syncedAt);
    expect(live.client.getQueryData<ChannelLog>(channelKeys.log('c1'))?.messages).toHaveLength(130);
  });

  it('refreshes changed messages it holds, never adds changed ones it does not, and drops removed ones', async () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(channelKeys.log('c1'), loadedLog('c1', [5, 6, 7]));
    const edited = message(id(6), { content: 'edited', edited: true, editedAt: '2026-01-01T00:05:00.000Z' });
    const older = message(id(1), { content: 'far above the loaded page', pinned: true });
    const fake = server(7, 50, { changed: [edited, older], removed: [id(7)] });
    await syncChannels(live, fake.send, null);
    const log = live.client.getQueryData<ChannelLog>(channelKeys.log('c1'));
    expect(log?.messages.map((item) => [item.id, item.content])).toEqual([
      [id(5), `message ${id(5)}`],
      [id(6), 'edited'],
    ]);
  });

  it('drops cached channels after a reconnect only when nothing is there to sync them', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(channelKeys.log('c1'), loadedLog('c1', [1]));
    const untrack = trackSyncHook();
    forgetUnsyncedLogs(live);
    expect(live.client.getQueryData(channelKeys.log('c1'))).toBeDefined();
    untrack();
    forgetUnsyncedLogs(live);
    expect(live.client.getQueryData(channelKeys.log('c1'))).toBeUndefined();
  });
});

import type { ServerEventName, ServerPayload } from '@guftagu/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from '@/lib/query/live-cache';
import { serversCacheEvents } from './cache-events';
import { type ChannelLog, emptyLog, logReducer } from './channel-log';
import { channelKeys } from './message-queries';
import { type PinList, pinAdded, pinRemoved } from './pins';
import { message } from './test-fixtures';

function emit<E extends ServerEventName>(live: LiveCache, event: E, payload: ServerPayload<E>): void {
  for (const binding of serversCacheEvents) {
    if (binding.event === event) binding.apply(payload as never, live);
  }
}

describe('channel pins', () => {
  it('puts a new pin first, once, and removes it again idempotently', () => {
    const pins = pinAdded(message('02'))(pinAdded(message('01'))([]));
    expect(pins.map((item) => item.id)).toEqual(['02', '01']);
    expect(pinAdded(message('01'))(pins).map((item) => item.id)).toEqual(['01', '02']);
    const once = pinRemoved('02')(pins);
    expect(pinRemoved('02')(once)).toBe(once);
  });

  it('follows message_pinned, message_unpinned, edits and deletions live in the list and the log', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData<PinList>(channelKeys.pins('c1'), []);
    live.client.setQueryData<ChannelLog>(
      channelKeys.log('c1'),
      logReducer(emptyLog('c1'), {
        type: 'page',
        messages: [message('01'), message('02')],
        hasOlder: false,
        older: false,
      }),
    );
    const pins = () => live.client.getQueryData<PinList>(channelKeys.pins('c1')) ?? [];
    const log = () => live.client.getQueryData<ChannelLog>(channelKeys.log('c1'));
    emit(live, 'message_pinned', {
      messageId: '01',
      channelId: 'c1',
      pinnedBy: 'bob',
      message: message('01'),
    });
    emit(live, 'message_pinned', {
      messageId: '01',
      channelId: 'c1',
      pinnedBy: 'bob',
      message: message('01'),
    });
    expect(pins().map((item) => item.id)).toEqual(['01']);
    expect(log()?.messages.find((item) => item.id === '01')?.pinned).toBe(true);
    emit(live, 'message_edited', {
      messageId: '01',
      newContent: 'new text',
      editedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(pins()[0]?.content).toBe('new text');
    emit(live, 'message_unpinned', { messageId: '01', channelId: 'c1', unpinnedBy: 'bob' });
    expect(pins()).toEqual([]);
    expect(log()?.messages.find((item) => item.id === '01')?.pinned).toBe(false);
    emit(live, 'message_pinned', {
      messageId: '02',
      channelId: 'c1',
      pinnedBy: 'bob',
      message: message('02'),
    });
    emit(live, 'message_deleted', { messageId: '02', channelId: 'c1' });
    expect(pins()).toEqual([]);
  });
});

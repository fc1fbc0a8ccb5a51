import type {
  ServerEventName,
  ServerPayload,
  TDirectMessage,
  TDmOtherUser,
  TMessagesResponse,
} from '@guftagu/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { LiveCache } from '@/lib/query/live-cache';
import { messagesCacheEvents } from './cache-events';
import { messagesKeys } from './queries';
import { dmMessage } from './test-fixtures';
import { emptyThread, type Thread } from './thread-store';
import { threadReducer } from './threads-reducer';

const ME = '0190f000-0000-7000-8000-00000000000a';
const THEM = '0190f000-0000-7000-8000-00000000000b';

function message(id: string, senderId = THEM): TDirectMessage {
  return dmMessage({ id, senderId, recipientId: senderId === THEM ? ME : THEM });
}

function page(messages: TDirectMessage[]): TMessagesResponse {
  return {
    success: true,
    messages: [...messages].reverse(),
    nextCursor: null,
    hasMore: false,
    conversation: null,
    otherUser: { userId: THEM } as TDmOtherUser,
  };
}

function emit<E extends ServerEventName>(live: LiveCache, event: E, payload: ServerPayload<E>): void {
  for (const binding of messagesCacheEvents) {
    if (binding.event === event) binding.apply(payload as never, live);
  }
}

function loaded(live: LiveCache, messages: TDirectMessage[]): void {
  live.client.setQueryData(
    messagesKeys.thread(THEM),
    threadReducer(emptyThread(THEM), { type: 'page', page: page(messages), older: false }),
  );
}

const threadOf = (live: LiveCache) => live.client.getQueryData<Thread>(messagesKeys.thread(THEM));

describe('messagesCacheEvents', () => {
  it('files my sent message and their reply under the other person, whoever sent it', () => {
    const live = new LiveCache(new QueryClient());
    loaded(live, [message('m1')]);
    const mine = message('m2', ME);
    emit(live, 'dm_receive', {
      ...mine,
      messageId: mine.id,
      from: { userId: ME } as never,
      message: mine.content,
      timestamp: mine.createdAt,
    });
    expect(threadOf(live)?.messages.map((item) => item.id)).toEqual(['m1', 'm2']);
    expect(live.client.getQueryData(messagesKeys.thread(ME))).toBeUndefined();
  });

  it('moves receipts forward by message id and never back', () => {
    const live = new LiveCache(new QueryClient());
    loaded(live, [message('m1', ME)]);
    const ids = ['m1'];
    emit(live, 'dm_read', {
      messageIds: ids,
      conversationId: 'c1',
      readAt: '2026-01-01T10:02:00.000Z',
      readBy: THEM,
    });
    emit(live, 'dm_delivered', {
      messageId: 'm1',
      messageIds: ids,
      conversationId: 'c1',
      deliveredAt: '2026-01-01T10:01:00.000Z',
      toUserId: THEM,
    });
    expect(threadOf(live)?.messages[0]).toMatchObject({ status: 'read', readAt: '2026-01-01T10:02:00.000Z' });
  });

  it('keeps an edit that arrives while the thread’s page is still loading', async () => {
    const live = new LiveCache(new QueryClient());
    const key = messagesKeys.thread(THEM);
    let answer!: (value: TMessagesResponse) => void;
    const response = new Promise<TMessagesResponse>((resolve) => {
      answer = resolve;
    });
    const fetching = live.client.fetchQuery({
      queryKey: key,
      queryFn: () =>
        live.fetch(key, async () =>
          threadReducer(emptyThread(THEM), { type: 'page', page: await response, older: false }),
        ),
    });
    const edited = { ...message('m1'), content: 'm1, corrected', editedAt: '2026-01-01T10:05:00.000Z' };
    emit(live, 'dm_edited', {
      messageId: edited.id,
      conversationId: edited.conversationId,
      content: edited.content,
      editedAt: '2026-01-01T10:05:00.000Z',
      message: edited,
    });
    answer(page([message('m1')]));
    expect((await fetching).messages[0]?.content).toBe('m1, corrected');
  });

  it('sets unread counts from the event, leaving other people’s counts alone', () => {
    const live = new LiveCache(new QueryClient());
    live.client.setQueryData(messagesKeys.unread(), { total: 5, byUser: { [THEM]: 2, other: 3 } });
    emit(live, 'dm_unread_update', { total: 3, byUser: { [THEM]: 0 } });
    emit(live, 'dm_unread_update', { total: 3, byUser: { [THEM]: 0 } });
    expect(live.client.getQueryData(messagesKeys.unread())).toEqual({
      total: 3,
      byUser: { [THEM]: 0, other: 3 },
    });
  });
});

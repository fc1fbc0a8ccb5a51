import type { TDirectMessage, TDmOtherUser, TMessagesResponse } from '@guftagu/contracts';
import { describe, expect, it } from 'vitest';
import { dmMessage } from './test-fixtures';
import { threadsReducer } from './threads-reducer';

const ME = '0190f000-0000-7000-8000-00000000000a';
const THEM = '0190f000-0000-7000-8000-00000000000b';

function message(id: string, senderId = THEM): TDirectMessage {
  return dmMessage({ id, senderId, recipientId: senderId === THEM ? ME : THEM });
}

const otherUser = { userId: THEM } as TDmOtherUser;

function page(ids: string[], hasMore: boolean): TMessagesResponse {
  return {
    success: true,
    messages: ids.map((id) => message(id)).reverse(),
    nextCursor: hasMore ? (ids[0] ?? null) : null,
    hasMore,
    conversation: null,
    otherUser,
  };
}

describe('threads reducer', () => {
  it('does not open holes when old messages are redelivered above the loaded page', () => {
    let threads = threadsReducer(
      {},
      { type: 'page', userId: THEM, page: page(['05', '06', '07'], true), older: false },
    );
    threads = threadsReducer(threads, {
      type: 'upsert',
      userId: THEM,
      messages: [message('02'), message('08')],
    });
    expect(threads[THEM]?.messages.map((item) => item.id)).toEqual(['05', '06', '07', '08']);
  });

  it('drops live arrivals older than the first page once it loads, and keeps newer ones', () => {
    let threads = threadsReducer(
      {},
      { type: 'upsert', userId: THEM, messages: [message('01'), message('09')] },
    );
    threads = threadsReducer(threads, {
      type: 'page',
      userId: THEM,
      page: page(['05', '06'], true),
      older: false,
    });
    expect(threads[THEM]?.messages.map((item) => item.id)).toEqual(['05', '06', '09']);
    threads = threadsReducer(threads, {
      type: 'page',
      userId: THEM,
      page: page(['01', '02'], false),
      older: true,
    });
    expect(threads[THEM]?.messages.map((item) => item.id)).toEqual(['01', '02', '05', '06', '09']);
    expect(threads[THEM]?.hasOlder).toBe(false);
  });

  it('refreshes only messages it already shows', () => {
    let threads = threadsReducer(
      {},
      { type: 'page', userId: THEM, page: page(['05', '06'], true), older: false },
    );
    threads = threadsReducer(threads, {
      type: 'refresh',
      userId: THEM,
      messages: [
        { ...message('02'), content: 'old' },
        { ...message('06'), content: 'edited' },
      ],
    });
    expect(threads[THEM]?.messages.map((item) => item.content)).toEqual(['05', 'edited']);
  });

  it('updates reply previews when the quoted message is edited or deleted, and applies twice harmlessly', () => {
    const reply: TDirectMessage = {
      ...message('m2', ME),
      replyTo: { id: 'm1', senderId: THEM, content: 'm1', messageType: 'text', deleted: false },
    };
    let threads = threadsReducer(
      {},
      {
        type: 'page',
        userId: THEM,
        page: { ...page(['m1'], false), messages: [reply, message('m1')] },
        older: false,
      },
    );
    const edited = { ...message('m1'), content: 'm1, corrected', editedAt: '2026-01-01T10:05:00.000Z' };
    threads = threadsReducer(threads, { type: 'refresh', userId: THEM, messages: [edited] });
    threads = threadsReducer(threads, { type: 'refresh', userId: THEM, messages: [edited] });
    expect(threads[THEM]?.messages.find((m) => m.id === 'm2')?.replyTo?.content).toBe('m1, corrected');

    threads = threadsReducer(threads, {
      type: 'patch',
      userId: THEM,
      ids: new Set(['m1']),
      patch: (m) => ({ ...m, content: '', deletedForEveryone: true }),
    });
    expect(threads[THEM]?.messages.find((m) => m.id === 'm2')?.replyTo).toMatchObject({
      content: '',
      deleted: true,
    });
  });
});

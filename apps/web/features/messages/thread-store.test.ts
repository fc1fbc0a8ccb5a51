import type { TDirectMessage } from '@guftagu/contracts';
import { describe, expect, it } from 'vitest';
import { dmMessage } from './test-fixtures';
import {
  emptyThread,
  mergeMessage,
  type PendingMessage,
  toggleMyReaction,
  upsertMessages,
  withStatus,
} from './thread-store';

const ALICE = '0190f000-0000-7000-8000-00000000000a';
const BOB = '0190f000-0000-7000-8000-00000000000b';

function message(id: string, change: Partial<TDirectMessage> = {}): TDirectMessage {
  return dmMessage({ id, senderId: ALICE, recipientId: BOB, content: `text ${id}`, ...change });
}

function pending(nonce: string): PendingMessage {
  return {
    nonce,
    to: BOB,
    content: 'hello',
    attachments: [],
    replyTo: null,
    replyToId: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    state: 'sending',
    error: null,
  };
}

describe('thread store', () => {
  it('keeps messages unique and in id order whatever order they arrive in', () => {
    let thread = emptyThread(BOB);
    thread = upsertMessages(thread, [message('03'), message('01')]);
    thread = upsertMessages(thread, [message('02'), message('01'), message('04')]);
    expect(thread.messages.map((item) => item.id)).toEqual(['01', '02', '03', '04']);
  });

  it('retires the optimistic bubble when the stored message with its nonce arrives', () => {
    const thread = { ...emptyThread(BOB), pending: [pending('n1'), pending('n2')] };
    const next = upsertMessages(thread, [message('01', { nonce: 'n1' })]);
    expect(next.pending.map((item) => item.nonce)).toEqual(['n2']);
    expect(next.messages).toHaveLength(1);
  });

  it('never moves a receipt backwards when an older copy arrives late', () => {
    const read = message('01', { status: 'read', deliveredAt: 'a', readAt: 'b' });
    const stale = message('01', { status: 'delivered', deliveredAt: 'a' });
    expect(mergeMessage(read, stale)).toMatchObject({ status: 'read', readAt: 'b' });
  });

  it('keeps a deletion final and drops the text and attachments', () => {
    const deleted = message('01', { deletedForEveryone: true, content: '', deletedAt: 'x' });
    const stale = message('01', { content: 'secret' });
    expect(mergeMessage(deleted, stale)).toMatchObject({ deletedForEveryone: true, content: '' });
  });

  it('shows the text of the latest edit even if an older copy comes second', () => {
    const edited = message('01', { content: 'fixed', editedAt: '2026-01-01T10:05:00.000Z' });
    const original = message('01', { content: 'typo' });
    expect(mergeMessage(edited, original).content).toBe('fixed');
    expect(mergeMessage(original, edited).content).toBe('fixed');
  });

  it('upgrades status only forwards', () => {
    const sent = message('01');
    expect(withStatus('delivered', 't1')(sent)).toMatchObject({ status: 'delivered', deliveredAt: 't1' });
    const read = message('01', { status: 'read', readAt: 't0' });
    expect(withStatus('delivered', 't1')(read)).toBe(read);
  });

  it('toggles my reaction without touching the other person’s', () => {
    const theirs = [{ emoji: '👍', count: 1, mine: false, userIds: [BOB] }];
    const added = toggleMyReaction(theirs, '👍', ALICE);
    expect(added).toEqual([{ emoji: '👍', count: 2, mine: true, userIds: [BOB, ALICE] }]);
    expect(toggleMyReaction(added, '👍', ALICE)).toEqual([
      { emoji: '👍', count: 1, mine: false, userIds: [BOB] },
    ]);
    expect(toggleMyReaction([], '❤️', ALICE)).toEqual([
      { emoji: '❤️', count: 1, mine: true, userIds: [ALICE] },
    ]);
  });
});

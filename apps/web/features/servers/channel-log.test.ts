import { describe, expect, it } from 'vitest';
import { applyReaction, emptyLog, type LogChange, logReducer, toggleMine } from './channel-log';
import { message } from './test-fixtures';

const run = (changes: LogChange[], log = emptyLog('c1')) => changes.reduce(logReducer, log);
const ids = (log: ReturnType<typeof emptyLog>) => log.messages.map((item) => item.id);

describe('channel log', () => {
  it('orders a newest-first page oldest first and remembers whether older pages exist', () => {
    const log = run([
      { type: 'page', messages: [message('03'), message('02')], hasOlder: true, older: false },
    ]);
    expect(ids(log)).toEqual(['02', '03']);
    expect(log).toMatchObject({ loaded: true, hasOlder: true });
  });

  it('keeps a live message that arrived while the first page loaded, and drops older strays that would leave a hole', () => {
    const log = run([
      { type: 'upsert', messages: [message('01'), message('05')] },
      { type: 'page', messages: [message('04'), message('03')], hasOlder: true, older: false },
    ]);
    expect(ids(log)).toEqual(['03', '04', '05']);
  });

  it('prepends older pages and leaves hasOlder to the older page', () => {
    const log = run([
      { type: 'page', messages: [message('04'), message('03')], hasOlder: true, older: false },
      { type: 'page', messages: [message('02'), message('01')], hasOlder: false, older: true },
    ]);
    expect(ids(log)).toEqual(['01', '02', '03', '04']);
    expect(log.hasOlder).toBe(false);
  });

  it('applies the same event twice without duplicating', () => {
    const once = run([
      { type: 'page', messages: [message('01')], hasOlder: false, older: false },
      { type: 'upsert', messages: [message('02')] },
    ]);
    expect(ids(logReducer(once, { type: 'upsert', messages: [message('02')] }))).toEqual(['01', '02']);
  });

  it('retires a pending send when the stored message with its nonce arrives', () => {
    const pending = {
      nonce: 'n1',
      content: 'hi',
      attachments: [],
      replyToId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      state: 'sending' as const,
      error: null,
    };
    const log = run([
      { type: 'page', messages: [], hasOlder: false, older: false },
      { type: 'pending_add', pending },
      { type: 'upsert', messages: [message('01', { nonce: 'n1', content: 'hi' })] },
    ]);
    expect(log.pending).toEqual([]);
    expect(ids(log)).toEqual(['01']);
  });

  it('never lets an older copy undo a newer edit', () => {
    const log = run([
      { type: 'page', messages: [message('01')], hasOlder: false, older: false },
      { type: 'edited', messageId: '01', content: 'new', editedAt: '2026-01-02T00:00:00.000Z' },
      { type: 'upsert', messages: [message('01', { content: 'stale' })] },
    ]);
    expect(log.messages[0]).toMatchObject({ content: 'new', edited: true });
  });

  it('removes a deleted message and marks replies quoting it', () => {
    const log = run([
      {
        type: 'page',
        messages: [
          message('02', { replyTo: { id: '01', authorId: 'ann', content: 'message 01', deleted: false } }),
          message('01'),
        ],
        hasOlder: false,
        older: false,
      },
      { type: 'deleted', messageIds: ['01'] },
    ]);
    expect(ids(log)).toEqual(['02']);
    expect(log.messages[0]?.replyTo).toMatchObject({ deleted: true, content: '' });
  });
});

describe('reactions', () => {
  it('sets the broadcast total and who reacted, idempotently', () => {
    const change = { emoji: '👍', userId: 'bob', count: 1, added: true, me: null };
    const once = applyReaction([], change);
    expect(applyReaction(once, change)).toEqual([{ emoji: '👍', count: 1, mine: false, userIds: ['bob'] }]);
    expect(applyReaction(once, { ...change, added: false, count: 0 })).toEqual([]);
  });

  it('toggles my own reaction optimistically', () => {
    const mine = toggleMine([], '🎉', 'me');
    expect(mine).toEqual([{ emoji: '🎉', count: 1, mine: true, userIds: ['me'] }]);
    expect(toggleMine(mine, '🎉', 'me')).toEqual([]);
  });
});

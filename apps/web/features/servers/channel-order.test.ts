import { describe, expect, it } from 'vitest';
import { moveChannel } from './channel-order';
import { channel } from './test-fixtures';

const channels = [
  channel('rules', { position: 0 }),
  channel('cat', { type: 'category', position: 0 }),
  channel('cat2', { type: 'category', position: 1 }),
  channel('a', { parentId: 'cat', position: 0 }),
  channel('b', { parentId: 'cat', position: 1 }),
  channel('c', { parentId: 'cat', position: 5 }),
];

describe('channel order', () => {
  it('swaps a channel with its neighbour inside its category and renumbers the siblings', () => {
    expect(moveChannel(channels, 'c', -1)).toEqual([
      { id: 'a', position: 0 },
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });

  it('moves categories among categories only', () => {
    expect(moveChannel(channels, 'cat', 1)).toEqual([
      { id: 'cat2', position: 0 },
      { id: 'cat', position: 1 },
    ]);
  });

  it('does nothing past either end or for an unknown channel', () => {
    expect(moveChannel(channels, 'a', -1)).toBeNull();
    expect(moveChannel(channels, 'rules', 1)).toBeNull();
    expect(moveChannel(channels, 'nope', 1)).toBeNull();
  });
});

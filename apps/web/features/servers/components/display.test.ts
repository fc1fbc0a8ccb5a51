import { describe, expect, it } from 'vitest';
import { message } from '../test-fixtures';
import { channelSlug } from './create-channel-dialog';
import { fromStoredMessage } from './display';
import { typingSentence } from './typing-line';

describe('typingSentence', () => {
  it('names up to three people, then summarises', () => {
    expect(typingSentence([])).toBeNull();
    expect(typingSentence(['Ann'])).toBe('Ann is typing…');
    expect(typingSentence(['Ann', 'Bob'])).toBe('Ann and Bob are typing…');
    expect(typingSentence(['Ann', 'Bob', 'Cy'])).toBe('Ann, Bob and Cy are typing…');
    expect(typingSentence(['Ann', 'Bob', 'Cy', 'Di'])).toBe('Several people are typing…');
  });
});

describe('channelSlug', () => {
  it('writes text channel names the way Discord does', () => {
    expect(channelSlug('Crew  Only', 'text')).toBe('crew-only');
    expect(channelSlug('Lounge Room', 'voice')).toBe('Lounge Room');
  });
});

describe('fromStoredMessage', () => {
  const lookup = { member: () => undefined, colorOf: () => null };
  it('flags mentions of me, my roles and everyone', () => {
    const base = message('01');
    expect(fromStoredMessage(base, 'me', [], lookup).mentionsMe).toBe(false);
    const direct = message('02', { mentions: { users: ['me'], roles: [], everyone: false } });
    expect(fromStoredMessage(direct, 'me', [], lookup).mentionsMe).toBe(true);
    const byRole = message('03', { mentions: { users: [], roles: ['crew'], everyone: false } });
    expect(fromStoredMessage(byRole, 'me', ['crew'], lookup).mentionsMe).toBe(true);
  });

  it('reads my reactions from who reacted, whatever the broadcast said', () => {
    const reacted = message('04', { reactions: [{ emoji: '👍', count: 1, mine: false, userIds: ['me'] }] });
    expect(fromStoredMessage(reacted, 'me', [], lookup).reactions[0]?.mine).toBe(true);
  });
});

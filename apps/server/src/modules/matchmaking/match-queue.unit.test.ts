import { describe, expect, it } from 'vitest';
import { choosePartner, identityOf, type QueueEntry } from './match-queue.js';

const entry = (
  socketId: string,
  interests: string[],
  joinedAt = 0,
  extra: Partial<QueueEntry> = {},
): QueueEntry => ({
  entryId: `e-${socketId}`,
  socketId,
  nodeId: 'n',
  identity: identityOf(null, socketId),
  profile: {
    userId: null,
    username: 'Anonymous',
    publicId: null,
    displayName: 'Anonymous',
    profilePicture: null,
  },
  interests,
  joinedAt,
  excluded: [],
  ...extra,
});

describe('choosePartner', () => {
  it('picks the most common interests, the longest-waiting on ties', () => {
    const me = entry('me', ['a', 'b'], 100);
    const picked = choosePartner(
      me,
      [entry('x', ['a'], 1), entry('y', ['a', 'b'], 2), entry('z', ['b', 'a'], 3)],
      100,
      5000,
    );
    expect(picked).toEqual({
      partner: expect.objectContaining({ socketId: 'y' }),
      commonInterests: ['a', 'b'],
      matchedByInterests: true,
    });
  });

  it('pairs without common interests only when both sides are relaxed', () => {
    const fresh = entry('me', ['a'], 1000);
    expect(choosePartner(fresh, [entry('x', [], 0)], 1000, 5000)).toBeNull();
    expect(choosePartner(fresh, [entry('x', [], 0)], 6000, 5000)?.partner.socketId).toBe('x');
    expect(choosePartner(entry('me', [], 1000), [entry('x', ['b'], 900)], 1000, 5000)).toBeNull();
    expect(choosePartner(entry('me', [], 1000), [entry('x', [], 900)], 1000, 5000)).toMatchObject({
      matchedByInterests: false,
      commonInterests: [],
    });
  });

  it('never pairs the same identity or an excluded one, in either direction', () => {
    const user = (socketId: string, userId: string, excluded: string[] = []) =>
      entry(socketId, [], 0, { identity: identityOf(userId, socketId), excluded });
    expect(choosePartner(user('tab1', 'u1'), [user('tab2', 'u1')], 0, 0)).toBeNull();
    expect(choosePartner(user('s1', 'u1', ['u:u2']), [user('s2', 'u2')], 0, 0)).toBeNull();
    expect(choosePartner(user('s1', 'u1'), [user('s2', 'u2', ['u:u1'])], 0, 0)).toBeNull();
    expect(choosePartner(user('s1', 'u1'), [user('s2', 'u2', ['u:u3'])], 0, 0)?.partner.socketId).toBe('s2');
  });
});

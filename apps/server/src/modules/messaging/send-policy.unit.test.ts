import type { TPrivacy } from '@guftagu/contracts';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import type { UserRow } from '../users/index.js';
import type { DmConversationRow } from './messaging.schema.js';
import { canSendNow, decideSend } from './send-policy.js';

const user = (id: string, privacy: Partial<TPrivacy> = {}) => ({ id, username: id, privacy }) as UserRow;
const conversation = (
  requestState: DmConversationRow['requestState'],
  requestedBy: string | null = null,
): DmConversationRow => ({
  id: 'c',
  userLowId: 'a',
  userHighId: 'b',
  requestState,
  requestedBy,
  lastMessageAt: null,
  createdAt: new Date(0),
});
const strangers = { isFriend: false, block: null } as const;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
}

describe('decideSend', () => {
  const alice = user('a');
  const bob = user('b');

  it('lets friends talk directly and settles an open request between them', () => {
    expect(decideSend(alice, bob, conversation('none'), { isFriend: true, block: null })).toMatchObject({
      requestState: 'none',
      opensRequest: false,
    });
    expect(
      decideSend(alice, bob, conversation('pending', 'b'), { isFriend: true, block: null }),
    ).toMatchObject({
      requestState: 'none',
      requestedBy: null,
      acceptsRequest: true,
    });
  });

  it('does not let a request settled by friendship outlive the friendship', () => {
    const settled = decideSend(alice, bob, conversation('pending', 'a'), { isFriend: true, block: null });
    const afterUnfriend = { ...conversation('pending', 'a'), ...settled };
    expect(decideSend(alice, bob, afterUnfriend, strangers)).toMatchObject({
      requestState: 'pending',
      requestedBy: 'a',
      opensRequest: true,
    });
  });

  it('blocks in both directions, friends or not', () => {
    expect(
      codeOf(() => decideSend(alice, bob, conversation('none'), { isFriend: true, block: 'blocked' })),
    ).toBe('BLOCKED');
    expect(
      codeOf(() =>
        decideSend(alice, bob, conversation('accepted'), { isFriend: false, block: 'blocked_by' }),
      ),
    ).toBe('BLOCKED');
  });

  it('opens a request for a stranger only when the recipient lets everyone message them', () => {
    expect(decideSend(alice, bob, conversation('none'), strangers)).toEqual({
      requestState: 'pending',
      requestedBy: 'a',
      opensRequest: true,
      acceptsRequest: false,
    });
    expect(
      codeOf(() =>
        decideSend(alice, user('b', { allowMessages: 'nobody' }), conversation('none'), strangers),
      ),
    ).toBe('DM_NOT_ALLOWED');
    expect(
      codeOf(() =>
        decideSend(alice, user('b', { allowMessages: 'friends' }), conversation('accepted'), strangers),
      ),
    ).toBe('DM_NOT_ALLOWED');
  });

  it('lets the person asked answer (accepting) even with a strict setting of the asker', () => {
    const strictAsker = user('b', { allowMessages: 'nobody' });
    expect(decideSend(alice, strictAsker, conversation('pending', 'b'), strangers)).toMatchObject({
      requestState: 'accepted',
      acceptsRequest: true,
    });
  });

  it('keeps a rejected asker out but lets the one who rejected reach out with a new request', () => {
    expect(codeOf(() => decideSend(alice, bob, conversation('rejected', 'a'), strangers))).toBe(
      'DM_REQUEST_REJECTED',
    );
    expect(decideSend(alice, bob, conversation('rejected', 'b'), strangers)).toMatchObject({
      requestState: 'pending',
      requestedBy: 'a',
      opensRequest: true,
    });
  });
});

describe('canSendNow', () => {
  it('matches decideSend for the list view', () => {
    const bob = user('b');
    expect(canSendNow('a', bob, null, { isFriend: false, isBlocked: false })).toBe(true);
    expect(canSendNow('a', bob, null, { isFriend: true, isBlocked: true })).toBe(false);
    expect(canSendNow('a', bob, conversation('rejected', 'a'), { isFriend: false, isBlocked: false })).toBe(
      false,
    );
    expect(
      canSendNow('a', user('b', { allowMessages: 'nobody' }), conversation('pending', 'b'), {
        isFriend: false,
        isBlocked: false,
      }),
    ).toBe(true);
  });
});

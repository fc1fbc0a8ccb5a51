import type { TVoiceParticipant } from '@guftagu/contracts';
import { describe, expect, it } from 'vitest';
import { inChannel, participantRemoved, participantStateSet, participantUpserted } from './queries';

const state = {
  muted: false,
  deafened: false,
  video: false,
  selfMute: false,
  selfDeaf: false,
  serverMute: false,
  serverDeaf: false,
  camera: false,
  screenShare: false,
};
const person = (userId: string, channelId: string): TVoiceParticipant => ({
  userId,
  serverId: 's',
  channelId,
  user: { _id: userId, username: userId, displayName: null, profilePicture: null },
  voiceState: state,
  joinedAt: '2026-01-01T00:00:00.000Z',
});

describe('voice cache updaters', () => {
  it('moves a participant between channels and applies twice safely', () => {
    const start = [person('a', 'c1'), person('b', 'c1')];
    const moved = participantUpserted(person('a', 'c2'));
    const once = moved(start);
    expect(moved(once)).toEqual(once);
    expect(inChannel(once, 'c1').map((p) => p.userId)).toEqual(['b']);
    expect(inChannel(once, 'c2').map((p) => p.userId)).toEqual(['a']);
  });

  it('removes only from the named channel and updates state', () => {
    const start = [person('a', 'c1')];
    expect(participantRemoved('a', 'c2')(start)).toEqual(start);
    expect(participantRemoved('a', 'c1')(start)).toEqual([]);
    const muted = participantStateSet('a', 'c1', { ...state, muted: true, selfMute: true })(start);
    expect(muted?.[0]?.voiceState.muted).toBe(true);
    expect(participantUpserted(person('a', 'c1'))(undefined)).toBeUndefined();
  });
});

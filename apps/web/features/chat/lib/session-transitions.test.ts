import type { ServerPayload, TMatchFound } from '@guftagu/contracts';
import { describe, expect, it } from 'vitest';
import type { ChatPhase } from './session-state';
import { phaseAfterMatchEnded } from './session-transitions';

const match = {
  matchId: 'm1',
  partnerId: 'p1',
  partnerUsername: 'ann',
  partnerDisplayName: 'Ann',
  partnerIsAnonymous: false,
} as TMatchFound;
const matched: Extract<ChatPhase, { name: 'matched' }> = {
  name: 'matched',
  match,
  since: 0,
  partnerAwayUntil: null,
};

function ended(patch: Partial<ServerPayload<'match_ended'>>): ServerPayload<'match_ended'> {
  return {
    matchId: 'm1',
    endReason: 'partner_ended',
    requeued: false,
    ...patch,
  } as ServerPayload<'match_ended'>;
}

describe('phaseAfterMatchEnded', () => {
  it('searches again when the server re-queued us, saying why only when the partner skipped', () => {
    const skipped = phaseAfterMatchEnded(
      matched,
      ended({ requeued: true, endReason: 'partner_skipped' }),
      null,
    );
    expect(skipped.phase.name).toBe('searching');
    expect(skipped.notice?.text).toBe('Ann moved on to someone new. Finding your next match…');
    const own = phaseAfterMatchEnded(matched, ended({ requeued: true, endReason: 'user_skipped' }), null);
    expect(own.phase.name).toBe('searching');
    expect(own.notice).toBeUndefined();
  });

  it('goes back to the start screen when we ended the chat ourselves', () => {
    expect(phaseAfterMatchEnded(matched, ended({ endReason: 'user_ended' }), null).phase).toEqual({
      name: 'idle',
    });
  });

  it('tells the reporter about the report but the reported side only that the partner left', () => {
    const reporter = phaseAfterMatchEnded(matched, ended({ endReason: 'report' }), 'm1');
    expect(reporter.phase).toEqual({ name: 'ended', endReason: 'report', partnerName: 'Ann' });
    const reported = phaseAfterMatchEnded(matched, ended({ endReason: 'report' }), null);
    expect(reported.phase).toEqual({ name: 'ended', endReason: 'partner_ended', partnerName: 'Ann' });
  });
});

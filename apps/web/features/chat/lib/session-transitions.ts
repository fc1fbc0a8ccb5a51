import type { ServerPayload } from '@guftagu/contracts';
// Straight from the SDK (lib/api re-exports it) so the unit project, which has no @/ alias, can load this.
import { errorMessage, isApiError } from '@guftagu/sdk';
import { type ChatPhase, endedCopy, type Notice, partnerNameOf } from './session-state';

type MatchedPhase = Extract<ChatPhase, { name: 'matched' }>;

export function searchingPhase(now = Date.now()): ChatPhase {
  return { name: 'searching', position: null, totalWaiting: null, estimatedWait: null, since: now };
}

/**
 * Where `match_ended` leaves this page. `reportedMatchId` is the match this page reported: the reported
 * side is not told it was reported (that would invite retaliation); to them the partner simply left.
 */
export function phaseAfterMatchEnded(
  phase: MatchedPhase,
  event: ServerPayload<'match_ended'>,
  reportedMatchId: string | null,
): { phase: ChatPhase; notice?: Notice } {
  const partnerName = partnerNameOf(phase.match);
  if (event.requeued) {
    return {
      phase: searchingPhase(),
      notice:
        event.endReason === 'partner_skipped'
          ? { tone: 'info', text: `${endedCopy(event.endReason, partnerName)} Finding your next match…` }
          : undefined,
    };
  }
  if (event.endReason === 'user_ended') return { phase: { name: 'idle' } };
  if (event.endReason === 'report' && reportedMatchId !== event.matchId) {
    return { phase: { name: 'ended', endReason: 'partner_ended', partnerName } };
  }
  return { phase: { name: 'ended', endReason: event.endReason, partnerName } };
}

/** A refused `join_queue`, as the phase the start screen explains. */
export function unavailablePhase(error: unknown): ChatPhase {
  const reason = isApiError(error) ? error.details?.reason : undefined;
  return {
    name: 'unavailable',
    reason:
      reason === 'maintenance' || reason === 'anonymous_disabled' || reason === 'capacity' ? reason : 'error',
    message: errorMessage(error),
  };
}

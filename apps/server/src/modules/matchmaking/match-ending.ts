import type { Database } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import type { MatchEmitter } from './match-emitter.js';
import { type EndKind, endReasonOf, KIND_FOR, STATUS_FOR } from './match-events.js';
import type { LiveMatch } from './match-queue.js';
import { finishMatch } from './matchmaking.repo.js';

/**
 * Records a match that the queue has just ended (exactly once) and tells whoever is still connected;
 * `requeued` says which side the caller is putting back in the queue.
 */
export async function concludeMatch(
  deps: { db: Database; emitter: MatchEmitter; logger: Logger },
  match: LiveMatch,
  kind: EndKind,
  enderSocketId: string,
  requeued: { ender: boolean; partner: boolean },
): Promise<void> {
  const endedAt = Date.now();
  // The queue has ended the match already; a failed row update must not leave both sides uninformed.
  await finishMatch(deps.db, match, {
    endedAt,
    status: STATUS_FOR[kind],
    endReasonForUser1: endReasonOf(kind, match.a.socketId === enderSocketId),
  }).catch((error: unknown) =>
    deps.logger.error({ err: error, matchId: match.id }, 'match row not finished'),
  );
  const duration = Math.max(0, Math.round((endedAt - match.startedAt) / 1000));
  for (const [me, partner] of [
    [match.a, match.b],
    [match.b, match.a],
  ] as const) {
    if (me.disconnectedAt !== 0) continue;
    const isEnder = me.socketId === enderSocketId;
    if (kind === 'skip' && !isEnder)
      deps.emitter.toSocket(me.socketId, 'partner_skipped', { matchId: match.id });
    deps.emitter.toSocket(me.socketId, 'match_ended', {
      matchId: match.id,
      duration,
      reason: KIND_FOR[kind],
      endReason: endReasonOf(kind, isEnder),
      partnerId: partner.socketId,
      requeued: isEnder ? requeued.ender : requeued.partner,
    });
  }
}

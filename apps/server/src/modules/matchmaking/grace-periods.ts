import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { IceServers } from './ice-servers.js';
import type { MatchEmitter } from './match-emitter.js';
import { decodeResumeToken, encodeResumeToken, matchFoundPayload } from './match-events.js';
import { type GraceCheck, type LiveMatch, type MatchQueue, sideOf } from './match-queue.js';
import type { MatchSettings } from './match-settings.js';

export interface GracePeriodsDeps {
  queue: MatchQueue;
  emitter: MatchEmitter;
  settings: MatchSettings;
  logger: Logger;
  nodeId: string;
  iceServers: (userId: string | null) => IceServers;
  /** Ends the match for good once a seat stayed empty for the whole grace period. */
  expired: (match: LiveMatch, awaySocketId: string) => Promise<void>;
}

/** Socket.IO's reasons for a dropped transport are network trouble; anything else was deliberate. */
const NETWORK_REASONS = new Set(['ping timeout', 'transport close', 'transport error']);

/**
 * A matched socket that drops keeps its seat for `gracePeriodMs`: the partner is told, and the same
 * person (or anonymous client, by its resume token) can take the seat back from a new socket, on any
 * node. Each drop has its own timer, tied to that drop's timestamp, so an old timer that lost to a
 * resume can never end a later absence early.
 */
export class GracePeriods {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: GracePeriodsDeps) {}

  /**
   * Starts the grace period of a seat the queue has just marked away (`MatchQueue.gone`) since
   * `awaySince`: tells the partner and arms the timer that ends the match if nobody resumes.
   */
  dropped(match: LiveMatch, socketId: string, awaySince: number, reason: string): void {
    const sides = sideOf(match, socketId);
    if (!sides) return;
    const gracePeriodMs = this.deps.settings.current().gracePeriodMs;
    if (sides.partner.disconnectedAt === 0) {
      this.deps.emitter.toSocket(sides.partner.socketId, 'partner_disconnected', {
        reason: NETWORK_REASONS.has(reason) ? 'network_error' : 'disconnect',
        matchId: match.id,
        gracePeriodMs,
      });
    }
    const key = encodeResumeToken(match.id, sides.me.resumeToken);
    const away: GraceCheck = { resumeToken: sides.me.resumeToken, disconnectedAt: awaySince };
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.expire(match.id, away).catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'grace expiry failed'),
      );
    }, gracePeriodMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /**
   * `resume_match`: a new socket takes back a seat left within the grace period. A signed-in seat can
   * only be taken by the same user; an anonymous seat by whoever holds the token (it was only ever
   * sent to that client).
   */
  async resume(
    ref: { socketId: string; userId: string | null },
    token: string,
  ): Promise<{ matchId: string }> {
    const decoded = decodeResumeToken(token);
    if (!decoded) throw new AppError('NOT_FOUND', 'That chat has ended.');
    await this.noticeDroppedSeat(decoded.matchId, decoded.secret);
    const result = await this.deps.queue.resume(
      decoded.matchId,
      decoded.secret,
      ref.socketId,
      ref.userId,
      this.deps.nodeId,
    );
    if (result.kind === 'busy')
      throw new AppError('CONFLICT', 'Leave the queue or your chat before resuming.');
    const sides = result.kind === 'resumed' ? sideOf(result.match, ref.socketId) : null;
    if (result.kind !== 'resumed' || !sides) throw new AppError('NOT_FOUND', 'That chat has ended.');
    const { match } = result;
    clearTimeout(this.timers.get(token));
    this.timers.delete(token);
    this.deps.emitter.toSocket(
      ref.socketId,
      'match_resumed',
      matchFoundPayload(match, sides.me, sides.partner, this.deps.iceServers(sides.me.profile.userId)),
    );
    if (sides.partner.disconnectedAt === 0) {
      this.deps.emitter.toSocket(sides.partner.socketId, 'partner_reconnected', {
        matchId: match.id,
        partnerId: ref.socketId,
      });
    } else {
      // Both dropped and this side came back first: it must learn that the partner is still away.
      const gracePeriodMs = this.deps.settings.current().gracePeriodMs;
      this.deps.emitter.toSocket(ref.socketId, 'partner_disconnected', {
        reason: 'disconnect',
        matchId: match.id,
        gracePeriodMs: Math.max(0, sides.partner.disconnectedAt + gracePeriodMs - Date.now()),
      });
    }
    return { matchId: match.id };
  }

  /**
   * A side that dropped while its match was being recorded was reported to the partner before the
   * partner heard `match_found` (clients drop that notice); say it again now that the match is known.
   */
  async announceAbsences(matchId: string): Promise<void> {
    const match = await this.deps.queue.getMatch(matchId);
    if (!match) return;
    const gracePeriodMs = this.deps.settings.current().gracePeriodMs;
    for (const [away, partner] of [
      [match.a, match.b],
      [match.b, match.a],
    ] as const) {
      if (away.disconnectedAt === 0 || partner.disconnectedAt !== 0) continue;
      this.deps.emitter.toSocket(partner.socketId, 'partner_disconnected', {
        reason: 'disconnect',
        matchId,
        gracePeriodMs: Math.max(0, away.disconnectedAt + gracePeriodMs - Date.now()),
      });
    }
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * A client can reconnect before the server has processed its old socket's disconnect (the old
   * socket is already gone from every node, its handler has not run yet). Process that drop now, so
   * the resume finds the seat free instead of refusing a legitimate comeback.
   */
  private async noticeDroppedSeat(matchId: string, secret: string): Promise<void> {
    const match = await this.deps.queue.getMatch(matchId);
    const seat = match ? [match.a, match.b].find((side) => side.resumeToken === secret) : undefined;
    if (seat?.disconnectedAt !== 0) return;
    if (await this.deps.emitter.ownerOf(seat.socketId)) return;
    const awaySince = Date.now();
    const gone = await this.deps.queue.gone(seat.socketId, awaySince);
    if (gone.kind === 'away') this.dropped(gone.match, seat.socketId, awaySince, 'transport close');
  }

  private async expire(matchId: string, away: GraceCheck): Promise<void> {
    const match = await this.deps.queue.endMatch(matchId, away);
    const seat = match ? [match.a, match.b].find((side) => side.resumeToken === away.resumeToken) : undefined;
    if (match && seat) await this.deps.expired(match, seat.socketId);
  }
}

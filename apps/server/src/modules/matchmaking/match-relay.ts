import type {
  TChatMessage,
  TConnectionQualityEvent,
  TWebrtcAnswerEvent,
  TWebrtcIceCandidateEvent,
  TWebrtcOfferEvent,
} from '@guftagu/contracts';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { MatchEmitter } from './match-emitter.js';
import type { MatchQueue } from './match-queue.js';
import { sideOf } from './match-queue.js';
import { appendChatMessage, recordConnectionQuality } from './matchmaking.repo.js';

/**
 * Everything a matched socket sends to its partner: WebRTC signaling, text chat, typing and the
 * connection quality report. Each message is checked against the sender's live match: you can only
 * address your current partner, and a `matchId` from an earlier match is refused.
 */
export class MatchRelay {
  constructor(
    private readonly db: Database,
    private readonly queue: MatchQueue,
    private readonly emitter: MatchEmitter,
  ) {}

  private async partnerOf(socketId: string, to: string | undefined, matchId: string | undefined) {
    const state = await this.queue.state(socketId);
    if (state.state !== 'matched') throw new AppError('CONFLICT', 'You are not in a chat.');
    if (matchId !== undefined && matchId !== state.matchId)
      throw new AppError('CONFLICT', 'That chat has already ended.');
    if (to !== undefined && to !== state.partnerSocketId) {
      throw new AppError('FORBIDDEN', 'You can only send this to your current partner.', {
        field: 'to',
        requiredRole: 'partner',
      });
    }
    return state;
  }

  // Seed 000 signals carry no matchId: the match is the sender's current one, and the partner is told
  // which, so its own stale-signal check still works.
  async offer(socketId: string, { to, matchId, offer }: TWebrtcOfferEvent): Promise<void> {
    const state = await this.partnerOf(socketId, to, matchId);
    this.emitter.toSocket(to, 'webrtc_offer', { from: socketId, matchId: state.matchId, offer });
  }

  async answer(socketId: string, { to, matchId, answer }: TWebrtcAnswerEvent): Promise<void> {
    const state = await this.partnerOf(socketId, to, matchId);
    this.emitter.toSocket(to, 'webrtc_answer', { from: socketId, matchId: state.matchId, answer });
  }

  async iceCandidate(socketId: string, { to, matchId, candidate }: TWebrtcIceCandidateEvent): Promise<void> {
    const state = await this.partnerOf(socketId, to, matchId);
    this.emitter.toSocket(to, 'webrtc_ice_candidate', { from: socketId, matchId: state.matchId, candidate });
  }

  async typing(socketId: string, to: string, matchId: string | undefined, typing: boolean): Promise<void> {
    const state = await this.partnerOf(socketId, to, matchId);
    this.emitter.toSocket(to, typing ? 'chat_typing_start' : 'chat_typing_stop', {
      from: socketId,
      matchId: state.matchId,
    });
  }

  /**
   * Stored first (up to the per-match maximum), then delivered: the transcript a report attaches is
   * never missing a line the partner saw. Past the maximum, messages are still delivered.
   */
  async chat(
    socketId: string,
    input: { to: string; message: string; matchId?: string | undefined },
  ): Promise<{ stored: boolean; timestamp: string }> {
    const state = await this.partnerOf(socketId, input.to, input.matchId);
    const match = await this.queue.getMatch(state.matchId);
    const sides = match ? sideOf(match, socketId) : null;
    if (!sides) throw new AppError('CONFLICT', 'That chat has already ended.');
    const timestamp = new Date().toISOString();
    const stored = await appendChatMessage(this.db, state.matchId, {
      senderId: socketId,
      senderUsername: sides.me.profile.username,
      message: input.message,
      timestamp,
    });
    const payload: TChatMessage = {
      from: socketId,
      fromUsername: sides.me.profile.username,
      message: input.message,
      timestamp,
      matchId: state.matchId,
    };
    this.emitter.toSocket(input.to, 'chat_message', payload);
    return { stored, timestamp };
  }

  async quality(socketId: string, report: TConnectionQualityEvent): Promise<void> {
    const state = await this.partnerOf(socketId, report.partnerId, report.matchId);
    await recordConnectionQuality(this.db, state.matchId, report);
  }
}

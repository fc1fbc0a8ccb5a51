import type { TMatchEndReason, TMatchFound, TUnavailableReason } from '@guftagu/contracts';
import type { PeerState } from '@/lib/webrtc/perfect-negotiation';
import type { QualityReading } from '@/lib/webrtc/quality';

/**
 * What the /chat page is doing, as one discriminated union (CODE_STYLE: stateful flows are explicit
 * state machines). Transitions happen in `ChatSession`; the UI only renders a phase.
 */
export type ChatPhase =
  | { name: 'idle' }
  | {
      name: 'searching';
      position: number | null;
      totalWaiting: number | null;
      /** Seconds, from the server's recent pairing rate; 0 or null when unknown. */
      estimatedWait: number | null;
      since: number;
    }
  | { name: 'matched'; match: TMatchFound; since: number; partnerAwayUntil: number | null }
  | { name: 'ended'; endReason: TMatchEndReason | 'network'; partnerName: string }
  | { name: 'timed_out'; waitTime: number }
  | { name: 'unavailable'; reason: TUnavailableReason | 'error'; message: string };

export type ChatPhaseName = ChatPhase['name'];

export interface ChatLine {
  id: string;
  from: 'me' | 'partner' | 'system';
  text: string;
  at: number;
  state: 'sending' | 'sent' | 'failed';
  error?: string;
}

export interface Notice {
  tone: 'info' | 'warning';
  text: string;
}

export interface ChatSnapshot {
  phase: ChatPhase;
  lines: ChatLine[];
  partnerTyping: boolean;
  peerState: PeerState;
  socketConnected: boolean;
  quality: QualityReading | null;
  remoteStream: MediaStream | null;
  /** The captured screen while sharing (shown in the local preview instead of the camera). */
  screenStream: MediaStream | null;
  notice: Notice | null;
}

export const INITIAL_SNAPSHOT: ChatSnapshot = {
  phase: { name: 'idle' },
  lines: [],
  partnerTyping: false,
  peerState: 'new',
  socketConnected: false,
  quality: null,
  remoteStream: null,
  screenStream: null,
  notice: null,
};

export type CallStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** The status pill: our socket, the partner's presence and the media path all have to be up. */
export function callStatusOf(snapshot: ChatSnapshot): CallStatus {
  if (snapshot.phase.name !== 'matched') return 'disconnected';
  if (!snapshot.socketConnected || snapshot.phase.partnerAwayUntil !== null) return 'reconnecting';
  switch (snapshot.peerState) {
    case 'connected':
      return 'connected';
    case 'disconnected':
    case 'failed':
      // A failed path is being restarted (restartIce); the call is not over until the server says so.
      return 'reconnecting';
    case 'closed':
      return 'disconnected';
    case 'new':
    case 'connecting':
      return 'connecting';
  }
}

/** What the person is told when a match ends, from their point of view. */
export function endedCopy(endReason: TMatchEndReason | 'network', partnerName: string): string {
  switch (endReason) {
    case 'partner_skipped':
      return `${partnerName} moved on to someone new.`;
    case 'partner_ended':
      return `${partnerName} left the chat.`;
    case 'disconnect':
      return `${partnerName} lost their connection.`;
    case 'report':
      return 'This chat was ended after a report. Thank you for keeping Guftagu safe.';
    case 'network':
      return 'You lost your connection and the chat ended.';
    case 'user_skipped':
    case 'user_ended':
      return 'You ended the chat.';
  }
}

export function partnerNameOf(match: TMatchFound): string {
  return match.partnerIsAnonymous ? 'Stranger' : match.partnerDisplayName || match.partnerUsername;
}

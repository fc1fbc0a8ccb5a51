import type { TSignalData } from '@guftagu/contracts';
import type { IncomingSignal, OutgoingSignal } from '@/lib/webrtc/perfect-negotiation';

/** The peer call's signals as seed 001's `signalData` (bounded, one of offer, answer or candidate). */
export function toSignalData(signal: OutgoingSignal): TSignalData {
  if (signal.kind === 'candidate') {
    const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = signal.candidate;
    return {
      type: 'candidate',
      candidate: { candidate: candidate ?? '', sdpMid, sdpMLineIndex, usernameFragment },
    };
  }
  const type = signal.description.type === 'answer' ? 'answer' : 'offer';
  return { type, sdp: signal.description.sdp ?? '' };
}

/** `signalData` from the other side as a signal for the peer call; null when it carries nothing. */
export function fromSignalData(data: TSignalData): IncomingSignal | null {
  if (data.type === 'candidate')
    return data.candidate ? { kind: 'candidate', candidate: data.candidate } : null;
  return { kind: 'description', description: { type: data.type, sdp: data.sdp ?? '' } };
}

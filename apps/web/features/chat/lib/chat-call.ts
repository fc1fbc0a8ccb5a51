import type { TMatchFound } from '@guftagu/contracts';
import { PeerCall, type PeerCallHandlers, type PeerCallPatch } from '@/lib/webrtc/peer-call';

/**
 * User-timing marks of a call's set-up, so the time from match to first remote frame (and where it
 * goes) can be measured in the field and by bench/src/webrtc.ts with the page's own clock.
 */
export const CALL_MARKS = {
  matchFound: 'guftagu:match_found',
  remoteTrack: 'guftagu:remote_track',
  connected: 'guftagu:peer_connected',
} as const;

export type CallPatch = PeerCallPatch;
export type ChatCall = PeerCall;

/** The media side of one match: the shared 1:1 peer call, polite as the server decided. */
export function createChatCall(
  match: TMatchFound,
  options: { localStream: MediaStream | null; relayOnly: boolean },
  handlers: PeerCallHandlers,
): ChatCall {
  return new PeerCall(
    {
      id: match.matchId,
      polite: match.polite,
      iceServers: match.iceServers,
      relayOnly: options.relayOnly,
      localStream: options.localStream,
      marks: CALL_MARKS,
    },
    handlers,
  );
}

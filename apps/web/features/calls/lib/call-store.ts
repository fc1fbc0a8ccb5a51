import { useSyncExternalStore } from 'react';
import type { PeerState } from '@/lib/webrtc/perfect-negotiation';
import type { QualityReading } from '@/lib/webrtc/quality';

/** Who is on the other end, as the call screens show them. */
export interface CallPeer {
  userId: string;
  username: string;
  displayName: string | null;
  profilePicture: string | null;
}

export type CallPhase =
  | { name: 'idle' }
  | { name: 'outgoing'; sessionId: string | null; peer: CallPeer; isVideo: boolean }
  | { name: 'incoming'; sessionId: string; peer: CallPeer; isVideo: boolean }
  | {
      name: 'active';
      sessionId: string;
      peer: CallPeer;
      isVideo: boolean;
      /** Epoch ms of the answer, for the duration shown. */
      answeredAt: number;
      /** False while the other side's signaling socket is away (their grace period). */
      peerOnline: boolean;
    }
  | { name: 'ended'; peer: CallPeer; message: string };

export interface RemoteMediaState {
  muted: boolean;
  video: boolean;
  screenSharing: boolean;
}

export interface CallState {
  phase: CallPhase;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  screenStream: MediaStream | null;
  peerState: PeerState;
  quality: QualityReading | null;
  muted: boolean;
  cameraOff: boolean;
  remote: RemoteMediaState;
  /** The call shrinks to a bar so the person can use other pages. */
  minimized: boolean;
}

export const INITIAL_CALL_STATE: CallState = {
  phase: { name: 'idle' },
  localStream: null,
  remoteStream: null,
  screenStream: null,
  peerState: 'new',
  quality: null,
  muted: false,
  cameraOff: false,
  remote: { muted: false, video: false, screenSharing: false },
  minimized: false,
};

type StartCall = (peer: CallPeer, isVideo: boolean) => void;

/**
 * This tab's call, outside React so the call layer (mounted once for signed-in pages) and the call
 * buttons anywhere on a page share it without a provider. The layer registers how calls start.
 */
let state: CallState = INITIAL_CALL_STATE;
const listeners = new Set<() => void>();
let starter: StartCall | null = null;

export const callStore = {
  get: (): CallState => state,
  set(patch: Partial<CallState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  },
  reset(): void {
    state = INITIAL_CALL_STATE;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  registerStarter(start: StartCall | null): void {
    starter = start;
  },
};

export function useCallState(): CallState {
  return useSyncExternalStore(callStore.subscribe, callStore.get, () => INITIAL_CALL_STATE);
}

/** For call buttons: start a call, and whether one is already going on in this tab. */
export function useStartCall(): { startCall: StartCall; inCall: boolean } {
  const phase = useCallState().phase.name;
  return {
    startCall: (peer, isVideo) => starter?.(peer, isVideo),
    inCall: phase !== 'idle' && phase !== 'ended',
  };
}

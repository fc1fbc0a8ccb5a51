import type { TMatchFound } from '@guftagu/contracts';
import {
  type IncomingSignal,
  type OutgoingSignal,
  type PeerState,
  PerfectNegotiationPeer,
} from './perfect-negotiation';
import type { QualityReading } from './quality';
import { type QualityReport, startQualityMonitor } from './quality-monitor';

/**
 * User-timing marks of a call's set-up, so the time from match to first remote frame (and where it
 * goes) can be measured in the field and by bench/src/webrtc.ts with the page's own clock.
 */
export const CALL_MARKS = {
  matchFound: 'guftagu:match_found',
  remoteTrack: 'guftagu:remote_track',
  connected: 'guftagu:peer_connected',
} as const;

export interface CallPatch {
  remoteStream?: MediaStream | null;
  peerState?: PeerState;
  quality?: QualityReading | null;
  screenStream?: MediaStream | null;
}

export interface ChatCallHandlers {
  /** Deliver a signal to the partner (the session knows their current socket). */
  send: (signal: OutgoingSignal) => void;
  reportQuality: (report: QualityReport) => void;
  onChange: (patch: CallPatch) => void;
}

/**
 * The media side of one match: the peer connection, its quality monitor and screen sharing. It never
 * touches the socket or the match state; the session feeds it signals and gets changes back.
 */
export class ChatCall {
  private readonly peer: PerfectNegotiationPeer;
  private readonly stopQuality: () => void;
  private readonly handlers: ChatCallHandlers;
  private localStream: MediaStream | null;
  private screen: MediaStream | null = null;
  private peerState: PeerState = 'connecting';
  private hasRemoteStream = false;
  private closed = false;

  constructor(
    match: TMatchFound,
    options: { localStream: MediaStream | null; relayOnly: boolean },
    handlers: ChatCallHandlers,
  ) {
    this.handlers = handlers;
    this.localStream = options.localStream;
    this.peer = new PerfectNegotiationPeer({
      polite: match.polite,
      iceServers: match.iceServers,
      relayOnly: options.relayOnly,
      localStream: options.localStream,
      send: (signal) => {
        if (!this.closed) handlers.send(signal);
      },
      onRemoteStream: (stream) => {
        if (this.closed) return;
        if (!this.hasRemoteStream) performance.mark(CALL_MARKS.remoteTrack, { detail: match.matchId });
        this.hasRemoteStream = true;
        handlers.onChange({ remoteStream: stream });
      },
      onStateChange: (state) => {
        if (this.closed) return;
        if (state === 'connected' && this.peerState !== 'connected')
          performance.mark(CALL_MARKS.connected, { detail: match.matchId });
        this.peerState = state;
        handlers.onChange({ peerState: state });
      },
      onError: (error) => {
        if (process.env.NODE_ENV !== 'production') console.warn('[chat] negotiation error', error);
      },
    });
    this.stopQuality = startQualityMonitor(this.peer.connection, {
      onReading: (quality) => {
        if (!this.closed) handlers.onChange({ quality });
      },
      report: (report) => {
        if (!this.closed) handlers.reportQuality(report);
      },
    });
  }

  get state(): PeerState {
    return this.closed ? 'closed' : this.peerState;
  }

  receive(signal: IncomingSignal): void {
    void this.peer.receive(signal);
  }

  /** The camera/mic the page acquired (or a newly chosen device). */
  setLocalStream(stream: MediaStream | null): void {
    this.localStream = stream;
    if (this.closed) return;
    void this.peer.replaceTrack('audio', stream?.getAudioTracks()[0] ?? null, stream);
    // While sharing the screen the camera waits; stopping the share puts the new one back.
    if (!this.screen) void this.peer.replaceTrack('video', stream?.getVideoTracks()[0] ?? null, stream);
  }

  async toggleScreenShare(): Promise<void> {
    if (this.screen) {
      this.stopScreenShare();
      return;
    }
    if (this.closed || !navigator.mediaDevices?.getDisplayMedia) return;
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = screen.getVideoTracks()[0];
    if (!track || this.closed) {
      for (const each of screen.getTracks()) each.stop();
      return;
    }
    // The browser's own "Stop sharing" bar ends the track without going through our button.
    track.addEventListener('ended', () => this.stopScreenShare());
    this.screen = screen;
    this.handlers.onChange({ screenStream: screen });
    await this.peer.replaceTrack('video', track, screen);
  }

  close(): void {
    if (this.closed) return;
    this.stopQuality();
    this.stopScreenShare();
    this.closed = true;
    this.peer.close();
  }

  private stopScreenShare(): void {
    const screen = this.screen;
    if (!screen) return;
    this.screen = null;
    for (const track of screen.getTracks()) track.stop();
    this.handlers.onChange({ screenStream: null });
    if (!this.closed) {
      const camera = this.localStream?.getVideoTracks()[0] ?? null;
      void this.peer.replaceTrack('video', camera, this.localStream);
    }
  }
}

import {
  type IncomingSignal,
  type OutgoingSignal,
  type PeerState,
  PerfectNegotiationPeer,
} from './perfect-negotiation';
import type { QualityReading } from './quality';
import { type QualityReport, startQualityMonitor } from './quality-monitor';

export interface PeerCallPatch {
  remoteStream?: MediaStream | null;
  peerState?: PeerState;
  quality?: QualityReading | null;
  screenStream?: MediaStream | null;
}

export interface PeerCallOptions {
  /** What the user-timing marks carry as detail (a match or call id). */
  id: string;
  /** Exactly one side of a call is polite; the server decides which. */
  polite: boolean;
  iceServers: RTCIceServer[];
  /** "Hide my IP": relay candidates only. */
  relayOnly: boolean;
  localStream: MediaStream | null;
  /** User-timing mark names for the first remote track and the first connection, when measured. */
  marks?: { remoteTrack: string; connected: string };
}

export interface PeerCallHandlers {
  /** Deliver a signal to the other side (the caller knows how to address it). */
  send: (signal: OutgoingSignal) => void;
  reportQuality?: (report: QualityReport) => void;
  onChange: (patch: PeerCallPatch) => void;
}

/**
 * The media side of one 1:1 WebRTC call, shared by random video chat and friend calls: the
 * perfect-negotiation peer connection, its quality monitor and screen sharing. It never touches the
 * socket or the feature's state; the owner feeds it signals and gets changes back.
 */
export class PeerCall {
  private readonly peer: PerfectNegotiationPeer;
  private readonly stopQuality: () => void;
  private readonly handlers: PeerCallHandlers;
  private localStream: MediaStream | null;
  private screen: MediaStream | null = null;
  private peerState: PeerState = 'connecting';
  private hasRemoteStream = false;
  private closed = false;

  constructor(options: PeerCallOptions, handlers: PeerCallHandlers) {
    this.handlers = handlers;
    this.localStream = options.localStream;
    const { marks, id } = options;
    this.peer = new PerfectNegotiationPeer({
      polite: options.polite,
      iceServers: options.iceServers,
      relayOnly: options.relayOnly,
      localStream: options.localStream,
      send: (signal) => {
        if (!this.closed) handlers.send(signal);
      },
      onRemoteStream: (stream) => {
        if (this.closed) return;
        if (!this.hasRemoteStream && marks) performance.mark(marks.remoteTrack, { detail: id });
        this.hasRemoteStream = true;
        handlers.onChange({ remoteStream: stream });
      },
      onStateChange: (state) => {
        if (this.closed) return;
        if (state === 'connected' && this.peerState !== 'connected' && marks)
          performance.mark(marks.connected, { detail: id });
        this.peerState = state;
        handlers.onChange({ peerState: state });
      },
      onError: (error) => {
        if (process.env.NODE_ENV !== 'production') console.warn('[webrtc] negotiation error', error);
      },
    });
    this.stopQuality = startQualityMonitor(this.peer.connection, {
      onReading: (quality) => {
        if (!this.closed) handlers.onChange({ quality });
      },
      report: (report) => {
        if (!this.closed) handlers.reportQuality?.(report);
      },
    });
  }

  get state(): PeerState {
    return this.closed ? 'closed' : this.peerState;
  }

  get sharingScreen(): boolean {
    return this.screen !== null;
  }

  receive(signal: IncomingSignal): void {
    void this.peer.receive(signal);
  }

  /** Gathers fresh candidates (the network changed, or the signaling socket came back). */
  restartIce(): void {
    if (!this.closed) this.peer.connection.restartIce();
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

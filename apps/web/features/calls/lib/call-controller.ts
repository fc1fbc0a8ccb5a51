import type { TIceServersResponse } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { errorMessage, isApiError } from '@/lib/api';
import { listen } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { acquireLocalMedia, stopStream } from '@/lib/webrtc/media';
import { PeerCall } from '@/lib/webrtc/peer-call';
import type { IncomingSignal } from '@/lib/webrtc/perfect-negotiation';
import { type CallPeer, type CallState, callStore } from './call-store';
import { startTone } from './ringtone';
import { fromSignalData, toSignalData } from './signals';

/** User-timing marks, so bench/src/calls.ts can measure start → first remote frame with the page's clock. */
export const DM_CALL_MARKS = {
  started: 'guftagu:dm_call_start',
  remoteTrack: 'guftagu:dm_call_remote_track',
  connected: 'guftagu:dm_call_connected',
} as const;

const ENDED_VISIBLE_MS = 2500;

export interface CallControllerDeps {
  socket: GuftaguSocket;
  fetchIceServers: () => Promise<TIceServersResponse>;
  /** "Hide my IP" as chosen for video chat: relay candidates only when TURN is available. */
  hideIp: () => boolean;
}

async function microphoneOnly(): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch {
    return null;
  }
}

/**
 * This tab's side of 1:1 calls: the socket events of issue 12, the media and the shared peer call.
 * State goes to `callStore`; screens read it and call these methods.
 */
export class CallController {
  private peer: PeerCall | null = null;
  private pending: IncomingSignal[] = [];
  private readonly unsubscribe: Array<() => void> = [];
  private stopTone: (() => void) | null = null;
  private endedTimer: ReturnType<typeof setTimeout> | null = null;
  private iceServers: Promise<TIceServersResponse> | null = null;
  /** The camera/mic being acquired for the current call; the peer call starts with it. */
  private media: Promise<MediaStream | null> | null = null;
  /** The call this tab is answering: its own `dm_call_answered` must not read as "answered elsewhere". */
  private answering: string | null = null;

  constructor(private readonly deps: CallControllerDeps) {
    const { socket } = deps;
    this.unsubscribe.push(
      listen(socket, 'incoming_dm_call', (event) => {
        if (this.phase.name !== 'idle' && this.phase.name !== 'ended') return;
        this.clearEnded();
        callStore.set({
          ...this.freshMedia(),
          phase: {
            name: 'incoming',
            sessionId: event.sessionId,
            isVideo: event.isVideo,
            peer: { userId: event.callerId, ...event.caller },
          },
          remote: { muted: false, video: event.isVideo, screenSharing: false },
          minimized: false,
        });
        this.tone('ring');
        // Fetched while ringing, so answering does not wait for it.
        this.iceServers = this.deps.fetchIceServers();
        this.iceServers.catch(() => {});
      }),
      listen(socket, 'dm_call_answered', (event) => {
        const phase = this.phase;
        if (phase.name === 'outgoing' && phase.sessionId === event.sessionId) {
          this.tone(null);
          void this.connect(event.sessionId, phase.peer, phase.isVideo, false);
        } else if (
          phase.name === 'incoming' &&
          phase.sessionId === event.sessionId &&
          this.answering !== event.sessionId
        ) {
          // Another tab or device of mine answered: this one stops ringing.
          this.tone(null);
          callStore.reset();
        }
      }),
      listen(socket, 'dm_call_declined', (event) => {
        if (this.sessionId !== event.sessionId) return;
        this.finish(this.phase.name === 'outgoing' ? 'Call declined' : null);
      }),
      listen(socket, 'dm_call_ended', (event) => {
        if (this.sessionId !== event.sessionId) return;
        const message =
          event.outcome === 'missed' ? 'No answer' : this.phase.name === 'incoming' ? null : 'Call ended';
        this.finish(message);
      }),
      listen(socket, 'webrtc_signal', (event) => {
        if (this.sessionId !== event.sessionId) return;
        const signal = fromSignalData(event.signalData);
        if (!signal) return;
        if (this.peer) this.peer.receive(signal);
        else this.pending.push(signal);
      }),
      listen(socket, 'dm_call_state_updated', (event) => {
        if (this.sessionId !== event.sessionId) return;
        const { muted, video, screenSharing } = event.voiceState;
        callStore.set({ remote: { muted, video, screenSharing } });
      }),
      listen(socket, 'dm_call_peer_connection', (event) => {
        const phase = this.phase;
        if (phase.name !== 'active' || phase.sessionId !== event.sessionId) return;
        callStore.set({ phase: { ...phase, peerOnline: event.connected } });
        if (event.connected) this.peer?.restartIce();
      }),
      // The signaling socket came back (network change, server restart): take the call back within
      // the grace period and find a fresh network path.
      listen(socket, 'authenticated', () => {
        const phase = this.phase;
        if (phase.name !== 'active' && phase.name !== 'outgoing') return;
        const sessionId = phase.name === 'active' ? phase.sessionId : phase.sessionId;
        if (!sessionId) return;
        emitWithAck(socket, 'resume_dm_call', { sessionId }).then(
          () => this.peer?.restartIce(),
          () => this.finish('Call ended'),
        );
      }),
    );
  }

  private get phase() {
    return callStore.get().phase;
  }

  private get sessionId(): string | null {
    const phase = this.phase;
    return phase.name === 'idle' || phase.name === 'ended' ? null : phase.sessionId;
  }

  private freshMedia(): Partial<CallState> {
    return {
      localStream: null,
      remoteStream: null,
      screenStream: null,
      peerState: 'new',
      quality: null,
      muted: false,
      cameraOff: false,
      remote: { muted: false, video: false, screenSharing: false },
    };
  }

  async start(peer: CallPeer, isVideo: boolean): Promise<void> {
    const phase = this.phase;
    if (phase.name !== 'idle' && phase.name !== 'ended') return;
    this.clearEnded();
    performance.mark(DM_CALL_MARKS.started, { detail: peer.userId });
    callStore.set({
      ...this.freshMedia(),
      phase: { name: 'outgoing', sessionId: null, peer, isVideo },
      remote: { muted: false, video: isVideo, screenSharing: false },
      minimized: false,
    });
    this.iceServers = this.deps.fetchIceServers();
    this.iceServers.catch(() => {});
    const media = this.acquire(isVideo);
    this.media = media;
    try {
      const ack = await emitWithAck(this.deps.socket, 'start_dm_call', { recipientId: peer.userId, isVideo });
      const sessionId = typeof ack.sessionId === 'string' ? ack.sessionId : null;
      const now = this.phase;
      if (!sessionId) throw new Error('no session');
      if (now.name !== 'outgoing') {
        // Hung up before the server answered.
        void emitWithAck(this.deps.socket, 'end_dm_call', { sessionId }).catch(() => {});
        return;
      }
      if (now.sessionId === null) callStore.set({ phase: { ...now, sessionId } });
      if (this.phase.name === 'outgoing') this.tone('ringback');
      await media;
    } catch (error) {
      const message = isApiError(error)
        ? error.code === 'OFFLINE'
          ? `${peer.displayName || peer.username} is offline`
          : error.code === 'BUSY'
            ? error.message
            : errorMessage(error)
        : 'The call could not start';
      this.finish(message);
    }
  }

  async accept(withVideo: boolean): Promise<void> {
    const phase = this.phase;
    if (phase.name !== 'incoming') return;
    this.tone(null);
    const isVideo = phase.isVideo && withVideo;
    this.answering = phase.sessionId;
    // The answer goes out while the camera starts: the caller's offer waits in `pending` meanwhile.
    this.media = this.acquire(isVideo);
    try {
      await emitWithAck(this.deps.socket, 'answer_dm_call', { sessionId: phase.sessionId });
      if (!isVideo && phase.isVideo)
        void emitWithAck(this.deps.socket, 'update_dm_call_state', {
          sessionId: phase.sessionId,
          video: false,
        }).catch(() => {});
      await this.connect(phase.sessionId, phase.peer, phase.isVideo, true);
    } catch (error) {
      this.finish(
        isApiError(error) && error.code === 'CONFLICT' ? 'Answered elsewhere' : errorMessage(error),
      );
    } finally {
      this.answering = null;
    }
  }

  decline(): void {
    const phase = this.phase;
    if (phase.name !== 'incoming') return;
    this.tone(null);
    void emitWithAck(this.deps.socket, 'decline_dm_call', { sessionId: phase.sessionId }).catch(() => {});
    callStore.reset();
  }

  hangUp(): void {
    const sessionId = this.sessionId;
    if (sessionId) void emitWithAck(this.deps.socket, 'end_dm_call', { sessionId }).catch(() => {});
    this.finish(sessionId ? 'Call ended' : null);
  }

  toggleMute(): void {
    const { localStream, muted } = callStore.get();
    for (const track of localStream?.getAudioTracks() ?? []) track.enabled = muted;
    callStore.set({ muted: !muted });
    this.sendState({ muted: !muted });
  }

  toggleCamera(): void {
    const { localStream, cameraOff } = callStore.get();
    const tracks = localStream?.getVideoTracks() ?? [];
    if (tracks.length === 0) return;
    for (const track of tracks) track.enabled = cameraOff;
    callStore.set({ cameraOff: !cameraOff });
    this.sendState({ video: cameraOff });
  }

  async toggleScreenShare(): Promise<void> {
    if (!this.peer) return;
    try {
      await this.peer.toggleScreenShare();
    } catch {
      // The person closed the browser's picker.
    }
  }

  /** Closes the "call ended" screen before it goes by itself. */
  dismiss(): void {
    if (callStore.get().phase.name !== 'ended') return;
    this.clearEnded();
    callStore.reset();
  }

  setMinimized(minimized: boolean): void {
    callStore.set({ minimized });
  }

  dispose(): void {
    for (const stop of this.unsubscribe) stop();
    this.hangUp();
    this.clearEnded();
    callStore.reset();
  }

  private sendState(patch: { muted?: boolean; video?: boolean; screenSharing?: boolean }): void {
    const sessionId = this.sessionId;
    if (sessionId)
      void emitWithAck(this.deps.socket, 'update_dm_call_state', { sessionId, ...patch }).catch(() => {});
  }

  private async acquire(isVideo: boolean): Promise<MediaStream | null> {
    let stream: MediaStream | null = null;
    if (isVideo) {
      const result = await acquireLocalMedia();
      stream = result.kind === 'ok' ? result.stream : null;
    } else {
      stream = await microphoneOnly();
    }
    const phase = this.phase;
    if (phase.name === 'idle' || phase.name === 'ended') {
      stopStream(stream);
      return null;
    }
    callStore.set({ localStream: stream, cameraOff: !stream?.getVideoTracks().length });
    this.peer?.setLocalStream(stream);
    return stream;
  }

  /** Both sides make the peer call once the call is answered; the caller offers (impolite). */
  private async connect(sessionId: string, peer: CallPeer, isVideo: boolean, polite: boolean) {
    const [ice] = await Promise.all([
      (this.iceServers ?? this.deps.fetchIceServers()).catch(() => null),
      this.media?.catch(() => null),
    ]);
    if (this.sessionId !== sessionId) return;
    callStore.set({
      phase: { name: 'active', sessionId, peer, isVideo, answeredAt: Date.now(), peerOnline: true },
      peerState: 'connecting',
    });
    const call = new PeerCall(
      {
        id: sessionId,
        polite,
        iceServers: ice?.iceServers ?? [],
        relayOnly: Boolean(ice?.relayAvailable) && this.deps.hideIp(),
        localStream: callStore.get().localStream,
        marks: DM_CALL_MARKS,
      },
      {
        send: (signal) => {
          void emitWithAck(this.deps.socket, 'webrtc_signal', {
            sessionId,
            signalData: toSignalData(signal),
          }).catch(() => {});
        },
        onChange: (patch) => {
          if (this.peer === call) callStore.set(patch);
        },
      },
    );
    this.peer = call;
    const queued = this.pending;
    this.pending = [];
    for (const signal of queued) call.receive(signal);
  }

  private finish(message: string | null): void {
    this.tone(null);
    this.peer?.close();
    this.peer = null;
    this.pending = [];
    this.media = null;
    const { localStream, phase } = callStore.get();
    stopStream(localStream);
    if (message && phase.name !== 'idle' && phase.name !== 'ended') {
      callStore.set({
        ...this.freshMedia(),
        phase: { name: 'ended', peer: phase.peer, message },
        minimized: false,
      });
      this.clearEnded();
      this.endedTimer = setTimeout(() => {
        if (callStore.get().phase.name === 'ended') callStore.reset();
      }, ENDED_VISIBLE_MS);
    } else callStore.reset();
  }

  private clearEnded(): void {
    if (this.endedTimer) clearTimeout(this.endedTimer);
    this.endedTimer = null;
  }

  private tone(kind: 'ring' | 'ringback' | null): void {
    this.stopTone?.();
    this.stopTone = kind ? startTone(kind) : null;
  }
}

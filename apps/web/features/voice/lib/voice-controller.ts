import type { TIceServersResponse, TVoiceParticipant } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { fromSignalData, toSignalData } from '@/features/calls/lib/signals';
import { errorMessage } from '@/lib/api';
import { listen } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { acquireLocalMedia, stopStream } from '@/lib/webrtc/media';
import { PeerCall } from '@/lib/webrtc/peer-call';
import { SpeakingMonitor } from './speaking';
import { INITIAL_VOICE_STATE, voiceStore } from './voice-store';

export interface VoiceControllerDeps {
  socket: GuftaguSocket;
  me: string;
  fetchIceServers: () => Promise<TIceServersResponse>;
  hideIp: () => boolean;
}

/**
 * This tab's voice channel connection: a full mesh of `PeerCall`s (lib/webrtc, shared with calls and
 * video chat), one per other participant, signaled with `voice_signal`. The server decides who is in
 * the channel; this follows its events (joins, leaves, moves, another tab taking over).
 */
export class VoiceController {
  private readonly peers = new Map<string, PeerCall>();
  private readonly unsubscribe: Array<() => void> = [];
  private ice: Promise<TIceServersResponse | null> = Promise.resolve(null);
  private readonly speaking = new SpeakingMonitor((speaking) => voiceStore.set({ speaking }));

  constructor(private readonly deps: VoiceControllerDeps) {
    const { socket } = deps;
    this.unsubscribe.push(
      listen(socket, 'voice_signal', (event) => {
        if (event.channelId !== voiceStore.get().channelId) return;
        const signal = fromSignalData(event.signalData);
        if (!signal) return;
        void this.peerFor(event.fromUserId).then((peer) => peer?.receive(signal));
      }),
      listen(socket, 'user_joined_voice', (event) => {
        if (event.userId === deps.me || event.channelId !== voiceStore.get().channelId) return;
        void this.peerFor(event.userId);
      }),
      listen(socket, 'user_left_voice', (event) => {
        if (event.userId !== deps.me && event.channelId === voiceStore.get().channelId)
          this.closePeer(event.userId);
      }),
      listen(socket, 'voice_connection', (event) => {
        const current = voiceStore.get();
        if (!current.channelId && !current.joining) return;
        if (!event.channelId || event.socketId !== socket.id) {
          // Left from another tab, disconnected by a moderator, or another tab took the session.
          this.teardown();
          return;
        }
        if (event.channelId !== current.channelId && event.serverId) {
          // Moved by a moderator: the mesh is rebuilt with the new channel's participants.
          void this.join(event.serverId, event.channelId);
        }
      }),
    );
    const reconnect = () => {
      const { serverId, channelId } = voiceStore.get();
      // Within the server's grace, joining again from the new socket keeps the place.
      if (serverId && channelId) void this.join(serverId, channelId);
    };
    socket.io.on('reconnect', reconnect);
    this.unsubscribe.push(() => socket.io.off('reconnect', reconnect));
  }

  async join(serverId: string, channelId: string): Promise<void> {
    const state = voiceStore.get();
    const switching = state.channelId !== channelId;
    if (switching) this.closePeers();
    voiceStore.set({ serverId, channelId, joining: true, error: null });
    this.ice = this.deps.fetchIceServers().catch(() => null);
    let stream = state.localStream;
    if (!stream) {
      const media = await acquireLocalMedia();
      stream = media.kind === 'ok' ? media.stream : null;
      for (const track of stream?.getVideoTracks() ?? []) track.enabled = false;
      for (const track of stream?.getAudioTracks() ?? []) track.enabled = !state.selfMute;
      voiceStore.set({ localStream: stream, camera: false });
      this.speaking.track(this.deps.me, stream);
    }
    try {
      const ack = (await emitWithAck(this.deps.socket, 'join_voice_channel', {
        channelId,
        muted: state.selfMute,
        deafened: state.selfDeaf,
      })) as unknown as { participants?: TVoiceParticipant[] };
      voiceStore.set({ joining: false });
      for (const participant of ack.participants ?? [])
        if (participant.userId !== this.deps.me) void this.peerFor(participant.userId);
    } catch (error) {
      this.teardown();
      voiceStore.set({ error: errorMessage(error) });
    }
  }

  leave(): void {
    if (!voiceStore.get().channelId) return;
    void emitWithAck(this.deps.socket, 'leave_voice_channel', {}).catch(() => {});
    this.teardown();
  }

  toggleMute(): void {
    const selfMute = !voiceStore.get().selfMute;
    for (const track of voiceStore.get().localStream?.getAudioTracks() ?? []) track.enabled = !selfMute;
    voiceStore.set({ selfMute });
    void emitWithAck(this.deps.socket, 'update_voice_state', { selfMute }).catch(() => {});
  }

  toggleDeaf(): void {
    const selfDeaf = !voiceStore.get().selfDeaf;
    voiceStore.set({ selfDeaf });
    void emitWithAck(this.deps.socket, 'update_voice_state', { selfDeaf }).catch(() => {});
  }

  toggleCamera(): void {
    const camera = !voiceStore.get().camera;
    const tracks = voiceStore.get().localStream?.getVideoTracks() ?? [];
    if (camera && tracks.length === 0) {
      voiceStore.set({ error: 'No camera is available.' });
      return;
    }
    for (const track of tracks) track.enabled = camera;
    voiceStore.set({ camera });
    void emitWithAck(this.deps.socket, 'update_voice_state', { camera }).catch(() => {});
  }

  private async peerFor(userId: string): Promise<PeerCall | null> {
    const existing = this.peers.get(userId);
    if (existing) return existing;
    const ice = await this.ice;
    const channelId = voiceStore.get().channelId;
    if (!channelId) return null;
    const raced = this.peers.get(userId);
    if (raced) return raced;
    const peer = new PeerCall(
      {
        id: channelId,
        // Any fixed rule works as long as the two sides disagree; the larger id is polite.
        polite: this.deps.me > userId,
        iceServers: ice?.iceServers ?? [],
        relayOnly: Boolean(ice?.relayAvailable) && this.deps.hideIp(),
        localStream: voiceStore.get().localStream,
      },
      {
        send: (signal) =>
          void emitWithAck(this.deps.socket, 'voice_signal', {
            channelId,
            targetUserId: userId,
            signalData: toSignalData(signal),
          }).catch(() => {}),
        onChange: (patch) => {
          if (this.peers.get(userId) !== peer) return;
          if (patch.remoteStream !== undefined) this.speaking.track(userId, patch.remoteStream);
          voiceStore.set((state) => {
            const before = state.peers[userId] ?? { stream: null, state: 'new' as const };
            return {
              peers: {
                ...state.peers,
                [userId]: {
                  stream: patch.remoteStream !== undefined ? patch.remoteStream : before.stream,
                  state: patch.peerState ?? before.state,
                },
              },
            };
          });
        },
      },
    );
    this.peers.set(userId, peer);
    voiceStore.set((state) => ({
      peers: { ...state.peers, [userId]: { stream: null, state: 'connecting' } },
    }));
    return peer;
  }

  private closePeer(userId: string): void {
    const peer = this.peers.get(userId);
    this.peers.delete(userId);
    peer?.close();
    this.speaking.untrack(userId);
    voiceStore.set((state) => {
      const { [userId]: _gone, ...rest } = state.peers;
      return { peers: rest };
    });
  }

  private closePeers(): void {
    for (const userId of [...this.peers.keys()]) this.closePeer(userId);
  }

  private teardown(): void {
    this.closePeers();
    this.speaking.close();
    stopStream(voiceStore.get().localStream);
    const { selfMute, selfDeaf } = voiceStore.get();
    voiceStore.set({ ...INITIAL_VOICE_STATE, selfMute, selfDeaf });
  }

  dispose(): void {
    this.leave();
    this.teardown();
    for (const stop of this.unsubscribe.splice(0)) stop();
  }
}

/** The mounted controller, so a click in the sidebar can reach it. */
let active: VoiceController | null = null;
export const setActiveVoice = (controller: VoiceController | null) => {
  active = controller;
};
export const activeVoice = () => active;

/** Joins from anywhere (a sidebar click); a no-op before the layer mounted the controller. */
export function joinVoice(serverId: string, channelId: string): void {
  const { channelId: current, joining } = voiceStore.get();
  if (current === channelId && !joining) return;
  void active?.join(serverId, channelId);
}

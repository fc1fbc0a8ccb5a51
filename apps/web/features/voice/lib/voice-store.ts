import { useSyncExternalStore } from 'react';
import type { PeerState } from '@/lib/webrtc/perfect-negotiation';

export interface VoicePeer {
  stream: MediaStream | null;
  state: PeerState;
}

export interface VoiceState {
  serverId: string | null;
  channelId: string | null;
  joining: boolean;
  error: string | null;
  selfMute: boolean;
  selfDeaf: boolean;
  camera: boolean;
  localStream: MediaStream | null;
  /** The mesh: one peer connection per other participant, by user id. */
  peers: Record<string, VoicePeer>;
  /** User ids whose audio is above the speaking threshold right now (me included). */
  speaking: string[];
}

export const INITIAL_VOICE_STATE: VoiceState = {
  serverId: null,
  channelId: null,
  joining: false,
  error: null,
  selfMute: false,
  selfDeaf: false,
  camera: false,
  localStream: null,
  peers: {},
  speaking: [],
};

type Listener = () => void;

/** The one voice connection of this tab, outside React so it survives navigation inside the app. */
class VoiceStore {
  private state: VoiceState = INITIAL_VOICE_STATE;
  private readonly listeners = new Set<Listener>();

  get = () => this.state;

  set(patch: Partial<VoiceState> | ((state: VoiceState) => Partial<VoiceState>)) {
    const next = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const voiceStore = new VoiceStore();

export function useVoiceState(): VoiceState {
  return useSyncExternalStore(voiceStore.subscribe, voiceStore.get, () => INITIAL_VOICE_STATE);
}

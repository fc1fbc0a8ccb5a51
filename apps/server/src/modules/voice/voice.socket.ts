import type { SocketModule } from '../../realtime/socket-module.js';
import type { VoiceService } from './voice.service.js';

/** Seed 001's voice channel events in snake_case, plus moderation; each one service call, acked. */
export function voiceSocketHandlers(voice: VoiceService): SocketModule {
  return ({ handle }) => {
    handle('join_voice_channel', (userId, payload, socket) => voice.join(userId, socket.id, payload));
    handle('leave_voice_channel', (userId, payload) => voice.leave(userId, payload.channelId));
    handle('update_voice_state', (userId, payload) => voice.updateState(userId, payload));
    handle('voice_signal', (userId, payload, socket) => voice.signal(userId, socket.id, payload));
    handle('moderate_voice_member', (userId, payload) => voice.moderate(userId, payload));
    handle('move_voice_member', (userId, payload) => voice.move(userId, payload));
    handle('disconnect_voice_member', (userId, { userId: target }) => voice.disconnect(userId, target));
  };
}

/**
 * Voice channels (issue 12): `join_voice_channel` / `leave_voice_channel` / `update_voice_state`,
 * `voice_signal` between participants of one channel, moderation, and the sidebar's voice states.
 */

export { createVoiceModule } from './voice.module.js';
export { VoiceService } from './voice.service.js';

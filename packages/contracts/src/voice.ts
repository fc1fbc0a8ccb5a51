import { z } from 'zod';
import { ZSignalData } from './calls.js';

/**
 * Voice channels (issue 12, seed 001 "Voice & Video" in snake_case). A user is in at most one voice
 * channel at a time (across tabs and nodes); the tab that joined holds the session, and WebRTC
 * signaling flows only between the held sockets of the same channel's participants.
 *
 * Signaling is `voice_signal`, not the seed's `webrtc_signal`: the 1:1 calls module owns that event
 * name with a `sessionId` payload, and one event name carries one schema.
 */

/** Full mesh only (no SFU yet): a voice channel admits this many participants. */
export const VOICE_MESH_MAX = 6;

const ZId = z.uuid();

// ---------------------------------------------------------------------------------------------------
// Client → server
// ---------------------------------------------------------------------------------------------------

/** Seed: `{channelId, isVideo, muted, deafened}`; the flags are the joiner's own starting state. */
export const ZJoinVoiceChannel = z.object({
  channelId: ZId,
  isVideo: z.boolean().optional(),
  muted: z.boolean().optional(),
  deafened: z.boolean().optional(),
});
/** `channelId` is optional: a user is in one voice channel at most. */
export const ZLeaveVoiceChannel = z.object({ channelId: ZId.optional() });
export const ZUpdateVoiceState = z
  .object({
    channelId: ZId.optional(),
    selfMute: z.boolean().optional(),
    selfDeaf: z.boolean().optional(),
    camera: z.boolean().optional(),
    screenShare: z.boolean().optional(),
  })
  .strict();
export const ZVoiceSignal = z.object({ channelId: ZId, targetUserId: ZId, signalData: ZSignalData });
/** Moderators: MUTE_MEMBERS for `serverMute`, DEAFEN_MEMBERS for `serverDeaf`. */
export const ZModerateVoiceMember = z
  .object({ userId: ZId, serverMute: z.boolean().optional(), serverDeaf: z.boolean().optional() })
  .strict();
/** MOVE_MEMBERS on both channels; the moved member needs CONNECT on the target. */
export const ZMoveVoiceMember = z.object({ userId: ZId, channelId: ZId });
/** MOVE_MEMBERS on the member's channel. */
export const ZDisconnectVoiceMember = z.object({ userId: ZId });

export const voiceClientEvents = {
  join_voice_channel: ZJoinVoiceChannel,
  leave_voice_channel: ZLeaveVoiceChannel,
  update_voice_state: ZUpdateVoiceState,
  voice_signal: ZVoiceSignal,
  moderate_voice_member: ZModerateVoiceMember,
  move_voice_member: ZMoveVoiceMember,
  disconnect_voice_member: ZDisconnectVoiceMember,
} as const;

// ---------------------------------------------------------------------------------------------------
// Server → client
// ---------------------------------------------------------------------------------------------------

/** `muted`/`deafened`/`video` are the seed's (effective: self or server); the rest say why. */
export const ZVoiceState = z.object({
  muted: z.boolean(),
  deafened: z.boolean(),
  video: z.boolean(),
  selfMute: z.boolean(),
  selfDeaf: z.boolean(),
  serverMute: z.boolean(),
  serverDeaf: z.boolean(),
  camera: z.boolean(),
  screenShare: z.boolean(),
});
export type TVoiceState = z.infer<typeof ZVoiceState>;

export const ZVoiceUser = z.object({
  _id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
});

export const ZVoiceParticipant = z.object({
  userId: z.string(),
  serverId: z.string(),
  channelId: z.string(),
  user: ZVoiceUser,
  voiceState: ZVoiceState,
  joinedAt: z.string(),
});
export type TVoiceParticipant = z.infer<typeof ZVoiceParticipant>;

/** To the channel's viewers (`channel:<id>`), as the seed says. */
export const ZUserJoinedVoice = ZVoiceParticipant.extend({ movedBy: z.string().nullable().optional() });
export const ZUserLeftVoice = z.object({
  userId: z.string(),
  serverId: z.string(),
  channelId: z.string(),
  reason: z.enum(['left', 'moved', 'switched', 'disconnected', 'kicked', 'dropped']).optional(),
});
export const ZVoiceStateUpdated = z.object({
  userId: z.string(),
  serverId: z.string(),
  channelId: z.string(),
  voiceState: ZVoiceState,
});
/** The voice session of a channel is the channel itself: `sessionId` = `channelId`. */
export const ZVoiceSessionCreated = z.object({
  sessionId: z.string(),
  serverId: z.string(),
  channelId: z.string(),
  createdBy: z.string(),
  participants: z.array(z.string()),
});
export const ZVoiceSessionEnded = z.object({
  sessionId: z.string(),
  serverId: z.string(),
  channelId: z.string(),
});
export const ZVoiceSignalEvent = z.object({
  fromUserId: z.string(),
  channelId: z.string(),
  signalData: ZSignalData,
});
/**
 * To the user's own sockets: where they are now and which of their sockets holds it (so another
 * tab, or a move by a moderator, is noticed). `channelId: null` = not in voice.
 */
export const ZVoiceConnection = z.object({
  serverId: z.string().nullable(),
  channelId: z.string().nullable(),
  socketId: z.string().nullable(),
  voiceState: ZVoiceState.nullable(),
});

export const voiceServerEvents = {
  user_joined_voice: ZUserJoinedVoice,
  user_left_voice: ZUserLeftVoice,
  voice_state_updated: ZVoiceStateUpdated,
  voice_session_created: ZVoiceSessionCreated,
  voice_session_ended: ZVoiceSessionEnded,
  voice_signal: ZVoiceSignalEvent,
  voice_connection: ZVoiceConnection,
} as const;

// ---------------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------------

export const ZVoiceStatesParams = z.object({ serverId: ZId });
export const ZVoiceStatesResponse = z.object({
  success: z.literal(true),
  voiceStates: z.array(ZVoiceParticipant),
});

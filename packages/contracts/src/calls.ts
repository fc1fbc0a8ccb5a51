import { z } from 'zod';
import { ICE_CANDIDATE_MAX_LENGTH, SDP_MAX_LENGTH } from './matchmaking.js';

/**
 * One-to-one voice/video calls (issue 12, seed 001 "Voice & Video" in snake_case). A call is a
 * "session" in the seed's words; `sessionId` is its id. Signaling carries one bounded WebRTC message
 * (`signalData`) to the other participant's answering socket only.
 */

export const CALL_TYPES = ['voice', 'video'] as const;
export const CALL_STATUSES = ['ringing', 'active', 'ended'] as const;
/** completed: answered and hung up; missed: nobody answered in time; cancelled: the caller gave up. */
export const CALL_OUTCOMES = ['completed', 'missed', 'cancelled', 'declined', 'failed'] as const;
export type TCallType = (typeof CALL_TYPES)[number];
export type TCallStatus = (typeof CALL_STATUSES)[number];
export type TCallOutcome = (typeof CALL_OUTCOMES)[number];

const ZId = z.uuid();
export const ZCallSessionId = z.object({ sessionId: ZId });

// ---------------------------------------------------------------------------------------------------
// Client → server
// ---------------------------------------------------------------------------------------------------

export const ZStartDmCall = z.object({ recipientId: ZId, isVideo: z.boolean().default(false) });
export const ZAnswerDmCall = ZCallSessionId;
export const ZDeclineDmCall = ZCallSessionId;
export const ZEndDmCall = ZCallSessionId;
/** A socket that reconnected within the grace period takes the call back (addition to the seed). */
export const ZResumeDmCall = ZCallSessionId;

export const ZCallVoiceStatePatch = z
  .object({
    muted: z.boolean().optional(),
    video: z.boolean().optional(),
    screenSharing: z.boolean().optional(),
  })
  .strict();
export const ZUpdateDmCallState = ZCallVoiceStatePatch.extend({ sessionId: ZId });

/** Seed 001's `signalData`: an SDP (offer/answer) or one ICE candidate, each bounded like video chat's. */
export const ZSignalData = z
  .object({
    type: z.enum(['offer', 'answer', 'candidate']),
    sdp: z.string().max(SDP_MAX_LENGTH).optional(),
    candidate: z
      .object({
        candidate: z.string().max(ICE_CANDIDATE_MAX_LENGTH),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .nullable()
      .optional(),
  })
  .strict()
  .refine((data) => (data.type === 'candidate' ? data.candidate !== undefined : data.sdp !== undefined), {
    message: 'An offer or answer needs sdp; a candidate needs candidate',
  });
export type TSignalData = z.infer<typeof ZSignalData>;

/** `targetUserId` (seed) is optional: the target is always the other participant of the session. */
export const ZWebrtcSignal = z.object({
  sessionId: ZId,
  targetUserId: ZId.optional(),
  signalData: ZSignalData,
});

export const callClientEvents = {
  start_dm_call: ZStartDmCall,
  answer_dm_call: ZAnswerDmCall,
  decline_dm_call: ZDeclineDmCall,
  end_dm_call: ZEndDmCall,
  resume_dm_call: ZResumeDmCall,
  update_dm_call_state: ZUpdateDmCallState,
  webrtc_signal: ZWebrtcSignal,
} as const;

// ---------------------------------------------------------------------------------------------------
// Server → client
// ---------------------------------------------------------------------------------------------------

export const ZCallVoiceState = z.object({
  muted: z.boolean(),
  deafened: z.boolean(),
  video: z.boolean(),
  screenSharing: z.boolean(),
});
export type TCallVoiceState = z.infer<typeof ZCallVoiceState>;

export const ZCallParticipant = z.object({
  _id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
  voiceState: ZCallVoiceState,
});
export type TCallParticipant = z.infer<typeof ZCallParticipant>;

export const ZCallPerson = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
});

export const ZDmCallStarted = z.object({
  sessionId: z.string(),
  recipientId: z.string(),
  isVideo: z.boolean(),
  status: z.literal('calling'),
  recipient: ZCallPerson.optional(),
  /** When the call counts as missed if nobody answers (ISO). */
  ringsUntil: z.string().optional(),
});
export const ZIncomingDmCall = z.object({
  sessionId: z.string(),
  callerId: z.string(),
  caller: ZCallPerson,
  isVideo: z.boolean(),
  ringsUntil: z.string().optional(),
});
export const ZDmCallAnswered = z.object({
  sessionId: z.string(),
  participants: z.array(ZCallParticipant),
  answeredAt: z.string().optional(),
});
export const ZDmCallDeclined = z.object({ sessionId: z.string(), recipientId: z.string() });
export const ZDmCallEnded = z.object({
  sessionId: z.string(),
  endedBy: z.string().nullable(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  /** Seconds between answer and end; 0 when never answered. */
  duration: z.number().int().nonnegative().optional(),
});
export const ZDmCallStateUpdated = z.object({
  sessionId: z.string(),
  userId: z.string(),
  voiceState: ZCallVoiceState,
});
export const ZWebrtcSignalEvent = z.object({
  fromUserId: z.string(),
  sessionId: z.string(),
  signalData: ZSignalData,
});
/** The other participant's signaling socket dropped (`graceMs` to come back) or came back. */
export const ZDmCallPeerConnection = z.object({
  sessionId: z.string(),
  userId: z.string(),
  connected: z.boolean(),
  graceMs: z.number().int().nonnegative().optional(),
});

export const callServerEvents = {
  dm_call_started: ZDmCallStarted,
  incoming_dm_call: ZIncomingDmCall,
  dm_call_answered: ZDmCallAnswered,
  dm_call_declined: ZDmCallDeclined,
  dm_call_ended: ZDmCallEnded,
  dm_call_state_updated: ZDmCallStateUpdated,
  dm_call_peer_connection: ZDmCallPeerConnection,
  webrtc_signal: ZWebrtcSignalEvent,
} as const;

// ---------------------------------------------------------------------------------------------------
// REST (seed 001 `/api/voice/*`, for DM calls)
// ---------------------------------------------------------------------------------------------------

export const ZDmCallBody = z.object({ recipientId: ZId, isVideoCall: z.boolean().default(false) });

export const ZCallSession = z.object({
  sessionId: z.string(),
  type: z.literal('dm'),
  callType: z.enum(CALL_TYPES),
  isVideoCall: z.boolean(),
  status: z.enum(CALL_STATUSES),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  callerId: z.string(),
  recipientId: z.string(),
  participants: z.array(z.string()),
  activeUsers: z.array(
    z.object({
      user: z.string(),
      isMuted: z.boolean(),
      isVideoEnabled: z.boolean(),
      isScreenSharing: z.boolean(),
    }),
  ),
  isActive: z.boolean(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  duration: z.number().int().nullable(),
  ringsUntil: z.string(),
});
export type TCallSession = z.infer<typeof ZCallSession>;

export const ZCallSessionResponse = z.object({ success: z.literal(true), session: ZCallSession });
export const ZCallSessionsResponse = z.object({ success: z.literal(true), sessions: z.array(ZCallSession) });
export const ZUpdateCallSessionBody = z
  .object({
    isMuted: z.boolean().optional(),
    isVideoEnabled: z.boolean().optional(),
    isScreenSharing: z.boolean().optional(),
  })
  .strict();
export const ZUpdateCallSessionResponse = z.object({
  success: z.literal(true),
  message: z.string(),
  session: z.object({
    sessionId: z.string(),
    updatedUser: z.object({
      user: z.string(),
      isMuted: z.boolean(),
      isVideoEnabled: z.boolean(),
      isScreenSharing: z.boolean(),
    }),
  }),
});
export const ZCallSignalBody = z.object({ targetUserId: ZId.optional(), signal: ZSignalData });
export const ZCallMessageResponse = z.object({ success: z.literal(true), message: z.string() });

import { z } from 'zod';
import { ZInterests } from './profile.js';

/**
 * Random video chat (seed 000 "Random Video Chat", "WEBRTC SIGNALING EVENTS", "VIDEO CHAT TEXT
 * MESSAGES", the Matches / QueueEntries / Reports collections and `/api/match/*`, `/api/report/*`).
 *
 * Rules the client can rely on:
 * - A participant is one socket. A socket is in at most one queue entry or one match at a time; a
 *   second tab of the same user is a separate participant (it can never be matched with its sibling).
 * - Every client event is acknowledged with the envelope. Failures carry a code: `VALIDATION_ERROR`
 *   (bad or oversize payload), `CONFLICT` (not in a match / already queued / stale `matchId`),
 *   `FORBIDDEN` (addressed to a socket that is not your partner), `ACCOUNT_BANNED`,
 *   `SERVICE_UNAVAILABLE` (maintenance, anonymous matching off, capacity; `details.reason` says which).
 * - `to` is always the partner's socket id (from `match_found.partnerId` or `partner_reconnected`).
 * - Field names follow seed 000; additions (matchId on signaling, commonInterests, iceServers, polite,
 *   resumeToken, endReason) are documented where they are declared. Later changes are additive only.
 *
 * The maps at the bottom are spread into the gateway's event maps in `socket.ts`.
 */

// ---------------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------------

/** Seed 000: video-chat text messages are at most 500 characters, at most 500 stored per match. */
export const MATCH_CHAT_MESSAGE_MAX = 500;
export const MATCH_CHAT_MESSAGES_PER_MATCH_MAX = 500;
/** A real SDP with audio, video and a data channel is 3–8 KB; 16 KB leaves room without inviting abuse. */
export const SDP_MAX_LENGTH = 16 * 1024;
export const ICE_CANDIDATE_MAX_LENGTH = 2 * 1024;
export const REPORT_DESCRIPTION_MAX = 1000;
/** Socket.IO ids are 20 characters; the bound only rejects garbage early. */
const SOCKET_ID_MAX = 64;

const ZUuid = z.uuid('Must be an id');
const ZSocketId = z.string().min(1).max(SOCKET_ID_MAX);

// ---------------------------------------------------------------------------------------------------
// Shared vocabularies
// ---------------------------------------------------------------------------------------------------

/** Matches.status (seed 000). */
export const MATCH_STATUSES = ['active', 'ended', 'skipped', 'reported'] as const;
export const ZMatchStatus = z.enum(MATCH_STATUSES);
export type TMatchStatus = z.infer<typeof ZMatchStatus>;

/**
 * Matches.endReason (seed 000). Stored once from the point of view of user 1; every `match_ended`
 * event and history row translates it to the reader's point of view (a skip is `user_skipped` for the
 * skipper and `partner_skipped` for the other side).
 */
export const MATCH_END_REASONS = [
  'user_ended',
  'partner_ended',
  'user_skipped',
  'partner_skipped',
  'disconnect',
  'report',
] as const;
export const ZMatchEndReason = z.enum(MATCH_END_REASONS);
export type TMatchEndReason = z.infer<typeof ZMatchEndReason>;

/** `match_ended.reason` as seed 000 names it (the coarse kind); `endReason` carries the detail. */
export const ZMatchEndedKind = z.enum(['ended', 'skipped', 'disconnected', 'reported']);

/** Reports.reason (seed 000). */
export const REPORT_REASONS = [
  'inappropriate_content',
  'harassment',
  'spam',
  'nudity',
  'violence',
  'hate_speech',
  'underage',
  'scam',
  'impersonation',
  'other',
] as const;
export const ZReportReason = z.enum(REPORT_REASONS);
export type TReportReason = z.infer<typeof ZReportReason>;

/** Reports.status (seed 000); a new report is `pending` until an admin reviews it. */
export const REPORT_STATUSES = ['pending', 'reviewed', 'action_taken', 'dismissed'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);

/** Matches.connectionQuality (seed 000). */
export const CONNECTION_QUALITIES = ['excellent', 'good', 'poor', 'failed'] as const;
export const ZConnectionQuality = z.enum(CONNECTION_QUALITIES);
export type TConnectionQuality = z.infer<typeof ZConnectionQuality>;

/** Why matchmaking refused or dropped you; sent in error `details.reason` and `matchmaking_unavailable`. */
export const ZUnavailableReason = z.enum(['maintenance', 'anonymous_disabled', 'capacity']);
export type TUnavailableReason = z.infer<typeof ZUnavailableReason>;

/** An RTCIceServer as the browser takes it. TURN entries carry short-lived coturn REST credentials. */
export const ZIceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type TIceServer = z.infer<typeof ZIceServer>;

export const ZIceServersResponse = z.object({
  success: z.literal(true),
  iceServers: z.array(ZIceServer),
  /** True when TURN is configured, so "hide my IP" can use `iceTransportPolicy: 'relay'`. */
  relayAvailable: z.boolean(),
  /** Seconds the TURN credentials stay valid; 0 when there is no TURN. */
  ttlSeconds: z.number().int().nonnegative(),
});
export type TIceServersResponse = z.infer<typeof ZIceServersResponse>;

// ---------------------------------------------------------------------------------------------------
// WebRTC payloads (bounded copies of RTCSessionDescriptionInit / RTCIceCandidateInit)
// ---------------------------------------------------------------------------------------------------

export const ZSessionDescription = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(SDP_MAX_LENGTH, `An SDP is at most ${SDP_MAX_LENGTH} characters`).optional(),
});
export const ZOfferDescription = ZSessionDescription.extend({ type: z.literal('offer') });
export const ZAnswerDescription = ZSessionDescription.extend({ type: z.literal('answer') });
export type TSessionDescription = z.infer<typeof ZSessionDescription>;

/** `candidate: ''` is the end-of-candidates marker and is relayed like any other. */
export const ZIceCandidate = z.object({
  candidate: z
    .string()
    .max(ICE_CANDIDATE_MAX_LENGTH, `An ICE candidate is at most ${ICE_CANDIDATE_MAX_LENGTH} characters`),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
export type TIceCandidate = z.infer<typeof ZIceCandidate>;

// ---------------------------------------------------------------------------------------------------
// Client → server events
// ---------------------------------------------------------------------------------------------------

/**
 * `join_queue`. Seed 000 also lists `userId`/`userId7Digit`; identity comes from the session, so
 * those fields are ignored (stripped) if a client still sends them.
 */
export const ZJoinQueue = z
  .object({
    interests: ZInterests.optional(),
  })
  .optional();
export type TJoinQueue = z.input<typeof ZJoinQueue>;

/** Optional `matchId` on skip/stop/report: when given and stale, the request is refused with CONFLICT. */
const ZOptionalMatchRef = z.object({ matchId: ZUuid.optional() }).optional();

export const ZLeaveQueue = z.object({}).optional();
export const ZSkipPartner = ZOptionalMatchRef;
export const ZEndChat = ZOptionalMatchRef;

/**
 * `resume_match`: a socket that reconnected within the grace period takes its place in the match
 * back. `resumeToken` comes from `match_found`. A registered participant must resume as the same user;
 * an anonymous participant proves itself with the token alone.
 */
export const ZResumeMatch = z.object({ resumeToken: z.string().min(16).max(256) });
export type TResumeMatch = z.infer<typeof ZResumeMatch>;

/**
 * WebRTC signaling, as seed 000 names it (`{ to, offer }`…): the match is the sender's current one.
 * `matchId` is optional; when sent, a signal from an earlier match is refused (stale-signal protection).
 */
export const ZWebrtcOfferEvent = z.object({
  to: ZSocketId,
  matchId: ZUuid.optional(),
  offer: ZOfferDescription,
});
export const ZWebrtcAnswerEvent = z.object({
  to: ZSocketId,
  matchId: ZUuid.optional(),
  answer: ZAnswerDescription,
});
export const ZWebrtcIceCandidateEvent = z.object({
  to: ZSocketId,
  matchId: ZUuid.optional(),
  candidate: ZIceCandidate,
});
export type TWebrtcOfferEvent = z.infer<typeof ZWebrtcOfferEvent>;
export type TWebrtcAnswerEvent = z.infer<typeof ZWebrtcAnswerEvent>;
export type TWebrtcIceCandidateEvent = z.infer<typeof ZWebrtcIceCandidateEvent>;

export const ZMatchChatText = z
  .string()
  .trim()
  .min(1, 'A message cannot be empty')
  .max(MATCH_CHAT_MESSAGE_MAX, `A message is at most ${MATCH_CHAT_MESSAGE_MAX} characters`);

export const ZChatMessageEvent = z.object({
  to: ZSocketId,
  message: ZMatchChatText,
  matchId: ZUuid.optional(),
});
export const ZChatTypingEvent = z.object({ to: ZSocketId, matchId: ZUuid.optional() });
export type TChatMessageEvent = z.infer<typeof ZChatMessageEvent>;

export const ZReportPartner = z.object({
  reason: ZReportReason,
  description: z
    .string()
    .trim()
    .max(REPORT_DESCRIPTION_MAX, `A description is at most ${REPORT_DESCRIPTION_MAX} characters`)
    .default(''),
  matchId: ZUuid.optional(),
});
export type TReportPartner = z.input<typeof ZReportPartner>;

/** `connection_quality` (analytics): the client's own `getStats` summary, stored on the match. */
export const ZConnectionQualityEvent = z.object({
  quality: ZConnectionQuality,
  /** Seed 000: the partner's socket id. Optional; the server knows the partner. */
  partnerId: ZSocketId.optional(),
  matchId: ZUuid.optional(),
  iceConnectionState: z
    .enum(['new', 'checking', 'connected', 'completed', 'failed', 'disconnected', 'closed'])
    .optional(),
  rttMs: z.number().nonnegative().max(60_000).optional(),
  packetLossPercent: z.number().min(0).max(100).optional(),
});
export type TConnectionQualityEvent = z.infer<typeof ZConnectionQualityEvent>;

// ---------------------------------------------------------------------------------------------------
// Acks (the `...` of `{ success: true, ... }`)
// ---------------------------------------------------------------------------------------------------

/** Ack of `join_queue`, `skip_partner` (the skipper is re-queued) and `POST /api/match/join-queue|next`. */
export const ZQueueState = z.object({
  /** `matched` when a partner was found at once; `match_found` is emitted either way. */
  status: z.enum(['queued', 'matched']),
  matchId: z.string().nullable(),
  position: z.number().int().nonnegative(),
  totalWaiting: z.number().int().nonnegative(),
});
export type TQueueState = z.infer<typeof ZQueueState>;

export const ZReportAck = z.object({ reportId: z.string(), matchId: z.string().nullable() });

// ---------------------------------------------------------------------------------------------------
// Server → client events
// ---------------------------------------------------------------------------------------------------

export const ZQueuePosition = z.object({
  position: z.number().int().positive(),
  totalWaiting: z.number().int().nonnegative(),
  /** Seconds; a rough estimate from recent pairing rate, 0 when unknown. */
  estimatedWait: z.number().nonnegative(),
});
export type TQueuePosition = z.infer<typeof ZQueuePosition>;

export const ZQueueTimeout = z.object({ waitTime: z.number().nonnegative() });

export const ZMatchFound = z.object({
  /** Seed 000 fields. `partnerId` is the partner's socket id: use it as `to`. */
  partnerId: z.string(),
  partnerUsername: z.string(),
  partnerUserId7Digit: z.string().nullable(),
  partnerDisplayName: z.string(),
  partnerProfilePicture: z.string().nullable(),
  partnerInterests: z.array(z.string()),
  matchId: z.string(),
  /** Additions. `partnerUserId` is the account id for "Add friend" (null when anonymous). */
  partnerUserId: z.string().nullable(),
  partnerIsAnonymous: z.boolean(),
  commonInterests: z.array(z.string()),
  matchedByInterests: z.boolean(),
  iceServers: z.array(ZIceServer),
  relayAvailable: z.boolean(),
  /** Perfect negotiation: exactly one side of a match is polite. */
  polite: z.boolean(),
  /** Keep it (memory or sessionStorage) to `resume_match` after a reconnect within the grace period. */
  resumeToken: z.string(),
  startedAt: z.string(),
});
export type TMatchFound = z.infer<typeof ZMatchFound>;

/** Sent to a socket that resumed its match: the same shape as `match_found` (partner may have changed socket). */
export const ZMatchResumed = ZMatchFound;

export const ZMatchEnded = z.object({
  matchId: z.string(),
  /** Seconds. */
  duration: z.number().nonnegative(),
  reason: ZMatchEndedKind,
  /** From the receiver's point of view (`user_skipped` for the skipper, `partner_skipped` for the other). */
  endReason: ZMatchEndReason,
  partnerId: z.string(),
  /** True when the server already put this socket back in the queue (after a skip, either side). */
  requeued: z.boolean(),
});
export type TMatchEnded = z.infer<typeof ZMatchEnded>;

export const ZPartnerSkipped = z.object({ matchId: z.string() });

/**
 * The partner's connection dropped. It can arrive just before the `match_found` / `match_resumed` of
 * the same match (a drop racing the start); clients may ignore it then, because the server repeats it
 * right after announcing the match.
 */
export const ZPartnerDisconnected = z.object({
  reason: z.enum(['disconnect', 'network_error', 'ended']),
  matchId: z.string(),
  /** How long the partner has to come back before `match_ended` with endReason `disconnect`. */
  gracePeriodMs: z.number().int().nonnegative(),
});

/** The partner came back within the grace period, on a new socket: address it with the new `partnerId`. */
export const ZPartnerReconnected = z.object({ matchId: z.string(), partnerId: z.string() });

export const ZWebrtcOffer = z.object({ from: z.string(), matchId: z.string(), offer: ZOfferDescription });
export const ZWebrtcAnswer = z.object({ from: z.string(), matchId: z.string(), answer: ZAnswerDescription });
export const ZWebrtcIceCandidate = z.object({
  from: z.string(),
  matchId: z.string(),
  candidate: ZIceCandidate,
});

export const ZChatMessage = z.object({
  from: z.string(),
  fromUsername: z.string(),
  message: z.string(),
  timestamp: z.string(),
  matchId: z.string(),
});
export type TChatMessage = z.infer<typeof ZChatMessage>;
export const ZChatTyping = z.object({ from: z.string(), matchId: z.string() });

/**
 * Matchmaking is refusing new matches (maintenance or anonymous matching switched off). Sockets that
 * were waiting are taken out of the queue and get this; running matches continue.
 */
export const ZMatchmakingUnavailable = z.object({ reason: ZUnavailableReason, message: z.string() });

/** Seed 000: the socket joined the queue and nobody else is waiting; it stays queued (`queue_position`). */
export const ZNoMatchAvailable = z.object({ message: z.string() });

// ---------------------------------------------------------------------------------------------------
// REST: /api/match/* and /api/report/*
// ---------------------------------------------------------------------------------------------------

/** REST matching acts on one of the caller's own sockets; a socket of anybody else is FORBIDDEN. */
export const ZMatchSocketBody = z.object({ socketId: ZSocketId });
export const ZJoinQueueBody = ZMatchSocketBody.extend({ interests: ZInterests.optional() });
export type TJoinQueueBody = z.input<typeof ZJoinQueueBody>;

export const ZJoinQueueResponse = ZQueueState.extend({ success: z.literal(true) });
export const ZNextResponse = ZJoinQueueResponse;
export const ZLeaveQueueResponse = z.object({ success: z.literal(true), left: z.boolean() });
export const ZEndMatchResponse = z.object({ success: z.literal(true), matchId: z.string().nullable() });

export const ZMatchHistoryQuery = z.object({
  /** The id of the last row of the previous page (ids are time-ordered). */
  before: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The other participant as the history shows them; null fields for an anonymous partner. */
export const ZMatchPartner = z.object({
  userId: z.string().nullable(),
  username: z.string(),
  userId7Digit: z.string().nullable(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
});

export const ZMatchHistoryItem = z.object({
  id: z.string(),
  partner: ZMatchPartner,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Seconds; null while active. */
  duration: z.number().nullable(),
  status: ZMatchStatus,
  /** From the caller's point of view; null while active. */
  endReason: ZMatchEndReason.nullable(),
  interests: z.array(z.string()),
  matchedByInterests: z.boolean(),
  messageCount: z.number().int().nonnegative(),
  connectionQuality: ZConnectionQuality.nullable(),
});
export type TMatchHistoryItem = z.infer<typeof ZMatchHistoryItem>;

export const ZMatchHistoryResponse = z.object({
  success: z.literal(true),
  matches: z.array(ZMatchHistoryItem),
  nextCursor: z.string().nullable(),
});

/**
 * `POST /api/report/user`: name the user by account id or 7-digit id, or name a match you were in
 * (the partner is then the reported user and the transcript is attached).
 */
export const ZReportUserBody = z
  .object({
    userId: ZUuid.optional(),
    userId7Digit: z
      .string()
      .regex(/^\d{7}$/, 'Must be a 7-digit id')
      .optional(),
    matchId: ZUuid.optional(),
    reason: ZReportReason,
    description: z
      .string()
      .trim()
      .max(REPORT_DESCRIPTION_MAX, `A description is at most ${REPORT_DESCRIPTION_MAX} characters`)
      .default(''),
  })
  .refine((value) => Boolean(value.userId ?? value.userId7Digit ?? value.matchId), {
    message: 'Name the user by userId, userId7Digit or matchId',
    path: ['userId'],
  });
export type TReportUserBody = z.input<typeof ZReportUserBody>;

export const ZReport = z.object({
  id: z.string(),
  reportedUser: ZMatchPartner,
  matchId: z.string().nullable(),
  reason: ZReportReason,
  description: z.string(),
  status: ZReportStatus,
  createdAt: z.string(),
});
export type TReport = z.infer<typeof ZReport>;

export const ZReportResponse = z.object({ success: z.literal(true), report: ZReport });
export const ZMyReportsQuery = ZMatchHistoryQuery;
export const ZMyReportsResponse = z.object({
  success: z.literal(true),
  reports: z.array(ZReport),
  nextCursor: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------------
// Event maps
// ---------------------------------------------------------------------------------------------------

export const matchClientEvents = {
  join_queue: ZJoinQueue,
  leave_queue: ZLeaveQueue,
  skip_partner: ZSkipPartner,
  end_chat: ZEndChat,
  resume_match: ZResumeMatch,
  webrtc_offer: ZWebrtcOfferEvent,
  webrtc_answer: ZWebrtcAnswerEvent,
  webrtc_ice_candidate: ZWebrtcIceCandidateEvent,
  chat_message: ZChatMessageEvent,
  chat_typing_start: ZChatTypingEvent,
  chat_typing_stop: ZChatTypingEvent,
  report_partner: ZReportPartner,
  connection_quality: ZConnectionQualityEvent,
} as const satisfies Record<string, z.ZodType>;

export const matchServerEvents = {
  queue_position: ZQueuePosition,
  queue_timeout: ZQueueTimeout,
  match_found: ZMatchFound,
  match_resumed: ZMatchResumed,
  match_ended: ZMatchEnded,
  partner_skipped: ZPartnerSkipped,
  partner_disconnected: ZPartnerDisconnected,
  partner_reconnected: ZPartnerReconnected,
  webrtc_offer: ZWebrtcOffer,
  webrtc_answer: ZWebrtcAnswer,
  webrtc_ice_candidate: ZWebrtcIceCandidate,
  chat_message: ZChatMessage,
  chat_typing_start: ZChatTyping,
  chat_typing_stop: ZChatTyping,
  matchmaking_unavailable: ZMatchmakingUnavailable,
  no_match_available: ZNoMatchAvailable,
} as const satisfies Record<string, z.ZodType>;

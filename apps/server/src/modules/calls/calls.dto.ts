import type {
  TCallOutcome,
  TCallParticipant,
  TCallSession,
  TCallType,
  TCallVoiceState,
} from '@guftagu/contracts';
import type { UserRow } from '../users/index.js';
import type { DmCallRow, StoredVoiceState } from './calls.schema.js';

export const initialVoiceState = (type: TCallType): StoredVoiceState => ({
  muted: false,
  video: type === 'video',
  screenSharing: false,
});

export const voiceState = (state: StoredVoiceState): TCallVoiceState => ({ ...state, deafened: false });

export function participant(user: UserRow, state: StoredVoiceState): TCallParticipant {
  return {
    _id: user.id,
    username: user.username ?? '',
    displayName: user.displayName,
    profilePicture: user.profilePicture,
    voiceState: voiceState(state),
  };
}

export const person = (user: UserRow) => ({
  username: user.username ?? '',
  displayName: user.displayName,
  profilePicture: user.profilePicture,
});

/** Seed 001's voice session, for a DM call. */
export function toCallSession(row: DmCallRow): TCallSession {
  const active = row.status === 'active';
  const user = (id: string, state: StoredVoiceState) => ({
    user: id,
    isMuted: state.muted,
    isVideoEnabled: state.video,
    isScreenSharing: state.screenSharing,
  });
  return {
    sessionId: row.id,
    type: 'dm',
    callType: row.callType,
    isVideoCall: row.callType === 'video',
    status: row.status,
    outcome: row.outcome,
    callerId: row.callerId,
    recipientId: row.calleeId,
    participants: [row.callerId, row.calleeId],
    activeUsers: active ? [user(row.callerId, row.callerState), user(row.calleeId, row.calleeState)] : [],
    isActive: row.status !== 'ended',
    createdAt: row.startedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    duration: row.duration,
    ringsUntil: row.ringDeadline.toISOString(),
  };
}

/** "4:12", "1:02:03". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The conversation's line for a finished call ("Missed video call", "Voice call · 4:12"). */
export function callLine(type: TCallType, outcome: TCallOutcome, durationSeconds: number): string {
  const kind = type === 'video' ? 'video' : 'voice';
  switch (outcome) {
    case 'completed':
      return `${kind === 'video' ? 'Video' : 'Voice'} call · ${formatDuration(durationSeconds)}`;
    case 'declined':
      return `Declined ${kind} call`;
    default:
      return `Missed ${kind} call`;
  }
}

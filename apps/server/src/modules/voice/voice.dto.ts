import type { TVoiceParticipant, TVoiceState } from '@guftagu/contracts';
import type { VoiceStateRow } from './voice.schema.js';

export function toVoiceState(row: VoiceStateRow): TVoiceState {
  return {
    muted: row.selfMute || row.serverMute,
    deafened: row.selfDeaf || row.serverDeaf,
    video: row.camera,
    selfMute: row.selfMute,
    selfDeaf: row.selfDeaf,
    serverMute: row.serverMute,
    serverDeaf: row.serverDeaf,
    camera: row.camera,
    screenShare: row.screenShare,
  };
}

export interface VoiceUserRow {
  id: string;
  username: string | null;
  displayName: string | null;
  profilePicture: string | null;
}

export function toParticipant(row: VoiceStateRow, user: VoiceUserRow | null): TVoiceParticipant {
  return {
    userId: row.userId,
    serverId: row.serverId,
    channelId: row.channelId,
    user: {
      _id: row.userId,
      username: user?.username ?? '',
      displayName: user?.displayName ?? null,
      profilePicture: user?.profilePicture ?? null,
    },
    voiceState: toVoiceState(row),
    joinedAt: row.joinedAt.toISOString(),
  };
}

import type { TMatchEndReason, TMatchFound, TMatchStatus, ZMatchEndedKind } from '@guftagu/contracts';
import type { z } from 'zod';
import type { IceServers } from './ice-servers.js';
import type { LiveMatch, LiveParticipant } from './match-queue.js';

/** Why a match ended, from the point of view of whoever ended it. */
export type EndKind = 'skip' | 'stop' | 'disconnect' | 'report';

export const STATUS_FOR: Record<EndKind, TMatchStatus> = {
  skip: 'skipped',
  stop: 'ended',
  disconnect: 'ended',
  report: 'reported',
};

export const KIND_FOR: Record<EndKind, z.infer<typeof ZMatchEndedKind>> = {
  skip: 'skipped',
  stop: 'ended',
  disconnect: 'disconnected',
  report: 'reported',
};

/** The end reason as the participant who `isEnder` (or not) sees it. */
export function endReasonOf(kind: EndKind, isEnder: boolean): TMatchEndReason {
  switch (kind) {
    case 'skip':
      return isEnder ? 'user_skipped' : 'partner_skipped';
    case 'stop':
      return isEnder ? 'user_ended' : 'partner_ended';
    case 'disconnect':
      return 'disconnect';
    case 'report':
      return 'report';
  }
}

/** What the client keeps to resume: the match id names the match, the secret proves the seat. */
export function encodeResumeToken(matchId: string, secret: string): string {
  return `${matchId}.${secret}`;
}

export function decodeResumeToken(token: string): { matchId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  return { matchId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

export function matchFoundPayload(
  match: LiveMatch,
  me: LiveParticipant,
  partner: LiveParticipant,
  ice: IceServers,
): TMatchFound {
  return {
    partnerId: partner.socketId,
    partnerUsername: partner.profile.username,
    partnerUserId7Digit: partner.profile.publicId,
    partnerDisplayName: partner.profile.displayName,
    partnerProfilePicture: partner.profile.profilePicture,
    partnerInterests: partner.interests,
    matchId: match.id,
    partnerUserId: partner.profile.userId,
    partnerIsAnonymous: partner.profile.userId === null,
    commonInterests: match.commonInterests,
    matchedByInterests: match.matchedByInterests,
    iceServers: ice.iceServers,
    relayAvailable: ice.relayAvailable,
    // Perfect negotiation needs exactly one polite side; the later joiner yields.
    polite: me.socketId === match.b.socketId,
    resumeToken: encodeResumeToken(match.id, me.resumeToken),
    startedAt: new Date(match.startedAt).toISOString(),
  };
}

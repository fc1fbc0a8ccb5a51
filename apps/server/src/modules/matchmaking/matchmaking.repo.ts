import type {
  TConnectionQualityEvent,
  TMatchEndReason,
  TMatchHistoryItem,
  TMatchStatus,
} from '@guftagu/contracts';
import { MATCH_CHAT_MESSAGES_PER_MATCH_MAX } from '@guftagu/contracts';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { findReportedUserIds } from '../reports/index.js';
import { findBlockedEitherWayIds } from '../social/index.js';
import { countMatchStatement, findPeopleByIds, findUserById } from '../users/index.js';
import type { LiveMatch } from './match-queue.js';
import { type MatchRow, matches, type StoredChatMessage } from './matchmaking.schema.js';

export interface MatchUser {
  id: string;
  username: string | null;
  publicId: string;
  displayName: string | null;
  profilePicture: string | null;
  isBanned: boolean;
  banUntil: Date | null;
}

export async function findMatchUser(db: Database, userId: string): Promise<MatchUser | null> {
  return (await findUserById(db, userId)) ?? null;
}

/** Users this user must never be paired with: blocked either way (social), or reported by this user. */
export async function excludedUserIds(db: Database, userId: string): Promise<string[]> {
  const [blocked, reported] = await Promise.all([
    findBlockedEitherWayIds(db, userId),
    findReportedUserIds(db, userId),
  ]);
  return [...new Set([...blocked, ...reported])];
}

/** Who was in a match and what they wrote, for a report about it. */
export async function findMatchForReport(db: Database, matchId: string) {
  const [row] = await db
    .select({
      user1Id: matches.user1Id,
      user2Id: matches.user2Id,
      user1SocketId: matches.user1SocketId,
      user2SocketId: matches.user2SocketId,
      user1Username: matches.user1Username,
      user2Username: matches.user2Username,
      user1PublicId: matches.user1PublicId,
      user2PublicId: matches.user2PublicId,
      chatMessages: matches.chatMessages,
    })
    .from(matches)
    .where(eq(matches.id, matchId));
  return row ?? null;
}

function rowValues(match: LiveMatch) {
  return {
    id: match.id,
    user1Id: match.a.profile.userId,
    user2Id: match.b.profile.userId,
    user1SocketId: match.a.socketId,
    user2SocketId: match.b.socketId,
    user1Username: match.a.profile.username,
    user2Username: match.b.profile.username,
    user1PublicId: match.a.profile.publicId,
    user2PublicId: match.b.profile.publicId,
    startedAt: new Date(match.startedAt),
    interests: match.commonInterests,
    matchedByInterests: match.matchedByInterests,
  };
}

/**
 * Records a new match and counts it for both registered users. Called exactly once per match (by
 * whoever made the pair); the insert tolerates an end that was recorded first by another node.
 */
export async function insertMatch(db: Database, match: LiveMatch): Promise<void> {
  const userIds = [match.a.profile.userId, match.b.profile.userId].filter((id): id is string => id !== null);
  const insert = db.insert(matches).values(rowValues(match)).onConflictDoNothing();
  if (userIds.length === 0) {
    await insert;
    return;
  }
  // One statement, one round trip: this sits between the pairing and match_found.
  await db.execute(sql`with inserted as ${insert} ${countMatchStatement(userIds)}`);
}

export async function finishMatch(
  db: Database,
  match: LiveMatch,
  end: { endedAt: number; status: TMatchStatus; endReasonForUser1: TMatchEndReason },
): Promise<void> {
  const finished = {
    endedAt: new Date(end.endedAt),
    duration: Math.max(0, Math.round((end.endedAt - match.startedAt) / 1000)),
    status: end.status,
    endReason: end.endReasonForUser1,
    updatedAt: new Date(end.endedAt),
  };
  await db
    .insert(matches)
    .values({ ...rowValues(match), ...finished })
    .onConflictDoUpdate({ target: matches.id, set: finished, setWhere: eq(matches.status, 'active') });
}

/** Appends a chat line unless the match already holds the maximum; true when stored. */
export async function appendChatMessage(
  db: Database,
  matchId: string,
  message: StoredChatMessage,
): Promise<boolean> {
  const updated = await db
    .update(matches)
    .set({
      chatMessages: sql`${matches.chatMessages} || ${JSON.stringify([message])}::jsonb`,
      messageCount: sql`${matches.messageCount} + 1`,
    })
    .where(and(eq(matches.id, matchId), lt(matches.messageCount, MATCH_CHAT_MESSAGES_PER_MATCH_MAX)))
    .returning({ id: matches.id });
  return updated.length > 0;
}

export async function recordConnectionQuality(
  db: Database,
  matchId: string,
  report: Pick<TConnectionQualityEvent, 'quality' | 'iceConnectionState'>,
): Promise<void> {
  await db
    .update(matches)
    .set({
      connectionQuality: report.quality,
      ...(report.iceConnectionState ? { iceConnectionState: report.iceConnectionState } : {}),
      updatedAt: new Date(),
    })
    .where(eq(matches.id, matchId));
}

export async function findMatchRow(db: Database, matchId: string): Promise<MatchRow | null> {
  const [row] = await db.select().from(matches).where(eq(matches.id, matchId));
  return row ?? null;
}

const SWAPPED: Record<TMatchEndReason, TMatchEndReason> = {
  user_ended: 'partner_ended',
  partner_ended: 'user_ended',
  user_skipped: 'partner_skipped',
  partner_skipped: 'user_skipped',
  disconnect: 'disconnect',
  report: 'report',
};

/** `endReason` is stored for user 1; user 2 reads the mirror image. */
export function endReasonFor(reasonForUser1: TMatchEndReason, isUser1: boolean): TMatchEndReason {
  return isUser1 ? reasonForUser1 : SWAPPED[reasonForUser1];
}

export async function listHistory(
  db: Database,
  userId: string,
  page: { before?: string | undefined; limit: number },
): Promise<{ matches: TMatchHistoryItem[]; nextCursor: string | null }> {
  const mine = or(eq(matches.user1Id, userId), eq(matches.user2Id, userId));
  const rows = await db
    .select()
    .from(matches)
    .where(page.before ? and(mine, lt(matches.id, page.before)) : mine)
    .orderBy(desc(matches.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const partnerIds = pageRows
    .map((row) => (row.user1Id === userId ? row.user2Id : row.user1Id))
    .filter((id): id is string => id !== null);
  const byId = await findPeopleByIds(db, partnerIds);
  return {
    matches: pageRows.map((row) => {
      const isUser1 = row.user1Id === userId;
      const partnerId = isUser1 ? row.user2Id : row.user1Id;
      const partner = partnerId ? byId.get(partnerId) : undefined;
      return {
        id: row.id,
        partner: partner
          ? {
              userId: partner.id,
              username: partner.username ?? '',
              userId7Digit: partner.publicId,
              displayName: partner.displayName,
              profilePicture: partner.profilePicture,
            }
          : {
              userId: null,
              username: isUser1 ? row.user2Username : row.user1Username,
              userId7Digit: null,
              displayName: null,
              profilePicture: null,
            },
        startedAt: row.startedAt.toISOString(),
        endedAt: row.endedAt?.toISOString() ?? null,
        duration: row.duration,
        status: row.status,
        endReason: row.endReason ? endReasonFor(row.endReason, isUser1) : null,
        interests: row.interests,
        matchedByInterests: row.matchedByInterests,
        messageCount: row.messageCount,
        connectionQuality: row.connectionQuality,
      };
    }),
    nextCursor: rows.length > page.limit ? (pageRows[pageRows.length - 1]?.id ?? null) : null,
  };
}

import type { TReport, ZReportUserBody } from '@guftagu/contracts';
import type { z } from 'zod';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  findReportedUserIds,
  findUserParty,
  insertReport,
  listReportsBy,
  type ReportParty,
  toReport,
} from './reports.repo.js';
import type { StoredChatMessage } from './reports.schema.js';

type ReportUserInput = z.infer<typeof ZReportUserBody>;

/** Who was in a match and what they wrote, as the report needs it. */
export interface ReportedMatch {
  user1Id: string | null;
  user2Id: string | null;
  user1SocketId: string;
  user2SocketId: string;
  user1Username: string;
  user2Username: string;
  user1PublicId: string | null;
  user2PublicId: string | null;
  chatMessages: StoredChatMessage[];
}

/**
 * Matchmaking owns the matches table; the composition root hands reports this lookup, so reports
 * never imports matchmaking (which asks reports for exclusions and stores its reports here).
 */
export interface MatchLookup {
  findMatch(matchId: string): Promise<ReportedMatch | null>;
}

/**
 * Seed 000 reports. A report keeps the reporter and the reported user apart in matchmaking for good
 * (matchmaking reads reports at every join); admins review them later (status starts `pending`).
 */
export class ReportsService {
  constructor(
    private readonly db: Database,
    private readonly matches: MatchLookup,
  ) {}

  /** A report made from inside a live match: the transcript is the match's stored chat. */
  async reportFromMatch(input: {
    reporter: ReportParty;
    reported: ReportParty;
    matchId: string;
    reason: TReport['reason'];
    description: string;
  }): Promise<TReport> {
    const transcript = (await this.matches.findMatch(input.matchId))?.chatMessages ?? [];
    const row = await insertReport(this.db, { id: newId(), ...input, transcript });
    return toReport(row);
  }

  /** `POST /api/report/user`: by match (you must have been in it) or by user id / 7-digit id. */
  async reportUser(reporterId: string, body: ReportUserInput): Promise<TReport> {
    const reporter = await findUserParty(this.db, { id: reporterId });
    if (!reporter) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
    let reported: ReportParty | null = null;
    let transcript: StoredChatMessage[] = [];
    if (body.matchId) {
      const match = await this.matches.findMatch(body.matchId);
      const isUser1 = match?.user1Id === reporterId;
      if (!match || (!isUser1 && match.user2Id !== reporterId)) {
        throw new AppError('NOT_FOUND', 'That match was not found.');
      }
      reported = isUser1
        ? {
            userId: match.user2Id,
            socketId: match.user2SocketId,
            username: match.user2Username,
            publicId: match.user2PublicId,
          }
        : {
            userId: match.user1Id,
            socketId: match.user1SocketId,
            username: match.user1Username,
            publicId: match.user1PublicId,
          };
      transcript = match.chatMessages;
      const named = body.userId ?? null;
      if (named && named !== reported.userId) {
        throw new AppError('VALIDATION_ERROR', 'That user was not in this match.', { field: 'userId' });
      }
    } else {
      reported = await findUserParty(
        this.db,
        body.userId ? { id: body.userId } : { publicId: body.userId7Digit ?? '' },
      );
      if (!reported) throw new AppError('NOT_FOUND', 'That user was not found.');
    }
    if (reported.userId === reporterId) throw new AppError('BAD_REQUEST', 'You cannot report yourself.');
    const row = await insertReport(this.db, {
      id: newId(),
      reporter,
      reported,
      matchId: body.matchId ?? null,
      reason: body.reason,
      description: body.description,
      transcript,
    });
    return toReport(row);
  }

  /** Users this user reported: matchmaking never pairs the two again. */
  reportedBy(userId: string): Promise<string[]> {
    return findReportedUserIds(this.db, userId);
  }

  listMine(userId: string, page: { before?: string | undefined; limit: number }) {
    return listReportsBy(this.db, userId, page);
  }
}

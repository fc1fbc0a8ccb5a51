import type { TReport } from '@guftagu/contracts';
import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { findPeopleByIds, findUserById, findUserByPublicId } from '../users/index.js';
import { type ReportRow, reports, type StoredChatMessage } from './reports.schema.js';

/** One side of a report: a registered user, an anonymous socket, or both. */
export interface ReportParty {
  userId: string | null;
  socketId: string | null;
  username: string;
  publicId: string | null;
}

export interface NewReport {
  id: string;
  reporter: ReportParty;
  reported: ReportParty;
  matchId: string | null;
  reason: TReport['reason'];
  description: string;
  transcript: StoredChatMessage[];
}

export async function insertReport(db: Database, report: NewReport): Promise<ReportRow> {
  const [row] = await db
    .insert(reports)
    .values({
      id: report.id,
      reporterId: report.reporter.userId,
      reporterSocketId: report.reporter.socketId,
      reporterUsername: report.reporter.username,
      reporterPublicId: report.reporter.publicId,
      reportedUserId: report.reported.userId,
      reportedSocketId: report.reported.socketId,
      reportedUsername: report.reported.username,
      reportedPublicId: report.reported.publicId,
      matchId: report.matchId,
      reason: report.reason,
      description: report.description,
      transcript: report.transcript,
    })
    .returning();
  if (!row) throw new Error('report insert returned nothing');
  return row;
}

export async function findUserParty(
  db: Database,
  by: { id: string } | { publicId: string },
): Promise<(ReportParty & { userId: string }) | null> {
  const row = await ('id' in by ? findUserById(db, by.id) : findUserByPublicId(db, by.publicId));
  return row
    ? { userId: row.id, socketId: null, username: row.username ?? '', publicId: row.publicId }
    : null;
}

/** Users this reporter reported; matchmaking never pairs them again. */
export async function findReportedUserIds(db: Database, reporterId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ reportedUserId: reports.reportedUserId })
    .from(reports)
    .where(and(eq(reports.reporterId, reporterId), isNotNull(reports.reportedUserId)));
  return rows.flatMap((row) => (row.reportedUserId ? [row.reportedUserId] : []));
}

export async function listReportsBy(
  db: Database,
  reporterId: string,
  page: { before?: string | undefined; limit: number },
): Promise<{ reports: TReport[]; nextCursor: string | null }> {
  const mine = eq(reports.reporterId, reporterId);
  const rows = await db
    .select()
    .from(reports)
    .where(page.before ? and(mine, lt(reports.id, page.before)) : mine)
    .orderBy(desc(reports.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const ids = pageRows.map((row) => row.reportedUserId).filter((id): id is string => id !== null);
  const byId = await findPeopleByIds(db, ids);
  return {
    reports: pageRows.map((row) =>
      toReport(row, row.reportedUserId ? byId.get(row.reportedUserId) : undefined),
    ),
    nextCursor: rows.length > page.limit ? (pageRows[pageRows.length - 1]?.id ?? null) : null,
  };
}

export function toReport(
  row: ReportRow,
  person?: {
    id: string;
    username: string | null;
    publicId: string;
    displayName: string | null;
    profilePicture: string | null;
  },
): TReport {
  return {
    id: row.id,
    reportedUser: person
      ? {
          userId: person.id,
          username: person.username ?? row.reportedUsername,
          userId7Digit: person.publicId,
          displayName: person.displayName,
          profilePicture: person.profilePicture,
        }
      : {
          userId: row.reportedUserId,
          username: row.reportedUsername,
          userId7Digit: row.reportedPublicId,
          displayName: null,
          profilePicture: null,
        },
    matchId: row.matchId,
    reason: row.reason,
    description: row.description,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

import { ZMyReportsQuery, ZMyReportsResponse, ZReportResponse, ZReportUserBody } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { ReportsService } from './reports.service.js';

export function registerReportRoutes(
  app: FastifyInstance,
  reports: ReportsService,
  guard: AuthGuard,
  /** Throws RATE_LIMITED when the user filed too many reports lately. */
  limit: (userId: string) => Promise<void> = async () => {},
): void {
  const route = apiRoutes(app, guard);

  // The limit is checked in the handler, after the body is read: a refused body does not count.
  route({
    method: 'POST',
    url: '/api/report/user',
    summary: 'Report a user (by id, 7-digit id, or a match you were in)',
    tag: 'reports',
    auth: 'required',
    body: ZReportUserBody,
    response: ZReportResponse,
  })(async ({ viewer, body }) => {
    await limit(viewer.user.id);
    return { success: true, report: await reports.reportUser(viewer.user.id, body) };
  });

  route({
    method: 'GET',
    url: '/api/report/my-reports',
    summary: 'Reports you made, newest first',
    tag: 'reports',
    auth: 'required',
    query: ZMyReportsQuery,
    response: ZMyReportsResponse,
  })(async ({ viewer, query }) => ({ success: true, ...(await reports.listMine(viewer.user.id, query)) }));
}

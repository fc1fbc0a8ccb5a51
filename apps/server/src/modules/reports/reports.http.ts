import { ZMyReportsQuery, ZReportUserBody } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import type { ReportsService } from './reports.service.js';

export function registerReportRoutes(
  app: FastifyInstance,
  reports: ReportsService,
  guard: AuthGuard,
  /** Throws RATE_LIMITED when the user filed too many reports lately. */
  limit: (userId: string) => Promise<void> = async () => {},
): void {
  app.post('/api/report/user', async (request) => {
    const { user } = await guard.require(request);
    await limit(user.id);
    const body = parseInput(ZReportUserBody, request.body);
    return { success: true, report: await reports.reportUser(user.id, body) };
  });

  app.get('/api/report/my-reports', async (request) => {
    const { user } = await guard.require(request);
    const page = parseInput(ZMyReportsQuery, request.query);
    return { success: true, ...(await reports.listMine(user.id, page)) };
  });
}

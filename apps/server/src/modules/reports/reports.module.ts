import { defineModule } from '../../app/module.js';
import type { Database } from '../../platform/db/client.js';
import { registerReportRoutes } from './reports.http.js';
import { type MatchLookup, ReportsService } from './reports.service.js';

export function createReportsModule(deps: {
  db: Database;
  matches: MatchLookup;
  /** Throws RATE_LIMITED when the user filed too many reports lately (video chat's abuse limits). */
  limit: (userId: string) => Promise<void>;
}) {
  const reports = new ReportsService(deps.db, deps.matches);
  return defineModule({
    name: 'reports',
    api: reports,
    routes: (app, guard) => registerReportRoutes(app, reports, guard, deps.limit),
  });
}

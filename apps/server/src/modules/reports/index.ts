/** Seed 000 reports of users (from a video chat or a profile); reviewed later in the admin console. */

export { createReportsModule } from './reports.module.js';
export { findReportedUserIds, type ReportParty } from './reports.repo.js';
export type { MatchLookup, ReportedMatch } from './reports.service.js';
export { ReportsService } from './reports.service.js';

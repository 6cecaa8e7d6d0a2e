import type { JobDefinition } from './runner';
import { complianceReminders } from './compliance-reminders';
import { issueDeadlines } from './issue-deadlines';
import { purgeExpired } from './purge-expired';
import { refreshStatistics } from './refresh-statistics';
import { riskRecompute } from './risk-recompute';

export const ALL_JOBS: JobDefinition[] = [purgeExpired, complianceReminders, refreshStatistics, issueDeadlines, riskRecompute];
export { runOneJob, scheduleRecurring, startJobLoop } from './runner';

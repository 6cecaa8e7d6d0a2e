import type { JobDefinition } from './runner';
import { complianceReminders } from './compliance-reminders';
import { purgeExpired } from './purge-expired';
import { refreshStatistics } from './refresh-statistics';

export const ALL_JOBS: JobDefinition[] = [purgeExpired, complianceReminders, refreshStatistics];
export { runOneJob, scheduleRecurring, startJobLoop } from './runner';

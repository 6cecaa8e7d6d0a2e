import type { JobDefinition } from './runner';
import { complianceReminders } from './compliance-reminders';
import { purgeExpired } from './purge-expired';

export const ALL_JOBS: JobDefinition[] = [purgeExpired, complianceReminders];
export { runOneJob, scheduleRecurring, startJobLoop } from './runner';

import type { JobDefinition } from './runner';
import { purgeExpired } from './purge-expired';

export const ALL_JOBS: JobDefinition[] = [purgeExpired];
export { runOneJob, scheduleRecurring, startJobLoop } from './runner';

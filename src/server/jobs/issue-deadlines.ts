import { todayInShanghai } from '../../common/compliance-calendar';
import { runIssueDeadlines } from '../modules/issues';
import type { JobDefinition } from './runner';

/** Issue deadline reminders and escalation (整改提醒, 逾期升级), hourly; idempotent, so catching up is harmless. */
export function issueDeadlinesJob(clock: () => Date = () => new Date()): JobDefinition {
  return {
    kind: 'issue_deadlines',
    everySeconds: 3600,
    async run(db) {
      await runIssueDeadlines(db, { today: todayInShanghai(clock()) });
    },
  };
}

export const issueDeadlines = issueDeadlinesJob();

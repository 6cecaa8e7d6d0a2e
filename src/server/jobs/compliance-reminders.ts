import { todayInShanghai } from '../../common/compliance-calendar';
import { runComplianceReminders } from '../modules/notifications';
import type { JobDefinition } from './runner';

/**
 * Daily compliance reminders (合规提醒) into the inbox. The clock is injectable so tests fix "today";
 * a late or missed run is harmless: the reminders are idempotent and catch up.
 */
export function complianceRemindersJob(clock: () => Date = () => new Date()): JobDefinition {
  return {
    kind: 'compliance_reminders',
    everySeconds: 24 * 3600,
    async run(db) {
      await runComplianceReminders(db, { today: todayInShanghai(clock()) });
    },
  };
}

export const complianceReminders = complianceRemindersJob();

/** Helpers every lifecycle mutation uses: the scoped, locked source; dates; the actor's recorded name. */
import type { Transaction } from 'kysely';
import { todayInShanghai } from '../../../common/compliance-calendar';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError, invalidField, staleVersion } from '../../http/errors';

export { lockSourceInScope as lockSource, sourceNotFound } from '../registry';

export function assertVersion(current: number, sent: number): void {
  if (current !== sent) throw staleVersion();
}

/**
 * The date a change took effect: today unless given; never in the future, and never before the
 * source's last recorded change (the history stays in order).
 */
export async function effectiveDateFor(trx: Transaction<DB>, sourceId: string, given: string | undefined): Promise<string> {
  const today = todayInShanghai();
  const date = given ?? today;
  if (date > today) {
    throw invalidField('effectiveDate', `生效日期 ${date} 晚于今天（${today}），不能预先登记`, `The effective date ${date} is after today (${today}); record a change once it has happened`);
  }
  const last = await trx
    .selectFrom('source_status_history')
    .select('effective_date')
    .where('source_id', '=', sourceId)
    .orderBy('effective_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && date < last.effective_date) {
    throw invalidField(
      'effectiveDate',
      `生效日期 ${date} 早于上一次状态变更的生效日期 ${last.effective_date}`,
      `The effective date ${date} is before the previous change's (${last.effective_date})`,
    );
  }
  return date;
}

/** The name recorded next to the actor's id, so the history reads the same after the user is renamed. */
export function actorName(actor: Actor): string {
  return actor.displayName || actor.username;
}

export const roleMayNot = (zh: string, en: string, field?: string) => new AppError(403, 'forbidden', zh, en, field);

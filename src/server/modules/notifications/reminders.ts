import type { Kysely } from 'kysely';
import {
  addDays,
  addMonths,
  RENEWAL_LEAD_DAYS,
  sourceObligations,
  todayInShanghai,
  type IsoDate,
  type Obligation,
} from '../../../common/compliance-calendar';
import type { Bilingual } from '../../../common/enums';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { loadPermits, type PermitWithSource } from './calendar.queries';
import { notify, type NewNotification } from './inbox.service';
import { reminderDue } from './reminder-schedule';

/** The reminder job acts as the system, not as a user. */
const SYSTEM = { userId: null, username: 'system', ip: null };

export const REMINDER_KIND = 'compliance_reminder';

function daysText(daysLeft: number): Bilingual {
  return daysLeft === 0 ? { zh: '今天到期', en: 'due today' } : { zh: `还有 ${daysLeft} 天`, en: `${daysLeft} day${daysLeft === 1 ? '' : 's'} left` };
}

/** The message for one obligation on `today`; the days left are counted at sending, so a catch-up is truthful. */
function message(o: Obligation, permit: PermitWithSource, today: IsoDate, daysLeft: number): Pick<NewNotification, 'title' | 'body'> {
  const left = daysText(daysLeft);
  if (o.kind === 'permit_renewal') {
    const late = today > o.dueDate;
    return {
      title: { zh: `【合规提醒】排污许可证 ${permit.permitNumber} 将于 ${o.expiresOn} 到期（${left.zh}）`, en: `Reminder: permit ${permit.permitNumber} expires on ${o.expiresOn} (${left.en})` },
      body: {
        zh: `${permit.sourceName}：${late ? `延续申请期限（${o.dueDate}）已过，请尽快向审批部门申请延续` : `请于 ${o.dueDate} 前（有效期届满${RENEWAL_LEAD_DAYS}日前）向审批部门申请延续`}。依据：${o.legalBasis.zh}`,
        en: `${permit.sourceName}: ${late ? `the renewal deadline (${o.dueDate}) has passed; apply for renewal at once` : `apply for renewal by ${o.dueDate} (${RENEWAL_LEAD_DAYS} days before expiry)`}. Basis: ${o.legalBasis.en}`,
      },
    };
  }
  return {
    title: { zh: `【合规提醒】${o.periodLabel.zh}（${left.zh}）`, en: `Reminder: ${o.periodLabel.en} (${left.en})` },
    body: {
      zh: `${permit.sourceName}：${o.periodLabel.zh}应于 ${o.dueDate} 前完成（许可证 ${permit.permitNumber}）。依据：${o.legalBasis.zh}`,
      en: `${permit.sourceName}: the ${o.periodLabel.en} is due by ${o.dueDate} (permit ${permit.permitNumber}). Basis: ${o.legalBasis.en}`,
    },
  };
}

async function recipientsBySource(db: Kysely<DB>, sourceIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < sourceIds.length; i += 1000) {
    const rows = await db
      .selectFrom('source_reminder_recipients')
      .select(['source_id', 'user_id'])
      .where('source_id', 'in', sourceIds.slice(i, i + 1000))
      .orderBy('user_id')
      .execute();
    for (const r of rows) out.set(r.source_id, [...(out.get(r.source_id) ?? []), r.user_id]);
  }
  return out;
}

/**
 * Sends today's compliance reminders: 7 and 3 days before each execution report and disclosure,
 * 180/90/30 days before a permit expires, to the source's enterprise users and its contracted
 * provider's staff. Idempotent (dedupe key = obligation + offset + user), and catches up days it
 * missed: a reminder whose day has passed is still sent while its deadline has not.
 */
export async function runComplianceReminders(db: Kysely<DB>, options: { today?: IsoDate } = {}): Promise<{ due: number; created: number }> {
  const today = options.today ?? todayInShanghai();
  // Renewal warnings count down to expiry, which is RENEWAL_LEAD_DAYS after the obligation's due date.
  const window = { from: addDays(today, -RENEWAL_LEAD_DAYS), to: addDays(today, 180) };
  const permits = await loadPermits(db, { validUntilFrom: addMonths(today, -24), validFromTo: window.to });
  const byId = new Map(permits.map((p) => [p.permitId, p]));
  const due = sourceObligations(permits, window).flatMap((o) => {
    const reminder = reminderDue(o, today);
    return reminder ? [{ o, ...reminder }] : [];
  });
  if (due.length === 0) return { due: 0, created: 0 };
  const recipients = await recipientsBySource(db, [...new Set(due.map((d) => d.o.sourceId))]);
  const notifications: NewNotification[] = due.flatMap(({ o, offset, daysLeft }) => {
    const users = recipients.get(o.sourceId) ?? [];
    if (users.length === 0) return [];
    const permit = byId.get(o.permitId)!;
    return [{
      recipients: users,
      kind: REMINDER_KIND,
      ...message(o, permit, today, daysLeft),
      link: `/sources/${o.sourceId}?tab=compliance`,
      sourceId: o.sourceId,
      dueDate: o.kind === 'permit_renewal' ? o.expiresOn : o.dueDate,
      dedupeKey: `compliance:${o.key}:${offset}`,
    }];
  });
  const created = await db.transaction().execute(async (trx) => {
    const n = await notify(trx, ...notifications);
    if (n > 0) {
      await writeAudit(trx, SYSTEM, { action: 'notification.compliance_reminders', entityType: 'job', entityId: 'compliance_reminders', after: { today, reminders: notifications.length, created: n } });
    }
    return n;
  });
  return { due: due.length, created };
}

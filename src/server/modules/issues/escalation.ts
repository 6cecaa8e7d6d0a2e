import type { Kysely } from 'kysely';
import { addDays, daysBetween, todayInShanghai, type IsoDate } from '../../../common/compliance-calendar';
import { escalationLevel, workingDaysOverdue } from '../../../common/working-days';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { notify, type NewNotification } from '../notifications';
import { escalationSettings, loadWorkCalendar } from '../workdays';

/** The deadline job acts as the system, not as a user. */
const SYSTEM = { userId: null, username: 'system', ip: null };

/** Statuses in which the enterprise still owes the rectification (submitted evidence stops the clock). */
const OWED = ['rectifying', 'returned'] as const;

interface DueIssue {
  id: string;
  source_id: string;
  source_name: string;
  number: string | null;
  description: string;
  deadline: string;
  escalation_level: number;
}

const label = (i: DueIssue) => i.number ?? i.description.slice(0, 20);

/**
 * Daily deadline work for issues (整改时限): a reminder `remindDaysBefore` days before the deadline
 * to the enterprise and its grid cadre; once overdue by the configured working days, a message to
 * the town/park office, later to the bureau, and the issue's escalation level is raised. Every
 * message has a dedupe key (issue + deadline + step), so a re-run or a catch-up sends nothing twice,
 * and a new deadline (after a return) starts the steps again.
 */
export async function runIssueDeadlines(db: Kysely<DB>, options: { today?: IsoDate } = {}): Promise<{ reminded: number; escalated: number; messages: number }> {
  const today = options.today ?? todayInShanghai();
  const settings = await escalationSettings(db);
  const rows: DueIssue[] = await db
    .selectFrom('issues')
    .innerJoin('sources', 'sources.id', 'issues.source_id')
    .select(['issues.id', 'issues.source_id', 'sources.name as source_name', 'issues.number', 'issues.description', 'issues.deadline', 'issues.escalation_level'])
    .where('issues.status', 'in', [...OWED])
    .where('issues.deadline', 'is not', null)
    .where('issues.deadline', '<=', addDays(today, settings.remindDaysBefore))
    .$narrowType<{ deadline: string }>()
    .execute();
  if (rows.length === 0) return { reminded: 0, escalated: 0, messages: 0 };

  const earliest = rows.reduce((m, r) => (r.deadline < m ? r.deadline : m), today);
  const calendar = await loadWorkCalendar(db, earliest, today);
  const recipients = new Map<string, Array<{ user_id: string; level: number }>>();
  const sourceIds = [...new Set(rows.map((r) => r.source_id))];
  for (let i = 0; i < sourceIds.length; i += 1000) {
    const found = await db.selectFrom('issue_escalation_recipients').select(['source_id', 'user_id', 'level']).where('source_id', 'in', sourceIds.slice(i, i + 1000)).execute();
    for (const r of found) recipients.set(r.source_id, [...(recipients.get(r.source_id) ?? []), r]);
  }
  const usersAt = (sourceId: string, level: number) => (recipients.get(sourceId) ?? []).filter((r) => r.level === level).map((r) => r.user_id);

  const messages: NewNotification[] = [];
  const raised: Array<{ id: string; from: number; to: number; late: number }> = [];
  let reminded = 0;
  for (const issue of rows) {
    const link = `/issues/${issue.id}`;
    const base = { kind: 'issue_deadline', link, sourceId: issue.source_id, dueDate: issue.deadline };
    if (issue.deadline >= today) {
      const left = daysBetween(today, issue.deadline);
      reminded += 1;
      messages.push({
        ...base,
        recipients: usersAt(issue.source_id, 0),
        title: { zh: `【整改提醒】问题 ${label(issue)} 将于 ${issue.deadline} 到期（还有 ${left} 天）`, en: `Rectification due: issue ${label(issue)} is due on ${issue.deadline} (${left} day${left === 1 ? '' : 's'} left)` },
        body: { zh: `${issue.source_name}：${issue.description}。请在期限前提交整改材料。`, en: `${issue.source_name}: ${issue.description}. Please submit the rectification evidence before the deadline.` },
        dedupeKey: `issue-remind:${issue.id}:${issue.deadline}`,
      });
      continue;
    }
    const late = workingDaysOverdue(calendar, issue.deadline, today);
    const level = escalationLevel(settings, late);
    for (let step = 1; step <= level; step += 1) {
      const who = step === 1 ? { zh: '街镇/园区', en: 'town/park office' } : { zh: '区生态环境局', en: 'bureau' };
      messages.push({
        ...base,
        kind: 'issue_escalation',
        recipients: usersAt(issue.source_id, step),
        title: { zh: `【逾期升级】问题 ${label(issue)} 已逾期 ${late} 个工作日`, en: `Overdue: issue ${label(issue)} is ${late} working day${late === 1 ? '' : 's'} late` },
        body: {
          zh: `${issue.source_name}：${issue.description}。整改期限 ${issue.deadline}，已逾期 ${late} 个工作日，现提请${who.zh}督办。`,
          en: `${issue.source_name}: ${issue.description}. Deadline ${issue.deadline}; ${late} working days late, now referred to the ${who.en}.`,
        },
        dedupeKey: `issue-escalate:${issue.id}:${issue.deadline}:${step}`,
      });
    }
    if (level > issue.escalation_level) raised.push({ id: issue.id, from: issue.escalation_level, to: level, late });
  }

  return db.transaction().execute(async (trx) => {
    const created = await notify(trx, ...messages.filter((m) => m.recipients.length > 0));
    for (const r of raised) {
      // A system flag, not the issue's content: it does not bump the version users edit against.
      await trx.updateTable('issues').set({ escalation_level: r.to }).where('id', '=', r.id).where('escalation_level', '<', r.to).execute();
      await trx
        .insertInto('issue_events')
        .values({ issue_id: r.id, action: 'escalation', from_status: null, to_status: null, actor_id: null, note: null, payload: JSON.stringify({ level: r.to, workingDaysLate: r.late }) })
        .execute();
    }
    if (created > 0 || raised.length > 0) {
      await writeAudit(trx, SYSTEM, { action: 'issue.deadlines', entityType: 'job', entityId: 'issue_deadlines', after: { today, reminded, escalated: raised.map((r) => ({ id: r.id, level: r.to })), messages: created } });
    }
    return { reminded, escalated: raised.length, messages: created };
  });
}

/**
 * What risk grading reads of the issue history, per source, as of a day: the issues found in the 12
 * months up to it by breach category (EA CCS: 1 重大问题 or 严重, 2 一般, 3 轻微, 4 即知即改) and per
 * medium, the ones past their deadline and not closed by it, the returns and the recurrences.
 * Rejected and cancelled issues are not counted.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export type BreachCounts = { cat1: number; cat2: number; cat3: number; cat4: number };
export interface IssueRiskHistory {
  issues: BreachCounts;
  byArea: Record<string, BreachCounts>;
  overdue: number;
  returns: number;
  recurrences: number;
}

const CATEGORY = sql<string>`case
  when issues.class = 'on_spot' then 'cat4'
  when issues.class = 'major' or issues.severity = 'serious' then 'cat1'
  when issues.severity = 'minor' then 'cat3'
  else 'cat2' end`;

export async function issueRiskHistory(db: Kysely<DB>, asOf: string, sourceIds?: readonly string[]): Promise<Map<string, IssueRiskHistory>> {
  const end = sql`(${asOf}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const start = sql`(${asOf}::date - 364)::timestamp at time zone 'Asia/Shanghai'`;
  const limit = <T extends { where: (...a: any[]) => T }>(q: T): T => (sourceIds ? q.where('issues.source_id', 'in', sourceIds.length ? [...sourceIds] : ['00000000-0000-0000-0000-000000000000']) : q);
  const found = await limit(
    db.selectFrom('issues')
      .select(['issues.source_id', 'issues.area', CATEGORY.as('cat'), (eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(issues.return_count), 0)`.as('returns'), sql<number>`count(issues.recurrence_of)`.as('recurrences')])
      .where('issues.status', 'not in', ['rejected', 'cancelled'])
      .where('issues.found_at', '>=', start as never)
      .where('issues.found_at', '<', end as never),
  )
    .groupBy(['issues.source_id', 'issues.area', CATEGORY])
    .execute();
  // Past the deadline (within the 12 months) and not closed by it: still open at asOf, or closed late.
  const overdue = await limit(
    db.selectFrom('issues')
      .select(['issues.source_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issues.status', 'not in', ['rejected', 'cancelled'])
      .where('issues.deadline', 'is not', null)
      .where(sql<boolean>`issues.deadline < ${asOf}::date and issues.deadline >= ${asOf}::date - 364`)
      .where(sql<boolean>`(issues.closed_at is null or issues.closed_at >= ${end} or (issues.closed_at at time zone 'Asia/Shanghai')::date > issues.deadline)`),
  )
    .groupBy('issues.source_id')
    .execute();

  const out = new Map<string, IssueRiskHistory>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { issues: { cat1: 0, cat2: 0, cat3: 0, cat4: 0 }, byArea: {}, overdue: 0, returns: 0, recurrences: 0 }));
    return e;
  };
  for (const r of found) {
    const e = entry(r.source_id);
    const cat = r.cat as keyof BreachCounts;
    e.issues[cat] += Number(r.n);
    e.byArea[r.area] ??= { cat1: 0, cat2: 0, cat3: 0, cat4: 0 };
    e.byArea[r.area][cat] += Number(r.n);
    e.returns += Number(r.returns);
    e.recurrences += Number(r.recurrences);
  }
  for (const r of overdue) entry(r.source_id).overdue = Number(r.n);
  return out;
}

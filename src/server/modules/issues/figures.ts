import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../../common/compliance-calendar';
import type { FigureGroup, FigureRow, IssueFigures } from '../../../common/contracts/reporting';
import { INSPECTION_AREA, isInspectionArea } from '../../../common/inspection-areas';
import { FINAL_ISSUE_STATUSES, NOT_COUNTED_STATUSES, OPEN_WITH_DEADLINE } from '../../../common/issue-workflow';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';

/**
 * The closed loop's figures (整改率, 逾期, 整改用时) by town/park, provider or area, over the issues of
 * sources in the actor's jurisdiction. Rejected and cancelled issues are not problems and are not counted.
 */
const NOT_COUNTED = NOT_COUNTED_STATUSES;
const FINAL = FINAL_ISSUE_STATUSES;

function aggregates(today: string) {
  const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
  return {
    total: sql<number>`count(*) filter (where issues.status not in (${list(NOT_COUNTED)}))`.as('total'),
    closed: sql<number>`count(*) filter (where issues.status = 'closed')`.as('closed'),
    open: sql<number>`count(*) filter (where issues.status not in (${list(FINAL)}))`.as('open'),
    overdue: sql<number>`count(*) filter (where issues.status in (${list(OPEN_WITH_DEADLINE)}) and issues.deadline < ${today})`.as('overdue'),
    median: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from issues.closed_at - issues.found_at) / 86400.0) filter (where issues.status = 'closed')`.as('median'),
    returns: sql<number>`coalesce(sum(issues.return_count) filter (where issues.status not in (${list(NOT_COUNTED)})), 0)`.as('returns'),
    recurrences: sql<number>`count(*) filter (where issues.recurrence_of is not null and issues.status not in (${list(NOT_COUNTED)}))`.as('recurrences'),
    major: sql<number>`count(*) filter (where issues.class = 'major' and issues.status not in (${list(NOT_COUNTED)}))`.as('major'),
    escalated: sql<number>`count(*) filter (where issues.status = 'escalated')`.as('escalated'),
  };
}

type Raw = { total: number | string; closed: number | string; open: number | string; overdue: number | string; median: number | string | null; returns: number | string; recurrences: number | string; major: number | string; escalated: number | string };

function figureRow(key: string | null, label: FigureRow['label'], raw: Raw): FigureRow {
  const n = (v: number | string) => Number(v);
  const total = n(raw.total);
  const closed = n(raw.closed);
  return {
    key,
    label,
    total,
    closed,
    open: n(raw.open),
    overdue: n(raw.overdue),
    rectificationRate: total === 0 ? null : closed / total,
    medianDaysToClose: raw.median === null ? null : Math.round(Number(raw.median) * 10) / 10,
    returns: n(raw.returns),
    recurrences: n(raw.recurrences),
    major: n(raw.major),
    escalated: n(raw.escalated),
  };
}

export async function issueFigures(db: Kysely<DB>, actor: Actor, query: { groupBy: FigureGroup; from?: string; to?: string }, now = new Date()): Promise<IssueFigures> {
  const today = todayInShanghai(now);
  const base = () => {
    let q = db.selectFrom('issues').innerJoin('sources', 'sources.id', 'issues.source_id').where(sourceInScope(actor));
    if (query.from) q = q.where(sql<string>`(issues.found_at at time zone 'Asia/Shanghai')::date`, '>=', query.from);
    if (query.to) q = q.where(sql<string>`(issues.found_at at time zone 'Asia/Shanghai')::date`, '<=', query.to);
    return q;
  };
  const agg = aggregates(today);
  const totalsRaw = (await base().select(Object.values(agg)).executeTakeFirstOrThrow()) as unknown as Raw;

  let rows: FigureRow[];
  if (query.groupBy === 'town') {
    const raw = await base()
      .innerJoin('regions', 'regions.id', 'issues.town_id')
      .select(['issues.town_id as key', 'regions.name as name', 'regions.sort_order as sort', ...Object.values(agg)])
      .groupBy(['issues.town_id', 'regions.name', 'regions.sort_order'])
      .orderBy('regions.sort_order')
      .execute();
    rows = raw.map((r) => figureRow(r.key, { zh: r.name, en: r.name }, r as unknown as Raw));
  } else if (query.groupBy === 'provider') {
    const raw = await base()
      .leftJoin('providers', 'providers.id', 'issues.provider_id')
      .select(['issues.provider_id as key', 'providers.name as name', ...Object.values(agg)])
      .groupBy(['issues.provider_id', 'providers.name'])
      .orderBy('providers.name')
      .execute();
    rows = raw.map((r) => figureRow(r.key, r.name ? { zh: r.name, en: r.name } : { zh: '政府部门与网格', en: 'Government staff and grid cadres' }, r as unknown as Raw));
  } else {
    const raw = await base().select(['issues.area as key', ...Object.values(agg)]).groupBy('issues.area').execute();
    rows = raw
      .map((r) => figureRow(r.key, isInspectionArea(r.key) ? INSPECTION_AREA.labels[r.key] : { zh: r.key, en: r.key }, r as unknown as Raw))
      .sort((a, b) => INSPECTION_AREA.values.indexOf(a.key as never) - INSPECTION_AREA.values.indexOf(b.key as never));
  }
  return {
    groupBy: query.groupBy,
    from: query.from ?? null,
    to: query.to ?? null,
    today,
    totals: figureRow(null, { zh: '合计', en: 'Total' }, totalsRaw),
    rows: rows.filter((r) => r.total > 0 || r.escalated > 0),
  };
}

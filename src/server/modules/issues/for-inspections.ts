/**
 * What the inspections module reads of issues: which inspections found issues (第二轮), closed issues to
 * re-visit (回头看), and the issues of one inspection (the field form and the 体检报告). The caller has
 * checked that the inspection is in the actor's scope where no actor is passed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';

/** Ids of the given inspections that produced at least one issue (any status but rejected/cancelled). */
export async function inspectionsWithIssues(db: Kysely<DB>, inspectionIds: readonly string[]): Promise<string[]> {
  if (inspectionIds.length === 0) return [];
  const rows = await db
    .selectFrom('issues')
    .select('inspection_id')
    .distinct()
    .where('inspection_id', 'in', [...inspectionIds])
    .where('status', 'not in', ['rejected', 'cancelled'])
    .execute();
  return rows.map((r) => r.inspection_id!).filter(Boolean);
}

/** Closed issues (销号) in the actor's jurisdiction, closed within [from, to] (days, Asia/Shanghai), for 回头看 visits. */
export async function closedIssuesForRevisit(db: Kysely<DB>, actor: Actor, range: { from: string; to: string }): Promise<Array<{ id: string; sourceId: string }>> {
  const rows = await db
    .selectFrom('issues')
    .innerJoin('sources', 'sources.id', 'issues.source_id')
    .select(['issues.id', 'issues.source_id'])
    .where(sourceInScope(actor))
    .where('issues.status', '=', 'closed')
    .where('issues.closed_at', '>=', new Date(`${range.from}T00:00:00+08:00`))
    .where('issues.closed_at', '<', new Date(new Date(`${range.to}T00:00:00+08:00`).getTime() + 86_400_000))
    .orderBy('issues.closed_at')
    .limit(2000)
    .execute();
  return rows.map((r) => ({ id: r.id, sourceId: r.source_id }));
}

/** Ids of the issues found in an inspection (the caller has checked the inspection is in scope). */
export async function issueIdsOfInspection(db: Kysely<DB>, inspectionId: string): Promise<string[]> {
  const rows = await db.selectFrom('issues').select('id').where('inspection_id', '=', inspectionId).orderBy('found_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The issues found in an inspection, for its 体检报告. */
export async function issuesOfInspection(db: Kysely<DB>, inspectionId: string) {
  return db
    .selectFrom('issues')
    .select(['id', 'number', 'description', 'class', 'severity', 'status', 'deadline', 'measure', 'legal_basis', 'area'])
    .where('inspection_id', '=', inspectionId)
    .where('status', 'not in', ['rejected', 'cancelled'])
    .orderBy('found_at')
    .orderBy('id')
    .execute();
}

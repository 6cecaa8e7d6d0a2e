/**
 * What risk grading reads of the dossier, for many sources at once: type, permit class, industry, scale,
 * hazardous-waste lines and tonnage, the filed emergency plan's level, the latest credit rating up to a
 * year. Sources that are closed are left out (they are no longer graded).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface DossierRiskFacts {
  sourceId: string;
  sourceType: string;
  permitClass: string;
  industryCode: string;
  scale: string | null;
  hazardousWasteLines: number;
  hazardousWasteTonnes: number;
  emergencyPlanLevel: string | null;
  creditRating: string | null;
}

export async function dossierRiskFacts(db: Kysely<DB>, options: { year: number; sourceIds?: readonly string[] }): Promise<DossierRiskFacts[]> {
  let q = db
    .selectFrom('sources')
    .select([
      'sources.id', 'sources.source_type', 'sources.permit_class', 'sources.industry_code', 'sources.scale',
      sql<number>`(select count(*) from hazardous_wastes h where h.source_id = sources.id)`.as('hw_lines'),
      sql<number>`(select coalesce(sum(h.annual_amount_t), 0) from hazardous_wastes h where h.source_id = sources.id)`.as('hw_tonnes'),
      sql<string | null>`(select e.risk_level from emergency_plans e where e.source_id = sources.id order by case e.risk_level when 'major' then 0 when 'larger' then 1 else 2 end limit 1)`.as('plan_level'),
      sql<string | null>`(select c.rating from credit_ratings c where c.source_id = sources.id and c.year <= ${options.year} order by c.year desc limit 1)`.as('credit'),
    ])
    .where('sources.lifecycle_status', '<>', 'closed');
  if (options.sourceIds) q = q.where('sources.id', 'in', options.sourceIds.length ? [...options.sourceIds] : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.orderBy('sources.id').execute();
  return rows.map((r) => ({
    sourceId: r.id,
    sourceType: r.source_type,
    permitClass: r.permit_class,
    industryCode: r.industry_code,
    scale: r.scale,
    hazardousWasteLines: Number(r.hw_lines),
    hazardousWasteTonnes: Number(r.hw_tonnes),
    emergencyPlanLevel: r.plan_level,
    creditRating: r.credit,
  }));
}

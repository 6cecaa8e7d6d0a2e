/**
 * Reads of the checklist bank and templates, and the predicates that decide who sees and who edits
 * a template: platform-wide templates (no region) are everyone's; a district's template is seen by
 * everyone whose jurisdiction lies in that district, and edited by the administrator and that
 * district's bureau. For anyone else a template they may not edit does not exist (404).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { AreaCountSchema, ChecklistItem, Template, TemplateItem } from '../../../common/contracts/checklists';
import type { SourceType } from '../../../common/enums';
import { inspectionAreaLabel, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import type { Band } from '../../../common/checklist-scoring';
import type { DB } from '../../db/schema';
import { regionManageable, regionVisible, type Actor } from '../../db/scope';
import type { StoredCitation, TemplateStatus } from '../../db/tables/checklists';
import { notFound } from '../../http/errors';
import type { z } from 'zod';

export const ITEM_EDITOR_ROLES = ['admin'];
export const TEMPLATE_EDITOR_ROLES = ['admin', 'bureau'];

export const itemNotFound = () => notFound('Checklist item', '检查项');
export const templateNotFound = () => notFound('Checklist template', '检查模板');

const iso = (d: Date | string) => new Date(d).toISOString();

/** jsonb arrives parsed from both drivers; a string would mean a driver change, so parse defensively. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

// ---------------------------------------------------------------- applicability

/** Rows (under `alias`) whose source types are empty or include `type`. */
export function typeApplies(alias: string, type: string) {
  return sql<SqlBool>`(jsonb_array_length(${sql.ref(`${alias}.source_types`)}) = 0 or ${sql.ref(`${alias}.source_types`)} @> jsonb_build_array(${type}::text))`;
}

/** Rows (under `alias`) whose industry prefixes are empty or include a prefix of `code`. */
export function industryApplies(alias: string, code: string) {
  return sql<SqlBool>`(jsonb_array_length(${sql.ref(`${alias}.industry_prefixes`)}) = 0 or exists (
    select 1 from jsonb_array_elements_text(${sql.ref(`${alias}.industry_prefixes`)}) as p(prefix) where ${code}::text like p.prefix || '%'))`;
}

// ---------------------------------------------------------------- items

type ItemRow = {
  id: string; code: string; area: string; text: string; legal_basis: string; penalty_basis: string;
  legal_refs: unknown; penalty_refs: unknown; verified: boolean; note: string | null;
  source_types: unknown; industry_prefixes: unknown; active: boolean; version: number; updated_at: Date;
};

export function toItem(r: ItemRow, actor: Actor): ChecklistItem {
  return {
    id: r.id,
    code: r.code,
    area: r.area as InspectionAreaCode,
    areaLabel: inspectionAreaLabel(r.area as InspectionAreaCode),
    text: r.text,
    legalBasis: r.legal_basis,
    penaltyBasis: r.penalty_basis,
    legalRefs: json<StoredCitation[]>(r.legal_refs),
    penaltyRefs: json<StoredCitation[]>(r.penalty_refs),
    verified: r.verified,
    note: r.note,
    sourceTypes: json<SourceType[]>(r.source_types),
    industryPrefixes: json<string[]>(r.industry_prefixes),
    active: r.active,
    version: r.version,
    updatedAt: iso(r.updated_at),
    editable: ITEM_EDITOR_ROLES.includes(actor.role),
  };
}

export async function getItem(db: Kysely<DB>, actor: Actor, id: string): Promise<ChecklistItem> {
  const row = await db.selectFrom('checklist_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw itemNotFound();
  return toItem(row, actor);
}

export function areaCounts(counts: Map<string, number>): Array<z.infer<typeof AreaCountSchema>> {
  return INSPECTION_AREA_CODES.filter((code) => counts.has(code)).map((code) => ({ code, label: inspectionAreaLabel(code), count: counts.get(code)! }));
}

// ---------------------------------------------------------------- templates

/** Templates the actor sees: platform-wide ones, and those of a region holding part of the actor's jurisdiction. */
export function templateVisible(actor: Actor) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      eb('checklist_templates.region_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('regions as owner_region')
          .innerJoin('regions as seen', (join) => join.on(sql<SqlBool>`seen.path like owner_region.path || '%'`))
          .select(sql`1`.as('one'))
          .whereRef('owner_region.id', '=', 'checklist_templates.region_id')
          .where(regionVisible(actor, 'seen')),
      ),
    ]);
}

/** Templates the actor may change: all for the administrator, a bureau's those of regions it manages. */
export function templateEditable(actor: Actor) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (actor.role === 'admin') return sql<SqlBool>`true`;
    if (actor.role !== 'bureau') return sql<SqlBool>`false`;
    return eb(
      'checklist_templates.region_id',
      'in',
      eb.selectFrom('regions as managed').select('managed.id').where(regionVisible(actor, 'managed')).where(regionManageable(actor, 'managed')),
    );
  };
}

export interface TemplateFilter {
  ids?: string[];
  status?: TemplateStatus;
  sourceType?: string;
  industryCode?: string;
  /** Only templates whose region covers this region path (a source's). */
  coveringPath?: string;
}

/** The templates the actor sees, each with its items in order. */
export async function loadTemplates(db: Kysely<DB>, actor: Actor, filter: TemplateFilter = {}): Promise<Template[]> {
  let query = db
    .selectFrom('checklist_templates')
    .leftJoin('regions', 'regions.id', 'checklist_templates.region_id')
    .selectAll('checklist_templates')
    .select(['regions.name as region_name', 'regions.path as region_path', (eb) => eb.and([templateEditable(actor)(eb)]).as('editable')])
    .where(templateVisible(actor));
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('checklist_templates.id', 'in', filter.ids);
  }
  if (filter.status) query = query.where('checklist_templates.status', '=', filter.status);
  if (filter.sourceType) query = query.where(typeApplies('checklist_templates', filter.sourceType));
  if (filter.industryCode) query = query.where(industryApplies('checklist_templates', filter.industryCode));
  if (filter.coveringPath) {
    const path = filter.coveringPath;
    query = query.where((eb) => eb.or([eb('checklist_templates.region_id', 'is', null), sql<SqlBool>`${path}::text like regions.path || '%'`]));
  }
  const rows = await query
    .orderBy(sql`case checklist_templates.status when 'active' then 0 when 'draft' then 1 else 2 end`)
    .orderBy(sql`checklist_templates.region_id is null`)
    .orderBy('checklist_templates.created_at')
    .execute();
  if (rows.length === 0) return [];
  const itemRows = await db
    .selectFrom('checklist_template_items as ti')
    .innerJoin('checklist_items as i', 'i.id', 'ti.item_id')
    .select([
      'ti.template_id', 'ti.item_id', 'ti.weight', 'ti.max_score', 'ti.sort',
      'i.code', 'i.area', 'i.text', 'i.legal_basis', 'i.penalty_basis', 'i.verified', 'i.note', 'i.active',
    ])
    .where('ti.template_id', 'in', rows.map((r) => r.id))
    .orderBy('ti.template_id')
    .orderBy('ti.sort')
    .orderBy('i.code')
    .execute();
  const itemsOf = new Map<string, TemplateItem[]>();
  for (const r of itemRows) {
    const list = itemsOf.get(r.template_id) ?? [];
    list.push({
      itemId: r.item_id,
      code: r.code,
      area: r.area as InspectionAreaCode,
      text: r.text,
      legalBasis: r.legal_basis,
      penaltyBasis: r.penalty_basis,
      verified: r.verified,
      note: r.note,
      active: r.active,
      weight: Number(r.weight),
      maxScore: r.max_score,
      sort: r.sort,
    });
    itemsOf.set(r.template_id, list);
  }
  const mayCopy = TEMPLATE_EDITOR_ROLES.includes(actor.role);
  return rows.map((r) => {
    const items = itemsOf.get(r.id) ?? [];
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.area, (counts.get(i.area) ?? 0) + 1);
    const editable = Boolean(r.editable);
    return {
      id: r.id,
      regionId: r.region_id,
      regionName: r.region_name,
      name: r.name,
      description: r.description,
      sourceTypes: json<SourceType[]>(r.source_types),
      industryPrefixes: json<string[]>(r.industry_prefixes),
      bands: json<Band[]>(r.bands),
      status: r.status,
      version: r.version,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      editable,
      itemsEditable: editable && r.status === 'draft',
      copyable: mayCopy,
      items,
      areas: areaCounts(counts),
    };
  });
}

export async function getTemplate(db: Kysely<DB>, actor: Actor, id: string): Promise<Template> {
  const [template] = await loadTemplates(db, actor, { ids: [id] });
  if (!template) throw templateNotFound();
  return template;
}

/**
 * The checklist item bank (检查项库). Every role reads it (enterprises use it for self-checks); only
 * the administrator changes it, and for anyone else an item "does not exist" for editing (404), as
 * the negative list does. Editing a basis re-parses its article references.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { ChecklistItem, ChecklistItemInput, ChecklistItemList, ChecklistItemListQuery, ChecklistItemUpdate } from '../../../common/contracts/checklists';
import { parseCitations } from '../../../common/citations';
import type { InspectionAreaCode } from '../../../common/inspection-areas';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import { ITEM_EDITOR_ROLES, areaCounts, getItem, industryApplies, itemNotFound, toItem, typeApplies } from './queries';
import { assertIndustryPrefixes } from './reference';

/** The code series of each area: EP-01…, AIR-01…, and so on. */
export const AREA_CODE_PREFIX: Record<InspectionAreaCode, string> = {
  eia_permit: 'EP',
  air: 'AIR',
  water: 'WAT',
  solid_waste: 'SW',
  hazardous_waste: 'HW',
  emergency: 'ER',
  noise: 'NOI',
};

export async function listItems(db: Kysely<DB>, actor: Actor, query: ChecklistItemListQuery): Promise<ChecklistItemList> {
  const canEdit = ITEM_EDITOR_ROLES.includes(actor.role);
  let base = db.selectFrom('checklist_items');
  if (!(canEdit && query.includeInactive === 'true')) base = base.where('active', '=', true);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb('code', 'ilike', like), eb('text', 'ilike', like), eb('legal_basis', 'ilike', like), eb('penalty_basis', 'ilike', like)]),
    );
  }
  if (query.sourceType) base = base.where(typeApplies('checklist_items', query.sourceType));
  if (query.industryCode) base = base.where(industryApplies('checklist_items', query.industryCode));
  if (query.verified) base = base.where('verified', '=', query.verified === 'true');
  // Area counts follow every filter but the area itself, so the area picker shows what each would give.
  const counted = await base.select(['area', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('area').execute();
  const counts = new Map(counted.map((r) => [r.area, Number(r.n)]));
  const filtered = query.area ? base.where('area', '=', query.area) : base;
  const rows = await filtered
    .selectAll()
    .orderBy(sql`array_position(array['eia_permit','air','water','solid_waste','hazardous_waste','emergency','noise'], area)`)
    .orderBy(sql`split_part(code, '-', 1)`)
    .orderBy(sql`(split_part(code, '-', 2))::int`)
    .execute();
  return { items: rows.map((r) => toItem(r, actor)), total: rows.length, areas: areaCounts(counts), canEdit };
}

function assertEditor(actor: Actor): void {
  if (!ITEM_EDITOR_ROLES.includes(actor.role)) throw itemNotFound();
}

function normaliseApplicability(input: { sourceTypes?: string[]; industryPrefixes?: string[] }) {
  const out: { source_types?: string; industry_prefixes?: string } = {};
  if (input.sourceTypes !== undefined) out.source_types = JSON.stringify([...new Set(input.sourceTypes)]);
  if (input.industryPrefixes !== undefined) {
    assertIndustryPrefixes(input.industryPrefixes, 'industryPrefixes');
    out.industry_prefixes = JSON.stringify([...new Set(input.industryPrefixes)]);
  }
  return out;
}

const JSON_COLUMNS = new Set(['legal_refs', 'penalty_refs', 'source_types', 'industry_prefixes']);

async function nextCode(db: Kysely<DB>, area: InspectionAreaCode): Promise<string> {
  const prefix = AREA_CODE_PREFIX[area];
  const row = await db
    .selectFrom('checklist_items')
    .select(sql<number>`coalesce(max((split_part(code, '-', 2))::int), 0)`.as('n'))
    .where(sql<SqlBool>`split_part(code, '-', 1) = ${prefix}`)
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(Number(row.n) + 1).padStart(2, '0')}`;
}

export async function createItem(db: Kysely<DB>, actor: Actor, input: ChecklistItemInput): Promise<ChecklistItem> {
  if (!ITEM_EDITOR_ROLES.includes(actor.role)) {
    throw new AppError(403, 'forbidden', '只有系统管理员可以维护检查项库', 'Only an administrator maintains the checklist item bank');
  }
  const id = await db.transaction().execute(async (trx) => {
    // One new code at a time: two administrators adding to the same area must not both take AIR-18.
    await sql`select pg_advisory_xact_lock(727213)`.execute(trx);
    let code = input.code;
    if (code) {
      if (!code.startsWith(`${AREA_CODE_PREFIX[input.area]}-`)) {
        throw invalidField('code', `${input.area} 专题的编号须以 ${AREA_CODE_PREFIX[input.area]}- 开头`, `Codes of the ${input.area} area start with ${AREA_CODE_PREFIX[input.area]}-`);
      }
      const taken = await trx.selectFrom('checklist_items').select('id').where('code', '=', code).executeTakeFirst();
      if (taken) throw new AppError(409, 'code_taken', `编号 ${code} 已被使用`, `The code ${code} is already in use`, 'code');
    } else {
      code = await nextCode(trx, input.area);
    }
    const row = await trx
      .insertInto('checklist_items')
      .values({
        code,
        area: input.area,
        text: input.text,
        legal_basis: input.legalBasis,
        penalty_basis: input.penaltyBasis,
        legal_refs: JSON.stringify(parseCitations(input.legalBasis)),
        penalty_refs: JSON.stringify(parseCitations(input.penaltyBasis)),
        verified: input.verified ?? false,
        note: input.note || null,
        active: input.active ?? true,
        ...normaliseApplicability(input),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'checklist_item.create', entityType: 'checklist_item', entityId: row.id, after: row });
    return row.id;
  });
  return getItem(db, actor, id);
}

export async function updateItem(db: Kysely<DB>, actor: Actor, id: string, input: ChecklistItemUpdate): Promise<ChecklistItem> {
  assertEditor(actor);
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('checklist_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw itemNotFound();
    if (current.version !== input.version) throw staleVersion();
    const set: Record<string, unknown> = {};
    if (input.text !== undefined && input.text !== current.text) set.text = input.text;
    if (input.legalBasis !== undefined && input.legalBasis !== current.legal_basis) {
      set.legal_basis = input.legalBasis;
      set.legal_refs = JSON.stringify(parseCitations(input.legalBasis));
    }
    if (input.penaltyBasis !== undefined && input.penaltyBasis !== current.penalty_basis) {
      set.penalty_basis = input.penaltyBasis;
      set.penalty_refs = JSON.stringify(parseCitations(input.penaltyBasis));
    }
    if (input.verified !== undefined && input.verified !== current.verified) set.verified = input.verified;
    if (input.note !== undefined && (input.note || null) !== current.note) set.note = input.note || null;
    if (input.active !== undefined && input.active !== current.active) set.active = input.active;
    const applicability = normaliseApplicability(input);
    if (applicability.source_types !== undefined && applicability.source_types !== JSON.stringify(current.source_types)) set.source_types = applicability.source_types;
    if (applicability.industry_prefixes !== undefined && applicability.industry_prefixes !== JSON.stringify(current.industry_prefixes)) {
      set.industry_prefixes = applicability.industry_prefixes;
    }
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('checklist_items').set({ ...set, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, current[k as keyof typeof current]]));
    const after = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, JSON_COLUMNS.has(k) ? JSON.parse(v as string) : v]));
    await writeAudit(trx, actor, { action: 'checklist_item.update', entityType: 'checklist_item', entityId: id, before, after });
  });
  return getItem(db, actor, id);
}

/**
 * Checklist templates (检查模板): items of the bank with weights and maximum scores, applicability by
 * source type and industry, and result bands. Platform-wide templates belong to the administrator;
 * a bureau keeps its district's. Items and bands change only on a draft: an active template (used
 * by inspections) or a retired one never changes under its users — copy it into a new draft instead.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  ApplicableTemplates, ScoringPreview, ScoringPreviewRequest, Template, TemplateCopy, TemplateInput, TemplateItemInput, TemplateList, TemplateListQuery, TemplateUpdate,
} from '../../../common/contracts/checklists';
import { DEFAULT_BANDS, DEFAULT_MAX_SCORE, scoreChecklist, validateAnswers, validateBands, type Band } from '../../../common/checklist-scoring';
import { inspectionAreaLabel, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { regionVisible, type Actor } from '../../db/scope';
import { sourceWithPlaces } from '../registry';
import type { TemplateStatus } from '../../db/tables/checklists';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import { TEMPLATE_EDITOR_ROLES, getTemplate, loadTemplates, templateEditable, templateNotFound, templateVisible } from './queries';
import { assertIndustryPrefixes } from './reference';

export async function listTemplates(db: Kysely<DB>, actor: Actor, query: TemplateListQuery): Promise<TemplateList> {
  const items = await loadTemplates(db, actor, {
    ...(query.id ? { ids: [query.id] } : {}),
    status: query.status,
    sourceType: query.sourceType,
    industryCode: query.industryCode,
  });
  return { items, canCreate: TEMPLATE_EDITOR_ROLES.includes(actor.role) };
}

const frozen = (status: TemplateStatus, field = 'items') =>
  new AppError(
    409,
    'template_frozen',
    `该模板已${status === 'active' ? '启用' : '停用'}，检查项、权重和结果等级不能再修改（已用于检查的结果须保持不变）。请“复制”为新草稿，修改后启用新模板并停用旧模板。`,
    `This template is ${status}: its items, weights and bands can no longer change (inspections that used it must keep their meaning). Copy it into a new draft, edit that, activate it and retire the old one.`,
    field,
  );

/** Checks bands with the shared rules and names the first bad field. */
function checkBands(bands: readonly Band[]): Band[] {
  const problems = validateBands(bands);
  if (problems.length) throw invalidField(problems[0].field, problems[0].message.zh, problems[0].message.en);
  return bands.map((b) => ({ min: b.min, label: { zh: b.label.zh.trim(), en: b.label.en.trim() } }));
}

/** Checks the items of a template (known, active, each once, weight > 0) and returns the rows to store. */
async function checkItems(trx: Transaction<DB>, items: readonly TemplateItemInput[]) {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (!Number.isFinite(it.weight) || it.weight <= 0 || it.weight > 100) {
      throw invalidField(`items.${i}.weight`, `第 ${i + 1} 项的权重须大于 0 且不超过 100`, `The weight of item ${i + 1} must be above 0 and at most 100`);
    }
    if (Math.round(it.weight * 100) !== it.weight * 100) {
      throw invalidField(`items.${i}.weight`, `第 ${i + 1} 项的权重最多两位小数`, `The weight of item ${i + 1} has at most two decimals`);
    }
    if (seen.has(it.itemId)) throw invalidField(`items.${i}.itemId`, `第 ${i + 1} 项与前面的检查项重复`, `Item ${i + 1} repeats an earlier item`);
    seen.add(it.itemId);
  });
  const known = items.length
    ? await trx.selectFrom('checklist_items').select(['id', 'active', 'code']).where('id', 'in', [...seen]).execute()
    : [];
  const byId = new Map(known.map((k) => [k.id, k]));
  items.forEach((it, i) => {
    const item = byId.get(it.itemId);
    if (!item) throw invalidField(`items.${i}.itemId`, `第 ${i + 1} 项不是检查项库中的检查项`, `Item ${i + 1} is not in the checklist item bank`);
    if (!item.active) throw invalidField(`items.${i}.itemId`, `检查项 ${item.code} 已停用，不能加入模板`, `The item ${item.code} is inactive and cannot be added`);
  });
  return items.map((it, i) => ({ item_id: it.itemId, weight: it.weight, max_score: it.maxScore ?? DEFAULT_MAX_SCORE, sort: it.sort ?? i + 1 }));
}

async function replaceItems(trx: Transaction<DB>, templateId: string, rows: Awaited<ReturnType<typeof checkItems>>) {
  await trx.deleteFrom('checklist_template_items').where('template_id', '=', templateId).execute();
  if (rows.length) await trx.insertInto('checklist_template_items').values(rows.map((r) => ({ ...r, template_id: templateId }))).execute();
}

async function itemsOf(trx: Transaction<DB>, templateId: string) {
  const rows = await trx.selectFrom('checklist_template_items').select(['item_id', 'weight', 'max_score', 'sort']).where('template_id', '=', templateId).orderBy('sort').execute();
  return rows.map((r) => ({ itemId: r.item_id, weight: Number(r.weight), maxScore: r.max_score, sort: r.sort }));
}

function assertMayCreate(actor: Actor): void {
  if (!TEMPLATE_EDITOR_ROLES.includes(actor.role)) {
    throw new AppError(403, 'forbidden', '只有系统管理员和区局可以制定检查模板', 'Only an administrator or the bureau may make checklist templates');
  }
}

/** The region a new template belongs to: a bureau's district; for the administrator null (platform-wide) or a district it names. */
async function ownerRegion(trx: Transaction<DB>, actor: Actor, regionId: string | null | undefined): Promise<string | null> {
  if (actor.role === 'bureau') {
    if (regionId === null) throw new AppError(403, 'forbidden', '全平台模板只能由系统管理员制定', 'Only an administrator makes platform-wide templates', 'regionId');
    if (regionId !== undefined && regionId !== actor.regionId) throw new AppError(404, 'not_found', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction', 'regionId');
    return actor.regionId;
  }
  if (regionId === undefined || regionId === null) return null;
  const region = await trx.selectFrom('regions').select(['id', 'level']).where('id', '=', regionId).where(regionVisible(actor)).executeTakeFirst();
  if (!region) throw new AppError(404, 'not_found', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction', 'regionId');
  if (region.level !== 'district') throw invalidField('regionId', '检查模板属于全平台或一个区', 'A template belongs to the platform or to a district');
  return region.id;
}

export async function createTemplate(db: Kysely<DB>, actor: Actor, input: TemplateInput): Promise<Template> {
  assertMayCreate(actor);
  const id = await db.transaction().execute(async (trx) => {
    const regionId = await ownerRegion(trx, actor, input.regionId);
    if (input.industryPrefixes) assertIndustryPrefixes(input.industryPrefixes, 'industryPrefixes');
    const bands = checkBands(input.bands ?? DEFAULT_BANDS);
    const items = await checkItems(trx, input.items ?? []);
    const row = await trx
      .insertInto('checklist_templates')
      .values({
        region_id: regionId,
        name: input.name,
        description: input.description || null,
        source_types: JSON.stringify([...new Set(input.sourceTypes ?? [])]),
        industry_prefixes: JSON.stringify([...new Set(input.industryPrefixes ?? [])]),
        bands: JSON.stringify(bands),
        status: 'draft',
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceItems(trx, row.id, items);
    await writeAudit(trx, actor, { action: 'checklist_template.create', entityType: 'checklist_template', entityId: row.id, after: { ...row, items } });
    return row.id;
  });
  return getTemplate(db, actor, id);
}

/** The template, locked, when the actor may edit it; 404 otherwise (it does not exist for them). */
async function lockEditable(trx: Transaction<DB>, actor: Actor, id: string) {
  const editable = await trx.selectFrom('checklist_templates').select('id').where('id', '=', id).where(templateVisible(actor)).where(templateEditable(actor)).executeTakeFirst();
  if (!editable) throw templateNotFound();
  return trx.selectFrom('checklist_templates').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

const NEXT_STATUS: Record<TemplateStatus, TemplateStatus[]> = { draft: ['active', 'retired'], active: ['retired'], retired: ['active'] };
const STATUS_ZH: Record<TemplateStatus, string> = { draft: '草稿', active: '启用', retired: '停用' };

export async function updateTemplate(db: Kysely<DB>, actor: Actor, id: string, input: TemplateUpdate): Promise<Template> {
  await db.transaction().execute(async (trx) => {
    const current = await lockEditable(trx, actor, id);
    if (current.version !== input.version) throw staleVersion();
    const set: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const change = (column: string, value: unknown, stored: unknown, old: unknown) => {
      set[column] = stored;
      before[column] = old;
      after[column] = value;
    };
    if (input.name !== undefined && input.name !== current.name) change('name', input.name, input.name, current.name);
    if (input.description !== undefined && (input.description || null) !== current.description) change('description', input.description || null, input.description || null, current.description);
    if (input.sourceTypes !== undefined) {
      const types = [...new Set(input.sourceTypes)];
      if (JSON.stringify(types) !== JSON.stringify(current.source_types)) change('source_types', types, JSON.stringify(types), current.source_types);
    }
    if (input.industryPrefixes !== undefined) {
      assertIndustryPrefixes(input.industryPrefixes, 'industryPrefixes');
      const prefixes = [...new Set(input.industryPrefixes)];
      if (JSON.stringify(prefixes) !== JSON.stringify(current.industry_prefixes)) change('industry_prefixes', prefixes, JSON.stringify(prefixes), current.industry_prefixes);
    }
    if (input.bands !== undefined) {
      const bands = checkBands(input.bands);
      if (JSON.stringify(bands) !== JSON.stringify(current.bands)) {
        if (current.status !== 'draft') throw frozen(current.status, 'bands');
        change('bands', bands, JSON.stringify(bands), current.bands);
      }
    }
    if (input.items !== undefined) {
      const rows = await checkItems(trx, input.items);
      const old = await itemsOf(trx, id);
      const next = rows.map((r) => ({ itemId: r.item_id, weight: r.weight, maxScore: r.max_score, sort: r.sort }));
      const same = JSON.stringify([...old].sort(byItem)) === JSON.stringify([...next].sort(byItem));
      if (!same) {
        if (current.status !== 'draft') throw frozen(current.status);
        await replaceItems(trx, id, rows);
        before.items = old;
        after.items = next;
      }
    }
    if (input.status !== undefined && input.status !== current.status) {
      if (!NEXT_STATUS[current.status].includes(input.status)) {
        throw invalidField('status', `模板不能从“${STATUS_ZH[current.status]}”改为“${STATUS_ZH[input.status]}”`, `A template cannot go from ${current.status} to ${input.status}`);
      }
      if (input.status === 'active') {
        const count = await trx.selectFrom('checklist_template_items').select((eb) => eb.fn.countAll<number>().as('n')).where('template_id', '=', id).executeTakeFirstOrThrow();
        if (Number(count.n) === 0) throw invalidField('status', '模板没有检查项，不能启用', 'A template without items cannot be activated');
        const inactive = await trx
          .selectFrom('checklist_template_items as ti')
          .innerJoin('checklist_items as i', 'i.id', 'ti.item_id')
          .select('i.code')
          .where('ti.template_id', '=', id)
          .where('i.active', '=', false)
          .executeTakeFirst();
        if (inactive) throw invalidField('status', `检查项 ${inactive.code} 已停用，请先从模板中移除`, `The item ${inactive.code} is inactive; remove it from the template first`);
      }
      change('status', input.status, input.status, current.status);
    }
    if (Object.keys(after).length === 0) return;
    await trx.updateTable('checklist_templates').set({ ...set, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'checklist_template.update', entityType: 'checklist_template', entityId: id, before, after });
  });
  return getTemplate(db, actor, id);
}

const byItem = (a: { itemId: string }, b: { itemId: string }) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);

/** A draft copy of a template the actor sees; a bureau's copy belongs to its district. */
export async function copyTemplate(db: Kysely<DB>, actor: Actor, id: string, input: TemplateCopy): Promise<Template> {
  if (!TEMPLATE_EDITOR_ROLES.includes(actor.role)) throw templateNotFound();
  const newId = await db.transaction().execute(async (trx) => {
    const source = await trx.selectFrom('checklist_templates').selectAll().where('id', '=', id).where(templateVisible(actor)).executeTakeFirst();
    if (!source) throw templateNotFound();
    const regionId = actor.role === 'bureau' ? actor.regionId : source.region_id;
    const row = await trx
      .insertInto('checklist_templates')
      .values({
        region_id: regionId,
        name: input.name ?? `${source.name}（副本）`.slice(0, 100),
        description: source.description,
        source_types: JSON.stringify(source.source_types),
        industry_prefixes: JSON.stringify(source.industry_prefixes),
        bands: JSON.stringify(source.bands),
        status: 'draft',
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const items = await itemsOf(trx, id);
    await replaceItems(trx, row.id, items.map((i) => ({ item_id: i.itemId, weight: i.weight, max_score: i.maxScore, sort: i.sort })));
    await writeAudit(trx, actor, { action: 'checklist_template.copy', entityType: 'checklist_template', entityId: row.id, after: { ...row, copiedFrom: id, items } });
    return row.id;
  });
  return getTemplate(db, actor, newId);
}

/** The active templates that apply to a source in the actor's jurisdiction: by its type, its industry and its district. */
export async function applicableTemplates(db: Kysely<DB>, actor: Actor, sourceId: string): Promise<ApplicableTemplates> {
  const source = await sourceWithPlaces(db, actor, sourceId);
  const templates = await loadTemplates(db, actor, {
    status: 'active',
    sourceType: source.source_type,
    industryCode: source.industry_code,
    coveringPath: source.region_path,
  });
  return { source: { id: source.id, name: source.name, sourceType: source.source_type, industryCode: source.industry_code }, templates };
}

/** Scores answers against a template the actor sees, with its bands; stores nothing. */
export async function previewScore(db: Kysely<DB>, actor: Actor, input: ScoringPreviewRequest): Promise<ScoringPreview> {
  const [template] = await loadTemplates(db, actor, { ids: [input.templateId] });
  if (!template) throw new AppError(404, 'not_found', '检查模板不存在或不在您的管辖范围内', 'Checklist template not found or outside your jurisdiction', 'templateId');
  const items = template.items.map((i) => ({ itemId: i.itemId, area: i.area, weight: i.weight, maxScore: i.maxScore }));
  const problems = validateAnswers(items, input.answers);
  if (problems.length) throw invalidField(problems[0].field, problems[0].message.zh, problems[0].message.en);
  const result = scoreChecklist(items, input.answers, template.bands, INSPECTION_AREA_CODES);
  const codeOf = new Map(template.items.map((i) => [i.itemId, i.code]));
  return {
    ...result,
    missing: result.missing.map((itemId) => ({ itemId, code: codeOf.get(itemId)! })),
    areas: result.areas.map((a) => ({ ...a, area: a.area as InspectionAreaCode, label: inspectionAreaLabel(a.area as InspectionAreaCode) })),
  };
}

/**
 * The compliance handbook (合规宝典): one edition per year, entries in the 7 inspection areas.
 * Everyone reads published editions; the administrator also sees drafts and is the only editor:
 * starts the next year's edition as a draft copy of the latest published one, edits its entries,
 * publishes it. A published edition is never changed. For any other role an edit target does not
 * exist (404), as negative-list.service does.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  EditionCreate,
  EntryInput,
  EntryUpdate,
  Handbook,
  HandbookEditionList,
  HandbookEditionSummary,
  HandbookEntry,
  HandbookQuery,
} from '../../../common/contracts/knowledge';
import { INSPECTION_AREA_CODES, inspectionAreaLabel } from '../../../common/inspection-areas';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import type { HandbookEditionsTable, HandbookEntriesTable } from '../../db/tables/knowledge';
import { AppError, invalidField, notFound, staleVersion } from '../../http/errors';
import { danglingCitations, resolveLegalBasis } from './laws';

type EditionRow = Selectable<HandbookEditionsTable>;
type EntryRow = Selectable<HandbookEntriesTable>;

const editionNotFound = () => notFound('Handbook edition', '合规宝典版本');
const entryNotFound = () => notFound('Handbook entry', '合规宝典条目');
const isEditor = (actor: Actor) => actor.role === 'admin';

const published = (e: EditionRow) =>
  new AppError(409, 'edition_published', `${e.year}年版合规宝典已发布，不能再修改；请新建下一年度版本后编辑`, `The ${e.year} edition is published and can no longer be changed; start the next year's edition to edit`);

function toEdition(actor: Actor, e: EditionRow, entryCount: number): HandbookEditionSummary {
  return {
    id: e.id,
    year: e.year,
    title: e.title,
    status: e.status,
    publishedAt: e.published_at ? new Date(e.published_at).toISOString() : null,
    version: e.version,
    entryCount,
    editable: isEditor(actor) && e.status === 'draft',
  };
}

function toEntry(r: EntryRow): HandbookEntry {
  return {
    id: r.id,
    editionId: r.edition_id,
    area: r.area,
    sort: r.sort,
    title: r.title,
    requirements: r.requirements,
    commonProblems: r.common_problems,
    legalBasis: r.legal_basis,
    examples: r.examples,
    citations: resolveLegalBasis(r.legal_basis),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Editions the actor may read: all for the administrator, published ones for everyone else. */
function visibleEditions(db: Kysely<DB>, actor: Actor) {
  const q = db.selectFrom('handbook_editions').selectAll();
  return isEditor(actor) ? q : q.where('status', '=', 'published');
}

async function entryCounts(db: Kysely<DB>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('handbook_entries')
    .select(['edition_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', 'in', ids)
    .groupBy('edition_id')
    .execute();
  return new Map(rows.map((r) => [r.edition_id, Number(r.n)]));
}

export async function listEditions(db: Kysely<DB>, actor: Actor): Promise<HandbookEditionList> {
  const rows = await visibleEditions(db, actor).orderBy('year', 'desc').execute();
  const counts = await entryCounts(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toEdition(actor, r, counts.get(r.id) ?? 0)), canCreate: isEditor(actor) };
}

/** The edition of the year (or the latest published one), its entries by area with their citations resolved. */
export async function getHandbook(db: Kysely<DB>, actor: Actor, query: HandbookQuery): Promise<Handbook> {
  let q = visibleEditions(db, actor);
  q = query.year !== undefined ? q.where('year', '=', query.year) : q.where('status', '=', 'published').orderBy('year', 'desc').limit(1);
  const edition = await q.executeTakeFirst();
  if (!edition) {
    if (query.year !== undefined) {
      throw invalidField('year', `没有${query.year}年版的合规宝典`, `There is no ${query.year} edition of the compliance handbook`);
    }
    throw editionNotFound();
  }
  const rows = await db.selectFrom('handbook_entries').selectAll().where('edition_id', '=', edition.id).orderBy('area').orderBy('sort').orderBy('created_at').execute();
  const entries = rows.map(toEntry);
  return {
    edition: toEdition(actor, edition, rows.length),
    areas: INSPECTION_AREA_CODES.map((code) => ({ code, label: inspectionAreaLabel(code), entries: entries.filter((e) => e.area === code) })),
  };
}

async function getEntry(db: Kysely<DB>, id: string): Promise<HandbookEntry> {
  const row = await db.selectFrom('handbook_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw entryNotFound();
  return toEntry(row);
}

async function editionSummary(db: Kysely<DB>, actor: Actor, id: string): Promise<HandbookEditionSummary> {
  const row = await db.selectFrom('handbook_editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toEdition(actor, row, (await entryCounts(db, [id])).get(id) ?? 0);
}

/** The draft edition the administrator edits, locked; 404 for anyone else, 409 once it is published. */
async function lockDraft(trx: Transaction<DB>, actor: Actor, editionId: string): Promise<EditionRow> {
  if (!isEditor(actor)) throw editionNotFound();
  const edition = await trx.selectFrom('handbook_editions').selectAll().where('id', '=', editionId).forUpdate().executeTakeFirst();
  if (!edition) throw editionNotFound();
  if (edition.status !== 'draft') throw published(edition);
  return edition;
}

/** An entry of a draft edition, locked (edition first, then entry) and checked against the version the user saw. */
async function lockEntry(trx: Transaction<DB>, actor: Actor, id: string, version: number): Promise<{ edition: EditionRow; entry: EntryRow }> {
  if (!isEditor(actor)) throw entryNotFound();
  const ref = await trx.selectFrom('handbook_entries').select('edition_id').where('id', '=', id).executeTakeFirst();
  if (!ref) throw entryNotFound();
  const edition = await lockDraft(trx, actor, ref.edition_id);
  const entry = await trx.selectFrom('handbook_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!entry) throw entryNotFound();
  if (entry.version !== version) throw staleVersion();
  return { edition, entry };
}

/** A legal basis may cite laws the library lacks, but not an article that a law of the library does not have. */
function assertLegalBasis(text: string | undefined): void {
  if (!text) return;
  const bad = danglingCitations(text);
  if (bad.length > 0) {
    const list = bad.map((c) => `《${c.lawName}》${c.label}`).join('、');
    throw invalidField('legalBasis', `法律依据引用了法规库中不存在的条文：${list}`, `The legal basis cites articles that do not exist: ${list}`);
  }
}

export async function createEdition(db: Kysely<DB>, actor: Actor, input: EditionCreate): Promise<HandbookEditionSummary> {
  if (!isEditor(actor)) throw new AppError(403, 'forbidden', '只有系统管理员可以维护合规宝典', 'Only an administrator maintains the compliance handbook');
  const id = await db.transaction().execute(async (trx) => {
    // Locking the latest published edition serialises concurrent creators.
    const source = await trx.selectFrom('handbook_editions').selectAll().where('status', '=', 'published').orderBy('year', 'desc').limit(1).forUpdate().executeTakeFirst();
    const draft = await trx.selectFrom('handbook_editions').select('year').where('status', '=', 'draft').executeTakeFirst();
    if (draft) {
      throw new AppError(409, 'draft_exists', `已有${draft.year}年版草稿，请先编辑并发布它`, `The ${draft.year} edition is still a draft; edit and publish it first`);
    }
    const latest = await trx.selectFrom('handbook_editions').select((eb) => eb.fn.max('year').as('year')).executeTakeFirst();
    const latestYear = latest?.year == null ? null : Number(latest.year);
    const year = input.year ?? (latestYear === null ? new Date().getFullYear() : latestYear + 1);
    if (latestYear !== null && year <= latestYear) {
      throw invalidField('year', `新版本的年度须晚于最新版本（${latestYear}年）`, `The new edition's year must be after the latest edition's (${latestYear})`);
    }
    const edition = await trx
      .insertInto('handbook_editions')
      .values({ year, title: input.title ?? `合规宝典（${year}年版）`, status: 'draft' })
      .returningAll()
      .executeTakeFirstOrThrow();
    let copied = 0;
    if (source) {
      const entries = await trx.selectFrom('handbook_entries').selectAll().where('edition_id', '=', source.id).orderBy('area').orderBy('sort').execute();
      if (entries.length > 0) {
        await trx
          .insertInto('handbook_entries')
          .values(
            entries.map((e) => ({
              edition_id: edition.id,
              area: e.area,
              sort: e.sort,
              title: e.title,
              requirements: e.requirements,
              common_problems: e.common_problems,
              legal_basis: e.legal_basis,
              examples: e.examples,
            })),
          )
          .execute();
      }
      copied = entries.length;
    }
    await writeAudit(trx, actor, {
      action: 'handbook.edition.create',
      entityType: 'handbook_edition',
      entityId: edition.id,
      after: { year: edition.year, title: edition.title, status: edition.status, copiedFrom: source?.year ?? null, entries: copied },
    });
    return edition.id;
  });
  return editionSummary(db, actor, id);
}

export async function publishEdition(db: Kysely<DB>, actor: Actor, id: string, version: number): Promise<HandbookEditionSummary> {
  await db.transaction().execute(async (trx) => {
    const edition = await lockDraft(trx, actor, id);
    if (edition.version !== version) throw staleVersion();
    const areas = await trx.selectFrom('handbook_entries').select('area').distinct().where('edition_id', '=', id).execute();
    const present = new Set(areas.map((a) => a.area));
    const missing = INSPECTION_AREA_CODES.filter((code) => !present.has(code));
    if (missing.length > 0) {
      const zh = missing.map((code) => inspectionAreaLabel(code).zh).join('、');
      const en = missing.map((code) => inspectionAreaLabel(code).en).join(', ');
      throw invalidField('entries', `以下领域还没有条目，不能发布：${zh}`, `These areas have no entries yet, so the edition cannot be published: ${en}`);
    }
    const now = new Date();
    await trx.updateTable('handbook_editions').set({ status: 'published', published_at: now, version: edition.version + 1, updated_at: now }).where('id', '=', id).execute();
    await writeAudit(trx, actor, {
      action: 'handbook.edition.publish',
      entityType: 'handbook_edition',
      entityId: id,
      before: { status: edition.status, version: edition.version },
      after: { status: 'published', publishedAt: now, version: edition.version + 1 },
    });
  });
  return editionSummary(db, actor, id);
}

export async function createEntry(db: Kysely<DB>, actor: Actor, editionId: string, input: EntryInput): Promise<HandbookEntry> {
  const id = await db.transaction().execute(async (trx) => {
    await lockDraft(trx, actor, editionId);
    assertLegalBasis(input.legalBasis);
    let sort = input.sort;
    if (sort === undefined) {
      const last = await trx
        .selectFrom('handbook_entries')
        .select((eb) => eb.fn.max('sort').as('sort'))
        .where('edition_id', '=', editionId)
        .where('area', '=', input.area)
        .executeTakeFirst();
      sort = Math.min((last?.sort == null ? 0 : Number(last.sort)) + 10, 100000);
    }
    const row = await trx
      .insertInto('handbook_entries')
      .values({
        edition_id: editionId,
        area: input.area,
        sort,
        title: input.title,
        requirements: input.requirements,
        common_problems: input.commonProblems,
        legal_basis: input.legalBasis,
        examples: input.examples,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'handbook.entry.create', entityType: 'handbook_entry', entityId: row.id, after: row });
    return row.id;
  });
  return getEntry(db, id);
}

const COLUMNS = {
  area: 'area',
  title: 'title',
  requirements: 'requirements',
  commonProblems: 'common_problems',
  legalBasis: 'legal_basis',
  examples: 'examples',
  sort: 'sort',
} as const;

export async function updateEntry(db: Kysely<DB>, actor: Actor, id: string, input: EntryUpdate): Promise<HandbookEntry> {
  await db.transaction().execute(async (trx) => {
    const { entry } = await lockEntry(trx, actor, id, input.version);
    assertLegalBasis(input.legalBasis);
    const set: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = input[field as keyof typeof COLUMNS];
      if (value !== undefined && value !== entry[column]) set[column] = value;
    }
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('handbook_entries').set({ ...set, version: entry.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, entry[k as keyof EntryRow]]));
    await writeAudit(trx, actor, { action: 'handbook.entry.update', entityType: 'handbook_entry', entityId: id, before, after: set });
  });
  return getEntry(db, id);
}

export async function deleteEntry(db: Kysely<DB>, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { entry } = await lockEntry(trx, actor, id, version);
    await trx.deleteFrom('handbook_entries').where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'handbook.entry.delete', entityType: 'handbook_entry', entityId: id, before: entry });
  });
}

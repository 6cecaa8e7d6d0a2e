/** The basic data of a source (基本信息): register a source by hand, edit it with its version. */
import type { Kysely, Transaction } from 'kysely';
import { BASIC_FIELDS, type CreateSource, type UpdateSourceBasics } from '../../../common/contracts/dossier';
import { coordinatePairError } from '../../../common/dossier-rules';
import { usccError } from '../../../common/uscc';
import { writeAudit } from '../../db/audit';
import type { DB, SourcesTable } from '../../db/schema';
import { scopeOf, type Actor } from '../../db/scope';
import { AppError, forbidden, invalidField, staleVersion } from '../../http/errors';
import { SOURCE_CREATE_ROLES, assertMayEditDossier, inTransaction, lockSourceInScope } from './access';
import { assertInsideDistrict, districtCodeOf } from './location';
import { industryByCode, industryClass } from './reference/catalogues';
import { camelToSnake } from './sections/rows';

type Basics = Partial<Record<(typeof BASIC_FIELDS)[number], unknown>>;
type Columns = Record<string, unknown>;

/** API fields → columns; a blank optional text becomes null. */
function toColumns(fields: Basics): Columns {
  const out: Columns = {};
  for (const key of BASIC_FIELDS) {
    const v = fields[key];
    if (v === undefined) continue;
    out[camelToSnake(key)] = v === '' ? null : v;
  }
  return out;
}

function industryError(code: string): { zh: string; en: string } | null {
  if (industryClass(code)) return null;
  const other = industryByCode(code);
  if (other) {
    return { zh: `“${code} ${other.name}”不是小类，请选择4位的行业小类`, en: `"${code} ${other.name}" is not a class; choose a 4-digit class` };
  }
  return { zh: `行业代码“${code}”不在 GB/T 4754-2017 的1,380个小类中`, en: `Industry code "${code}" is not one of the 1,380 classes of GB/T 4754-2017` };
}

/** Checks the columns about to be written (`changed`), judged with the rest of the row (`merged`). */
async function validateBasics(trx: Transaction<DB>, merged: Columns, changed: Set<string>, sourceId: string | null, regionPath: string): Promise<void> {
  if (changed.has('uscc')) {
    const uscc = String(merged.uscc);
    const reason = usccError(uscc);
    if (reason) throw invalidField('uscc', `统一社会信用代码无效：${reason.zh}`, `Invalid USCC: ${reason.en}`);
    let q = trx.selectFrom('sources').select(['id', 'name']).where('uscc', '=', uscc);
    if (sourceId) q = q.where('id', '<>', sourceId);
    const taken = await q.executeTakeFirst();
    // The other source may be outside the actor's jurisdiction: say that the code is taken, not by whom.
    if (taken) throw new AppError(409, 'uscc_taken', `统一社会信用代码 ${uscc} 已被其他污染源使用`, `USCC ${uscc} is already used by another source`, 'uscc');
  }
  if (changed.has('industry_code')) {
    const reason = industryError(String(merged.industry_code));
    if (reason) throw invalidField('industryCode', reason.zh, reason.en);
  }
  if (changed.has('longitude') || changed.has('latitude')) {
    const pair = coordinatePairError({ longitude: merged.longitude as number | null, latitude: merged.latitude as number | null });
    if (pair) throw invalidField(pair.field, pair.zh, pair.en);
    if (merged.longitude != null) assertInsideDistrict(regionPath, merged.longitude as number, merged.latitude as number);
  }
}

const regionNotFound = (field: string) =>
  new AppError(404, 'not_found', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction', field);

/** The grid (under a town) and optional park of a new source; the source must fall in the actor's jurisdiction. */
async function resolvePlace(trx: Transaction<DB>, actor: Actor, gridId: string, parkId: string | null) {
  const grid = await trx
    .selectFrom('regions as grid')
    .innerJoin('regions as town', 'town.id', 'grid.parent_id')
    .select(['grid.id', 'grid.path', 'grid.level', 'town.id as town_id', 'town.level as town_level'])
    .where('grid.id', '=', gridId)
    .executeTakeFirst();
  if (!grid || grid.level !== 'grid') throw regionNotFound('gridId');
  const park = parkId ? await trx.selectFrom('regions').select(['id', 'path', 'level']).where('id', '=', parkId).executeTakeFirst() : null;
  if (parkId && (!park || park.level !== 'park')) throw regionNotFound('parkId');
  const scope = scopeOf(actor);
  const inScope = scope.kind === 'all' || (scope.kind === 'region' && (grid.path.startsWith(scope.path) || !!park?.path.startsWith(scope.path)));
  if (!inScope) throw regionNotFound('gridId');
  if (grid.town_level !== 'town') {
    throw invalidField('gridId', '请选择街镇下的村居网格；园区请在“所属园区”中选择', 'Choose a village or community of a town; give the park as parkId');
  }
  if (park && districtCodeOf(park.path) !== districtCodeOf(grid.path)) {
    throw invalidField('parkId', '园区与网格不在同一个区', 'The park and the grid are in different districts');
  }
  return { gridId: grid.id, townId: grid.town_id, regionPath: grid.path, parkId: park?.id ?? null, parkPath: park?.path ?? null };
}

export interface SourceRef {
  id: string;
  version: number;
}

/** Registers a source; runs in the caller's transaction when `db` is one (the ledger importer's). */
export async function createSource(db: Kysely<DB>, actor: Actor, input: CreateSource): Promise<SourceRef> {
  return inTransaction(db, async (trx) => {
    const place = await resolvePlace(trx, actor, input.gridId, input.parkId ?? null);
    if (!SOURCE_CREATE_ROLES.includes(actor.role)) throw forbidden();
    const columns = toColumns(input);
    await validateBasics(trx, columns, new Set(Object.keys(columns)), null, place.regionPath);
    const placeColumns = { town_id: place.townId, park_id: place.parkId, grid_id: place.gridId, region_path: place.regionPath, park_path: place.parkPath };
    const row = await trx
      .insertInto('sources')
      .values({ ...(columns as Partial<SourcesTable>), ...placeColumns } as never)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'source.create', entityType: 'source', entityId: row.id, after: { source_id: row.id, ...columns, ...placeColumns } });
    return row;
  });
}

/** Edits basic data at the version the client saw (409 otherwise); a no-change edit writes nothing. */
export async function updateSourceBasics(db: Kysely<DB>, actor: Actor, id: string, input: UpdateSourceBasics): Promise<SourceRef> {
  return inTransaction(db, async (trx) => {
    const current = await lockSourceInScope(trx, actor, id);
    assertMayEditDossier(actor);
    if (current.version !== input.version) throw staleVersion();
    const stored = current as unknown as Columns;
    const wanted = toColumns(input);
    const changed = Object.keys(wanted).filter((k) => JSON.stringify(wanted[k]) !== JSON.stringify(stored[k]));
    if (changed.length === 0) return { id, version: current.version };
    const merged = { ...stored, ...wanted };
    await validateBasics(trx, merged, new Set(changed), id, current.region_path);
    const set = Object.fromEntries(changed.map((k) => [k, wanted[k]]));
    await trx
      .updateTable('sources')
      .set({ ...set, version: current.version + 1, updated_at: new Date() } as never)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'source.update',
      entityType: 'source',
      entityId: id,
      before: { source_id: id, ...Object.fromEntries(changed.map((k) => [k, stored[k]])) },
      after: { source_id: id, ...set },
    });
    return { id, version: current.version + 1 };
  });
}

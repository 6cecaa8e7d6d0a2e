/**
 * The validation report of a ledger: every row new, duplicate (same USCC stored) or invalid, with
 * each error and warning naming the Excel row and column, and the field changes a merge would make.
 * Pure over the loaded context, so the commit re-runs it inside its transaction.
 */
import type { Insertable } from 'kysely';
import {
  LEDGER_EXAMPLE_MARK,
  LEDGER_FIELDS,
  type ImportChange,
  type ImportIssue,
  type ImportRow,
  type ImportSummary,
  type LedgerMapping,
} from '../../../../common/contracts/ledgers';
import type { SourcesTable } from '../../../db/schema';
import type { ExistingSource, LedgerContext } from './context';
import { diffExisting } from './diff';
import type { RawRow } from './parse';
import type { Place } from './places';
import { readRow, type ReadRow } from './row-values';
import { SimilarNames } from './similar';

/** A new source's columns. */
export interface CreatePlan {
  row: number;
  values: Insertable<SourcesTable>;
}

/** A merge: the changed columns, old and new, at the version validated. */
export interface MergePlan {
  row: number;
  sourceId: string;
  version: number;
  before: Record<string, unknown>;
  set: Record<string, unknown>;
}

export interface Validation {
  rows: ImportRow[];
  summary: ImportSummary;
  creates: CreatePlan[];
  merges: MergePlan[];
}

const NEAR_MATCHES = 3;

interface FileEntry {
  row: number;
  name: string;
  uscc: string | undefined;
}

export function validateRows(rows: RawRow[], headers: string[], mapping: LedgerMapping, ctx: LedgerContext): Validation {
  const out: Validation = { rows: [], creates: [], merges: [], summary: { rows: 0, new: 0, duplicate: 0, duplicateChanged: 0, invalid: 0, warned: 0, changes: 0 } };
  const firstRowOf = new Map<string, number>();
  const fileNames = new SimilarNames<FileEntry>();
  for (const raw of rows) {
    const read = readRow(raw, headers, mapping, ctx);
    const v = read.values;
    if (v.name?.startsWith(LEDGER_EXAMPLE_MARK)) continue;
    const errors = read.errors;
    const warnings: ImportIssue[] = [];
    let changes: ImportChange[] = [];
    const existing = v.uscc ? ctx.existing.get(v.uscc) : undefined;

    if (!v.uscc && !errors.some((e) => e.field === 'uscc')) errors.push(read.issue('uscc', missing('uscc')));
    if (v.uscc) {
      const first = firstRowOf.get(v.uscc);
      if (first !== undefined) {
        errors.push(read.issue('uscc', { zh: `与第 ${first} 行的统一社会信用代码重复`, en: `Same USCC as row ${first}` }));
      } else firstRowOf.set(v.uscc, raw.r);
    }

    if (existing && !existing.inScope) {
      errors.push(read.issue('uscc', { zh: '该统一社会信用代码已登记，但所属污染源不在您的管辖范围内', en: 'This USCC is registered to a source outside your jurisdiction' }));
    } else if (existing) {
      checkStoredPlace(read, existing, ctx, warnings);
      checkCoordinates(read, ctx.places.byId.get(existing.region_path.split('/')[1]) ?? null, ctx, errors);
      const diff = diffExisting(read, existing, ctx);
      changes = diff.changes;
      if (errors.length === 0 && changes.length) out.merges.push({ row: raw.r, sourceId: existing.id, version: existing.version, before: diff.before, set: diff.set });
    } else if (v.uscc) {
      const create = planCreate(read, ctx, errors);
      if (create && errors.length === 0) out.creates.push({ row: raw.r, values: create });
    }

    if (v.name) {
      for (const s of ctx.names.find(v.name, NEAR_MATCHES, (s) => s.uscc === v.uscc)) {
        warnings.push(read.issue('name', { zh: `名称与已登记的“${s.name}”（${s.uscc}）相近，请确认是否为同一企业`, en: `Name is close to the registered "${s.name}" (${s.uscc}); check it is not the same enterprise` }));
      }
      for (const f of fileNames.find(v.name, NEAR_MATCHES, (f) => f.uscc !== undefined && f.uscc === v.uscc)) {
        warnings.push(read.issue('name', { zh: `名称与第 ${f.row} 行的“${f.name}”相近，请确认是否为同一企业`, en: `Name is close to "${f.name}" in row ${f.row}; check it is not the same enterprise` }));
      }
      fileNames.add(v.name, { row: raw.r, name: v.name, uscc: v.uscc });
    }

    const status = errors.length ? 'invalid' : existing ? 'duplicate' : 'new';
    if (status !== 'duplicate') changes = [];
    out.rows.push({ row: raw.r, status, name: v.name ?? null, uscc: v.uscc ?? null, sourceId: existing?.inScope ? existing.id : null, errors, warnings, changes });
    const s = out.summary;
    s.rows++;
    s[status]++;
    if (warnings.length) s.warned++;
    if (status === 'duplicate' && changes.length) {
      s.duplicateChanged++;
      s.changes += changes.length;
    }
  }
  return out;
}

function missing(field: (typeof LEDGER_FIELDS)[number]['key']) {
  const def = LEDGER_FIELDS.find((f) => f.key === field)!;
  return { zh: `缺少必填项“${def.zh}”`, en: `${def.en} is required` };
}

/** A new source: every required value, a place inside the actor's jurisdiction, coordinates inside its district. */
function planCreate(read: ReadRow, ctx: LedgerContext, errors: ImportIssue[]): Insertable<SourcesTable> | null {
  const v = read.values;
  if (!ctx.canCreate) {
    errors.push(read.issue('uscc', { zh: '系统中没有该统一社会信用代码的污染源；您的角色只能更新服务范围内已登记的污染源，不能新建', en: 'No source has this USCC; your role may only update registered sources it serves, not create new ones' }));
    return null;
  }
  for (const field of LEDGER_FIELDS) {
    if (field.required && v[field.key] === undefined && !errors.some((e) => e.field === field.key)) errors.push(read.issue(field.key, missing(field.key)));
  }
  const town = v.town ? resolve(read, 'town', ctx.places.town(v.town), errors) : null;
  const park = v.park ? resolve(read, 'park', ctx.places.park(v.park), errors) : null;
  const grid = v.grid && town ? resolve(read, 'grid', ctx.places.grid(v.grid, town), errors) : null;
  if (town && park && ctx.places.districtOf(park) !== ctx.places.districtOf(town)) {
    errors.push(read.issue('park', { zh: `“${park.name}”与“${town.name}”不在同一个区`, en: `"${park.name}" and "${town.name}" are in different districts` }));
  }
  if (town && grid && !(ctx.visible.has(grid.id) || (park && ctx.visible.has(park.id)))) {
    const where = park ? `${town.name}/${park.name}` : town.name;
    errors.push(read.issue(park ? 'park' : 'town', { zh: `“${where}”不在您的管辖范围内`, en: `"${where}" is outside your jurisdiction` }));
  }
  const district = town ? ctx.places.byId.get(ctx.places.districtOf(town)) ?? null : ctx.districts.length === 1 ? ctx.places.byId.get(ctx.districts[0]) ?? null : null;
  checkCoordinates(read, district, ctx, errors);
  if (errors.length || !town || !grid) return null;
  return {
    name: v.name!,
    uscc: v.uscc!,
    source_type: v.sourceType!,
    industry_code: v.industryCode!,
    permit_class: v.permitClass!,
    address: v.address!,
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    legal_representative: v.legalRepresentative ?? null,
    scale: v.scale ?? null,
    employees: v.employees ?? null,
    contact_name: v.contactName ?? null,
    contact_phone: v.contactPhone ?? null,
    town_id: town.id,
    park_id: park?.id ?? null,
    grid_id: grid.id,
    region_path: grid.path,
    park_path: park?.path ?? null,
  };
}

function resolve(read: ReadRow, field: 'town' | 'park' | 'grid', parsed: { ok: true; value: Place } | { ok: false; reason: { zh: string; en: string } }, errors: ImportIssue[]): Place | null {
  if (parsed.ok) return parsed.value;
  errors.push(read.issue(field, parsed.reason));
  return null;
}

function checkCoordinates(read: ReadRow, district: Place | null, ctx: LedgerContext, errors: ImportIssue[]): void {
  const { longitude: lon, latitude: lat } = read.values;
  if (errors.some((e) => e.field === 'longitude' || e.field === 'latitude')) return;
  if ((lon === undefined) !== (lat === undefined)) {
    const absent = lon === undefined ? 'longitude' : 'latitude';
    errors.push(read.issue(absent, { zh: '经度和纬度须同时填写', en: 'Give both longitude and latitude' }));
    return;
  }
  if (lon === undefined || lat === undefined || !district) return;
  if (!ctx.insideDistrict(district.id, lon, lat)) {
    errors.push(read.issue('longitude', { zh: `坐标（${lon}, ${lat}）不在${district.name}范围内`, en: `The point (${lon}, ${lat}) is outside ${district.name}` }));
  }
}

/** An import never moves a stored source; a differing town, park or grid is pointed out. */
function checkStoredPlace(read: ReadRow, existing: ExistingSource, ctx: LedgerContext, warnings: ImportIssue[]): void {
  const v = read.values;
  const stored = (id: string | null) => (id ? ctx.places.byId.get(id) ?? null : null);
  const town = stored(existing.town_id);
  const park = stored(existing.park_id);
  const note = { zh: '；导入不会修改所属区域（迁移请使用搬迁功能）', en: '; an import does not change where a source belongs (use relocation)' };
  const compare = (field: 'town' | 'park' | 'grid', text: string | undefined, parsed: () => ReturnType<typeof ctx.places.town>, current: Place | null) => {
    if (text === undefined) return;
    const p = parsed();
    if (p.ok && p.value.id === current?.id) return;
    const reason = p.ok ? { zh: `与系统记录“${current?.name ?? '无'}”不一致`, en: `differs from the stored "${current?.name ?? 'none'}"` } : p.reason;
    warnings.push(read.issue(field, { zh: reason.zh + note.zh, en: reason.en + note.en }));
  };
  compare('town', v.town, () => ctx.places.town(v.town!), town);
  compare('park', v.park, () => ctx.places.park(v.park!), park);
  if (town) compare('grid', v.grid, () => ctx.places.grid(v.grid!, town), stored(existing.grid_id));
}

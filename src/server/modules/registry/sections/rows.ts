/** Rows of the dossier's sections between their stored shape (snake_case) and the API's (camelCase). */
import type { Kysely } from 'kysely';
import { SECTION_KEYS, type DossierSections } from '../../../../common/contracts/dossier';
import type { DB } from '../../../db/schema';
import { SECTION_SPECS, type ApiRow, type SectionSpec } from './specs';

export const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Kysely cannot type a table chosen at run time; the generic section code works on the untyped view. */
export const untyped = (db: Kysely<DB>) => db as unknown as Kysely<any>;

export function toApiRow(spec: SectionSpec, stored: Record<string, unknown>): ApiRow {
  const row: ApiRow = {};
  for (const [k, v] of Object.entries(stored)) row[snakeToCamel(k)] = v instanceof Date ? v.toISOString() : v;
  return spec.decorate ? { ...row, ...spec.decorate(row) } : row;
}

/** API fields → column values; jsonb fields serialised. */
export function toColumns(spec: SectionSpec, fields: ApiRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[camelToSnake(k)] = spec.json.includes(k) && v !== null ? JSON.stringify(v) : v;
  }
  return out;
}

/** The row as the audit log keeps it: stored column names, without the bookkeeping columns. */
export function auditImage(stored: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, version: _v, created_at: _c, updated_at: _u, ...rest } = stored;
  return rest;
}

function ordered(spec: SectionSpec, q: any) {
  for (const field of spec.order) {
    const desc = field.startsWith('-');
    q = q.orderBy(camelToSnake(desc ? field.slice(1) : field), desc ? 'desc' : 'asc');
  }
  return q.orderBy('id');
}

/** Every section's rows of one source (the caller has checked the source is in scope). */
export async function loadSections(db: Kysely<DB>, sourceId: string): Promise<DossierSections> {
  const entries = await Promise.all(
    SECTION_KEYS.map(async (key) => {
      const spec = SECTION_SPECS[key];
      const rows: Array<Record<string, unknown>> = await ordered(spec, untyped(db).selectFrom(spec.table).selectAll().where('source_id', '=', sourceId)).execute();
      return [key, rows.map((r) => toApiRow(spec, r))] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as DossierSections;
}

/** Kysely table types of migration 0008_checklists: the checklist item bank (检查项库), templates (检查模板) and their items. */
import type { ColumnType, Generated } from 'kysely';
import type { Citation } from '../../../common/citations';

/** A jsonb column: read as the parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** numeric: both drivers return it as a string; write a number. */
type Numeric = ColumnType<string, number, number>;

/** One article reference parsed out of a legal-basis text. */
export type StoredCitation = Citation;

export interface StoredBand {
  min: number;
  label: { zh: string; en: string };
}

export type TemplateStatus = 'draft' | 'active' | 'retired';

export interface ChecklistItemsTable {
  id: Generated<string>;
  /** EP-01 … NOI-07; new items continue their area's series. */
  code: string;
  /** One of the 7 inspection areas (src/common/inspection-areas.ts). */
  area: string;
  text: string;
  legal_basis: string;
  penalty_basis: string;
  legal_refs: JsonDefault<StoredCitation[]>;
  penalty_refs: JsonDefault<StoredCitation[]>;
  verified: Generated<boolean>;
  note: Nullable<string>;
  /** Source types the item applies to; empty = all. */
  source_types: JsonDefault<string[]>;
  /** GB/T 4754-2017 code prefixes the item applies to; empty = all industries. */
  industry_prefixes: JsonDefault<string[]>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ChecklistTemplatesTable {
  id: Generated<string>;
  /** The district that owns the template; null = platform-wide (the administrator's). */
  region_id: string | null;
  name: string;
  description: Nullable<string>;
  source_types: JsonDefault<string[]>;
  industry_prefixes: JsonDefault<string[]>;
  bands: Json<StoredBand[]>;
  status: Generated<TemplateStatus>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ChecklistTemplateItemsTable {
  template_id: string;
  item_id: string;
  weight: Numeric;
  max_score: Generated<number>;
  sort: number;
}

export interface ChecklistTables {
  checklist_items: ChecklistItemsTable;
  checklist_templates: ChecklistTemplatesTable;
  checklist_template_items: ChecklistTemplateItemsTable;
}

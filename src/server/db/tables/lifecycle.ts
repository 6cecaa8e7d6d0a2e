/** Kysely table types for the source lifecycle (全生命周期): status history, relocations, entry screening negative list, permit-class decisions, enterprise change proposals. */
import type { ColumnType, Generated } from 'kysely';
import type { PermitClass } from '../../../common/enums';
import type { LifecycleStatus } from '../../../common/lifecycle';

/** A date column: read as 'YYYY-MM-DD' (both drivers), written as such. */
type DateColumn = string;
type Json<T> = ColumnType<T, string, string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface SourceStatusHistoryTable {
  id: Generated<string>;
  source_id: string;
  kind: 'transition' | 'relocation' | 'registration';
  from_status: LifecycleStatus | null;
  to_status: LifecycleStatus;
  reason: string;
  effective_date: DateColumn;
  /** Registration: the screening verdict and hits; relocation: the relocation row's id. */
  details: ColumnType<unknown, string | null | undefined, string | null>;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

export interface SourceRelocationsTable {
  id: Generated<string>;
  source_id: string;
  from_town_id: string;
  from_park_id: string | null;
  from_grid_id: string;
  from_address: string;
  from_longitude: number | null;
  from_latitude: number | null;
  to_town_id: string;
  to_park_id: string | null;
  to_grid_id: string;
  to_address: string;
  to_longitude: number | null;
  to_latitude: number | null;
  reason: string;
  effective_date: DateColumn;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

export interface PermitClassDecisionsTable {
  id: Generated<string>;
  source_id: string;
  industry_code: string;
  catalogue_row_no: number;
  suggested_class: PermitClass;
  previous_class: PermitClass;
  chosen_class: PermitClass;
  decision: 'confirm' | 'override';
  reason: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

export interface NegativeListEntriesTable {
  id: Generated<string>;
  region_id: string | null;
  industry_code_prefix: string;
  name: string;
  restriction: 'forbidden' | 'restricted';
  reason: string;
  scope_note: Nullable<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Per field (API name): the value when proposed and the value asked for. */
export type ProposalChanges = Record<string, { old: unknown; new: unknown }>;

export interface SourceChangeProposalsTable {
  id: Generated<string>;
  source_id: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  changes: Json<ProposalChanges>;
  note: Nullable<string>;
  base_version: number;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: Generated<Date>;
  decided_by: Nullable<string>;
  decided_by_name: Nullable<string>;
  decided_at: Nullable<Date>;
  decision_reason: Nullable<string>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface LifecycleTables {
  source_status_history: SourceStatusHistoryTable;
  source_relocations: SourceRelocationsTable;
  permit_class_decisions: PermitClassDecisionsTable;
  negative_list_entries: NegativeListEntriesTable;
  source_change_proposals: SourceChangeProposalsTable;
}

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PermitClass, RegionLevel, Role, SourceType } from '../../common/enums';
import type { ChecklistTables } from './tables/checklists';
import type { DocumentTables } from './tables/documents';
import type { DossierSourceColumns, DossierTables } from './tables/dossier';
import type { InspectionTables } from './tables/inspections';
import type { KnowledgeTables } from './tables/knowledge';
import type { LedgerTables } from './tables/ledgers';
import type { LifecycleTables } from './tables/lifecycle';
import type { NotificationTables } from './tables/notifications';
import type { RiskTables } from './tables/risk';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface RegionsTable {
  id: string;
  parent_id: string | null;
  level: RegionLevel;
  kind: string;
  name: string;
  path: string;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The foundation's columns; the dossier's basic data (migration 0002) come from DossierSourceColumns. */
export interface SourcesTable extends DossierSourceColumns {
  id: Generated<string>;
  name: string;
  uscc: string;
  source_type: SourceType;
  industry_code: string;
  permit_class: PermitClass;
  lifecycle_status: Generated<string>;
  town_id: string;
  park_id: string | null;
  grid_id: string;
  region_path: string;
  park_path: string | null;
  address: string;
  longitude: number | null;
  latitude: number | null;
  legal_representative: string | null;
  scale: string | null;
  employees: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProvidersTable {
  id: Generated<string>;
  name: string;
  uscc: string;
  created_at: Generated<Date>;
}

export interface ProviderSourcesTable {
  provider_id: string;
  source_id: string;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_id: string | null;
  provider_id: string | null;
  source_id: string | null;
  phone: string | null;
  disabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  dedupe_key: string | null;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  done_at: Date | null;
  created_at: Generated<Date>;
}

export interface AppMetaTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

/** Every table: the foundation's below, each domain's in its own file under tables/. */
export interface DB extends DossierTables, LifecycleTables, DocumentTables, LedgerTables, NotificationTables, ChecklistTables, KnowledgeTables, InspectionTables, RiskTables {
  regions: RegionsTable;
  sources: SourcesTable;
  providers: ProvidersTable;
  provider_sources: ProviderSourcesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  app_meta: AppMetaTable;
}

export type Region = Selectable<RegionsTable>;
export type Source = Selectable<SourcesTable>;
export type NewSource = Insertable<SourcesTable>;
export type User = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

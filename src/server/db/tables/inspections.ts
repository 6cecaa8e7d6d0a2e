/** Kysely table types of migrations 0009_inspections and 0010_issues: plans, inspections, answers, photos, issues, notices. */
import type { ColumnType, Generated } from 'kysely';
import type { IssueClass, IssueStatus } from '../../../common/issue-workflow';

type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** numeric: both drivers return it as a string; write a number. */
type NullableNumeric = ColumnType<string | null, number | null | undefined, number | null>;

export type PlanKind = 'annual' | 'quarterly' | 'special' | 'second_round' | 'revisit' | 'night_patrol';
export type InspectionStatus = 'planned' | 'in_progress' | 'submitted' | 'signed' | 'cancelled';
export type Verdict = 'pass' | 'fail' | 'na';
export type PhotoPurpose = 'item' | 'finding' | 'signature' | 'before' | 'after' | 'evidence';
export type IssueOrigin = 'inspection' | 'finding' | 'monitoring' | 'complaint' | 'task' | 'self_check';
export type IssueSeverity = 'minor' | 'general' | 'serious';

export interface InspectionPlansTable {
  id: Generated<string>;
  region_id: string;
  region_path: string;
  provider_id: Nullable<string>;
  name: string;
  kind: PlanKind;
  year: number;
  quarter: Nullable<number>;
  starts_on: string;
  ends_on: string;
  template_id: Nullable<string>;
  origin_plan_id: Nullable<string>;
  description: Nullable<string>;
  status: Generated<'active' | 'closed'>;
  version: Generated<number>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionsTable {
  id: Generated<string>;
  plan_id: Nullable<string>;
  source_id: string;
  template_id: string;
  inspector_id: Nullable<string>;
  scheduled_on: string;
  night: Generated<boolean>;
  revisit_issue_id: Nullable<string>;
  status: Generated<InspectionStatus>;
  checked_in_at: Nullable<Date>;
  checkin_latitude: Nullable<number>;
  checkin_longitude: Nullable<number>;
  checkin_accuracy_m: Nullable<number>;
  checkin_distance_m: Nullable<number>;
  submitted_at: Nullable<Date>;
  submitted_by: Nullable<string>;
  signer_name: Nullable<string>;
  signature_sha256: Nullable<string>;
  signed_at: Nullable<Date>;
  score: NullableNumeric;
  max_score: NullableNumeric;
  result_band: Nullable<string>;
  area_scores: ColumnType<unknown | null, string | null | undefined, string | null>;
  summary: Nullable<string>;
  cancel_reason: Nullable<string>;
  version: Generated<number>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionAnswersTable {
  inspection_id: string;
  item_id: string;
  client_id: string;
  verdict: Verdict;
  score: NullableNumeric;
  note: Nullable<string>;
  answered_at: Date | string;
}

export interface EvidencePhotosTable {
  id: string;
  source_id: string;
  inspection_id: Nullable<string>;
  item_id: Nullable<string>;
  issue_id: Nullable<string>;
  purpose: PhotoPurpose;
  sha256: string;
  thumb_sha256: Nullable<string>;
  mime: string;
  size_bytes: number;
  width: Nullable<number>;
  height: Nullable<number>;
  captured_at: Nullable<Date | string>;
  latitude: Nullable<number>;
  longitude: Nullable<number>;
  uploaded_by: string;
  created_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  key: string;
  user_id: string;
  request_hash: string;
  status_code: number;
  response: Json<unknown>;
  created_at: Generated<Date>;
}

export interface RectificationNoticesTable {
  id: Generated<string>;
  source_id: string;
  inspection_id: Nullable<string>;
  number: string;
  year: number;
  seq: number;
  status: Generated<'open' | 'acknowledged' | 'closed'>;
  issued_by: string;
  issued_at: Generated<Date>;
  acknowledged_by: Nullable<string>;
  acknowledged_at: Nullable<Date>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IssuesTable {
  id: string;
  source_id: string;
  town_id: string;
  inspection_id: Nullable<string>;
  item_id: Nullable<string>;
  provider_id: Nullable<string>;
  origin: IssueOrigin;
  area: string;
  number: Nullable<string>;
  number_year: Nullable<number>;
  number_seq: Nullable<number>;
  description: string;
  responsible_person: Nullable<string>;
  measure: Nullable<string>;
  deadline: Nullable<string>;
  class: IssueClass;
  severity: Generated<IssueSeverity>;
  legal_basis: Nullable<string>;
  penalty_basis: Nullable<string>;
  status: Generated<IssueStatus>;
  return_count: Generated<number>;
  recurrence_of: Nullable<string>;
  case_reference: Nullable<string>;
  notice_id: Nullable<string>;
  found_by: string;
  found_at: Date | string;
  registered_at: Nullable<Date>;
  rectification_started_at: Nullable<Date>;
  closed_at: Nullable<Date>;
  escalation_level: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IssueEventsTable {
  id: Generated<string>;
  issue_id: string;
  action: string;
  from_status: Nullable<string>;
  to_status: Nullable<string>;
  actor_id: Nullable<string>;
  note: Nullable<string>;
  payload: JsonDefault<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface DocumentCountersTable {
  scope: string;
  year: number;
  last_seq: number;
}

export interface CalendarDaysTable {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: Nullable<string>;
  updated_at: Generated<Date>;
}

/** View (0010): the users told of an issue's deadline, by escalation level. */
export interface IssueEscalationRecipientsView {
  source_id: ColumnType<string, never, never>;
  user_id: ColumnType<string, never, never>;
  level: ColumnType<number, never, never>;
}

export interface InspectionTables {
  issue_escalation_recipients: IssueEscalationRecipientsView;
  inspection_plans: InspectionPlansTable;
  inspections: InspectionsTable;
  inspection_answers: InspectionAnswersTable;
  evidence_photos: EvidencePhotosTable;
  idempotency_keys: IdempotencyKeysTable;
  rectification_notices: RectificationNoticesTable;
  issues: IssuesTable;
  issue_events: IssueEventsTable;
  document_counters: DocumentCountersTable;
  calendar_days: CalendarDaysTable;
}

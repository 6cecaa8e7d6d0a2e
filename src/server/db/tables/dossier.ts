/** Kysely table types for the pollution-source dossier (一源一档): the sections of migration 0002_dossier. */
import type { ColumnType, Generated } from 'kysely';
import type {
  AcceptanceKind, ContactRole, CreditRating, EiaKind, EquipmentStatus, FacilityKind, LimitBasis, OutletCategory, OutletKind,
  PenaltyStatus, PermitHeldClass, PermitStatus, ReportFrequency, RiskLevel,
} from '../../../common/dossier-enums';

/** A date column: read as 'YYYY-MM-DD' (both drivers), written as such. */
type DateColumn = string;
type Json<T> = ColumnType<T, string, string>;

/** Basic data the dossier adds to `sources` (SourcesTable extends this). */
export interface DossierSourceColumns {
  env_director_name: ColumnType<string | null, string | null | undefined, string | null>;
  env_director_phone: ColumnType<string | null, string | null | undefined, string | null>;
  registered_capital_wan: ColumnType<number | null, number | null | undefined, number | null>;
  established_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  land_area_m2: ColumnType<number | null, number | null | undefined, number | null>;
  annual_output_wan: ColumnType<number | null, number | null | undefined, number | null>;
  main_products: ColumnType<string | null, string | null | undefined, string | null>;
  main_materials: ColumnType<string | null, string | null | undefined, string | null>;
  annual_operating_hours: ColumnType<number | null, number | null | undefined, number | null>;
}

interface RowBase {
  id: Generated<string>;
  source_id: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EiaApprovalsTable extends RowBase {
  project_name: string;
  kind: EiaKind;
  document_number: string | null;
  approving_authority: string | null;
  approval_date: DateColumn | null;
}

export interface CompletionAcceptancesTable extends RowBase {
  project_name: string;
  eia_approval_id: string | null;
  kind: AcceptanceKind;
  acceptance_date: DateColumn;
  document_ref: string | null;
}

export interface PermitsTable extends RowBase {
  permit_number: string;
  permit_class: PermitHeldClass;
  issue_date: DateColumn | null;
  valid_from: DateColumn;
  valid_until: DateColumn;
  report_frequency: ReportFrequency | null;
  annual_report_due_month: Generated<number>;
  annual_report_due_day: Generated<number>;
  issuing_authority: string | null;
  status: Generated<PermitStatus>;
}

export interface OutletsTable extends RowBase {
  code: string;
  name: string;
  kind: OutletKind;
  category: OutletCategory | null;
  longitude: number | null;
  latitude: number | null;
  height_m: number | null;
  discharge_destination: string | null;
}

export interface OutletLimitsTable extends RowBase {
  outlet_id: string;
  pollutant_code: string;
  pollutant_name: string;
  limit_value: number;
  limit_lower: number | null;
  unit: string;
  basis: LimitBasis;
  standard_id: string | null;
  standard_table: string | null;
  standard_row: string | null;
  permit_id: string | null;
  reference_o2_percent: number | null;
}

export interface TreatmentFacilitiesTable extends RowBase {
  name: string;
  kind: FacilityKind;
  process: string | null;
  outlet_id: string | null;
  design_capacity: string | null;
  commissioned_on: DateColumn | null;
  status: Generated<EquipmentStatus>;
}

export interface MonitoringDevicesTable extends RowBase {
  /** HJ 212 MN, unique over the platform: the receiver finds the device (and its source) by it. */
  mn: string;
  outlet_id: string | null;
  /** HJ 212-2017 factor codes. */
  pollutants: Json<string[]>;
  vendor: string | null;
  model: string | null;
  installed_on: DateColumn | null;
  status: Generated<EquipmentStatus>;
}

export interface HazardousWastesTable extends RowBase {
  hw_code: string;
  category: string;
  name: string;
  annual_amount_t: number;
  storage_facility: string | null;
  disposer: string | null;
  disposer_licence: string | null;
  transfer_note: string | null;
}

export interface EmergencyPlansTable extends RowBase {
  risk_level: RiskLevel;
  filing_number: string;
  filed_on: DateColumn;
  next_revision_on: DateColumn | null;
}

export interface PenaltiesTable extends RowBase {
  decision_number: string;
  decision_date: DateColumn;
  authority: string;
  violation: string;
  law_article: string | null;
  amount_yuan: number | null;
  status: Generated<PenaltyStatus>;
}

export interface CreditRatingsTable extends RowBase {
  year: number;
  rating: CreditRating;
  assessor: string | null;
  rated_on: DateColumn | null;
}

export interface SourceContactsTable extends RowBase {
  name: string;
  role: ContactRole;
  phone: string | null;
  email: string | null;
}

/** Kysely table types for the pollution-source dossier (一源一档): one table per section. */
export interface DossierTables {
  eia_approvals: EiaApprovalsTable;
  completion_acceptances: CompletionAcceptancesTable;
  permits: PermitsTable;
  outlets: OutletsTable;
  outlet_limits: OutletLimitsTable;
  treatment_facilities: TreatmentFacilitiesTable;
  monitoring_devices: MonitoringDevicesTable;
  hazardous_wastes: HazardousWastesTable;
  emergency_plans: EmergencyPlansTable;
  penalties: PenaltiesTable;
  credit_ratings: CreditRatingsTable;
  source_contacts: SourceContactsTable;
}

/** Kysely table types of migration 0011_risk: rule sets, grades per quarter, overrides, the grader's attributes. */
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface RiskRuleSetsTable {
  id: Generated<string>;
  version: number;
  status: 'active' | 'retired';
  rules: Json<unknown>;
  note: Nullable<string>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
}

export interface RiskGradesTable {
  source_id: string;
  period: string;
  rule_set_id: string;
  composite: string;
  env_color: string;
  mgmt_grade: string;
  social_grade: string;
  water: string;
  air: string;
  noise: string;
  hazardous_waste: string;
  /** numeric: both drivers return it as a string; write a number. */
  points: ColumnType<string, number, number>;
  min_visits: number;
  explanation: Json<unknown>;
  computed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface RiskOverridesTable {
  id: Generated<string>;
  source_id: string;
  output: 'composite' | 'env_color' | 'mgmt_grade' | 'social_grade';
  value: string;
  reason: string;
  expires_on: string;
  created_by: string;
  created_at: Generated<Date>;
  revoked_at: Nullable<Date>;
  revoked_by: Nullable<string>;
}

export interface SourceRiskAttributesTable {
  source_id: string;
  sensitive_nearby: Generated<boolean>;
  note: Nullable<string>;
  version: Generated<number>;
  updated_by: Nullable<string>;
  updated_at: Generated<Date>;
}

export interface RiskTables {
  risk_rule_sets: RiskRuleSetsTable;
  risk_grades: RiskGradesTable;
  risk_overrides: RiskOverridesTable;
  source_risk_attributes: SourceRiskAttributesTable;
}

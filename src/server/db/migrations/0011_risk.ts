import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// Risk grading (分级分类): versioned rule sets (data, edited by the administrator), the grades of each
// source per quarter with their explanation, overrides with a reason and an expiry, and what the
// grader records of a source beyond the dossier (周边敏感目标).

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table risk_rule_sets (
      id uuid primary key default gen_random_uuid(),
      version integer not null unique check (version >= 1),
      status text not null check (status in ('active','retired')),
      rules jsonb not null,
      note text check (note is null or length(note) <= 500),
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create unique index risk_rule_sets_one_active on risk_rule_sets (status) where status = 'active';

    -- One row per source and quarter (2026Q4); the current quarter's row is recomputed, earlier ones stay as history.
    create table risk_grades (
      source_id uuid not null references sources(id),
      period text not null check (period ~ '^[0-9]{4}Q[1-4]$'),
      rule_set_id uuid not null references risk_rule_sets(id),
      composite text not null check (composite in ('major','larger','general','minor')),
      env_color text not null check (env_color in ('red','yellow','green')),
      mgmt_grade text not null check (mgmt_grade in ('A','B','C')),
      social_grade text not null check (social_grade in ('I','II','III')),
      water text not null check (water in ('high','medium','low')),
      air text not null check (air in ('high','medium','low')),
      noise text not null check (noise in ('high','medium','low')),
      hazardous_waste text not null check (hazardous_waste in ('high','medium','low')),
      points numeric(10,1) not null,
      min_visits integer not null,
      explanation jsonb not null,
      computed_at timestamptz not null default now(),
      primary key (source_id, period)
    );
    create index risk_grades_period_idx on risk_grades (period, composite);

    create table risk_overrides (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      output text not null check (output in ('composite','env_color','mgmt_grade','social_grade')),
      value text not null,
      reason text not null check (length(reason) between 2 and 500),
      expires_on date not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by uuid references users(id)
    );
    create index risk_overrides_source_idx on risk_overrides (source_id, output) where revoked_at is null;

    -- 周边敏感目标 (residents, schools, hospitals, water sources nearby), assessed by the grader.
    create table source_risk_attributes (
      source_id uuid primary key references sources(id),
      sensitive_nearby boolean not null default false,
      note text check (note is null or length(note) <= 500),
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );
  `);
}

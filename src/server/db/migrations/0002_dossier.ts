import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// The pollution-source dossier (一源一档): basic data the foundation lacked, one table per section.
// Every section row carries source_id (the jurisdiction key) and a version for optimistic locking.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table sources
      add column env_director_name text,
      add column env_director_phone text,
      add column registered_capital_wan double precision check (registered_capital_wan >= 0),
      add column established_on date,
      add column land_area_m2 double precision check (land_area_m2 >= 0),
      add column annual_output_wan double precision check (annual_output_wan >= 0),
      add column main_products text,
      add column main_materials text,
      add column annual_operating_hours integer check (annual_operating_hours between 0 and 8784);
    alter table sources add constraint sources_coordinates_pair check ((longitude is null) = (latitude is null));
    alter table sources add constraint sources_employees_check check (employees is null or employees >= 0);

    -- The list's filters and sorts (50,000 sources on a province).
    create index sources_name_idx on sources(name, id);
    create index sources_updated_idx on sources(updated_at, id);
    create index sources_employees_idx on sources(employees, id);
    create index sources_industry_idx on sources(industry_code text_pattern_ops);
    create index sources_industry_sort_idx on sources(industry_code, id);
    create index sources_grid_idx on sources(grid_id);
    create index sources_park_idx on sources(park_id);
    create index sources_status_idx on sources(lifecycle_status);
    create index sources_type_class_idx on sources(source_type, permit_class);

    -- The change history finds a source's rows by the source_id its audit rows carry.
    create index audit_entity_id_idx on audit_log(entity_id);
    create index audit_source_idx on audit_log ((coalesce(after ->> 'source_id', before ->> 'source_id')));

    -- 环评批复 / 备案
    create table eia_approvals (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      project_name text not null check (length(project_name) between 1 and 200),
      kind text not null check (kind in ('report','table','registration')),
      document_number text,
      approving_authority text,
      approval_date date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind = 'registration' or (document_number is not null and approving_authority is not null and approval_date is not null))
    );
    create index eia_approvals_source_idx on eia_approvals(source_id);

    -- 竣工环境保护验收
    create table completion_acceptances (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      project_name text not null check (length(project_name) between 1 and 200),
      eia_approval_id uuid references eia_approvals(id),
      kind text not null check (kind in ('self','agency')),
      acceptance_date date not null,
      document_ref text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index completion_acceptances_source_idx on completion_acceptances(source_id);
    create index completion_acceptances_eia_idx on completion_acceptances(eia_approval_id);

    -- 排污许可证 / 排污登记
    create table permits (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      permit_number text not null check (length(permit_number) between 1 and 60),
      permit_class text not null check (permit_class in ('key','simplified','registration')),
      issue_date date,
      valid_from date not null,
      valid_until date not null,
      report_frequency text check (report_frequency in ('monthly','quarterly','semiannual','annual')),
      annual_report_due_month smallint not null default 1 check (annual_report_due_month between 1 and 12),
      annual_report_due_day smallint not null default 15 check (annual_report_due_day between 1 and 31),
      issuing_authority text,
      status text not null default 'valid' check (status in ('valid','expired','revoked')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_until > valid_from),
      check ((permit_class = 'registration') = (report_frequency is null)),
      unique (source_id, permit_number)
    );
    create index permits_valid_until_idx on permits(valid_until);

    -- 排放口
    create table outlets (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      code text not null,
      name text not null check (length(name) between 1 and 100),
      kind text not null check (kind in ('gas','water','noise')),
      category text check (category in ('main','general')),
      longitude double precision check (longitude between -180 and 180),
      latitude double precision check (latitude between -90 and 90),
      height_m double precision check (height_m > 0),
      discharge_destination text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((longitude is null) = (latitude is null)),
      check (kind = 'gas' or height_m is null),
      check (kind <> 'gas' or code ~ '^DA[0-9]{3}$'),
      check (kind <> 'water' or code ~ '^DW[0-9]{3}$'),
      unique (source_id, code)
    );

    -- 排放口的污染物及限值: from a standard's table row, or the permit's own limit
    create table outlet_limits (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      outlet_id uuid not null references outlets(id),
      pollutant_code text not null check (length(pollutant_code) between 1 and 20),
      pollutant_name text not null check (length(pollutant_name) between 1 and 50),
      limit_value double precision not null check (limit_value >= 0),
      limit_lower double precision check (limit_lower >= 0),
      unit text not null check (length(unit) between 1 and 20),
      basis text not null check (basis in ('standard','permit')),
      standard_id text,
      standard_table text,
      standard_row text,
      permit_id uuid references permits(id),
      reference_o2_percent double precision check (reference_o2_percent between 0 and 21),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (limit_lower is null or limit_lower <= limit_value),
      check (basis <> 'standard' or (standard_id is not null and standard_table is not null and standard_row is not null and permit_id is null)),
      check (basis <> 'permit' or (permit_id is not null and standard_id is null)),
      unique (outlet_id, pollutant_code, unit)
    );
    create index outlet_limits_source_idx on outlet_limits(source_id);
    create index outlet_limits_permit_idx on outlet_limits(permit_id);

    -- 治理设施
    create table treatment_facilities (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      name text not null check (length(name) between 1 and 100),
      kind text not null check (kind in ('waste_gas','waste_water','noise','solid_waste','cooking_fume','dust','other')),
      process text,
      outlet_id uuid references outlets(id),
      design_capacity text,
      commissioned_on date,
      status text not null default 'operating' check (status in ('operating','stopped','removed')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index treatment_facilities_source_idx on treatment_facilities(source_id);
    create index treatment_facilities_outlet_idx on treatment_facilities(outlet_id);

    -- 自动监控设备 (HJ 212 数采仪), found by MN when a packet arrives
    create table monitoring_devices (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      mn text not null unique check (mn ~ '^[A-Za-z0-9_-]{14,24}$'),
      outlet_id uuid references outlets(id),
      pollutants jsonb not null default '[]' check (jsonb_typeof(pollutants) = 'array'),
      vendor text,
      model text,
      installed_on date,
      status text not null default 'operating' check (status in ('operating','stopped','removed')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index monitoring_devices_source_idx on monitoring_devices(source_id);
    create index monitoring_devices_outlet_idx on monitoring_devices(outlet_id);

    -- 危险废物 (国家危险废物名录 2021)
    create table hazardous_wastes (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      hw_code text not null check (hw_code ~ '^[0-9]{3}-[0-9]{3}-[0-9]{2}$'),
      category text not null check (category ~ '^HW[0-9]{2}$'),
      name text not null check (length(name) between 1 and 100),
      annual_amount_t double precision not null check (annual_amount_t >= 0),
      storage_facility text,
      disposer text,
      disposer_licence text,
      transfer_note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (source_id, hw_code, name)
    );

    -- 突发环境事件应急预案 备案
    create table emergency_plans (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      risk_level text not null check (risk_level in ('general','larger','major')),
      filing_number text not null check (length(filing_number) between 1 and 60),
      filed_on date not null,
      next_revision_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (next_revision_on is null or next_revision_on > filed_on)
    );
    create index emergency_plans_source_idx on emergency_plans(source_id);

    -- 行政处罚
    create table penalties (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      decision_number text not null check (length(decision_number) between 1 and 100),
      decision_date date not null,
      authority text not null,
      violation text not null,
      law_article text,
      amount_yuan double precision check (amount_yuan >= 0),
      status text not null default 'pending' check (status in ('pending','executed','contested','revoked')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (source_id, decision_number)
    );

    -- 环境信用评价, one per year
    create table credit_ratings (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      year smallint not null check (year between 2000 and 2100),
      rating text not null check (rating in ('green','blue','yellow','red')),
      assessor text,
      rated_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (source_id, year)
    );

    -- 联系人
    create table source_contacts (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      name text not null check (length(name) between 1 and 50),
      role text not null check (role in ('legal_representative','env_director','env_officer','safety_officer','other')),
      phone text,
      email text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index source_contacts_source_idx on source_contacts(source_id);
  `);
}

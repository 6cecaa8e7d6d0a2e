import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// Issues (问题闭环), their event history, numbering per town and year, rectification notices
// (整改通知书) with their numbering, the working-day calendar (节假日) and the escalation settings.

const STATUSES = `'found','confirmed','registered','rectifying','submitted','verified','closed','rejected','returned','escalated','cancelled'`;
const AREAS = `'eia_permit','air','water','solid_waste','hazardous_waste','emergency','noise'`;

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table rectification_notices (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      inspection_id uuid references inspections(id),
      number text not null unique,
      year integer not null,
      seq integer not null,
      status text not null default 'open' check (status in ('open','acknowledged','closed')),
      issued_by uuid not null references users(id),
      issued_at timestamptz not null default now(),
      acknowledged_by uuid references users(id),
      acknowledged_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index rectification_notices_source_idx on rectification_notices(source_id, status);

    -- id is the client's UUID when the issue was drafted in the field.
    create table issues (
      id uuid primary key,
      source_id uuid not null references sources(id),
      town_id text not null references regions(id),
      inspection_id uuid references inspections(id),
      item_id uuid references checklist_items(id),
      provider_id uuid references providers(id),
      origin text not null check (origin in ('inspection','finding','monitoring','complaint','task','self_check')),
      area text not null check (area in (${AREAS})),
      number text unique,
      number_year integer,
      number_seq integer,
      description text not null check (length(description) between 1 and 2000),
      responsible_person text check (responsible_person is null or length(responsible_person) <= 100),
      measure text check (measure is null or length(measure) <= 2000),
      deadline date,
      class text not null check (class in ('on_spot','deadline','major')),
      severity text not null default 'general' check (severity in ('minor','general','serious')),
      legal_basis text,
      penalty_basis text,
      status text not null default 'found' check (status in (${STATUSES})),
      return_count integer not null default 0,
      recurrence_of uuid references issues(id),
      case_reference text,
      notice_id uuid references rectification_notices(id),
      found_by uuid not null references users(id),
      found_at timestamptz not null,
      registered_at timestamptz,
      rectification_started_at timestamptz,
      closed_at timestamptz,
      escalation_level integer not null default 0 check (escalation_level between 0 and 2),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (town_id, number_year, number_seq)
    );
    create index issues_source_idx on issues(source_id, status);
    create index issues_status_deadline_idx on issues(status, deadline);
    create index issues_town_idx on issues(town_id, status);
    create index issues_item_idx on issues(item_id, source_id);
    create index issues_inspection_idx on issues(inspection_id);

    -- The issue's history: every transition, evidence submission and grid follow-up note (周跟进).
    create table issue_events (
      id uuid primary key default gen_random_uuid(),
      issue_id uuid not null references issues(id),
      action text not null,
      from_status text,
      to_status text,
      actor_id uuid references users(id),
      note text check (note is null or length(note) <= 4000),
      payload jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index issue_events_issue_idx on issue_events(issue_id, created_at);

    -- Last number given, per scope (a town for issues, the district for notices) and year.
    create table document_counters (
      scope text not null,
      year integer not null,
      last_seq integer not null,
      primary key (scope, year)
    );

    -- Working-day calendar: 'holiday' = a weekday off, 'workday' = a weekend worked (调休).
    create table calendar_days (
      day date primary key,
      kind text not null check (kind in ('holiday','workday')),
      name text not null check (length(name) between 1 and 50),
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    -- Who hears of an issue's deadline (identity's users, read by the issues module through this view):
    -- level 0 the enterprise and its grid cadre, 1 the town/park office, 2 the bureau above it.
    create view issue_escalation_recipients as
      select s.id as source_id, u.id as user_id, 0 as level
        from sources s join users u on u.role = 'enterprise' and u.source_id = s.id and not u.disabled
      union all
      select s.id, u.id, 0
        from sources s join users u on u.role = 'grid' and u.region_id = s.grid_id and not u.disabled
      union all
      select s.id, u.id, 1
        from sources s join users u on u.role = 'town' and (u.region_id = s.town_id or u.region_id = s.park_id) and not u.disabled
      union all
      select s.id, u.id, 2
        from sources s join regions r on s.region_path like r.path || '%'
        join users u on u.role = 'bureau' and u.region_id = r.id and not u.disabled
  `);
}

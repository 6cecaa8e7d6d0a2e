import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// Inspection plans (检查计划), inspections (现场检查: one visit to one source), their answers per
// checklist item, the photos taken in the field and the idempotency keys of field syncs.

const PLAN_KINDS = `'annual','quarterly','special','second_round','revisit','night_patrol'`;

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    -- region_id: the office that owns the plan (district or town/park); provider_id: the provider it is given to, if any.
    create table inspection_plans (
      id uuid primary key default gen_random_uuid(),
      region_id text not null references regions(id),
      region_path text not null,
      provider_id uuid references providers(id),
      name text not null check (length(name) between 1 and 100),
      kind text not null check (kind in (${PLAN_KINDS})),
      year integer not null check (year between 2000 and 2100),
      quarter integer check (quarter between 1 and 4),
      starts_on date not null,
      ends_on date not null,
      template_id uuid references checklist_templates(id),
      -- the plan a second round or 回头看 was generated from
      origin_plan_id uuid references inspection_plans(id),
      description text check (description is null or length(description) <= 2000),
      status text not null default 'active' check (status in ('active','closed')),
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create index inspection_plans_region_idx on inspection_plans(region_path text_pattern_ops, year);

    create table inspections (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid references inspection_plans(id),
      source_id uuid not null references sources(id),
      template_id uuid not null references checklist_templates(id),
      inspector_id uuid references users(id),
      scheduled_on date not null,
      night boolean not null default false,
      -- a 回头看 visit re-checks this closed issue
      revisit_issue_id uuid,
      status text not null default 'planned' check (status in ('planned','in_progress','submitted','signed','cancelled')),
      checked_in_at timestamptz,
      checkin_latitude double precision,
      checkin_longitude double precision,
      checkin_accuracy_m double precision,
      checkin_distance_m double precision,
      submitted_at timestamptz,
      submitted_by uuid references users(id),
      signer_name text check (signer_name is null or length(signer_name) between 1 and 50),
      signature_sha256 text check (signature_sha256 is null or signature_sha256 ~ '^[0-9a-f]{64}$'),
      signed_at timestamptz,
      score numeric(8,2),
      max_score numeric(8,2),
      result_band text,
      area_scores jsonb,
      summary text check (summary is null or length(summary) <= 4000),
      cancel_reason text,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index inspections_source_idx on inspections(source_id, scheduled_on);
    create index inspections_plan_idx on inspections(plan_id);
    create index inspections_inspector_idx on inspections(inspector_id, scheduled_on);
    create index inspections_scheduled_idx on inspections(scheduled_on);

    -- client_id: the UUID the phone gave the answer; a replayed sync finds it and changes nothing.
    create table inspection_answers (
      inspection_id uuid not null references inspections(id),
      item_id uuid not null references checklist_items(id),
      client_id uuid not null unique,
      verdict text not null check (verdict in ('pass','fail','na')),
      score numeric(6,2),
      note text check (note is null or length(note) <= 2000),
      answered_at timestamptz not null,
      primary key (inspection_id, item_id)
    );

    -- Photos of the field and of rectification (取证照片): the original and a server-made thumbnail
    -- in the file store, never rewritten. id is the client's UUID.
    create table evidence_photos (
      id uuid primary key,
      source_id uuid not null references sources(id),
      inspection_id uuid references inspections(id),
      item_id uuid references checklist_items(id),
      issue_id uuid,
      purpose text not null check (purpose in ('item','finding','signature','before','after','evidence')),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      thumb_sha256 text check (thumb_sha256 is null or thumb_sha256 ~ '^[0-9a-f]{64}$'),
      mime text not null,
      size_bytes integer not null check (size_bytes > 0),
      width integer,
      height integer,
      captured_at timestamptz,
      latitude double precision,
      longitude double precision,
      uploaded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index evidence_photos_inspection_idx on evidence_photos(inspection_id);
    create index evidence_photos_issue_idx on evidence_photos(issue_id);

    -- One row per idempotency key: the answer a replay gets back instead of doing the work again.
    create table idempotency_keys (
      key text primary key check (length(key) between 8 and 200),
      user_id uuid not null references users(id),
      request_hash text not null,
      status_code integer not null,
      response jsonb not null,
      created_at timestamptz not null default now()
    );
    create index idempotency_keys_created_idx on idempotency_keys(created_at);
  `);
}


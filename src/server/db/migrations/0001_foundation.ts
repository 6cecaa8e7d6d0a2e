import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table regions (
      id text primary key,
      parent_id text references regions(id),
      level text not null check (level in ('district','town','park','grid')),
      kind text not null,
      name text not null check (length(name) between 1 and 100),
      path text not null unique,
      sort_order integer not null default 0,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index regions_parent_idx on regions(parent_id);
    create index regions_path_idx on regions(path text_pattern_ops);

    create table sources (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      uscc text not null unique,
      source_type text not null check (source_type in ('industrial','auto_repair','catering','construction','property','other')),
      industry_code text not null,
      permit_class text not null check (permit_class in ('key','simplified','registration','none')),
      lifecycle_status text not null default 'operating',
      town_id text not null references regions(id),
      park_id text references regions(id),
      grid_id text not null references regions(id),
      region_path text not null,
      park_path text,
      address text not null,
      longitude double precision,
      latitude double precision,
      legal_representative text,
      scale text,
      employees integer,
      contact_name text,
      contact_phone text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index sources_region_path_idx on sources(region_path text_pattern_ops);
    create index sources_park_path_idx on sources(park_path text_pattern_ops);
    create index sources_town_idx on sources(town_id);

    create table providers (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      uscc text not null unique,
      created_at timestamptz not null default now()
    );
    -- The sources a provider is contracted for; scopes a provider's users.
    create table provider_sources (
      provider_id uuid not null references providers(id),
      source_id uuid not null references sources(id),
      primary key (provider_id, source_id)
    );
    create index provider_sources_source_idx on provider_sources(source_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('admin','bureau','town','provider_manager','inspector','grid','enterprise','expert')),
      region_id text references regions(id),
      provider_id uuid references providers(id),
      source_id uuid references sources(id),
      phone text,
      disabled boolean not null default false,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (role <> 'enterprise' or source_id is not null),
      check (role not in ('provider_manager','inspector') or provider_id is not null),
      check (role not in ('bureau','town','grid','expert') or region_id is not null)
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id),
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions(user_id);
    create index sessions_expires_idx on sessions(expires_at);

    create table login_attempts (
      id bigserial primary key,
      username text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    );
    create index login_attempts_ip_idx on login_attempts(ip, at);

    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_username text,
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      ip text,
      prev_hash text not null,
      hash text not null
    );
    create index audit_entity_idx on audit_log(entity_type, entity_id);

    create table jobs (
      id bigserial primary key,
      kind text not null,
      payload jsonb not null default '{}',
      dedupe_key text unique,
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_by text,
      locked_until timestamptz,
      last_error text,
      done_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index jobs_due_idx on jobs(run_at) where done_at is null;

    create table app_meta (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );
  `);
}

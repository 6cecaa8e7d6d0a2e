import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// 档案: a document of a source, with its file versions. Files live on disk, content-addressed by
// SHA-256 (src/server/storage); rows are never hard-deleted, so evidence stays reachable.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table documents (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      category text not null check (category in (
        'eia_approval','acceptance','discharge_permit','execution_report','monitoring_report','emergency_plan',
        'hazardous_waste','solid_waste','facility_maintenance','disclosure','inspection_report','penalty',
        'rectification','business_license','site_plan','other')),
      title text not null check (length(title) between 1 and 200),
      document_date date,
      confidentiality text not null default 'internal' check (confidentiality in ('public','internal','secret')),
      current_version_no integer not null default 1,
      from_enterprise boolean not null default false,
      created_by uuid references users(id),
      deleted_at timestamptz,
      deleted_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index documents_source_idx on documents(source_id, category) where deleted_at is null;

    create table document_versions (
      document_id uuid not null references documents(id),
      version_no integer not null check (version_no >= 1),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint not null check (size_bytes >= 0),
      mime_type text not null,
      file_kind text not null,
      original_name text not null check (length(original_name) between 1 and 255),
      note text,
      uploaded_by uuid references users(id),
      uploader_role text not null,
      from_enterprise boolean not null default false,
      created_at timestamptz not null default now(),
      primary key (document_id, version_no)
    );
    create index document_versions_sha_idx on document_versions(sha256);
  `);
}

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    -- One uploaded ledger (台账) file per organisation and content: the same file uploaded again is the same batch.
    create table ledger_imports (
      id uuid primary key default gen_random_uuid(),
      org_key text not null,
      file_name text not null,
      file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
      file_size integer not null check (file_size >= 0),
      sheet_name text not null,
      header_row integer not null check (header_row >= 1),
      headers jsonb not null,
      header_hash text not null,
      mapping jsonb not null,
      mapping_source text not null check (mapping_source in ('auto','remembered','user')),
      cells jsonb not null,
      row_count integer not null check (row_count >= 0),
      report jsonb not null,
      status text not null default 'staged' check (status in ('staged','committed')),
      commit_mode text check (commit_mode in ('all_or_nothing','valid_rows')),
      duplicates_mode text check (duplicates_mode in ('merge','skip')),
      created_count integer not null default 0,
      merged_count integer not null default 0,
      unchanged_count integer not null default 0,
      skipped_count integer not null default 0,
      invalid_count integer not null default 0,
      created_by uuid not null references users(id),
      committed_by uuid references users(id),
      committed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_key, file_sha256),
      check (status = 'staged' or (committed_at is not null and commit_mode is not null and duplicates_mode is not null))
    );
    create index ledger_imports_org_idx on ledger_imports(org_key, created_at);

    -- A column mapping confirmed once, reused for every later file with the same (normalised) header row.
    create table ledger_column_mappings (
      org_key text not null,
      header_hash text not null,
      headers jsonb not null,
      mapping jsonb not null,
      updated_by uuid not null references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_key, header_hash)
    );
  `);
}

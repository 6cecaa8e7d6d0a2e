import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// The in-app inbox (消息中心) and the read views the compliance calendar (合规日历) uses to read other
// modules' tables (architecture: reads across modules go through a service or a read view).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      kind text not null check (length(kind) between 1 and 64),
      title jsonb not null,
      body jsonb not null,
      link text check (link is null or link like '/%'),
      source_id uuid references sources(id),
      due_date date,
      -- Makes a producer's notify idempotent: a repeated run inserts nothing.
      dedupe_key text unique check (dedupe_key is null or length(dedupe_key) between 1 and 300),
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications(user_id, created_at desc);
    create index notifications_unread_idx on notifications(user_id) where read_at is null;
    create index notifications_source_idx on notifications(source_id);

    -- The permits that create obligations: every permit but a revoked one.
    create view compliance_permits as
      select id, source_id, permit_number, permit_class, valid_from, valid_until, report_frequency,
             annual_report_due_month, annual_report_due_day
      from permits
      where status <> 'revoked';

    -- Who hears of a source's deadlines: its enterprise users and its contracted provider's staff.
    create view source_reminder_recipients as
      select users.source_id as source_id, users.id as user_id
      from users
      where users.role = 'enterprise' and not users.disabled and users.source_id is not null
      union
      select provider_sources.source_id, users.id
      from provider_sources
      join users on users.provider_id = provider_sources.provider_id
      where users.role in ('provider_manager', 'inspector') and not users.disabled;
  `);
}

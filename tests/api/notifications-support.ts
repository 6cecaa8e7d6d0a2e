import type { Kysely } from 'kysely';
import type { ReportFrequency } from '../../src/common/dossier-enums';
import type { DB } from '../../src/server/db/schema';

export interface TestPermit {
  sourceId: string;
  number: string;
  permitClass?: 'key' | 'simplified' | 'registration';
  validFrom: string;
  validUntil: string;
  reportFrequency?: ReportFrequency | null;
  annualDue?: { month: number; day: number };
  status?: 'valid' | 'expired' | 'revoked';
}

/**
 * Removes the permits the demo dossier gave a source, so a test's own permit is the only one whose
 * obligations the calendar and the reminders derive (one report per source and period).
 */
export async function withoutDemoPermits(db: Kysely<DB>, ...sourceIds: string[]): Promise<void> {
  await db.deleteFrom('permits').where('source_id', 'in', sourceIds).execute();
}

/** Puts a permit straight into the dossier's table (the calendar reads it through the compliance_permits view). */
export async function insertPermit(db: Kysely<DB>, p: TestPermit): Promise<string> {
  const permitClass = p.permitClass ?? 'key';
  const row = await db
    .insertInto('permits')
    .values({
      source_id: p.sourceId,
      permit_number: p.number,
      permit_class: permitClass,
      valid_from: p.validFrom,
      valid_until: p.validUntil,
      report_frequency: permitClass === 'registration' ? null : (p.reportFrequency ?? 'quarterly'),
      ...(p.annualDue ? { annual_report_due_month: p.annualDue.month, annual_report_due_day: p.annualDue.day } : {}),
      ...(p.status ? { status: p.status } : {}),
      issue_date: null,
      issuing_authority: '上海市闵行区生态环境局',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userIds(db: Kysely<DB>, usernames: string[]): Promise<Record<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute();
  return Object.fromEntries(rows.map((r) => [r.username, r.id]));
}

/** Who should hear of a source's deadlines: its enterprise users and its providers' managers and inspectors. */
export async function expectedRecipients(db: Kysely<DB>, sourceId: string): Promise<string[]> {
  const enterprise = await db.selectFrom('users').select('id').where('source_id', '=', sourceId).where('role', '=', 'enterprise').where('disabled', '=', false).execute();
  const staff = await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', ['provider_manager', 'inspector'])
    .where('disabled', '=', false)
    .where('provider_id', 'in', db.selectFrom('provider_sources').select('provider_id').where('source_id', '=', sourceId))
    .execute();
  return [...new Set([...enterprise, ...staff].map((u) => u.id))].sort();
}

/** Kysely table types for the in-app inbox (消息中心) and the compliance calendar's (合规日历) read views. */
import type { ColumnType, Generated } from 'kysely';
import type { Bilingual } from '../../../common/enums';
import type { ReportFrequency } from '../../../common/dossier-enums';

type Json<T> = ColumnType<T, string, string>;
type ReadOnly<T> = ColumnType<T, never, never>;

export interface NotificationsTable {
  id: Generated<string>;
  /** The recipient: an inbox shows only its own user's rows. */
  user_id: string;
  /** What produced it, e.g. 'compliance_reminder'; the web picks an icon by it. */
  kind: string;
  title: Json<Bilingual>;
  body: Json<Bilingual>;
  /** A web path, e.g. '/sources/<id>?tab=compliance'. */
  link: string | null;
  source_id: string | null;
  /** 'YYYY-MM-DD' of the deadline the message is about. */
  due_date: string | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

/** View over permits (dossier): the ones that still create obligations. */
export interface CompliancePermitsView {
  id: ReadOnly<string>;
  source_id: ReadOnly<string>;
  permit_number: ReadOnly<string>;
  permit_class: ReadOnly<string>;
  valid_from: ReadOnly<string>;
  valid_until: ReadOnly<string>;
  report_frequency: ReadOnly<ReportFrequency | null>;
  annual_report_due_month: ReadOnly<number>;
  annual_report_due_day: ReadOnly<number>;
}

/** View over users and provider_sources (identity, providers): who is reminded of a source's deadlines. */
export interface SourceReminderRecipientsView {
  source_id: ReadOnly<string>;
  user_id: ReadOnly<string>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  compliance_permits: CompliancePermitsView;
  source_reminder_recipients: SourceReminderRecipientsView;
}

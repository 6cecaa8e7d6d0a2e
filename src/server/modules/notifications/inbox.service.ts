import { sql, type Kysely, type Transaction } from 'kysely';
import type { InboxQuery, NotificationView } from '../../../common/contracts/notifications';
import type { Bilingual } from '../../../common/enums';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { notFound } from '../../http/errors';

/** One message for one or more users. Producers (calendar reminders, issues, tasks…) call notify() inside their own transaction. */
export interface NewNotification {
  recipients: readonly string[];
  /** What produced it, e.g. 'compliance_reminder', 'issue_overdue'. */
  kind: string;
  title: Bilingual;
  body: Bilingual;
  /** A web path, starting with '/'. */
  link?: string | null;
  sourceId?: string | null;
  dueDate?: string | null;
  /** Makes the call idempotent: per recipient, a second notify with the same key inserts nothing. */
  dedupeKey?: string | null;
}

type Row = {
  user_id: string; kind: string; title: string; body: string; link: string | null;
  source_id: string | null; due_date: string | null; dedupe_key: string | null;
};

function rowsOf(n: NewNotification): Row[] {
  if (n.link && !n.link.startsWith('/')) throw new Error(`notification link must be a web path: ${n.link}`);
  return [...new Set(n.recipients)].map((userId) => ({
    user_id: userId,
    kind: n.kind,
    title: JSON.stringify(n.title),
    body: JSON.stringify(n.body),
    link: n.link ?? null,
    source_id: n.sourceId ?? null,
    due_date: n.dueDate ?? null,
    dedupe_key: n.dedupeKey ? `${n.dedupeKey}#${userId}` : null,
  }));
}

/**
 * Inserts the notifications and returns how many were new. Writes no audit row of its own: the
 * caller's transaction records the change that caused the message.
 */
export async function notify(trx: Transaction<DB>, ...notifications: NewNotification[]): Promise<number> {
  const rows = notifications.flatMap(rowsOf);
  let created = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
  }
  return created;
}

/** The actor's own notifications, less those about a source no longer in its jurisdiction (e.g. a contract ended). */
function ownNotifications(db: Kysely<DB> | Transaction<DB>, actor: Actor) {
  return db
    .selectFrom('notifications')
    .where('notifications.user_id', '=', actor.userId)
    .where((eb) =>
      eb.or([
        eb('notifications.source_id', 'is', null),
        eb('notifications.source_id', 'in', eb.selectFrom('sources').select('sources.id').where(sourceInScope(actor))),
      ]),
    );
}

const columns = ['id', 'kind', 'title', 'body', 'link', 'source_id', 'due_date', 'created_at', 'read_at'] as const;

function toView(r: { id: string; kind: string; title: Bilingual; body: Bilingual; link: string | null; source_id: string | null; due_date: string | null; created_at: Date; read_at: Date | null }): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    sourceId: r.source_id,
    dueDate: r.due_date,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}

export async function unreadCount(db: Kysely<DB>, actor: Actor): Promise<number> {
  const row = await ownNotifications(db, actor)
    .where('notifications.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listInbox(db: Kysely<DB>, actor: Actor, query: InboxQuery) {
  let q = ownNotifications(db, actor);
  if (query.unread === 'true') q = q.where('notifications.read_at', 'is', null);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select(columns.map((c) => `notifications.${c}` as const))
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toView), total: Number(total), unread: await unreadCount(db, actor) };
}

export async function markRead(db: Kysely<DB>, actor: Actor, id: string): Promise<NotificationView> {
  return db.transaction().execute(async (trx) => {
    const row = await ownNotifications(trx, actor)
      .select(columns.map((c) => `notifications.${c}` as const))
      .where('notifications.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Notification', '消息');
    if (row.read_at) return toView(row); // already read: nothing changes, nothing to audit
    const updated = await trx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'notification.read', entityType: 'notification', entityId: id, before: { read_at: null }, after: { read_at: updated.read_at } });
    return toView(updated);
  });
}

export async function markAllRead(db: Kysely<DB>, actor: Actor): Promise<{ updated: number }> {
  return db.transaction().execute(async (trx) => {
    const unread = ownNotifications(trx, actor).where('notifications.read_at', 'is', null).select('notifications.id');
    const updated = await trx
      .updateTable('notifications')
      .set({ read_at: sql`now()` })
      .where('id', 'in', unread)
      .returning('id')
      .execute();
    if (updated.length > 0) {
      await writeAudit(trx, actor, { action: 'notification.read_all', entityType: 'user', entityId: actor.userId, after: { count: updated.length } });
    }
    return { updated: updated.length };
  });
}

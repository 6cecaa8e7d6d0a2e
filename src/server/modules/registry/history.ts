/**
 * The change history of a source (变更记录): its own audit rows and those of its section rows (found by
 * the source_id their before/after carry), each turned into per-field old → new.
 */
import { sql, type Kysely } from 'kysely';
import type { History, HistoryEntry } from '../../../common/contracts/dossier';
import { BASIC_FIELD_LABELS, BASICS_LABEL, SECTIONS, SOURCE_ENTITY, sectionOfEntity } from '../../../common/dossier-sections';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { sourceNotFound } from './access';
import { snakeToCamel } from './sections/rows';

/** Bookkeeping, not content: never shown as a change. */
const HIDDEN = new Set(['source_id', 'id', 'version', 'created_at', 'updated_at']);

type Image = Record<string, unknown> | null;

function changesOf(entityType: string, before: Image, after: Image): HistoryEntry['changes'] {
  const section = sectionOfEntity(entityType);
  const labels = section ? SECTIONS[section].fields : BASIC_FIELD_LABELS;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  return keys
    .map((k) => ({ k, old: before?.[k] ?? null, new: after?.[k] ?? null }))
    .filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.new))
    .map((c) => {
      const field = snakeToCamel(c.k);
      return { field, label: labels[field] ?? { zh: field, en: field }, old: c.old, new: c.new };
    });
}

function sectionOf(entityType: string) {
  if (entityType === SOURCE_ENTITY) return { section: 'basics', sectionLabel: BASICS_LABEL };
  const key = sectionOfEntity(entityType);
  return key ? { section: key, sectionLabel: SECTIONS[key].label } : { section: null, sectionLabel: null };
}

export async function sourceHistory(db: Kysely<DB>, actor: Actor, id: string, page: { page: number; pageSize: number }): Promise<History> {
  const visible = await db.selectFrom('sources').select('id').where('id', '=', id).where(sourceInScope(actor)).executeTakeFirst();
  if (!visible) throw sourceNotFound();
  const base = db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('audit_log.entity_id', '=', id), eb(sql<string>`coalesce(audit_log.after ->> 'source_id', audit_log.before ->> 'source_id')`, '=', id)]));
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['audit_log.seq', 'audit_log.at', 'audit_log.actor_id', 'audit_log.actor_username', 'users.display_name', 'audit_log.action', 'audit_log.entity_type', 'audit_log.entity_id', 'audit_log.before', 'audit_log.after'])
      .orderBy('audit_log.seq', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actor: { id: r.actor_id, username: r.actor_username, displayName: r.display_name },
      action: r.action,
      entityType: r.entity_type,
      ...sectionOf(r.entity_type),
      entityId: r.entity_id,
      changes: changesOf(r.entity_type, r.before as Image, r.after as Image),
    })),
  };
}

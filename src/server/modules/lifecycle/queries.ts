/** Reads of a source's lifecycle: status, history, relocations and permit-class decisions. */
import type { Kysely } from 'kysely';
import type { Lifecycle } from '../../../common/contracts/lifecycle';
import { LIFECYCLE_STATUS, RELOCATION_OUTCOMES, canRelocate, transitionsFor, type LifecycleStatus } from '../../../common/lifecycle';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { sourceNotFound } from './access';

const iso = (d: Date | string) => new Date(d).toISOString();

async function relocationsOf(db: Kysely<DB>, sourceId: string): Promise<Lifecycle['relocations']> {
  const rows = await db
    .selectFrom('source_relocations as r')
    .innerJoin('regions as ft', 'ft.id', 'r.from_town_id')
    .innerJoin('regions as fg', 'fg.id', 'r.from_grid_id')
    .leftJoin('regions as fp', 'fp.id', 'r.from_park_id')
    .innerJoin('regions as tt', 'tt.id', 'r.to_town_id')
    .innerJoin('regions as tg', 'tg.id', 'r.to_grid_id')
    .leftJoin('regions as tp', 'tp.id', 'r.to_park_id')
    .selectAll('r')
    .select(['ft.name as ft_name', 'fg.name as fg_name', 'fp.name as fp_name', 'tt.name as tt_name', 'tg.name as tg_name', 'tp.name as tp_name'])
    .where('r.source_id', '=', sourceId)
    .orderBy('r.at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: {
      townId: r.from_town_id, townName: r.ft_name, parkId: r.from_park_id, parkName: r.fp_name, gridId: r.from_grid_id, gridName: r.fg_name,
      address: r.from_address, longitude: r.from_longitude, latitude: r.from_latitude,
    },
    to: {
      townId: r.to_town_id, townName: r.tt_name, parkId: r.to_park_id, parkName: r.tp_name, gridId: r.to_grid_id, gridName: r.tg_name,
      address: r.to_address, longitude: r.to_longitude, latitude: r.to_latitude,
    },
    reason: r.reason,
    effectiveDate: r.effective_date,
    actor: { id: r.actor_id, name: r.actor_name },
    at: iso(r.at),
  }));
}

/** The lifecycle view of one source in the actor's jurisdiction (404 outside it), with what THIS actor may do next. */
export async function getLifecycle(db: Kysely<DB>, actor: Actor, sourceId: string): Promise<Lifecycle> {
  const source = await db
    .selectFrom('sources')
    .select(['id', 'lifecycle_status', 'version'])
    .where('id', '=', sourceId)
    .where(sourceInScope(actor))
    .executeTakeFirst();
  if (!source) throw sourceNotFound();
  const status = source.lifecycle_status as LifecycleStatus;
  const history = await db
    .selectFrom('source_status_history')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .execute();
  const decisions = await db.selectFrom('permit_class_decisions').selectAll().where('source_id', '=', sourceId).orderBy('at', 'desc').execute();
  const relocatable = canRelocate(status, actor.role);
  return {
    sourceId,
    status,
    statusLabel: LIFECYCLE_STATUS.labels[status],
    version: source.version,
    allowedTransitions: transitionsFor(status, actor.role).map((t) => ({ to: t.to, toLabel: LIFECYCLE_STATUS.labels[t.to], label: t.label, via: t.via })),
    relocation: { allowed: relocatable, outcomes: relocatable ? [...(RELOCATION_OUTCOMES[status] ?? [])] : [] },
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      effectiveDate: h.effective_date,
      actor: { id: h.actor_id, name: h.actor_name },
      at: iso(h.at),
    })),
    relocations: await relocationsOf(db, sourceId),
    permitDecisions: decisions.map((d) => ({
      id: d.id,
      industryCode: d.industry_code,
      catalogueRowNo: d.catalogue_row_no,
      suggestedClass: d.suggested_class,
      previousClass: d.previous_class,
      chosenClass: d.chosen_class,
      decision: d.decision,
      reason: d.reason,
      actor: { id: d.actor_id, name: d.actor_name },
      at: iso(d.at),
    })),
  };
}

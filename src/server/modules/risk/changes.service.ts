/**
 * Changes to a source's risk grading: overrides (a value for one output, with a reason and an expiry,
 * revocable), the grader's attributes (周边敏感目标), and recomputing one source or all. Each runs in a
 * transaction with an audit row; attribute edits are versioned (409 when stale).
 */
import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../../common/compliance-calendar';
import { OVERRIDE_VALUES, type OverrideInput, type RiskAttributesInput, type SourceRisk } from '../../../common/contracts/risk';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { AppError, forbidden, invalidField, staleVersion } from '../../http/errors';
import { ATTRIBUTE_ROLES, OVERRIDE_ROLES, RECOMPUTE_ROLES, riskNotFound, sourceInJurisdiction, sourceRisk } from './queries';
import { recomputeRisk } from './recompute';

const MAX_OVERRIDE_DAYS = 366;

export async function createOverride(db: Kysely<DB>, actor: Actor, sourceId: string, input: OverrideInput): Promise<SourceRisk> {
  await sourceInJurisdiction(db, actor, sourceId);
  if (!OVERRIDE_ROLES.includes(actor.role)) throw forbidden();
  if (!OVERRIDE_VALUES[input.output].includes(input.value)) {
    throw invalidField('value', `取值须为 ${OVERRIDE_VALUES[input.output].join(' / ')} 之一`, `The value must be one of ${OVERRIDE_VALUES[input.output].join(' / ')}`);
  }
  const today = todayInShanghai();
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_OVERRIDE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (input.expiresOn <= today) throw invalidField('expiresOn', '到期日须晚于今天', 'The expiry must be after today');
  if (input.expiresOn > latest) throw invalidField('expiresOn', '人工调整最长一年，到期后需重新评估', 'An override lasts a year at most; review it then');
  await db.transaction().execute(async (trx) => {
    // One active override per output: a new one replaces the old.
    const replaced = await trx.updateTable('risk_overrides').set({ revoked_at: new Date(), revoked_by: actor.userId })
      .where('source_id', '=', sourceId).where('output', '=', input.output).where('revoked_at', 'is', null).returning('id').execute();
    const row = await trx.insertInto('risk_overrides')
      .values({ source_id: sourceId, output: input.output, value: input.value, reason: input.reason, expires_on: input.expiresOn, created_by: actor.userId })
      .returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'risk.override', entityType: 'risk_override', entityId: row.id, before: replaced.length ? { replaced: replaced.map((r) => r.id) } : null, after: { source_id: sourceId, ...input } });
  });
  return sourceRisk(db, actor, sourceId);
}

export async function revokeOverride(db: Kysely<DB>, actor: Actor, id: string): Promise<SourceRisk> {
  const row = await db.selectFrom('risk_overrides').innerJoin('sources', 'sources.id', 'risk_overrides.source_id')
    .select(['risk_overrides.id', 'risk_overrides.source_id', 'risk_overrides.revoked_at']).where('risk_overrides.id', '=', id).where(sourceInScope(actor)).executeTakeFirst();
  if (!row) throw riskNotFound();
  if (!OVERRIDE_ROLES.includes(actor.role)) throw forbidden();
  if (row.revoked_at) throw new AppError(409, 'already_revoked', '该调整已撤销', 'This override was already revoked');
  await db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('risk_overrides').set({ revoked_at: new Date(), revoked_by: actor.userId }).where('id', '=', id).where('revoked_at', 'is', null).returning('id').execute();
    if (done.length === 0) throw new AppError(409, 'already_revoked', '该调整已撤销', 'This override was already revoked');
    await writeAudit(trx, actor, { action: 'risk.override.revoke', entityType: 'risk_override', entityId: id, before: { revoked_at: null }, after: { revoked: true } });
  });
  return sourceRisk(db, actor, row.source_id);
}

export async function updateRiskAttributes(db: Kysely<DB>, actor: Actor, sourceId: string, input: RiskAttributesInput): Promise<SourceRisk> {
  await sourceInJurisdiction(db, actor, sourceId);
  if (!ATTRIBUTE_ROLES.includes(actor.role)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('source_risk_attributes').selectAll().where('source_id', '=', sourceId).forUpdate().executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw staleVersion();
    const values = { sensitive_nearby: input.sensitiveNearby, note: input.note || null, updated_by: actor.userId, updated_at: new Date() };
    if (current) await trx.updateTable('source_risk_attributes').set({ ...values, version: current.version + 1 }).where('source_id', '=', sourceId).execute();
    else await trx.insertInto('source_risk_attributes').values({ source_id: sourceId, ...values }).execute();
    await writeAudit(trx, actor, {
      action: 'risk.attributes', entityType: 'source', entityId: sourceId,
      before: current ? { sensitive_nearby: current.sensitive_nearby, note: current.note } : null, after: { sensitive_nearby: values.sensitive_nearby, note: values.note },
    });
  });
  await recomputeRisk(db, { sourceIds: [sourceId] });
  return sourceRisk(db, actor, sourceId);
}

/** Recomputes this quarter's grades of one source now (the grader's 重新计算). */
export async function recomputeSource(db: Kysely<DB>, actor: Actor, sourceId: string): Promise<SourceRisk> {
  await sourceInJurisdiction(db, actor, sourceId);
  if (!OVERRIDE_ROLES.includes(actor.role)) throw forbidden();
  await recomputeRisk(db, { sourceIds: [sourceId] });
  return sourceRisk(db, actor, sourceId);
}

/** Recomputes this quarter for the whole platform (the bureau's or administrator's button; the nightly job does the same). */
export async function recomputeAll(db: Kysely<DB>, actor: Actor): Promise<{ period: string; sources: number; ms: number }> {
  if (!RECOMPUTE_ROLES.includes(actor.role)) throw forbidden();
  const started = Date.now();
  const result = await recomputeRisk(db);
  await db.transaction().execute((trx) => writeAudit(trx, actor, { action: 'risk.recompute', entityType: 'risk_grades', entityId: result.period, before: null, after: result }));
  return { ...result, ms: Date.now() - started };
}

/**
 * Enterprise change proposals (企业信息更新): the enterprise asks for changes of its own basic data;
 * the provider staff contracted for the source, the town/park office, the bureau or the administrator
 * approve (the changes are applied through the registry's updateSourceBasics, in the same transaction)
 * or reject with a reason. A proposal is judged against the source version it was made on: once the
 * dossier has changed since, approval answers 409 and the proposal stays pending.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Proposal, ProposalDecision, ProposalRequest, ProposableField } from '../../../common/contracts/lifecycle';
import { coordinatePairError } from '../../../common/dossier-rules';
import { BASIC_FIELD_LABELS } from '../../../common/dossier-sections';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { ProposalChanges } from '../../db/tables/lifecycle';
import { sourceInScope, type Actor } from '../../db/scope';
import { AppError, invalidField, notFound } from '../../http/errors';
import { assertInsideDistrict, updateSourceBasics } from '../registry';
import { actorName, assertVersion, lockSource, roleMayNot } from './access';

const REVIEWER_ROLES = ['admin', 'bureau', 'town', 'provider_manager', 'inspector'];
const proposalNotFound = () => notFound('Change proposal', '信息更新申请');

const COLUMN: Record<ProposableField, string> = {
  address: 'address', longitude: 'longitude', latitude: 'latitude', legalRepresentative: 'legal_representative',
  contactName: 'contact_name', contactPhone: 'contact_phone', envDirectorName: 'env_director_name', envDirectorPhone: 'env_director_phone',
  employees: 'employees', scale: 'scale', registeredCapitalWan: 'registered_capital_wan', establishedOn: 'established_on',
  landAreaM2: 'land_area_m2', annualOutputWan: 'annual_output_wan', mainProducts: 'main_products', mainMaterials: 'main_materials',
  annualOperatingHours: 'annual_operating_hours',
};

function scopedProposals(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('source_change_proposals as p')
    .innerJoin('sources', 'sources.id', 'p.source_id')
    .selectAll('p')
    .select('sources.name as source_name')
    .where(sourceInScope(actor));
}
type Row = Awaited<ReturnType<ReturnType<typeof scopedProposals>['executeTakeFirstOrThrow']>>;

function toProposal(actor: Actor, r: Row): Proposal {
  const changes = r.changes as ProposalChanges;
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    status: r.status,
    changes: Object.entries(changes).map(([field, c]) => ({ field, label: BASIC_FIELD_LABELS[field] ?? { zh: field, en: field }, old: c.old, new: c.new })),
    note: r.note,
    baseVersion: r.base_version,
    proposedBy: { id: r.proposed_by, name: r.proposed_by_name },
    proposedAt: new Date(r.proposed_at).toISOString(),
    decidedBy: r.decided_by_name ? { id: r.decided_by, name: r.decided_by_name } : null,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionReason: r.decision_reason,
    version: r.version,
    canDecide: r.status === 'pending' && REVIEWER_ROLES.includes(actor.role),
  };
}

async function getProposal(db: Kysely<DB>, actor: Actor, id: string): Promise<Proposal> {
  const row = await scopedProposals(db, actor).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw proposalNotFound();
  return toProposal(actor, row);
}

export async function proposeChanges(db: Kysely<DB>, actor: Actor, sourceId: string, input: ProposalRequest): Promise<Proposal> {
  const id = await db.transaction().execute(async (trx) => {
    const source = await lockSource(trx, actor, sourceId);
    if (actor.role !== 'enterprise') {
      throw roleMayNot('信息更新申请由企业用户提交；您的角色可直接编辑档案', 'Change proposals come from the enterprise; your role edits the dossier directly');
    }
    const stored = source as unknown as Record<string, unknown>;
    const changes: ProposalChanges = {};
    for (const [field, value] of Object.entries(input.changes) as Array<[ProposableField, unknown]>) {
      if (value === undefined) continue;
      const next = value === '' ? null : value;
      const old = stored[COLUMN[field]] ?? null;
      if (JSON.stringify(next) !== JSON.stringify(old)) changes[field] = { old, new: next };
    }
    if (Object.keys(changes).length === 0) throw invalidField('changes', '申请的内容与现有档案相同', 'Every proposed value equals the dossier');
    const lon = 'longitude' in changes ? (changes.longitude.new as number | null) : source.longitude;
    const lat = 'latitude' in changes ? (changes.latitude.new as number | null) : source.latitude;
    if ('longitude' in changes || 'latitude' in changes) {
      const pair = coordinatePairError({ longitude: lon, latitude: lat });
      if (pair) throw invalidField(`changes.${pair.field}`, pair.zh, pair.en);
      if (lon !== null && lat !== null) assertInsideDistrict(source.region_path, lon, lat);
    }
    const row = await trx
      .insertInto('source_change_proposals')
      .values({
        source_id: sourceId, changes: JSON.stringify(changes), note: input.note || null, base_version: source.version,
        proposed_by: actor.userId, proposed_by_name: actorName(actor),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'source.proposal.create',
      entityType: 'source_change_proposal',
      entityId: row.id,
      after: { source_id: sourceId, changes, note: input.note || null, base_version: source.version },
    });
    return row.id;
  });
  return getProposal(db, actor, id);
}

export async function listSourceProposals(db: Kysely<DB>, actor: Actor, sourceId: string) {
  const source = await db.selectFrom('sources').select('id').where('id', '=', sourceId).where(sourceInScope(actor)).executeTakeFirst();
  if (!source) throw notFound('Pollution source', '污染源');
  const rows = await scopedProposals(db, actor).where('p.source_id', '=', sourceId).orderBy('p.proposed_at', 'desc').execute();
  return { items: rows.map((r) => toProposal(actor, r)), total: rows.length };
}

/** The reviewer's queue: proposals of the sources in the actor's jurisdiction, oldest pending first. */
export async function listProposals(db: Kysely<DB>, actor: Actor, query: { status?: Proposal['status']; page: number; pageSize: number }) {
  let q = scopedProposals(db, actor);
  if (query.status) q = q.where('p.status', '=', query.status);
  const [{ total }] = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .orderBy('p.proposed_at', query.status === 'pending' ? 'asc' : 'desc')
    .orderBy('p.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((r) => toProposal(actor, r)), total: Number(total) };
}

async function lockProposal(trx: Transaction<DB>, actor: Actor, id: string) {
  const visible = await scopedProposals(trx, actor).where('p.id', '=', id).executeTakeFirst();
  if (!visible) throw proposalNotFound();
  return trx.selectFrom('source_change_proposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function decideProposal(db: Kysely<DB>, actor: Actor, id: string, input: ProposalDecision): Promise<Proposal> {
  await db.transaction().execute(async (trx) => {
    const proposal = await lockProposal(trx, actor, id);
    if (!REVIEWER_ROLES.includes(actor.role)) {
      throw roleMayNot('您的角色不能审核信息更新申请', 'Your role may not decide change proposals');
    }
    assertVersion(proposal.version, input.version);
    if (proposal.status !== 'pending') {
      throw new AppError(409, 'already_decided', '该申请已审核，不能再次审核', 'This proposal has already been decided', 'decision');
    }
    if (input.decision === 'reject' && !input.reason) throw invalidField('reason', '驳回时须说明理由', 'A rejection needs a reason');
    const changes = proposal.changes as ProposalChanges;
    if (input.decision === 'approve') {
      const values = Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.new]));
      try {
        await updateSourceBasics(trx, actor, proposal.source_id, { version: proposal.base_version, ...values });
      } catch (error) {
        if (error instanceof AppError && error.code === 'stale_version') {
          throw new AppError(
            409,
            'stale_version',
            '企业提交申请后档案已被修改，该申请不能直接采纳：请驳回并请企业按最新档案重新提交',
            'The dossier changed after the proposal was made; it cannot be applied as is: reject it and ask the enterprise to propose again',
            'version',
          );
        }
        throw error;
      }
    }
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    const decided = { status, decided_by: actor.userId, decided_by_name: actorName(actor), decided_at: new Date(), decision_reason: input.reason ?? null } as const;
    await trx.updateTable('source_change_proposals').set({ ...decided, version: proposal.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, actor, {
      action: `source.proposal.${input.decision}`,
      entityType: 'source_change_proposal',
      entityId: id,
      before: { source_id: proposal.source_id, status: proposal.status, version: proposal.version },
      after: { source_id: proposal.source_id, status, version: proposal.version + 1, reason: input.reason ?? null, changes },
    });
  });
  return getProposal(db, actor, id);
}

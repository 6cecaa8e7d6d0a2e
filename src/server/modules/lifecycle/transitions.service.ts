/** Status transitions of a source (全生命周期), enforced against the table in src/common/lifecycle.ts. */
import type { Kysely } from 'kysely';
import type { Lifecycle, TransitionRequest } from '../../../common/contracts/lifecycle';
import { ROLE } from '../../../common/enums';
import { FINAL_STATUSES, LIFECYCLE_STATUS, LIFECYCLE_TRANSITIONS, findTransition, type LifecycleStatus } from '../../../common/lifecycle';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError } from '../../http/errors';
import { actorName, assertVersion, effectiveDateFor, lockSource, roleMayNot } from './access';
import { getLifecycle } from './queries';

const label = (s: string) => LIFECYCLE_STATUS.labels[s as LifecycleStatus] ?? { zh: s, en: s };

function roleWords(actor: Actor, from: string, to: string): [string, string, string] {
  return [
    `角色「${ROLE.labels[actor.role].zh}」不能将状态从「${label(from).zh}」变更为「${label(to).zh}」`,
    `The role "${ROLE.labels[actor.role].en}" may not change the status from "${label(from).en}" to "${label(to).en}"`,
    'to',
  ];
}

export function invalidTransition(from: string, to: string, why?: { zh: string; en: string }): AppError {
  const f = label(from);
  const t = label(to);
  const reason = why ?? (FINAL_STATUSES.includes(from as LifecycleStatus)
    ? { zh: '「关闭」为终态，不能再变更', en: '"Closed" is final' }
    : { zh: '状态机不允许该变更', en: 'the lifecycle does not allow it' });
  return new AppError(
    400,
    'invalid_transition',
    `不能从「${f.zh}」变更为「${t.zh}」：${reason.zh}`,
    `Cannot go from "${f.en}" (${from}) to "${t.en}" (${to}): ${reason.en}`,
    'to',
  );
}

export async function transition(db: Kysely<DB>, actor: Actor, sourceId: string, input: TransitionRequest): Promise<Lifecycle> {
  await db.transaction().execute(async (trx) => {
    const source = await lockSource(trx, actor, sourceId);
    const from = source.lifecycle_status;
    // Order: a role that takes no transition at all (403), a stale version (409: the user judged an old
    // status), a transition the table lacks (400), one this role may not take (403).
    if (!LIFECYCLE_TRANSITIONS.some((t) => t.roles.includes(actor.role))) throw roleMayNot(...roleWords(actor, from, input.to));
    assertVersion(source.version, input.version);
    const rule = findTransition(from, input.to);
    if (!rule) throw invalidTransition(from, input.to);
    if (!rule.roles.includes(actor.role)) throw roleMayNot(...roleWords(actor, from, input.to));
    if (rule.via === 'relocate') {
      throw invalidTransition(from, input.to, {
        zh: '搬迁完成须通过“搬迁”登记新址（POST /api/sources/:id/relocate）',
        en: 'a relocation is completed by recording the new site (POST /api/sources/:id/relocate)',
      });
    }
    const effectiveDate = await effectiveDateFor(trx, sourceId, input.effectiveDate);
    const version = source.version + 1;
    await trx.updateTable('sources').set({ lifecycle_status: input.to, version, updated_at: new Date() }).where('id', '=', sourceId).execute();
    await trx
      .insertInto('source_status_history')
      .values({
        source_id: sourceId,
        kind: 'transition',
        from_status: from as LifecycleStatus,
        to_status: input.to,
        reason: input.reason,
        effective_date: effectiveDate,
        actor_id: actor.userId,
        actor_name: actorName(actor),
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'source.lifecycle.transition',
      entityType: 'source',
      entityId: sourceId,
      before: { source_id: sourceId, lifecycle_status: from, version: source.version },
      after: { source_id: sourceId, lifecycle_status: input.to, version, reason: input.reason, effective_date: effectiveDate },
    });
  });
  return getLifecycle(db, actor, sourceId);
}

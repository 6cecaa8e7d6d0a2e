/** Permit class (排污许可管理类别): suggestion from the 2019 名录, and the user's confirmation or override. */
import type { Kysely } from 'kysely';
import type { PermitClassRequest, PermitSuggestion } from '../../../common/contracts/lifecycle';
import { PERMIT_CLASS } from '../../../common/enums';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { invalidField } from '../../http/errors';
import { actorName, assertVersion, lockSource, roleMayNot } from './access';
import { catalogueRow, suggestPermitClass, suggestedClassForRow } from './permit-catalogue';
import { industryName } from './reference';

/** Roles that decide the class: those who edit dossiers (the enterprise, grid and experts read it). */
const DECIDING_ROLES = ['admin', 'bureau', 'town', 'provider_manager', 'inspector'];

export function industryNotFound(field: string, code: string) {
  const name = industryName(code);
  return name
    ? invalidField(field, `“${code} ${name}”不是小类，请选择4位的行业小类`, `"${code} ${name}" is not a class; choose a 4-digit class`)
    : invalidField(field, `行业代码“${code}”不在 GB/T 4754-2017 的1,380个小类中`, `Industry code "${code}" is not one of the 1,380 classes of GB/T 4754-2017`);
}

export function suggest(industryCode: string): PermitSuggestion {
  const suggestion = suggestPermitClass(industryCode);
  if (!suggestion) throw industryNotFound('industryCode', industryCode);
  return suggestion;
}

export async function decidePermitClass(db: Kysely<DB>, actor: Actor, sourceId: string, input: PermitClassRequest) {
  return db.transaction().execute(async (trx) => {
    const source = await lockSource(trx, actor, sourceId);
    if (!DECIDING_ROLES.includes(actor.role)) {
      throw roleMayNot('您的角色不能确定排污许可管理类别', 'Your role may not decide the permit class');
    }
    assertVersion(source.version, input.version);
    const suggestion = suggestPermitClass(source.industry_code);
    if (!suggestion) {
      throw invalidField(
        'catalogueRowNo',
        `污染源的行业代码“${source.industry_code}”不是 GB/T 4754-2017 小类，请先在基本信息中更正行业`,
        `The source's industry code "${source.industry_code}" is not a GB/T 4754-2017 class; correct the industry first`,
      );
    }
    const row = catalogueRow(input.catalogueRowNo)!;
    const forRow = suggestedClassForRow(suggestion, input.catalogueRowNo);
    const cited = `第${suggestion.citedRow.no}行`;
    if (input.decision === 'confirm') {
      if (forRow === undefined) {
        throw invalidField(
          'catalogueRowNo',
          `名录第${row.no}行「${row.industry}」不适用于行业 ${suggestion.industryCode}（建议引用${cited}）；如需依据其他行业的条目，请选择“调整”并说明理由`,
          `Catalogue row ${row.no} does not cover industry ${suggestion.industryCode} (row ${suggestion.citedRow.no} does); to rely on another row, override with a reason`,
        );
      }
      if (input.permitClass !== forRow) {
        throw invalidField(
          'permitClass',
          `确认时须采用名录第${row.no}行建议的「${PERMIT_CLASS.labels[forRow].zh}」；如需改为「${PERMIT_CLASS.labels[input.permitClass].zh}」，请选择“调整”并说明理由`,
          `Confirming takes row ${row.no}'s suggestion (${PERMIT_CLASS.labels[forRow].en}); to choose ${PERMIT_CLASS.labels[input.permitClass].en}, override with a reason`,
        );
      }
    } else if (!input.reason) {
      throw invalidField('reason', '调整建议类别时须说明理由', 'An override needs a reason');
    }
    const suggested = forRow ?? suggestion.suggestedClass;
    const version = source.version + 1;
    await trx.updateTable('sources').set({ permit_class: input.permitClass, version, updated_at: new Date() }).where('id', '=', sourceId).execute();
    const decision = await trx
      .insertInto('permit_class_decisions')
      .values({
        source_id: sourceId,
        industry_code: source.industry_code,
        catalogue_row_no: row.no,
        suggested_class: suggested,
        previous_class: source.permit_class,
        chosen_class: input.permitClass,
        decision: input.decision,
        reason: input.reason ?? null,
        actor_id: actor.userId,
        actor_name: actorName(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'source.permit_class.decide',
      entityType: 'source',
      entityId: sourceId,
      before: { source_id: sourceId, permit_class: source.permit_class, version: source.version },
      after: {
        source_id: sourceId, permit_class: input.permitClass, version, decision: input.decision, suggested_class: suggested,
        catalogue_row_no: row.no, reason: input.reason ?? null, decision_id: decision.id,
      },
    });
    return {
      sourceId,
      permitClass: input.permitClass,
      version,
      decision: {
        id: decision.id,
        industryCode: decision.industry_code,
        catalogueRowNo: decision.catalogue_row_no,
        suggestedClass: decision.suggested_class,
        previousClass: decision.previous_class,
        chosenClass: decision.chosen_class,
        decision: decision.decision,
        reason: decision.reason,
        actor: { id: decision.actor_id, name: decision.actor_name },
        at: new Date(decision.at).toISOString(),
      },
    };
  });
}

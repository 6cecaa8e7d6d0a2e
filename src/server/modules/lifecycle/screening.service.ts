/**
 * Entry screening (准入评估): a planned project's industry against the negative list of its place, with
 * the permit-class suggestion; and, when the user chooses, its registration as a source in status 准入评估.
 * Screening is an act of the bureau, the town/park office and the administrator; for other roles the
 * place does not exist (404), so no one learns about regions through it.
 */
import type { Kysely } from 'kysely';
import type { RegisterRequest, ScreeningRequest, ScreeningResult } from '../../../common/contracts/lifecycle';
import { RESTRICTION } from '../../../common/contracts/lifecycle';
import { PERMIT_CLASS } from '../../../common/enums';
import { usccError } from '../../../common/uscc';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { regionVisible, type Actor } from '../../db/scope';
import { AppError, invalidField } from '../../http/errors';
import { createSource } from '../registry';
import { todayInShanghai } from '../../../common/compliance-calendar';
import { actorName } from './access';
import { entriesHitting } from './negative-list.service';
import { suggest } from './permit-class.service';
import { regionNotFound } from './relocation.service';

const SCREENER_ROLES = ['admin', 'bureau', 'town'];
const VERDICT_LABELS = {
  allowed: { zh: '准入', en: 'Allowed' },
  restricted: RESTRICTION.labels.restricted,
  forbidden: RESTRICTION.labels.forbidden,
} as const;

async function placePaths(db: Kysely<DB>, actor: Actor, input: { townId?: string; parkId?: string }): Promise<string[]> {
  if (!input.townId && !input.parkId) throw invalidField('townId', '请指定拟建项目所在的街镇或园区', 'Give the town or the park of the planned project');
  const paths: string[] = [];
  for (const [field, id, level] of [['townId', input.townId, 'town'], ['parkId', input.parkId, 'park']] as const) {
    if (!id) continue;
    const region = SCREENER_ROLES.includes(actor.role)
      ? await db.selectFrom('regions').select(['path', 'level']).where('id', '=', id).where(regionVisible(actor)).executeTakeFirst()
      : undefined;
    if (!region) throw regionNotFound(field);
    if (region.level !== level) {
      throw invalidField(field, level === 'town' ? 'townId 须为街镇' : 'parkId 须为园区', level === 'town' ? 'townId must be a town' : 'parkId must be a park');
    }
    paths.push(region.path);
  }
  return paths;
}

export async function screen(db: Kysely<DB>, actor: Actor, input: ScreeningRequest): Promise<ScreeningResult> {
  const paths = await placePaths(db, actor, input);
  const permitSuggestion = suggest(input.industryCode);
  const notes: ScreeningResult['notes'] = [];
  if (input.uscc) {
    const bad = usccError(input.uscc);
    if (bad) throw invalidField('uscc', `统一社会信用代码无效：${bad.zh}`, `Invalid USCC: ${bad.en}`);
    const taken = await db.selectFrom('sources').select('id').where('uscc', '=', input.uscc).executeTakeFirst();
    if (taken) notes.push({ zh: `统一社会信用代码 ${input.uscc} 已登记为污染源，不能重复登记`, en: `USCC ${input.uscc} is already registered as a source; it cannot be registered again` });
  }
  const hits = await entriesHitting(db, input.industryCode, paths);
  const verdict = hits.some((h) => h.restriction === 'forbidden') ? 'forbidden' : hits.length ? 'restricted' : 'allowed';
  const industry = `${input.industryCode} ${permitSuggestion.industryName}`;
  if (verdict === 'forbidden') {
    notes.unshift({ zh: `「${industry}」在本地负面清单中禁止准入，不能登记`, en: `"${industry}" is forbidden by the local negative list; it cannot be registered` });
  } else if (verdict === 'restricted') {
    notes.unshift({ zh: `「${industry}」在本地负面清单中限制准入：登记前须逐条核实限制条件`, en: `"${industry}" is restricted by the local negative list: check each condition before registering` });
  } else {
    notes.unshift({ zh: `「${industry}」未命中本地负面清单`, en: `"${industry}" is on no entry of the local negative list` });
  }
  const cls = PERMIT_CLASS.labels[permitSuggestion.suggestedClass];
  notes.push({
    zh: `排污许可：按名录第${permitSuggestion.citedRow.no}行建议「${cls.zh}」，须在启动生产设施或实际排污前取得排污许可证或完成排污登记`,
    en: `Permit: row ${permitSuggestion.citedRow.no} of the catalogue suggests ${cls.en}; obtain the permit or the registration before production or any discharge starts`,
  });
  return { verdict, verdictLabel: VERDICT_LABELS[verdict], hits, permitSuggestion, notes };
}

/** Registers the screened project as a source in 准入评估, in one transaction with its screening record. */
export async function registerScreened(db: Kysely<DB>, actor: Actor, input: RegisterRequest) {
  return db.transaction().execute(async (trx) => {
    const screening = await screen(trx, actor, input);
    if (screening.verdict === 'forbidden') {
      throw new AppError(400, 'screening_forbidden', screening.notes[0].zh, screening.notes[0].en, 'industryCode');
    }
    if (screening.verdict === 'restricted' && !input.acknowledgeRestrictions) {
      throw invalidField(
        'acknowledgeRestrictions',
        '该行业在负面清单中限制准入：请逐条核实限制条件后勾选确认，再登记',
        'The negative list restricts this industry: confirm that each condition is checked, then register',
      );
    }
    const created = await createSource(trx, actor, {
      name: input.name,
      uscc: input.uscc,
      sourceType: input.sourceType,
      industryCode: input.industryCode,
      permitClass: input.permitClass ?? screening.permitSuggestion.suggestedClass,
      address: input.address,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      gridId: input.gridId,
      parkId: input.parkId ?? null,
    });
    const row = await trx.selectFrom('sources').select(['town_id', 'park_id']).where('id', '=', created.id).executeTakeFirstOrThrow();
    if (input.townId && row.town_id !== input.townId) {
      throw invalidField('gridId', `网格 ${input.gridId} 不属于街镇 ${input.townId}`, `Grid ${input.gridId} is not in town ${input.townId}`);
    }
    // A new source starts in 准入评估; the creation itself is version 1, so the version stays.
    await trx.updateTable('sources').set({ lifecycle_status: 'screening' }).where('id', '=', created.id).execute();
    const details = {
      verdict: screening.verdict,
      hits: screening.hits.map((h) => ({ id: h.id, prefix: h.industryCodePrefix, restriction: h.restriction })),
      permitSuggestion: { class: screening.permitSuggestion.suggestedClass, row: screening.permitSuggestion.citedRow.no },
      acknowledgedRestrictions: screening.verdict === 'restricted',
    };
    const reason = `准入评估登记：${screening.verdictLabel.zh}${screening.hits.length ? `（命中负面清单${screening.hits.length}条）` : ''}`;
    await trx
      .insertInto('source_status_history')
      .values({
        source_id: created.id, kind: 'registration', from_status: null, to_status: 'screening', reason, effective_date: todayInShanghai(),
        details: JSON.stringify(details), actor_id: actor.userId, actor_name: actorName(actor),
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'source.lifecycle.register',
      entityType: 'source',
      entityId: created.id,
      after: { source_id: created.id, lifecycle_status: 'screening', ...details },
    });
    return { sourceId: created.id, status: 'screening' as const, screening };
  });
}

/**
 * Rule sets of risk grading as data: one active version at a time; the administrator saves a new
 * version (validated), the old one is retired and kept. The first read of an empty database installs
 * the default rules (src/common/risk-rules.ts) as version 1.
 */
import type { Kysely, Transaction } from 'kysely';
import { RiskRulesSchema, type RuleSet, type RuleSetInput, type RuleSets } from '../../../common/contracts/risk';
import { DEFAULT_RISK_RULES, validateRiskRules, type RiskRules } from '../../../common/risk-rules';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError, forbidden, invalidField } from '../../http/errors';

type Db = Kysely<DB> | Transaction<DB>;

function toRuleSet(r: { id: string; version: number; status: string; note: string | null; created_at: Date; rules: unknown; display_name?: string | null }): RuleSet {
  return {
    id: r.id, version: r.version, status: r.status, note: r.note, createdAt: new Date(r.created_at).toISOString(), createdBy: r.display_name ?? null,
    rules: (typeof r.rules === 'string' ? JSON.parse(r.rules) : r.rules) as RiskRules,
  };
}

export async function activeRuleSet(db: Db): Promise<RuleSet> {
  const row = await db.selectFrom('risk_rule_sets').leftJoin('users', 'users.id', 'risk_rule_sets.created_by')
    .selectAll('risk_rule_sets').select('users.display_name').where('risk_rule_sets.status', '=', 'active').executeTakeFirst();
  if (row) return toRuleSet(row);
  await db.insertInto('risk_rule_sets').values({ version: 1, status: 'active', rules: JSON.stringify(DEFAULT_RISK_RULES), note: '默认规则（UK EA 违规计分 60/31/4/0.1 起步）' })
    .onConflict((oc) => oc.doNothing()).execute();
  return activeRuleSet(db);
}

export async function ruleSets(db: Kysely<DB>, actor: Actor): Promise<RuleSets> {
  const active = await activeRuleSet(db);
  const rows = await db.selectFrom('risk_rule_sets').leftJoin('users', 'users.id', 'risk_rule_sets.created_by')
    .select(['risk_rule_sets.id', 'risk_rule_sets.version', 'risk_rule_sets.status', 'risk_rule_sets.note', 'risk_rule_sets.created_at', 'users.display_name']).orderBy('risk_rule_sets.version', 'desc').execute();
  return {
    active,
    versions: rows.map((r) => ({ id: r.id, version: r.version, status: r.status, note: r.note, createdAt: new Date(r.created_at).toISOString(), createdBy: r.display_name ?? null })),
    canEdit: actor.role === 'admin',
  };
}

export async function saveRuleSet(db: Kysely<DB>, actor: Actor, input: RuleSetInput): Promise<RuleSet> {
  if (actor.role !== 'admin') throw forbidden();
  const rules = RiskRulesSchema.parse(input.rules) as RiskRules;
  const problems = validateRiskRules(rules);
  if (problems.length > 0) throw invalidField(`rules.${problems[0].path}`, problems[0].message.zh, problems[0].message.en);
  return db.transaction().execute(async (trx) => {
    const current = await activeRuleSet(trx);
    if (current.version !== input.basedOnVersion) {
      throw new AppError(409, 'stale_version', `规则已被他人更新为第 ${current.version} 版，请刷新后再改`, `The rules were updated to version ${current.version} by someone else; reload first`, 'basedOnVersion');
    }
    await trx.updateTable('risk_rule_sets').set({ status: 'retired' }).where('id', '=', current.id).execute();
    const row = await trx.insertInto('risk_rule_sets')
      .values({ version: current.version + 1, status: 'active', rules: JSON.stringify(rules), note: input.note || null, created_by: actor.userId })
      .returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'risk.rules.save', entityType: 'risk_rule_set', entityId: row.id, before: { version: current.version }, after: { version: row.version, note: row.note } });
    return toRuleSet({ ...row, display_name: actor.displayName });
  });
}

/** The most routine visits a source may have in a year (无事不扰), from the active rules. */
export async function visitCap(db: Db): Promise<number> {
  return ((await activeRuleSet(db)).rules as RiskRules).frequencies.cap;
}

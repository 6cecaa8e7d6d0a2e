import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  DistributionSchema, MoversSchema, OverrideIdParamSchema, OverrideInputSchema, PeriodQuerySchema, RecomputeResultSchema, RiskAttributesInputSchema, RiskMapSchema,
  RuleSetInputSchema, RuleSetSchema, RuleSetsSchema, SourceIdParamSchema, SourceRiskSchema,
} from '../../../common/contracts/risk';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createOverride, recomputeAll, recomputeSource, revokeOverride, updateRiskAttributes } from './changes.service';
import { distribution, movers, riskMap, sourceRisk } from './queries';
import { ruleSets, saveRuleSet } from './rules.service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['risk'];

/** 分级分类: a source's grades and their explanation, overrides, the grader's attributes, the district's figures, the rule sets. */
export function riskRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/sources/:id/risk', { schema: { tags, summary: '污染源风险分级（含解释与历史）/ A source\'s risk grades with explanation and history', params: SourceIdParamSchema, response: { 200: SourceRiskSchema, ...errors } } },
      async (request) => sourceRisk(ctx.db, requireActor(request), request.params.id));
    r.put('/api/sources/:id/risk/attributes', { schema: { tags, summary: '周边敏感目标 / Sensitive neighbours', params: SourceIdParamSchema, body: RiskAttributesInputSchema, response: { 200: SourceRiskSchema, ...errors } } },
      async (request) => updateRiskAttributes(ctx.db, requireActor(request), request.params.id, request.body));
    r.post('/api/sources/:id/risk/overrides', { schema: { tags, summary: '人工调整等级（理由、到期日）/ Override a grade (reason, expiry)', params: SourceIdParamSchema, body: OverrideInputSchema, response: { 200: SourceRiskSchema, ...errors } } },
      async (request) => createOverride(ctx.db, requireActor(request), request.params.id, request.body));
    r.post('/api/sources/:id/risk/recompute', { schema: { tags, summary: '重新计算本季度等级 / Recompute this quarter\'s grades', params: SourceIdParamSchema, response: { 200: SourceRiskSchema, ...errors } } },
      async (request) => recomputeSource(ctx.db, requireActor(request), request.params.id));
    r.post('/api/risk/overrides/:id/revoke', { schema: { tags, summary: '撤销人工调整 / Revoke an override', params: OverrideIdParamSchema, response: { 200: SourceRiskSchema, ...errors } } },
      async (request) => revokeOverride(ctx.db, requireActor(request), request.params.id));
    r.get('/api/risk/distribution', { schema: { tags, summary: '分级分布 / Distribution of grades', querystring: PeriodQuerySchema, response: { 200: DistributionSchema, ...errors } } },
      async (request) => distribution(ctx.db, requireActor(request), request.query.period));
    r.get('/api/risk/movers', { schema: { tags, summary: '等级升降及原因 / Who moved up or down, and why', querystring: PeriodQuerySchema, response: { 200: MoversSchema, ...errors } } },
      async (request) => movers(ctx.db, requireActor(request), request.query.period));
    r.get('/api/risk/map', { schema: { tags, summary: '一张图按风险着色 / Current grades for the map', response: { 200: RiskMapSchema, ...errors } } },
      async (request) => riskMap(ctx.db, requireActor(request)));
    r.post('/api/risk/recompute', { schema: { tags, summary: '全部重新计算本季度 / Recompute this quarter for all sources', response: { 200: RecomputeResultSchema, ...errors } } },
      async (request) => recomputeAll(ctx.db, requireActor(request)));
    r.get('/api/risk/rules', { schema: { tags, summary: '分级规则（当前版本与历史版本）/ Rule sets', response: { 200: RuleSetsSchema, ...errors } } },
      async (request) => ruleSets(ctx.db, requireActor(request)));
    r.put('/api/risk/rules', { schema: { tags, summary: '保存新版规则（系统管理员）/ Save a new rule version (administrator)', body: RuleSetInputSchema, response: { 200: RuleSetSchema, ...errors } } },
      async (request) => saveRuleSet(ctx.db, requireActor(request), request.body));
  };
}

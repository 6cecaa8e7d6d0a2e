import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  DeleteQuerySchema,
  IdParamSchema,
  LifecycleSchema,
  NegativeEntryInputSchema,
  NegativeEntrySchema,
  NegativeEntryUpdateSchema,
  NegativeListSchema,
  PermitClassRequestSchema,
  PermitClassResultSchema,
  PermitSuggestQuerySchema,
  PermitSuggestionSchema,
  ProposalDecisionSchema,
  ProposalListQuerySchema,
  ProposalListSchema,
  ProposalRequestSchema,
  ProposalSchema,
  RegisterRequestSchema,
  RegisterResultSchema,
  RelocateRequestSchema,
  ScreeningRequestSchema,
  ScreeningResultSchema,
  TransitionRequestSchema,
} from '../../../common/contracts/lifecycle';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createNegativeEntry, deleteNegativeEntry, listNegativeEntries, updateNegativeEntry } from './negative-list.service';
import { decidePermitClass, suggest } from './permit-class.service';
import { decideProposal, listProposals, listSourceProposals, proposeChanges } from './proposals.service';
import { getLifecycle } from './queries';
import { relocate } from './relocation.service';
import { registerScreened, screen } from './screening.service';
import { transition } from './transitions.service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['lifecycle'];

export function lifecycleRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/sources/:id/lifecycle',
      { schema: { tags, summary: '全生命周期：状态、可执行变更、历史、搬迁记录 / Lifecycle of a source', params: IdParamSchema, response: { 200: LifecycleSchema, ...errors } } },
      async (request) => getLifecycle(ctx.db, requireActor(request), request.params.id),
    );
    r.post(
      '/api/sources/:id/transitions',
      { schema: { tags, summary: '变更生命周期状态 / Change the lifecycle status', params: IdParamSchema, body: TransitionRequestSchema, response: { 200: LifecycleSchema, ...errors } } },
      async (request) => transition(ctx.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/sources/:id/relocate',
      { schema: { tags, summary: '搬迁（保留全部档案与历史）/ Relocate a source, keeping its history', params: IdParamSchema, body: RelocateRequestSchema, response: { 200: LifecycleSchema, ...errors } } },
      async (request) => relocate(ctx.db, requireActor(request), request.params.id, request.body),
    );

    r.get(
      '/api/permit-catalogue/suggest',
      { schema: { tags, summary: '按行业建议排污许可管理类别（2019 名录）/ Permit class suggestion', querystring: PermitSuggestQuerySchema, response: { 200: PermitSuggestionSchema, ...errors } } },
      async (request) => {
        requireActor(request);
        return suggest(request.query.industryCode);
      },
    );
    r.post(
      '/api/sources/:id/permit-class',
      { schema: { tags, summary: '确认或调整排污许可管理类别 / Confirm or override the permit class', params: IdParamSchema, body: PermitClassRequestSchema, response: { 200: PermitClassResultSchema, ...errors } } },
      async (request) => decidePermitClass(ctx.db, requireActor(request), request.params.id, request.body),
    );

    r.get('/api/negative-list', { schema: { tags, summary: '准入负面清单 / Entry negative list', response: { 200: NegativeListSchema, ...errors } } }, async (request) =>
      listNegativeEntries(ctx.db, requireActor(request)),
    );
    r.post(
      '/api/negative-list',
      { schema: { tags, summary: '新增负面清单条目 / Add a negative-list entry', body: NegativeEntryInputSchema, response: { 201: NegativeEntrySchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createNegativeEntry(ctx.db, requireActor(request), request.body)),
    );
    r.patch(
      '/api/negative-list/:id',
      { schema: { tags, summary: '修改负面清单条目 / Edit a negative-list entry', params: IdParamSchema, body: NegativeEntryUpdateSchema, response: { 200: NegativeEntrySchema, ...errors } } },
      async (request) => updateNegativeEntry(ctx.db, requireActor(request), request.params.id, request.body),
    );
    r.delete(
      '/api/negative-list/:id',
      { schema: { tags, summary: '删除负面清单条目 / Delete a negative-list entry', params: IdParamSchema, querystring: DeleteQuerySchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteNegativeEntry(ctx.db, requireActor(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/api/screening',
      { schema: { tags, summary: '准入评估（不保存）/ Entry screening (stores nothing)', body: ScreeningRequestSchema, response: { 200: ScreeningResultSchema, ...errors } } },
      async (request) => screen(ctx.db, requireActor(request), request.body),
    );
    r.post(
      '/api/screening/register',
      { schema: { tags, summary: '准入评估后登记为污染源 / Register the screened project', body: RegisterRequestSchema, response: { 201: RegisterResultSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await registerScreened(ctx.db, requireActor(request), request.body)),
    );

    r.post(
      '/api/sources/:id/proposals',
      { schema: { tags, summary: '企业提交信息更新申请 / Propose changes (enterprise)', params: IdParamSchema, body: ProposalRequestSchema, response: { 201: ProposalSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await proposeChanges(ctx.db, requireActor(request), request.params.id, request.body)),
    );
    r.get(
      '/api/sources/:id/proposals',
      { schema: { tags, summary: '污染源的信息更新申请 / Change proposals of a source', params: IdParamSchema, response: { 200: ProposalListSchema, ...errors } } },
      async (request) => listSourceProposals(ctx.db, requireActor(request), request.params.id),
    );
    r.get(
      '/api/proposals',
      { schema: { tags, summary: '待审核的信息更新申请 / Change proposals to review', querystring: ProposalListQuerySchema, response: { 200: ProposalListSchema, ...errors } } },
      async (request) => listProposals(ctx.db, requireActor(request), request.query),
    );
    r.post(
      '/api/proposals/:id/decision',
      { schema: { tags, summary: '审核信息更新申请 / Approve or reject a proposal', params: IdParamSchema, body: ProposalDecisionSchema, response: { 200: ProposalSchema, ...errors } } },
      async (request) => decideProposal(ctx.db, requireActor(request), request.params.id, request.body),
    );
  };
}

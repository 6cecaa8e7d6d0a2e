import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CompletenessByTownSchema, CreateSourceSchema, DossierSchema, HistoryQuerySchema, HistorySchema, IdParamSchema, UpdateSourceBasicsSchema,
} from '../../../common/contracts/dossier';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createSource, updateSourceBasics } from './basics';
import { completenessByTown } from './completeness';
import { getDossier } from './dossier';
import { sourceHistory } from './history';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['dossier'];

export async function dossierRoutes(ctx: AppContext, app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/sources', { schema: { tags, summary: '登记污染源 / Register a source', body: CreateSourceSchema, response: { 201: DossierSchema, ...errors } } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = await createSource(ctx.db, actor, request.body);
    return reply.status(201).send(await getDossier(ctx.db, actor, id));
  });
  r.get('/api/sources/:id/dossier', { schema: { tags, summary: '一源一档 / The dossier of a source', params: IdParamSchema, response: { 200: DossierSchema, ...errors } } }, async (request) =>
    getDossier(ctx.db, requireActor(request), request.params.id),
  );
  r.patch(
    '/api/sources/:id',
    { schema: { tags, summary: '修改基本信息 / Edit basic data', params: IdParamSchema, body: UpdateSourceBasicsSchema, response: { 200: DossierSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await updateSourceBasics(ctx.db, actor, request.params.id, request.body);
      return getDossier(ctx.db, actor, request.params.id);
    },
  );
  r.get(
    '/api/sources/:id/history',
    { schema: { tags, summary: '变更记录 / Change history', params: IdParamSchema, querystring: HistoryQuerySchema, response: { 200: HistorySchema, ...errors } } },
    async (request) => sourceHistory(ctx.db, requireActor(request), request.params.id, request.query),
  );
  r.get('/api/completeness/by-town', { schema: { tags, summary: '一企一表建立率 / Dossier completeness by town', response: { 200: CompletenessByTownSchema, ...errors } } }, async (request) =>
    completenessByTown(ctx.db, requireActor(request)),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { OverviewSchema, SourceListSchema, SourceSummarySchema } from '../../../common/contracts/overview';
import { SOURCE_TYPE } from '../../../common/enums';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { getSource, listSources, overview } from './queries';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

const SourceListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  townId: z.string().max(64).optional(),
  sourceType: z.enum(SOURCE_TYPE.values).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function registryRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/overview', { schema: { tags: ['registry'], summary: '辖区概览 / Overview of my jurisdiction', response: { 200: OverviewSchema, ...errors } } }, async (request) =>
      overview(ctx.db, requireActor(request)),
    );
    r.get('/api/sources', { schema: { tags: ['registry'], summary: '污染源列表 / Pollution sources', querystring: SourceListQuerySchema, response: { 200: SourceListSchema, ...errors } } }, async (request) =>
      listSources(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/sources/:id',
      { schema: { tags: ['registry'], summary: '污染源 / One pollution source', params: z.strictObject({ id: z.uuid() }), response: { 200: SourceSummarySchema, ...errors } } },
      async (request) => getSource(ctx.db, requireActor(request), request.params.id),
    );
  };
}

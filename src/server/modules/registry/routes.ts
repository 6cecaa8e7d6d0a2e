import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SourceListQuerySchema, SourceListSchema } from '../../../common/contracts/dossier';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { OverviewSchema, SourceSummarySchema } from '../../../common/contracts/overview';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { dossierRoutes } from './dossier-routes';
import { listSources } from './list';
import { getSource, overview } from './queries';
import { referenceRoutes } from './reference-routes';
import { sectionRoutes } from './section-routes';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

export function registryRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/overview', { schema: { tags: ['registry'], summary: '辖区概览 / Overview of my jurisdiction', response: { 200: OverviewSchema, ...errors } } }, async (request) =>
      overview(ctx.db, requireActor(request)),
    );
    r.get(
      '/api/sources',
      { schema: { tags: ['registry'], summary: '污染源列表（筛选、排序、完整度） / Pollution sources', querystring: SourceListQuerySchema, response: { 200: SourceListSchema, ...errors } } },
      async (request) => listSources(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/sources/:id',
      { schema: { tags: ['registry'], summary: '污染源 / One pollution source', params: z.strictObject({ id: z.uuid() }), response: { 200: SourceSummarySchema, ...errors } } },
      async (request) => getSource(ctx.db, requireActor(request), request.params.id),
    );
    await dossierRoutes(ctx, app);
    await sectionRoutes(ctx, app);
    await referenceRoutes(app);
  };
}

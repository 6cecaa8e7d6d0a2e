import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { CreateRegionSchema, RegionIdParamSchema, RegionNodeSchema, RegionTreeSchema, RenameRegionSchema } from '../../../common/contracts/regions';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createRegion, regionTree, renameRegion } from './service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };

export function regionRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/regions/tree', { schema: { tags: ['regions'], summary: '区域树 / Region tree', response: { 200: RegionTreeSchema, ...errors } } }, async (request) => ({
      roots: await regionTree(ctx.db, requireActor(request)),
    }));
    r.post('/api/regions', { schema: { tags: ['regions'], summary: '新增园区或网格 / Add a park or grid', body: CreateRegionSchema, response: { 201: RegionNodeSchema, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await createRegion(ctx.db, requireActor(request), request.body)),
    );
    r.patch(
      '/api/regions/:id',
      { schema: { tags: ['regions'], summary: '重命名区域 / Rename a region', params: RegionIdParamSchema, body: RenameRegionSchema, response: { 200: RegionNodeSchema, ...errors } } },
      async (request) => renameRegion(ctx.db, requireActor(request), request.params.id, request.body),
    );
  };
}

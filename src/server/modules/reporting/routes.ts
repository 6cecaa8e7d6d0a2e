import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { IssueFiguresQuerySchema, IssueFiguresSchema } from '../../../common/contracts/reporting';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { issueFigures } from '../issues';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema };
const tags = ['figures'];

/** Dashboards' figures. Each comes from the module that owns its data; this module only serves them. */
export function reportingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/figures/issues',
      { schema: { tags, summary: '整改统计：整改率、逾期、整改用时 / Rectification figures', querystring: IssueFiguresQuerySchema, response: { 200: IssueFiguresSchema, ...errors } } },
      async (request) => issueFigures(ctx.db, requireActor(request), request.query),
    );
  };
}

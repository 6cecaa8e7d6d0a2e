import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { providerInScope } from '../../db/scope';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';

export function providerRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/providers',
      {
        schema: {
          tags: ['providers'],
          summary: '服务机构 / Providers in my jurisdiction',
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }), 401: ApiErrorSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const items = await ctx.db.selectFrom('providers').select(['id', 'name']).where(providerInScope(actor)).orderBy('name').execute();
        return { items };
      },
    );
  };
}

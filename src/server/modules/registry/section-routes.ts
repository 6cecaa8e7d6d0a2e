/** The same three routes for every section, each with its own body schema (so OpenAPI documents each). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DeleteRowQuerySchema, IdParamSchema, RowIdParamSchema, SECTION_INPUT, SECTION_KEYS, SECTION_ROW, sectionUpdateSchema } from '../../../common/contracts/dossier';
import { SECTIONS } from '../../../common/dossier-sections';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createSectionRow, deleteSectionRow, updateSectionRow } from './sections/service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['dossier'];

export async function sectionRoutes(ctx: AppContext, app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const key of SECTION_KEYS) {
    const { zh, en } = SECTIONS[key].label;
    const row = SECTION_ROW[key];
    r.post(
      `/api/sources/:id/sections/${key}`,
      { schema: { tags, summary: `新增${zh} / Add ${en.toLowerCase()}`, params: IdParamSchema, body: SECTION_INPUT[key], response: { 201: row, ...errors } } },
      async (request, reply) => reply.status(201).send(await createSectionRow(ctx.db, requireActor(request), key, request.params.id, request.body) as never),
    );
    r.patch(
      `/api/sections/${key}/:rowId`,
      { schema: { tags, summary: `修改${zh} / Edit ${en.toLowerCase()}`, params: RowIdParamSchema, body: sectionUpdateSchema(key), response: { 200: row, ...errors } } },
      async (request) => updateSectionRow(ctx.db, requireActor(request), key, request.params.rowId, request.body as never) as never,
    );
    r.delete(
      `/api/sections/${key}/:rowId`,
      { schema: { tags, summary: `删除${zh} / Delete ${en.toLowerCase()}`, params: RowIdParamSchema, querystring: DeleteRowQuerySchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteSectionRow(ctx.db, requireActor(request), key, request.params.rowId, request.query.version);
        return reply.status(204).send(null);
      },
    );
  }
}

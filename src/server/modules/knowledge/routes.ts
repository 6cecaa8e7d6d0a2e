import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  ArticleListSchema,
  ArticleQuerySchema,
  DeleteQuerySchema,
  EditionCreateSchema,
  EntryInputSchema,
  EntryUpdateSchema,
  HandbookEditionListSchema,
  HandbookEditionSummarySchema,
  HandbookEntrySchema,
  HandbookQuerySchema,
  HandbookSchema,
  IdParamSchema,
  LawIndexSchema,
  VersionBodySchema,
} from '../../../common/contracts/knowledge';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createEdition, createEntry, deleteEntry, getHandbook, listEditions, publishEdition, updateEntry } from './handbook.service';
import { lawIndex, searchArticles } from './laws';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['knowledge'];

export function knowledgeRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/laws', { schema: { tags, summary: '法律法规目录 / The laws and regulations of the library', response: { 200: LawIndexSchema, ...errors } } }, async (request) => {
      requireActor(request);
      return { items: lawIndex() };
    });
    r.get(
      '/api/laws/articles',
      {
        schema: {
          tags,
          summary: '法规条文：检索、按条号或按引用查找 / Articles: search, by number or by citation',
          querystring: ArticleQuerySchema,
          response: { 200: ArticleListSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return searchArticles(request.query);
      },
    );

    r.get(
      '/api/handbook',
      { schema: { tags, summary: '合规宝典（默认最新发布版本）/ The compliance handbook', querystring: HandbookQuerySchema, response: { 200: HandbookSchema, ...errors } } },
      async (request) => getHandbook(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/handbook/editions',
      { schema: { tags, summary: '合规宝典各年度版本 / Handbook editions', response: { 200: HandbookEditionListSchema, ...errors } } },
      async (request) => listEditions(ctx.db, requireActor(request)),
    );
    r.post(
      '/api/handbook/editions',
      {
        schema: {
          tags,
          summary: '新建下一年度版本（复制最新发布版本为草稿）/ Start the next edition as a draft copy',
          body: EditionCreateSchema,
          response: { 201: HandbookEditionSummarySchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await createEdition(ctx.db, requireActor(request), request.body)),
    );
    r.post(
      '/api/handbook/editions/:id/publish',
      { schema: { tags, summary: '发布合规宝典版本 / Publish a draft edition', params: IdParamSchema, body: VersionBodySchema, response: { 200: HandbookEditionSummarySchema, ...errors } } },
      async (request) => publishEdition(ctx.db, requireActor(request), request.params.id, request.body.version),
    );
    r.post(
      '/api/handbook/editions/:id/entries',
      { schema: { tags, summary: '新增合规宝典条目 / Add an entry to a draft edition', params: IdParamSchema, body: EntryInputSchema, response: { 201: HandbookEntrySchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createEntry(ctx.db, requireActor(request), request.params.id, request.body)),
    );
    r.patch(
      '/api/handbook/entries/:id',
      { schema: { tags, summary: '修改合规宝典条目 / Edit an entry of a draft edition', params: IdParamSchema, body: EntryUpdateSchema, response: { 200: HandbookEntrySchema, ...errors } } },
      async (request) => updateEntry(ctx.db, requireActor(request), request.params.id, request.body),
    );
    r.delete(
      '/api/handbook/entries/:id',
      { schema: { tags, summary: '删除合规宝典条目 / Delete an entry of a draft edition', params: IdParamSchema, querystring: DeleteQuerySchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteEntry(ctx.db, requireActor(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApplicableQuerySchema,
  ApplicableTemplatesSchema,
  ChecklistItemInputSchema,
  ChecklistItemListQuerySchema,
  ChecklistItemListSchema,
  ChecklistItemSchema,
  ChecklistItemUpdateSchema,
  IdParamSchema,
  ScoringPreviewRequestSchema,
  ScoringPreviewSchema,
  TemplateCopySchema,
  TemplateInputSchema,
  TemplateListQuerySchema,
  TemplateListSchema,
  TemplateSchema,
  TemplateUpdateSchema,
} from '../../../common/contracts/checklists';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { createItem, listItems, updateItem } from './items.service';
import { applicableTemplates, copyTemplate, createTemplate, listTemplates, previewScore, updateTemplate } from './templates.service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['checklists'];

export function checklistRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/checklist-items',
      { schema: { tags, summary: '检查项库 / Checklist item bank', querystring: ChecklistItemListQuerySchema, response: { 200: ChecklistItemListSchema, ...errors } } },
      async (request) => listItems(ctx.db, requireActor(request), request.query),
    );
    r.post(
      '/api/checklist-items',
      { schema: { tags, summary: '新增检查项（系统管理员）/ Add a checklist item (administrator)', body: ChecklistItemInputSchema, response: { 201: ChecklistItemSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createItem(ctx.db, requireActor(request), request.body)),
    );
    r.patch(
      '/api/checklist-items/:id',
      { schema: { tags, summary: '修改检查项（系统管理员）/ Edit a checklist item (administrator)', params: IdParamSchema, body: ChecklistItemUpdateSchema, response: { 200: ChecklistItemSchema, ...errors } } },
      async (request) => updateItem(ctx.db, requireActor(request), request.params.id, request.body),
    );

    r.get(
      '/api/checklist-templates',
      { schema: { tags, summary: '检查模板（含检查项与权重）/ Checklist templates with their items', querystring: TemplateListQuerySchema, response: { 200: TemplateListSchema, ...errors } } },
      async (request) => listTemplates(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/checklist-templates/applicable',
      { schema: { tags, summary: '适用于某污染源的启用模板 / Active templates that apply to a source', querystring: ApplicableQuerySchema, response: { 200: ApplicableTemplatesSchema, ...errors } } },
      async (request) => applicableTemplates(ctx.db, requireActor(request), request.query.sourceId),
    );
    r.post(
      '/api/checklist-templates',
      { schema: { tags, summary: '新建检查模板（草稿）/ Create a template (draft)', body: TemplateInputSchema, response: { 201: TemplateSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createTemplate(ctx.db, requireActor(request), request.body)),
    );
    r.patch(
      '/api/checklist-templates/:id',
      { schema: { tags, summary: '修改检查模板 / Edit a template', params: IdParamSchema, body: TemplateUpdateSchema, response: { 200: TemplateSchema, ...errors } } },
      async (request) => updateTemplate(ctx.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/checklist-templates/:id/copy',
      { schema: { tags, summary: '复制为新草稿 / Copy into a new draft', params: IdParamSchema, body: TemplateCopySchema.optional(), response: { 201: TemplateSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await copyTemplate(ctx.db, requireActor(request), request.params.id, request.body ?? {})),
    );

    r.post(
      '/api/checklist-scoring/preview',
      { schema: { tags, summary: '按模板试算得分（不保存）/ Score answers against a template (stores nothing)', body: ScoringPreviewRequestSchema, response: { 200: ScoringPreviewSchema, ...errors } } },
      async (request) => previewScore(ctx.db, requireActor(request), request.body),
    );
  };
}

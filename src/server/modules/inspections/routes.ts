import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  AssigneeListSchema, GeneratedPlanSchema, GeneratePlanInputSchema, AssigneeQuerySchema, BulkAssignResultSchema, BulkAssignSchema, CheckInResultSchema, CheckInSchema, DerivedPlanInputSchema,
  IdParamSchema, InspectionDetailSchema, InspectionListQuerySchema, InspectionListSchema, InspectionSummarySchema, InspectionUpdateSchema,
  PhotoParamSchema, PhotoQuerySchema, PhotoSchema, PlanCreatedSchema, PlanDetailSchema, PlanInputSchema, PlanListQuerySchema, PlanListSchema,
  RevisitPlanInputSchema, SubmitSchema,
} from '../../../common/contracts/inspections';
import { todayInShanghai } from '../../../common/compliance-calendar';
import { requireActor } from '../../http/auth';
import { sendPdf } from '../../http/content-disposition';
import type { AppContext } from '../../http/context';
import { FileStore } from '../../storage/file-store';
import { PHOTO_MAX_BYTES } from '../../storage/photos';
import { bulkAssign, listAssignees, updateInspection } from './assign.service';
import { getInspectionDetail } from './detail';
import { checkIn, photoFile, putPhoto } from './field.service';
import { idempotencyOf, idempotent } from './idempotency';
import { createPlan, revisitPlan, secondRound } from './plans.service';
import { PLAN_ROLES, getPlan, listInspections, loadPlans } from './queries';
import { generateRiskPlan } from './generate.service';
import { inspectionReportPdf } from './report-pdf';
import { submitInspection } from './submit.service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['inspections'];
const idemHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();
const binary = (what: string) => z.unknown().describe(what);

/** 检查计划 and 现场检查: plans, assignment, the calendar, and the field form's check-in, photos and submit. */
export function inspectionRoutes(ctx: AppContext) {
  const store = new FileStore(ctx.config.dataDir);
  return async (app: FastifyInstance) => {
    // Photos arrive as the raw request body (image/*, or no/any other type): handed to the handler as a stream.
    // Registered in this plugin's scope only; JSON bodies keep the JSON parser.
    app.addContentTypeParser('*', { bodyLimit: PHOTO_MAX_BYTES + 1 }, (_request, payload, done) => done(null, payload));
    const r = app.withTypeProvider<ZodTypeProvider>();

    // ---------------------------------------------------------------- plans
    r.get(
      '/api/inspection-plans',
      { schema: { tags, summary: '检查计划列表（含进度）/ Inspection plans with progress', querystring: PlanListQuerySchema, response: { 200: PlanListSchema, ...errors } } },
      async (request) => {
        const actor = requireActor(request);
        return { items: await loadPlans(ctx.db, actor, { year: request.query.year }), canCreate: PLAN_ROLES.includes(actor.role) };
      },
    );
    r.post(
      '/api/inspection-plans',
      { schema: { tags, summary: '制定检查计划（按筛选条件或指定污染源）/ Create a plan (sources by filters or ids)', body: PlanInputSchema, response: { 201: PlanCreatedSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createPlan(ctx.db, requireActor(request), request.body)),
    );
    r.post(
      '/api/inspection-plans/generate',
      { schema: { tags, summary: '按风险分级生成计划（预览或创建）/ Generate a risk-based plan (preview or create)', body: GeneratePlanInputSchema, response: { 200: GeneratedPlanSchema, ...errors } } },
      async (request) => generateRiskPlan(ctx.db, requireActor(request), request.body, todayInShanghai()),
    );
    r.post(
      '/api/inspection-plans/revisit',
      { schema: { tags, summary: '回头看计划（复查已销号问题）/ Look-back plan (re-visit closed issues)', body: RevisitPlanInputSchema, response: { 201: PlanCreatedSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await revisitPlan(ctx.db, requireActor(request), request.body)),
    );
    r.get(
      '/api/inspection-plans/:id',
      { schema: { tags, summary: '检查计划及其检查 / A plan and its inspections', params: IdParamSchema, response: { 200: PlanDetailSchema, ...errors } } },
      async (request) => {
        const actor = requireActor(request);
        const plan = await getPlan(ctx.db, actor, request.params.id);
        const { items } = await listInspections(ctx.db, actor, { planId: plan.id, limit: 2000 });
        return { plan, inspections: items, canAssign: PLAN_ROLES.includes(actor.role) };
      },
    );
    r.post(
      '/api/inspection-plans/:id/second-round',
      { schema: { tags, summary: '生成第二轮计划（有问题的污染源）/ Second round over the sources that had issues', params: IdParamSchema, body: DerivedPlanInputSchema, response: { 201: PlanCreatedSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await secondRound(ctx.db, requireActor(request), request.params.id, request.body)),
    );

    // ---------------------------------------------------------------- inspections
    r.get(
      '/api/inspections',
      { schema: { tags, summary: '检查列表（日历、我的检查）/ Inspections (calendar, mine)', querystring: InspectionListQuerySchema, response: { 200: InspectionListSchema, ...errors } } },
      async (request) => listInspections(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/inspections/assignees',
      { schema: { tags, summary: '可分派的检查人员 / Who may be assigned', querystring: AssigneeQuerySchema, response: { 200: AssigneeListSchema, ...errors } } },
      async (request) => listAssignees(ctx.db, requireActor(request), request.query.sourceId),
    );
    r.post(
      '/api/inspections/assign',
      { schema: { tags, summary: '批量分派 / Assign in bulk', body: BulkAssignSchema, response: { 200: BulkAssignResultSchema, ...errors } } },
      async (request) => bulkAssign(ctx.db, requireActor(request), request.body),
    );
    r.get(
      '/api/inspections/:id',
      { schema: { tags, summary: '一次检查（现场表单）/ One inspection (field form)', params: IdParamSchema, response: { 200: InspectionDetailSchema, ...errors } } },
      async (request) => getInspectionDetail(ctx.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/inspections/:id',
      { schema: { tags, summary: '分派或改期 / Assign or reschedule', params: IdParamSchema, body: InspectionUpdateSchema, response: { 200: InspectionSummarySchema, ...errors } } },
      async (request) => updateInspection(ctx.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/inspections/:id/check-in',
      {
        schema: {
          tags, summary: '现场签到（时间与定位；距离超过 500 米时提示）/ Check in (time and GPS; warned beyond 500 m)', description: 'Header Idempotency-Key: a replay returns the stored answer.',
          params: IdParamSchema, headers: idemHeader, body: CheckInSchema, response: { 200: CheckInResultSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const idem = idempotencyOf(request.headers['idempotency-key'], 'POST', request.url, request.body);
        const result = await idempotent(ctx.db, actor, idem, 200, (trx) => checkIn(trx, actor, request.params.id, request.body));
        return reply.status(result.status).send(result.body);
      },
    );
    r.put(
      '/api/inspections/:id/photos/:photoId',
      {
        schema: {
          tags, summary: '上传现场照片（请求体为图片）/ Upload a field photo (the body is the image)',
          description: 'Body: the image bytes (JPEG, PNG, WebP, HEIC; ≤ 15 MB). Idempotent by the client\'s photo id: a replay returns the stored photo.',
          params: PhotoParamSchema, querystring: PhotoQuerySchema, body: binary('the image').optional(), response: { 200: PhotoSchema, 201: PhotoSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { photo, created } = await putPhoto(ctx.db, store, requireActor(request), request.params.id, request.params.photoId, request.query, request.body);
        return reply.status(created ? 201 : 200).send(photo);
      },
    );
    r.post(
      '/api/inspections/:id/submit',
      {
        schema: {
          tags, summary: '提交检查（作答、问题、签名）/ Submit the inspection (answers, issues, signature)', description: 'Header Idempotency-Key: a replay returns the stored answer and creates nothing twice.',
          params: IdParamSchema, headers: idemHeader, body: SubmitSchema, response: { 200: InspectionDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const idem = idempotencyOf(request.headers['idempotency-key'], 'POST', request.url, request.body);
        const result = await idempotent(ctx.db, actor, idem, 200, (trx) => submitInspection(trx, store, actor, request.params.id, request.body));
        return reply.status(result.status).send(result.body);
      },
    );

    r.get(
      '/api/inspections/:id/report.pdf',
      { schema: { tags, summary: '企业环境体检报告 PDF / The inspection report as a PDF', params: IdParamSchema, response: { 200: binary('application/pdf'), ...errors } } },
      async (request, reply) => {
        const { fileName, bytes } = await inspectionReportPdf(ctx.db, store, requireActor(request), request.params.id);
        return sendPdf(reply, fileName, bytes);
      },
    );

    // ---------------------------------------------------------------- photos
    for (const thumb of [false, true]) {
      r.get(
        thumb ? '/api/photos/:id/thumb' : '/api/photos/:id',
        { schema: { tags, summary: thumb ? '照片缩略图 / Photo thumbnail' : '照片原图 / Photo', params: IdParamSchema, response: { 200: binary('the image'), ...errors } } },
        async (request, reply) => {
          const file = await photoFile(ctx.db, requireActor(request), request.params.id, thumb);
          return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=86400, immutable').send(store.openRead(file.sha256));
        },
      );
    }
  };
}

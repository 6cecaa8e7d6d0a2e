/**
 * 问题闭环 routes: the issue list and detail, edits, workflow actions, the grid's follow-ups, photos
 * (raw image body or multipart field "file"), and rectification notices with their PDF. The multipart
 * parser, the raw image parsers and the mapping of too-large bodies are registered in this plugin only.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  FollowUpInputSchema,
  IssueActionInputSchema,
  IssueActionParamSchema,
  IssueDetailSchema,
  IssueIdParamSchema,
  IssueListQuerySchema,
  IssueListSchema,
  IssuePhotoParamSchema,
  IssuePhotoQuerySchema,
  IssuePhotoSchema,
  IssueUpdateSchema,
  NoticeAcknowledgeSchema,
  NoticeDetailSchema,
  NoticeIdParamSchema,
  NoticeListQuerySchema,
  NoticeListSchema,
} from '../../../common/contracts/issues';
import { requireActor } from '../../http/auth';
import { sendPdf } from '../../http/content-disposition';
import type { AppContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { FileStore, type ReceivedFile } from '../../storage/file-store';
import { PHOTO_MAX_BYTES } from '../../storage/photos';
import { addFollowUp, takeAction, updateIssue } from './actions.service';
import { noticePdf } from './notice-pdf';
import { getNotice, listNotices } from './notices.queries';
import { acknowledgeNotice } from './notices.service';
import { assertMayAddPhoto, photoFile, photoPurpose, putPhoto } from './photos.service';
import { getIssue, listIssues } from './queries';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['issues'];
const binary = (what: string) => z.unknown().describe(what);
const RAW_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/octet-stream'];

/** `inline; filename="ascii"; filename*=UTF-8''…` */
const photoTooLarge = () =>
  new AppError(400, 'invalid_photo', `照片超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, 'photo');

/** The photo of a PUT: the raw body, or the first file of a multipart form; a temp file of the store. */
async function receivePhoto(request: FastifyRequest, store: FileStore): Promise<ReceivedFile> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: PHOTO_MAX_BYTES + 1, files: 1 } });
    if (!part) throw new AppError(400, 'invalid_photo', '请选择照片', 'Choose a photo', 'photo');
    return store.receive(part.file, PHOTO_MAX_BYTES);
  }
  const body = request.body;
  const bytes = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body) : null;
  if (!bytes) throw new AppError(400, 'invalid_photo', '请以图片文件作为请求体上传', 'Send the image file as the request body', 'photo');
  return store.receive(Readable.from([bytes]), PHOTO_MAX_BYTES);
}

export function issueRoutes(ctx: AppContext) {
  const store = new FileStore(ctx.config.dataDir);
  return async (app: FastifyInstance) => {
    await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { fileSize: PHOTO_MAX_BYTES + 1, files: 1, fields: 5 } });
    for (const type of RAW_TYPES) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES * 2 }, (_request, body, done) => done(null, body));
    }
    app.setErrorHandler((error: Error & { code?: string }) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge();
      throw error;
    });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/issues',
      { schema: { tags, summary: '问题清单 / Issues in my jurisdiction', querystring: IssueListQuerySchema, response: { 200: IssueListSchema, ...errors } } },
      async (request) => listIssues(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/issues/:id',
      { schema: { tags, summary: '问题详情（四要素、依据、过程、照片）/ One issue', params: IssueIdParamSchema, response: { 200: IssueDetailSchema, ...errors } } },
      async (request) => getIssue(ctx.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/issues/:id',
      { schema: { tags, summary: '修改问题四要素、类别、严重程度（发现/确认阶段）/ Edit an issue while found or confirmed', params: IssueIdParamSchema, body: IssueUpdateSchema, response: { 200: IssueDetailSchema, ...errors } } },
      async (request) => updateIssue(ctx.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/issues/:id/actions/:action',
      {
        schema: {
          tags,
          summary: '问题流转（确认、入库、下发整改通知、提交材料、复核、销号…）/ Take a workflow action',
          description: 'The actions and who may take them are the table ISSUE_ACTIONS (src/common/issue-workflow.ts): 400 action_not_allowed, 403 forbidden_action, 409 stale_version.',
          params: IssueActionParamSchema,
          body: IssueActionInputSchema,
          response: { 200: IssueDetailSchema, ...errors },
        },
      },
      async (request) => takeAction(ctx.db, requireActor(request), request.params.id, request.params.action, request.body),
    );
    r.post(
      '/api/issues/:id/follow-ups',
      { schema: { tags, summary: '网格员周跟进 / A grid cadre\'s follow-up note', params: IssueIdParamSchema, body: FollowUpInputSchema, response: { 201: IssueDetailSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await addFollowUp(ctx.db, requireActor(request), request.params.id, request.body)),
    );
    r.put(
      '/api/issues/:id/photos/:photoId',
      {
        schema: {
          tags,
          summary: '上传问题照片（整改材料/整改后）/ Upload a photo of an issue',
          description: `The raw image (image/jpeg|png|webp|heic) or multipart/form-data with field "file"; ≤ ${PHOTO_MAX_BYTES / 1024 / 1024} MB. The photo id is the client's UUID: the same id again answers 200 with the stored photo.`,
          params: IssuePhotoParamSchema,
          querystring: IssuePhotoQuerySchema,
          response: { 200: IssuePhotoSchema, 201: IssuePhotoSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const purpose = photoPurpose(request.query.purpose);
        await assertMayAddPhoto(ctx.db, actor, request.params.id);
        const received = await receivePhoto(request, store);
        const { created, photo } = await putPhoto(ctx.db, store, actor, request.params.id, request.params.photoId, purpose, received);
        return reply.status(created ? 201 : 200).send(photo);
      },
    );
    r.get(
      '/api/issues/:id/photos/:photoId',
      { schema: { tags, summary: '问题照片 / A photo of an issue', params: IssuePhotoParamSchema, querystring: IssuePhotoQuerySchema, response: { 200: binary('the image'), ...errors } } },
      async (request, reply) => {
        const file = await photoFile(ctx.db, requireActor(request), request.params.id, request.params.photoId, request.query.thumb === 'true');
        return reply
          .header('content-type', file.mime)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=86400, immutable')
          .send(store.openRead(file.sha256));
      },
    );

    r.get(
      '/api/notices',
      { schema: { tags, summary: '整改通知书 / Rectification notices', querystring: NoticeListQuerySchema, response: { 200: NoticeListSchema, ...errors } } },
      async (request) => listNotices(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/notices/:id',
      { schema: { tags, summary: '整改通知书详情 / One notice with its issues', params: NoticeIdParamSchema, response: { 200: NoticeDetailSchema, ...errors } } },
      async (request) => getNotice(ctx.db, requireActor(request), request.params.id),
    );
    r.get(
      '/api/notices/:id/pdf',
      { schema: { tags, summary: '整改通知书 PDF / The notice as a PDF', params: NoticeIdParamSchema, response: { 200: binary('application/pdf'), ...errors } } },
      async (request, reply) => {
        const { number, bytes } = await noticePdf(ctx.db, store, requireActor(request), request.params.id);
        return sendPdf(reply, `整改通知书-${number}.pdf`, bytes);
      },
    );
    r.post(
      '/api/notices/:id/acknowledge',
      { schema: { tags, summary: '企业签收整改通知书 / The enterprise acknowledges a notice', params: NoticeIdParamSchema, body: NoticeAcknowledgeSchema, response: { 200: NoticeDetailSchema, ...errors } } },
      async (request) => acknowledgeNotice(ctx.db, requireActor(request), request.params.id, request.body),
    );
  };
}

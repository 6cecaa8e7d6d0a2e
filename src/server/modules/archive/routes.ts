import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CONFIDENTIALITY,
  DOCUMENT_CATEGORY,
  DeleteDocumentQuerySchema,
  DocumentDetailSchema,
  DocumentIdParamSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DownloadQuerySchema,
  QrCardSchema,
  UPLOAD_LIMITS,
  UpdateDocumentSchema,
  UploadErrorSchema,
  UploadReportSchema,
  VersionParamSchema,
} from '../../../common/contracts/documents';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { requireActor } from '../../http/auth';
import { contentDisposition } from '../../http/content-disposition';
import type { AppContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { FileStore } from '../../storage/file-store';
import { prepareArchive } from './archive-zip';
import { addVersion, assertMayAddVersion, assertMayUploadTo, createDocuments, deleteDocument, updateDocument } from './documents.service';
import { findVersion, getDocument, listDocuments } from './queries';
import { qrCard, qrCardHtml, qrPng, webOrigin } from './qr';
import { receiveUpload } from './upload';

const errors = { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
const uploadErrors = { ...errors, 400: UploadErrorSchema, 409: ApiErrorSchema, 415: ApiErrorSchema };
const SourceParamSchema = z.strictObject({ id: z.uuid() });
const UploadQuerySchema = z.strictObject({ partial: z.enum(['true', 'false']).optional() });
const MB = UPLOAD_LIMITS.maxFileBytes / 1024 / 1024;
/** The multipart form, for the OpenAPI document only: the handler reads the parts itself (upload.ts), so the parsed body is empty. */
const fileField = z.string().meta({ format: 'binary' });
const UploadFormDoc = z
  .object({
    files: z.array(fileField),
    category: z.enum(DOCUMENT_CATEGORY.values),
    title: z.string(),
    documentDate: z.string(),
    confidentiality: z.enum(CONFIDENTIALITY.values),
    partial: z.enum(['true', 'false']),
  })
  .partial()
  .nullish();
const VersionFormDoc = z.object({ files: fileField, version: z.string(), note: z.string() }).partial().nullish();
/** A non-JSON body (file, ZIP, image, HTML): documented, never serialised. */
const binary = (what: string) => z.unknown().describe(what);


/** 档案 (documents of a source), the enterprise's ZIP archive, and 一企一码. */
export function archiveRoutes(ctx: AppContext) {
  const store = new FileStore(ctx.config.dataDir);
  return async (app: FastifyInstance) => {
    // Registered in this plugin's scope only: no other route accepts multipart bodies.
    await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { fileSize: UPLOAD_LIMITS.maxFileBytes + 1 } });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/sources/:id/documents',
      {
        schema: {
          tags: ['documents'],
          summary: '上传档案(可多文件) / Upload documents (one or many files)',
          description:
            `multipart/form-data: files (1–${UPLOAD_LIMITS.maxFilesPerUpload}, ≤ ${MB} MB each; PDF, JPEG/PNG/WEBP/HEIC, DOC/DOCX/XLS/XLSX/PPT/PPTX, OFD, checked by content) ` +
            'and fields category, title (one file only), documentDate (YYYY-MM-DD), confidentiality (public|internal|secret), partial (true: store the good files, report the bad).',
          consumes: ['multipart/form-data'],
          body: UploadFormDoc,
          params: SourceParamSchema,
          querystring: UploadQuerySchema,
          response: { 201: UploadReportSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await assertMayUploadTo(ctx.db, actor, request.params.id);
        const upload = await receiveUpload(request, store);
        const report = await createDocuments(ctx.db, store, actor, request.params.id, upload, request.query.partial === 'true');
        return reply.status(201).send(report);
      },
    );

    r.post(
      '/api/documents/:id/versions',
      {
        schema: {
          tags: ['documents'],
          summary: '上传新版本 / Upload a new version',
          description: 'multipart/form-data: one file, field version (the document\'s version, 409 when stale), optional note.',
          consumes: ['multipart/form-data'],
          body: VersionFormDoc,
          params: DocumentIdParamSchema,
          response: { 201: DocumentDetailSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await assertMayAddVersion(ctx.db, actor, request.params.id);
        const upload = await receiveUpload(request, store);
        return reply.status(201).send(await addVersion(ctx.db, store, actor, request.params.id, upload));
      },
    );

    r.get(
      '/api/sources/:id/documents',
      {
        schema: {
          tags: ['documents'],
          summary: '污染源档案列表 / Documents of a source',
          params: SourceParamSchema,
          querystring: DocumentListQuerySchema,
          response: { 200: DocumentListSchema, 400: ApiErrorSchema, ...errors },
        },
      },
      async (request) => listDocuments(ctx.db, requireActor(request), request.params.id, request.query),
    );

    r.get(
      '/api/documents/:id',
      { schema: { tags: ['documents'], summary: '档案详情(含历史版本) / One document with its versions', params: DocumentIdParamSchema, response: { 200: DocumentDetailSchema, ...errors } } },
      async (request) => getDocument(ctx.db, requireActor(request), request.params.id),
    );

    r.get(
      '/api/documents/:id/versions/:versionNo/download',
      {
        schema: {
          tags: ['documents'],
          summary: '下载档案文件 / Download a version\'s file',
          description: 'Streams the stored bytes; header X-Content-SHA256 carries their SHA-256.',
          params: VersionParamSchema,
          querystring: DownloadQuerySchema,
          response: { 200: binary('the file'), 400: ApiErrorSchema, ...errors },
        },
      },
      async (request, reply) => {
        const version = await findVersion(ctx.db, requireActor(request), request.params.id, request.params.versionNo);
        if (!(await store.exists(version.sha256))) {
          throw new AppError(500, 'file_missing', '该文件在存储中缺失，请联系管理员', 'The file is missing from storage; contact the administrator');
        }
        return reply
          .header('content-type', version.mime_type)
          .header('content-length', String(version.size_bytes))
          .header('content-disposition', contentDisposition(version.original_name, request.query.disposition))
          .header('x-content-sha256', version.sha256)
          .header('etag', `"${version.sha256}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .send(store.openRead(version.sha256));
      },
    );

    r.patch(
      '/api/documents/:id',
      {
        schema: {
          tags: ['documents'],
          summary: '修改档案(标题、类别、密级、日期) / Update a document',
          params: DocumentIdParamSchema,
          body: UpdateDocumentSchema,
          response: { 200: DocumentDetailSchema, 400: ApiErrorSchema, 409: ApiErrorSchema, ...errors },
        },
      },
      async (request) => updateDocument(ctx.db, requireActor(request), request.params.id, request.body),
    );

    r.delete(
      '/api/documents/:id',
      {
        schema: {
          tags: ['documents'],
          summary: '删除档案(隐藏，文件保留) / Delete a document (hidden, file kept)',
          params: DocumentIdParamSchema,
          querystring: DeleteDocumentQuerySchema,
          response: { 204: z.null(), 400: ApiErrorSchema, 409: ApiErrorSchema, ...errors },
        },
      },
      async (request, reply) => {
        await deleteDocument(ctx.db, requireActor(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/sources/:id/archive.zip',
      {
        // Each GET is an audited export; a HEAD must not build (and log) one.
        exposeHeadRoute: false,
        schema: {
          tags: ['documents'],
          summary: '一企一档打包下载 / The source\'s whole archive as one ZIP',
          description: 'Folders by category, 目录.csv (index with SHA-256) and dossier.json; UTF-8 names. Audited as an export.',
          params: SourceParamSchema,
          response: { 200: binary('application/zip'), ...errors },
        },
      },
      async (request, reply) => {
        const archive = await prepareArchive(ctx.db, store, requireActor(request), request.params.id);
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', contentDisposition(archive.fileName))
          .header('cache-control', 'private, no-store')
          .send(archive.stream());
      },
    );

    const qrSchema = (summary: string, what: string) => ({
      schema: { tags: ['documents'], summary, params: SourceParamSchema, response: { 200: binary(what), ...errors } },
    });

    r.get('/api/sources/:id/qr.svg', qrSchema('一企一码 (SVG) / QR code of the dossier (SVG)', 'image/svg+xml'), async (request, reply) => {
      const card = await qrCard(ctx.db, requireActor(request), request.params.id, webOrigin(request, ctx.config));
      return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=300').send(card.svg);
    });

    r.get('/api/sources/:id/qr.png', qrSchema('一企一码 (PNG) / QR code of the dossier (PNG)', 'image/png'), async (request, reply) => {
      const card = await qrCard(ctx.db, requireActor(request), request.params.id, webOrigin(request, ctx.config));
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').send(await qrPng(card.url));
    });

    r.get('/api/sources/:id/qr-card', qrSchema('一企一码打印卡片 (HTML) / Printable QR card (HTML)', 'text/html'), async (request, reply) => {
      const card = await qrCard(ctx.db, requireActor(request), request.params.id, webOrigin(request, ctx.config));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(qrCardHtml(card));
    });

    r.get(
      '/api/sources/:id/qr-card.json',
      { schema: { tags: ['documents'], summary: '一企一码卡片数据 / QR card data for the web to render', params: SourceParamSchema, response: { 200: QrCardSchema, ...errors } } },
      async (request) => qrCard(ctx.db, requireActor(request), request.params.id, webOrigin(request, ctx.config)),
    );
  };
}

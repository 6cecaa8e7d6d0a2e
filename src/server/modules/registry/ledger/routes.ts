/**
 * Excel ledger routes. Uploads are multipart/form-data (field "file", as the browser sends it) or the
 * raw .xlsx body with its media type and the name in `x-file-name` (URI-encoded); 20 MB at most.
 * The multipart parser and the upload error mapping are registered inside this plugin only.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../../common/contracts/errors';
import {
  CommitImportSchema,
  CommitResponseSchema,
  ImportIdParamSchema,
  ImportListSchema,
  ImportReportSchema,
  LEDGER_MAX_FILE_BYTES,
  LedgerImportSchema,
  ReportQuerySchema,
  UpdateMappingSchema,
} from '../../../../common/contracts/ledgers';
import { requireActor } from '../../../http/auth';
import type { AppContext } from '../../../http/context';
import { AppError } from '../../../http/errors';
import { commitImport } from './commit';
import { ExportQuerySchema, exportLedger } from './export';
import { getReport, listImports, updateMapping, uploadLedger } from './import';
import { ledgerTemplate } from './template';
import { contentDisposition } from '../../../http/content-disposition';
import { XLSX_MIME } from './workbook';
import { tooLarge } from './xlsx-guard';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 413: ApiErrorSchema };
const TAGS = ['ledgers'];
/** The .xlsx bytes: Fastify sends a Buffer as it is, without the serializer. */
const xlsxFile = { 200: z.any().describe('.xlsx (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)'), ...errors };

const noFile = () => new AppError(400, 'no_file', '请选择要上传的 .xlsx 文件', 'Choose an .xlsx file to upload', 'file');

async function receiveFile(request: FastifyRequest): Promise<{ name?: string; data: Buffer }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw noFile();
    const data = await part.toBuffer();
    return { name: part.filename, data };
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw noFile();
  const header = request.headers['x-file-name'];
  const raw = Array.isArray(header) ? header[0] : header;
  let name: string | undefined;
  try {
    name = raw ? decodeURIComponent(raw) : undefined;
  } catch {
    name = raw;
  }
  return { name, data: request.body };
}

function stamp(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

export function ledgerRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    await app.register(fastifyMultipart, { limits: { fileSize: LEDGER_MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 } });
    for (const type of [XLSX_MIME, 'application/octet-stream']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: LEDGER_MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
    }
    // A too-big upload gets the ledger's own message; everything else goes on to the app's handler.
    app.setErrorHandler((error: Error & { code?: string }) => {
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
        case 'FST_REQ_FILE_TOO_LARGE':
          throw tooLarge();
        case 'FST_FILES_LIMIT':
        case 'FST_PARTS_LIMIT':
        case 'FST_FIELDS_LIMIT':
        case 'FST_PROTO_VIOLATION':
          throw new AppError(400, 'one_file', '一次只能上传一个 .xlsx 文件', 'Upload one .xlsx file at a time', 'file');
        case 'FST_MP_PREMATURE_CLOSE':
          throw new AppError(400, 'upload_interrupted', '上传中断，请重新上传', 'The upload was interrupted; upload the file again', 'file');
        default:
          throw error;
      }
    });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/ledgers/sources/template.xlsx',
      { schema: { tags: TAGS, summary: '污染源台账导入模板 / Ledger import template (.xlsx)', response: xlsxFile } },
      async (request, reply) => {
        const data = await ledgerTemplate(ctx.db, requireActor(request));
        return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition('污染源台账导入模板.xlsx')).send(data);
      },
    );

    r.get(
      '/api/ledgers/sources/export.xlsx',
      { schema: { tags: TAGS, summary: '导出污染源台账(筛选同列表) / Export the filtered source list (.xlsx)', querystring: ExportQuerySchema, response: xlsxFile } },
      async (request, reply) => {
        const data = await exportLedger(ctx.db, requireActor(request), request.query);
        return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(`污染源台账_${stamp()}.xlsx`)).send(data);
      },
    );

    r.get(
      '/api/ledgers/sources/imports',
      { schema: { tags: TAGS, summary: '本单位的导入批次 / My organisation\'s import batches', response: { 200: ImportListSchema, ...errors } } },
      async (request) => listImports(ctx.db, requireActor(request)),
    );

    r.post(
      '/api/ledgers/sources/imports',
      {
        bodyLimit: LEDGER_MAX_FILE_BYTES,
        schema: {
          tags: TAGS,
          summary: '上传台账并校验 / Upload a ledger (.xlsx) and validate it',
          description: 'multipart/form-data (field "file") or the raw .xlsx body; the same file again returns its existing batch (200)',
          response: { 200: LedgerImportSchema, 201: LedgerImportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { created, view } = await uploadLedger(ctx.db, actor, await receiveFile(request));
        return reply.status(created ? 201 : 200).send(view);
      },
    );

    r.get(
      '/api/ledgers/sources/imports/:id',
      { schema: { tags: TAGS, summary: '导入批次与校验报告 / An import batch with its validation report', params: ImportIdParamSchema, querystring: ReportQuerySchema, response: { 200: ImportReportSchema, ...errors } } },
      async (request) => getReport(ctx.db, requireActor(request), request.params.id, request.query),
    );

    r.post(
      '/api/ledgers/sources/imports/:id/mapping',
      { schema: { tags: TAGS, summary: '调整列对应并重新校验 / Map columns and validate again', params: ImportIdParamSchema, body: UpdateMappingSchema, response: { 200: LedgerImportSchema, ...errors } } },
      async (request) => updateMapping(ctx.db, requireActor(request), request.params.id, request.body),
    );

    r.post(
      '/api/ledgers/sources/imports/:id/commit',
      { schema: { tags: TAGS, summary: '提交导入 / Commit an import', params: ImportIdParamSchema, body: CommitImportSchema, response: { 200: CommitResponseSchema, ...errors } } },
      async (request) => commitImport(ctx.db, requireActor(request), request.params.id, request.body),
    );
  };
}

import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { ZodType } from 'zod';
import { UPLOAD_LIMITS, type FileKind, type RefusedFile } from '../../../common/contracts/documents';
import { AppError, invalidField } from '../../http/errors';
import { describeValidationError } from '../../http/validation-message';
import type { FileStore, ReceivedFile } from '../../storage/file-store';
import { FileSniffer, judgeType } from './file-types';

/** A file of an upload that passed every check, still in its temp file. */
export interface AcceptedFile {
  fileName: string;
  kind: FileKind;
  received: ReceivedFile;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  accepted: AcceptedFile[];
  refused: RefusedFile[];
}

const MAX_NAME = 255;
const MB = 1024 * 1024;

/** Strips what a browser or OS may leave in a name (busboy already decodes it as UTF-8): directories, control characters, padding. */
function cleanName(raw: string | undefined): string {
  const name = (raw ?? '').split(/[\\/]/).pop() ?? '';
  return name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

function refusal(fileName: string, code: string, zh: string, en: string): RefusedFile {
  return { fileName, code, message: { zh: `文件「${fileName}」：${zh}`, en: `File "${fileName}": ${en}` } };
}

/**
 * Reads a multipart upload: every file streams into a temp file of the store while it is hashed and
 * its type sniffed; form fields are collected as strings. Nothing is committed here. On any failure
 * the temp files are removed.
 */
export async function receiveUpload(request: FastifyRequest, store: FileStore): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'not_multipart', '请以 multipart/form-data 方式上传文件', 'Upload files as multipart/form-data', 'files');
  }
  const fields: Record<string, string> = {};
  const accepted: AcceptedFile[] = [];
  const refused: RefusedFile[] = [];
  let fileCount = 0;
  try {
    const parts = request.parts({
      limits: { fileSize: UPLOAD_LIMITS.maxFileBytes + 1, fields: 20, fieldSize: 4096, parts: UPLOAD_LIMITS.maxFilesPerUpload + 40 },
      throwFileSizeLimit: false,
    } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname in fields) throw invalidField(part.fieldname, `字段「${part.fieldname}」重复`, `Field ${part.fieldname} is given more than once`);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      fileCount += 1;
      if (fileCount > UPLOAD_LIMITS.maxFilesPerUpload) {
        part.file.resume();
        throw tooManyFiles();
      }
      const fileName = cleanName(part.filename) || `未命名-${fileCount}`;
      const sniffer = new FileSniffer();
      const received = await store.receive(part.file, UPLOAD_LIMITS.maxFileBytes, (chunk) => sniffer.push(chunk));
      const verdict = judge(fileName, received, sniffer);
      if (verdict.ok) accepted.push({ fileName, kind: verdict.kind, received });
      else {
        await store.discard(received);
        refused.push(verdict.refused);
      }
    }
  } catch (error) {
    await Promise.all(accepted.map((f) => store.discard(f.received)));
    throw asUploadError(error);
  }
  if (fileCount === 0) throw invalidField('files', '请选择要上传的文件', 'Choose at least one file to upload');
  return { fields, accepted, refused };
}

function judge(fileName: string, received: ReceivedFile, sniffer: FileSniffer): { ok: true; kind: FileKind } | { ok: false; refused: RefusedFile } {
  const limitMb = UPLOAD_LIMITS.maxFileBytes / MB;
  if (fileName.length > MAX_NAME) {
    return { ok: false, refused: refusal(fileName, 'name_too_long', `文件名超过 ${MAX_NAME} 个字符`, `the file name is longer than ${MAX_NAME} characters`) };
  }
  if (received.tooLarge) {
    return { ok: false, refused: refusal(fileName, 'too_large', `超过单个文件 ${limitMb} MB 的上限`, `larger than the ${limitMb} MB limit per file`) };
  }
  if (received.size === 0) return { ok: false, refused: refusal(fileName, 'empty_file', '文件为空', 'the file is empty') };
  const verdict = judgeType(fileName, sniffer);
  if (!verdict.ok) return { ok: false, refused: refusal(fileName, verdict.code, verdict.reason.zh, verdict.reason.en) };
  return { ok: true, kind: verdict.kind };
}

const tooManyFiles = () =>
  invalidField(
    'files',
    `一次最多上传 ${UPLOAD_LIMITS.maxFilesPerUpload} 个文件，请分批上传`,
    `At most ${UPLOAD_LIMITS.maxFilesPerUpload} files per upload; split the upload`,
  );

/** The multipart plugin's own errors, in the API's error shape. */
function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') return tooManyFiles();
  if (code === 'FST_FIELDS_LIMIT') return invalidField('fields', '表单字段过多', 'Too many form fields');
  if (code === 'FST_PROTO_VIOLATION') return invalidField('fields', '表单字段名无效', 'Invalid form field name');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || /multipart|part terminated|boundary/i.test((error as Error).message ?? '')) {
    return new AppError(400, 'malformed_multipart', '上传内容不完整或格式错误，请重试', 'The upload is incomplete or malformed; please try again', 'files');
  }
  return error;
}

/** Validates the form fields of an upload with a zod schema; the first problem becomes a 400 naming the field. */
export function parseFields<T>(schema: ZodType<T>, fields: Record<string, string>): T {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const { path, code, message, ...params } = issue as typeof issue & Record<string, unknown>;
    return { keyword: code, instancePath: `/${path.join('/')}`, schemaPath: '', message, params } as unknown as FastifySchemaValidationError;
  });
  const { field, zh, en } = describeValidationError(issues, 'body');
  throw new AppError(400, 'validation', zh, en, field);
}

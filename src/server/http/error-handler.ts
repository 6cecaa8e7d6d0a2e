import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError } from '../../common/contracts/errors';
import { AppError } from './errors';
import { describeValidationError } from './validation-message';

/** Maps every failure to the one error shape {code, message: {zh, en}, field?}. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).headers(error.headers).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { field, zh, en } = describeValidationError(error.validation, (error as { validationContext?: string }).validationContext);
      return reply.status(400).send({ code: 'validation', message: { zh, en }, field } satisfies ApiError);
    }
    const known = fastifyErrors[error.code ?? ''];
    if (known) return reply.status(known.status).send({ code: known.code, message: known.message } satisfies ApiError);
    if (isResponseSerializationError(error)) request.log.error({ err: error.cause }, 'response did not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      code: 'internal',
      message: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' },
    } satisfies ApiError);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      code: 'route_not_found',
      message: { zh: `接口不存在：${request.method} ${request.url.split('?')[0]}`, en: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` },
    } satisfies ApiError);
  });
}

const fastifyErrors: Record<string, { status: number; code: string; message: ApiError['message'] }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', message: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', message: { zh: '请求体为空，但声明为 JSON', en: 'The request body is empty but declared as JSON' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', message: { zh: '请求体过大', en: 'The request body is too large' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: { zh: '不支持的内容类型，请使用 application/json', en: 'Unsupported content type; use application/json' } },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_content_length', message: { zh: '请求体长度与声明不符', en: 'The body length does not match Content-Length' } },
};

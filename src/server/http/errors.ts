import type { ApiError } from '../../common/contracts/errors';

/** A failure with its HTTP status and a bilingual message; the only error type routes throw. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(en);
  }
  toBody(): ApiError {
    return { code: this.code, message: { zh: this.zh, en: this.en }, ...(this.field ? { field: this.field } : {}) };
  }
}

export const notFound = (entity: string, entityZh: string) =>
  new AppError(404, 'not_found', `${entityZh}不存在或不在您的管辖范围内`, `${entity} not found or outside your jurisdiction`);

export const staleVersion = () =>
  new AppError(409, 'stale_version', '该记录已被他人修改，请刷新后重试', 'This record was changed by someone else; reload and try again', 'version');

export const invalidField = (field: string, zh: string, en: string) => new AppError(400, 'invalid_field', zh, en, field);

export const forbidden = () =>
  new AppError(403, 'forbidden', '您的角色无权执行此操作', 'Your role may not perform this action');

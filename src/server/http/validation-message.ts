import type { FastifySchemaValidationError } from 'fastify';

/** Turns the first zod issue of a rejected request into a field name and a reason in Chinese and English. */
export function describeValidationError(
  issues: FastifySchemaValidationError[],
  context: string | undefined,
): { field: string; zh: string; en: string } {
  const issue = issues[0];
  const params = (issue?.params ?? {}) as Record<string, unknown>;
  const path = (issue?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const where = context === 'querystring' ? 'query' : context ?? 'body';
  if (issue?.keyword === 'unrecognized_keys') {
    const keys = (params.keys as string[] | undefined)?.join(', ') ?? '';
    const field = path ? `${path}.${keys}` : keys;
    return { field, zh: `不允许的字段：${keys}`, en: `Unknown field(s): ${keys}` };
  }
  const field = path || where;
  const label = `「${field}」`;
  switch (issue?.keyword) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message ?? '')) {
        return { field, zh: `${label}为必填项`, en: `${field} is required` };
      }
      return { field, zh: `${label}类型错误，应为 ${params.expected}`, en: `${field} must be of type ${params.expected}` };
    case 'too_small':
      return params.origin === 'string'
        ? { field, zh: `${label}至少 ${params.minimum} 个字符`, en: `${field} must have at least ${params.minimum} characters` }
        : { field, zh: `${label}不能小于 ${params.minimum}`, en: `${field} must be at least ${params.minimum}` };
    case 'too_big':
      return params.origin === 'string'
        ? { field, zh: `${label}最多 ${params.maximum} 个字符`, en: `${field} must have at most ${params.maximum} characters` }
        : { field, zh: `${label}不能大于 ${params.maximum}`, en: `${field} must be at most ${params.maximum}` };
    case 'invalid_value':
    case 'invalid_enum_value': {
      const values = (params.values as unknown[] | undefined)?.join(', ') ?? '';
      return { field, zh: `${label}取值无效，可选：${values}`, en: `${field} must be one of: ${values}` };
    }
    case 'invalid_format':
      return { field, zh: `${label}格式不正确`, en: `${field} has an invalid format (${params.format ?? 'pattern'})` };
    default:
      return { field, zh: `${label}无效：${issue?.message ?? ''}`, en: `${field} is invalid: ${issue?.message ?? ''}` };
  }
}

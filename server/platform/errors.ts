// One error handler: DomainError, validation and framework errors become 4xx with Chinese messages; anything else 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, invalid } from '../../domain/errors.ts';

export interface FieldError { field: string; message: string }

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，应为 JSON 对象',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度有误',
  FST_REQ_FILE_TOO_LARGE: '上传文件超过大小限制',
  FST_FILES_LIMIT: '一次只能上传一个文件',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请使用 multipart/form-data 上传文件',
  FST_ERR_VALIDATION: '请求参数有误',
};

function fieldOf(path: string | undefined, context: string | undefined): string {
  const p = (path ?? '').replace(/^\//, '').replace(/\//g, '.');
  return p || context || 'body';
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: unknown[]; validationContext?: string }, req, reply) => {
    if (err instanceof DomainError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, ...(err.details ?? {}) });
    }
    if (err.validation) {
      const fields: FieldError[] = (err.validation as { instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }[]).map((v) => {
        const issuePath = v.params?.issue?.path;
        const field = Array.isArray(issuePath) && issuePath.length ? issuePath.join('.') : fieldOf(v.instancePath, err.validationContext);
        return { field, message: v.message ?? '格式不正确' };
      });
      const where = err.validationContext === 'querystring' ? '查询参数' : err.validationContext === 'params' ? '路径参数' : '请求参数';
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `${where}有误：${fields.map((f) => `${f.field}（${f.message}）`).join('；')}`,
        fields,
      });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send({ code: err.code ?? 'BAD_REQUEST', message: FRAMEWORK_MESSAGES[err.code] ?? '请求有误' });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' });
  });
}

/**
 * Unknown API paths get a JSON 404. With a built web app, other GET paths are client-side routes and get
 * its index.html (sendFile comes from @fastify/static).
 */
export function installNotFound(app: FastifyInstance, serveWebApp: boolean) {
  app.setNotFoundHandler((req, reply) => {
    if (serveWebApp && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
}

/** The path of the first string (value or key) holding U+0000, e.g. ['formData', '备注']; undefined when there is none. */
export function nulCharPath(value: unknown): string[] | undefined {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return [...path, k];
        stack.push([child, [...path, k]]);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000: such input would fail deep in a query and surface as a 500.
 * It is refused up front as a 400 naming the field.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const path = nulCharPath(value);
      if (path) {
        const field = path.length ? path.join('.') : where;
        throw invalid(field, `${field} 含有不允许的空字符（U+0000）`);
      }
    }
  });
}

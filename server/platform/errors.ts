// One error handler: DomainError, validation and framework errors become 4xx with Chinese messages; anything else 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

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
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
}

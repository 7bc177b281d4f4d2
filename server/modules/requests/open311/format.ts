// GeoReport v2 answers in JSON or XML (the format is the resource's extension), and its error shape:
// a list of {code, description}, where code repeats the HTTP status.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../domain/errors.ts';

export type Format = 'json' | 'xml';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function xmlValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  return escapeXml(String(v));
}

/** `<root><item><field>…</field>…</item>…</root>` with the XML declaration the specification asks for. */
export function toXml(root: string, item: string, rows: Record<string, unknown>[]): string {
  const body = rows.map((r) => `<${item}>${Object.entries(r).map(([k, v]) => `<${k}>${xmlValue(v)}</${k}>`).join('')}</${item}>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}

export function send(reply: FastifyReply, format: Format, root: string, item: string, rows: Record<string, unknown>[], status = 200) {
  reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, item, rows));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows));
}

/** The format a request asked for: the extension of the resource (errors before routing default to JSON). */
export const formatOf = (req: FastifyRequest): Format => (/\.xml(?:\?|$)/.test(req.url) ? 'xml' : 'json');

const FRAMEWORK: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型，请用 application/x-www-form-urlencoded 或 application/json',
};

/** Every error of the Open311 routes as the specification's error list, in the format asked for. */
interface ValidationIssue { message?: string; params?: { issue?: { path?: unknown[] } }; instancePath?: string }

export function open311ErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  let status: number;
  let description: string;
  if (err instanceof DomainError) {
    status = err.status;
    description = err.message;
  } else if (err.validation) {
    status = 400;
    description = (err.validation as ValidationIssue[]).map((v) => {
      const path = v.params?.issue?.path;
      const field = Array.isArray(path) && path.length ? path.join('.') : (v.instancePath ?? '').replace(/^\//, '');
      return field ? `${field}：${v.message ?? '格式不正确'}` : (v.message ?? '格式不正确');
    }).join('；');
  } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    status = err.statusCode;
    description = FRAMEWORK[err.code] ?? '请求有误';
  } else {
    req.log.error({ err }, 'unhandled error');
    status = 500;
    description = '系统繁忙，请稍后再试';
  }
  return send(reply, formatOf(req), 'errors', 'error', [{ code: status, description }], status);
}

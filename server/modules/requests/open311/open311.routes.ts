// GeoReport v2 routes under /open311/v2. They live in their own encapsulated scope: form-encoded bodies
// (the specification's POST) are parsed only here, and errors take the specification's shape here only.
import { z } from 'zod';
import { typed, type App } from '../../../platform/http.ts';
import { Open311ListQuery, Open311PostInput, type Open311Service } from './open311.service.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { open311ErrorHandler, send } from './format.ts';

const Format = z.object({ format: z.enum(['json', 'xml'], { message: '格式应为 json 或 xml' }) });
const tags = ['open311'];

export function open311Routes(app: App, service: Open311Service) {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      const out: Record<string, string> = {};
      // The first value of a repeated argument counts; attribute[…] and other unknown arguments are ignored later.
      for (const [k, v] of new URLSearchParams(body as string)) if (!(k in out)) out[k] = v;
      done(null, out);
    });
    // Multipart or plain text reach the handler without fields: say which encodings work instead of "expected object".
    scope.addHook('preValidation', async (req) => {
      if (req.method === 'POST' && (typeof req.body !== 'object' || req.body === null)) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请用 application/x-www-form-urlencoded 或 application/json 提交', 'UNSUPPORTED_MEDIA_TYPE');
      }
    });
    scope.setErrorHandler(open311ErrorHandler);
    scope.setNotFoundHandler((req, reply) => open311ErrorHandler(Object.assign(new Error('not found'), { statusCode: 404, code: 'OPEN311_NOT_FOUND' }) as never, req, reply));
    const r = typed(scope);

    r.get('/services.:format', { schema: { tags, summary: 'Open311：服务（诉求分类）列表', params: Format } }, async (req, reply) =>
      send(reply, req.params.format, 'services', 'service', service.services() as never));

    r.post('/requests.:format', { schema: { tags, summary: 'Open311：提交诉求（需 api_key；表单或 JSON）', params: Format, body: Open311PostInput } }, async (req, reply) =>
      send(reply, req.params.format, 'service_requests', 'request', await service.create(req.body), 201));

    r.get('/requests.:format', { schema: { tags, summary: 'Open311：诉求查询（默认近 90 天，最多 1000 条）', params: Format, querystring: Open311ListQuery } }, async (req, reply) =>
      send(reply, req.params.format, 'service_requests', 'request', await service.list(req.query)));

    r.get('/requests/:id.:format', {
      schema: { tags, summary: 'Open311：按工单号查询诉求', params: Format.extend({ id: z.string().trim().min(1).max(40, 'service_request_id 过长') }) },
    }, async (req, reply) => send(reply, req.params.format, 'service_requests', 'request', await service.get(req.params.id)));
  }, { prefix: '/open311/v2' });
}

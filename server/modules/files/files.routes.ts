import { z } from 'zod';
import { typed, errors, type App } from '../../platform/http.ts';
import { requireUser } from '../../platform/auth.ts';
import { DomainError, notFound } from '../../../domain/errors.ts';
import type { FilesService } from './files.service.ts';

/** Whether this user may download the file: its owner, or staff who can see a case it belongs to. */
export type FileAccessCheck = (userId: string, fileId: string, ownerId: string) => Promise<boolean>;

/** 10 MB, 512 KB: a limit under 1 MB must not read as "0 MB". */
const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function filesRoutes(app: App, files: FilesService, canRead: FileAccessCheck, maxBytes: number) {
  const r = typed(app);
  const tags = ['files'];

  r.post('/api/files', {
    schema: {
      tags, summary: '上传材料（multipart，字段 file；PDF/JPG/PNG）', consumes: ['multipart/form-data'],
      response: { 201: z.object({ fileId: z.string(), sha256: z.string(), size: z.number(), mime: z.string(), name: z.string() }), ...errors(400, 401, 413, 415) },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    if (!req.isMultipart()) throw new DomainError('MULTIPART_REQUIRED', '请使用 multipart/form-data 上传文件（字段名 file）', 'VALIDATION_FAILED', { fields: [{ field: 'file', message: '缺少文件' }] });
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new DomainError('FILE_REQUIRED', '缺少上传文件（字段名 file）', 'VALIDATION_FAILED', { fields: [{ field: 'file', message: '缺少文件' }] });
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError('FILE_TOO_LARGE', `文件不能超过 ${sizeLabel(maxBytes)}`, 'PAYLOAD_TOO_LARGE', { fields: [{ field: 'file', message: '文件过大' }] });
      }
      throw e;
    }
    return reply.status(201).send(await files.upload(user, part.filename, content));
  });

  r.get('/api/files/:id', { schema: { tags, summary: '下载材料（本人或经办人员）', params: z.object({ id: z.uuid('文件编号格式不正确') }) } }, async (req, reply) => {
    const user = requireUser(req);
    const f = await files.findFile(req.params.id);
    if (!f || !(await canRead(user.id, f.id, f.ownerId))) throw notFound('FILE_NOT_FOUND', '文件不存在');
    reply.header('content-type', f.mime);
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.originalName)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(files.open(f.sha256));
  });
}

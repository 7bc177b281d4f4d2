import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { ALLOWED_UPLOADS, type FileStore } from '../../platform/files.ts';
import { DomainError, notFound } from '../../../domain/errors.ts';
import type { AuthUser } from '../../platform/auth.ts';

/** The uploaded file's name as shown later: no control characters (PostgreSQL text cannot even hold U+0000), at most 200 characters. */
const cleanName = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);

export function createFilesService(db: Db, store: FileStore, clock: Clock) {
  return {
    async upload(user: AuthUser, name: string, content: Buffer) {
      if (content.length === 0) throw new DomainError('EMPTY_FILE', '上传的文件是空的', 'VALIDATION_FAILED', { fields: [{ field: 'file', message: '文件为空' }] });
      // The type is decided by the content; a renamed .exe stays an .exe.
      const type = await fileTypeFromBuffer(content);
      if (!type || !ALLOWED_UPLOADS[type.mime]) {
        throw new DomainError('UNSUPPORTED_FILE_TYPE', '只能上传 PDF、JPG 或 PNG 文件（按文件内容识别）', 'UNSUPPORTED_MEDIA_TYPE', {
          fields: [{ field: 'file', message: `文件类型不受支持${type ? `：${type.mime}` : ''}` }],
        });
      }
      const { sha256, size } = await store.put(content);
      const row = await db.insertInto('files').values({
        sha256, size, mime: type.mime, originalName: cleanName(name) || `upload.${type.ext}`, ownerId: user.id, createdAt: clock.now(),
      }).returning(['id', 'sha256', 'size', 'mime', 'originalName']).executeTakeFirstOrThrow();
      return { fileId: row.id, sha256: row.sha256, size: row.size, mime: row.mime, name: row.originalName };
    },

    findFile: (id: string) => db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst(),

    async getFile(id: string) {
      const f = await this.findFile(id);
      if (!f) throw notFound('FILE_NOT_FOUND', '文件不存在');
      return f;
    },

    open: (sha256: string) => store.open(sha256),
  };
}
export type FilesService = ReturnType<typeof createFilesService>;

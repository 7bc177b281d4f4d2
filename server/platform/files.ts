// Uploaded file content, stored once per SHA-256 under <dataDir>/files/ab/cd/<sha256>.
import { createHash } from 'node:crypto';
import { mkdirSync, existsSync, createReadStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileStore {
  put(content: Buffer): Promise<{ sha256: string; size: number }>;
  open(sha256: string): NodeJS.ReadableStream;
}

export function localFileStore(root: string): FileStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  return {
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const target = pathOf(sha256);
      if (!existsSync(target)) {
        mkdirSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
        // Written to a temporary name and renamed, so a crash never leaves half a file under the real name.
        await writeFile(tmp, content, { flush: true });
        await rename(tmp, target);
      }
      return { sha256, size: content.length };
    },
    open: (sha256) => createReadStream(pathOf(sha256)),
  };
}

/** The types accepted for material uploads, decided by the bytes, not the name. */
export const ALLOWED_UPLOADS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

// Upload control for one material: antd Upload → POST /api/files (api.upload), with an inline file list
// (no tooltips/pop-ups, so it also works in 长辈版), client-side type/size checks and the server's Chinese errors.
import type { ReactNode } from 'react';
import { Button, Progress, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../lib/api.ts';
import { formatSize, uuid } from '../../lib/format.ts';
import type { UploadedFile } from '../../lib/types.ts';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png';
const MAX_BYTES = 10 * 1024 * 1024;

export interface LocalFile {
  uid: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'error';
  percent: number;
  fileId?: string;
  error?: string;
}

function precheck(file: File): string | null {
  if (!/\.(pdf|jpe?g|png)$/i.test(file.name)) return '只能上传 PDF、JPG 或 PNG 格式的文件';
  if (file.size > MAX_BYTES) return `文件大小 ${formatSize(file.size)}，超过 10 MB 的限制`;
  if (file.size === 0) return '文件是空的，请重新选择';
  return null;
}

export function MaterialUploader({
  materialName,
  files,
  onChange,
  inputId,
  disabled,
  extra,
}: {
  materialName: string;
  files: LocalFile[];
  onChange: (update: (prev: LocalFile[]) => LocalFile[]) => void;
  inputId?: string;
  disabled?: boolean;
  /** Another way to provide the material, shown beside the upload button (e.g. 使用政府已有数据). */
  extra?: ReactNode;
}) {
  const patch = (uid: string, p: Partial<LocalFile>) => onChange((prev) => prev.map((f) => (f.uid === uid ? { ...f, ...p } : f)));

  return (
    <div className="tb-uploader">
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        disabled={disabled}
        customRequest={({ file, onSuccess, onError, onProgress }) => {
          const f = file as File;
          const uid = uuid();
          const problem = precheck(f);
          onChange((prev) => [...prev, { uid, name: f.name, size: f.size, status: problem ? 'error' : 'uploading', percent: problem ? 0 : 30, error: problem ?? undefined }]);
          if (problem) {
            onError?.(new Error(problem));
            return;
          }
          onProgress?.({ percent: 30 });
          api
            .upload<UploadedFile>('/api/files', f)
            .then((res) => {
              patch(uid, { status: 'done', percent: 100, fileId: res.fileId, size: res.size ?? f.size });
              onSuccess?.(res);
            })
            .catch((e: unknown) => {
              const msg = e instanceof ApiError ? e.message : '上传失败，请重试';
              patch(uid, { status: 'error', percent: 0, error: msg });
              onError?.(e as Error);
            });
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} disabled={disabled}>
          {files.some((f) => f.status === 'done') ? '继续上传' : '上传文件'}
          <span className="tb-sr-only">：{materialName}</span>
        </Button>
      </Upload>
      {extra}
      <span className="tb-upload-hint">支持 PDF、JPG、PNG，单个文件不超过 10 MB</span>
      {files.length ? (
        <ul className="tb-file-list" aria-live="polite">
          {files.map((f) => (
            <li key={f.uid} className={`tb-file tb-file-${f.status}`}>
              <FileOutlined aria-hidden />
              <span className="tb-file-name">{f.name}</span>
              <span className="tb-file-size">{formatSize(f.size)}</span>
              {f.status === 'uploading' ? (
                <span className="tb-file-progress">
                  <Progress percent={f.percent} size="small" status="active" showInfo={false} aria-label={`${f.name} 上传进度`} />
                  <span>上传中…</span>
                </span>
              ) : null}
              {f.status === 'done' ? <span className="tb-file-ok">已上传</span> : null}
              {f.status === 'error' ? (
                <span className="tb-file-error" role="alert">
                  上传失败：{f.error}
                </span>
              ) : null}
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => onChange((prev) => prev.filter((x) => x.uid !== f.uid))}
                disabled={f.status === 'uploading'}
              >
                移除<span className="tb-sr-only">{f.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

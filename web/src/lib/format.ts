// Small display helpers shared by pages.
import dayjs from 'dayjs';

export function formatDate(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY年M月D日') : '—';
}

export function formatDateTime(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—';
}

/** 0 working days means 即办 (decided on the spot). */
export function limitText(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return days === 0 ? '即办' : `${days} 个工作日`;
}

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** A random uuid that works even without crypto.randomUUID (plain http on a LAN address). */
export function uuid(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && c.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Labels of the application form's own fields (formData keys). */
export const FORM_FIELD_LABELS: Record<string, string> = { remark: '申请说明', address: '联系地址' };
export const formFieldLabel = (key: string) => FORM_FIELD_LABELS[key] ?? key;

// Bits shared by the admin pages.
import { Typography, type FormInstance } from 'antd';
import { ApiError } from '../../lib/api.ts';
import { useEffect, useRef, type ReactNode } from 'react';

export function AdminTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 16 }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}

export const fieldLabel = { display: 'block', fontSize: 14, color: '#262626', marginBottom: 4 } as const;

/** '2026-01-05T…' → '2026-01-05 08:30' in local time. */
export function fmtTime(v: string | null | undefined): string {
  if (!v) return '—';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Server field path 'materials.0.name' → antd form name ['materials', 0, 'name']. */
export function toFormPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Puts the field errors of a 400 answer on the form's fields; true when there were some. */
export function showServerFieldErrors<T>(form: FormInstance<T>, e: unknown): boolean {
  if (!(e instanceof ApiError && e.status === 400 && e.fields.length)) return false;
  form.setFields(e.fields.map((f) => ({ name: toFormPath(f.field) as never, errors: [f.message] })));
  return true;
}

export const emptyText = (text: string) => <div style={{ color: '#262626', padding: 24 }}>{text}</div>;

/** Wraps an antd Table that scrolls sideways so keyboard users can scroll it (axe: scrollable-region-focusable). */
export function KeyboardScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    });
  });
  return <div ref={ref}>{children}</div>;
}

// A tag with text colours that keep ≥ 4.5:1 contrast (antd's preset tag colours are too light for WCAG AA).
import type { CSSProperties, ReactNode } from 'react';

export type Tone = 'blue' | 'green' | 'orange' | 'red' | 'grey' | 'purple' | 'cyan';

export const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  blue: { color: '#003a8c', background: '#e8f1ff', border: '#91caff' },
  green: { color: '#135200', background: '#f0f9eb', border: '#95de64' },
  orange: { color: '#7a3300', background: '#fff4e0', border: '#ffc069' },
  red: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  grey: { color: '#3a3a3a', background: '#f5f5f5', border: '#d0d0d0' },
  purple: { color: '#391085', background: '#f7f0ff', border: '#d3adf7' },
  cyan: { color: '#00474f', background: '#e6fffb', border: '#87e8de' },
};

export function SoftTag({ tone = 'blue', children, icon, style, title }: { tone?: Tone; children: ReactNode; icon?: ReactNode; style?: CSSProperties; title?: string }) {
  const t = TONES[tone];
  return (
    <span className="tb-tag" title={title} style={{ color: t.color, background: t.background, borderColor: t.border, ...style }}>
      {icon}
      {children}
    </span>
  );
}

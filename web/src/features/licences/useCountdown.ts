// Seconds left until `until` (an ISO time), ticking every second; 0 once it has passed.
import { useEffect, useState } from 'react';

export function useCountdown(until: string | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((Date.parse(until) - Date.now()) / 1000)) : 0);
  const [secs, setSecs] = useState(left);
  useEffect(() => {
    setSecs(left());
    if (!until) return;
    const t = setInterval(() => {
      const s = left();
      setSecs(s);
      if (s <= 0) clearInterval(t);
    }, 1000);
    return () => clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);
  return secs;
}

/** 4:05, 1:02:03 or 1 天 2:03:04. */
export function formatCountdown(secs: number): string {
  const d = Math.floor(secs / 86400);
  const h = Math.floor((secs % 86400) / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  const mm = h || d ? String(m).padStart(2, '0') : String(m);
  const hms = `${h || d ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
  return d ? `${d} 天 ${hms}` : hms;
}

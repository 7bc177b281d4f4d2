// What GET /api/requests/stats answers (server/modules/requests/requests.stats.ts). Rates are 0..1 or
// null when nothing could be counted (no denominator); definitions in docs/REQUESTS.md "Reports".
import type { RequestChannel, RequestType } from '../../../../../domain/requests.ts';
import type { StatsGranularity } from '../../../../../domain/request-stats.ts';

export interface Rates {
  received: number;
  closed: number;
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  overdue: number;
  urgent: number;
}

export interface Totals extends Rates {
  returns: number;
  supervised: number;
  reopened: number;
}

export interface Rising {
  thisWeek: number;
  lastWeek: number;
  /** (thisWeek − lastWeek) / lastWeek; null when new this week. */
  growth: number | null;
}

export interface Hotspot extends Rates {
  streetId: string | null;
  streetName: string;
}

export interface DepartmentRow extends Rates {
  departmentId: string | null;
  departmentName: string;
  returns: number;
}

export interface RequestStats {
  from: string;
  to: string;
  granularity: StatsGranularity;
  departmentId: string | null;
  departmentName: string | null;
  totals: Totals;
  series: (Totals & { bucket: string })[];
  byCategory: (Rates & { category: string })[];
  byType: (Rates & { type: RequestType })[];
  byChannel: (Rates & { channel: RequestChannel })[];
  byDepartment: DepartmentRow[];
  hotspots: { streets: Hotspot[]; communities: (Hotspot & { community: string })[] };
  hotTopics: {
    thisWeek: { from: string; to: string };
    lastWeek: { from: string; to: string };
    categories: (Rising & { category: string })[];
    keywords: (Rising & { keyword: string })[];
  };
}

/** 0.8734 → '87.3%'; null → '—'. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`);

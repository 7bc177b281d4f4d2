// Shapes of the 12345 requests API as the web app reads them (server/modules/requests), and small loaders
// the citizen pages and the staff desk share.
import type { ReplyResult, RequestAction, RequestChannel, RequestStatus, RequestType, Satisfaction } from '../../../../../domain/requests.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { api, qs } from '../../../lib/api.ts';

export interface Alternative {
  label: string;
  confidence: number;
}

/** What POST /api/requests/classify answers (and what the detail keeps as `classification` for the hotline). */
export interface Classification {
  type: RequestType;
  category: string;
  departmentId: string;
  /** The lower of the category and department confidences. */
  confidence: number;
  confidences?: { type: number; category: number; departmentId: number };
  alternatives?: { type?: Alternative[]; category?: Alternative[]; departmentId?: Alternative[] };
  urgent?: boolean;
  /** Likely duplicates proposed at intake (stored with the classification). */
  duplicates?: { id: string; ticketNo: string }[];
}

export interface RequestListItem {
  id: string;
  ticketNo: string;
  channel: RequestChannel;
  text: string;
  type: RequestType;
  category: string;
  departmentId: string;
  status: RequestStatus;
  urgent: boolean;
  supervised: boolean;
  receivedAt: string;
  dueAt: string;
  streetId: string | null;
  community: string | null;
  overdue: boolean;
  /** Open, past the warning point (80 % of the time used), not yet overdue. */
  warning?: boolean;
}

export interface RequestList {
  items: RequestListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RequestEvent {
  action: RequestAction | 'receive' | string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  departmentId: string | null;
  actorName: string | null;
  actorRole: string | null;
  comment: string | null;
  at: string;
}

export interface RequestAttachment {
  fileId: string;
  name: string;
  mime?: string;
  size?: number;
}

export interface RequestDetail {
  id: string;
  ticketNo: string;
  channel: RequestChannel;
  text: string;
  type: RequestType;
  category: string;
  departmentId: string;
  coDepartmentIds: string[];
  status: RequestStatus;
  version: number;
  urgent: boolean;
  /** As the server shows it to this user: masked for departments, null when hidden. */
  contactName: string | null;
  phone: string | null;
  anonymous: boolean;
  confidential: boolean;
  address: string | null;
  streetId: string | null;
  community: string | null;
  receivedAt: string;
  dueAt: string;
  /** Only for the hotline. */
  classification?: Classification | null;
  supervised: boolean;
  reopenCount: number;
  returnsCount: number;
  extensionRequested: number | null;
  replyResult: ReplyResult | null;
  replyText: string | null;
  satisfaction: Satisfaction | null;
  attachments?: RequestAttachment[];
  warning?: boolean;
  /** The due date of a formal 督办. */
  superviseDueAt?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  allowedActions: RequestAction[];
  events: RequestEvent[];
}

export interface RequestCategory {
  name: string;
  definition: string;
  defaultDepartmentIds: string[];
}

export interface RequestPlace {
  name: string;
  streetId: string;
}

export interface RequestMeta {
  types: RequestType[];
  categories: RequestCategory[];
  places: RequestPlace[];
  timeLimits: { urgentHours: number; days: Record<RequestType, number> };
}

/** POST /api/requests answer. */
export interface IntakeResult {
  id: string;
  ticketNo: string;
  status: RequestStatus;
  urgent: boolean;
  dueAt: string;
  classification: Classification;
  duplicates: { id: string; ticketNo: string }[];
}

export interface RequestListQuery {
  status?: string;
  departmentId?: string;
  category?: string;
  type?: string;
  urgent?: boolean;
  supervised?: boolean;
  overdue?: boolean;
  warning?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const requestsApi = {
  list: (f: RequestListQuery) => api.get<RequestList>(`/api/requests${qs({ ...f })}`),
  get: (id: string) => api.get<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`),
  meta: () => api.get<RequestMeta>('/api/requests/meta'),
  departments: () => api.get<{ departments: DepartmentInfo[] }>('/api/departments').then((r) => r.departments),
};

/** A department's short name for display, falling back to its id. */
export function departmentName(departments: DepartmentInfo[] | undefined | null, id: string | null | undefined): string {
  if (!id) return '—';
  const d = departments?.find((x) => x.id === id);
  return d ? d.shortName || d.name : id;
}

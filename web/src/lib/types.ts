// Shapes of the API answers the web app reads (see docs/API.md). Kept here so pages don't import zod.
import type { ApplicationAction, ApplicationStatus } from '../../../domain/workflow.ts';
import type { ApplicantType, MaterialForm, OnlineDepth, Role, SharedSource } from '../../../domain/enums.ts';

export interface User {
  id: string;
  username: string;
  roles: Role[];
  departmentId: string | null;
  kind: ApplicantType | 'staff' | string | null;
  realName: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  companyName?: string | null;
  uscc?: string | null;
}

export interface DepartmentInfo {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  itemCount?: number;
}

export interface ItemSummary {
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  type: string;
  applicantTypes: ApplicantType[];
  legalLimitDays: number;
  promisedLimitDays: number;
  onlineDepth: OnlineDepth;
  maxVisits: number;
  crossProvince: boolean;
  tags: string[];
  canApplyOnline: boolean;
  sharedMaterialCount: number;
}

export interface ItemMaterial {
  name: string;
  required: boolean;
  form: MaterialForm;
  copies: number;
  sharedSource: SharedSource | null;
}

export interface Item extends Omit<ItemSummary, 'departmentName' | 'sharedMaterialCount'> {
  departmentName?: string;
  sharedMaterialCount?: number;
  version: number;
  updatedAt: string;
  fee: string;
  acceptConditions: string;
  description: string;
  legalBasis: string;
  materials: ItemMaterial[];
  department?: DepartmentInfo;
}

export interface Bundle {
  code: string;
  name: string;
  description: string;
  itemCodes: string[];
  parallelGroups: string[][];
  sharedForm: string[];
}
export interface BundleDetail extends Bundle {
  items: ItemSummary[];
}

export interface ChecklistEntry {
  name: string;
  required: boolean;
  provided: boolean;
  sharedSource: SharedSource | null;
}

export type DeadlineLevel = 'normal' | 'warning' | 'overdue' | null;

export interface CaseEvent {
  action: ApplicationAction | string;
  actor: string | null;
  actorRole?: string | null;
  at: string;
  comment?: string | null;
  fromStatus?: ApplicationStatus | null;
  toStatus?: ApplicationStatus | null;
  missingMaterials?: string[] | null;
}

export interface CaseMaterial {
  name: string;
  fileId: string;
  size?: number;
  mime?: string;
  fileName?: string;
}

export interface ApplicationSummary {
  id: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  status: ApplicationStatus;
  applicantName: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  dueDate: string | null;
  dueDateProvisional: boolean;
  limitDays: number | null;
  daysLeft: number | null;
  deadlineLevel: DeadlineLevel;
}

export interface ApplicationDetail extends Omit<ApplicationSummary, 'applicantName'> {
  itemVersion: number;
  version: number;
  applicant: { name: string; idNumber: string; phone: string; companyName?: string | null; uscc?: string | null; kind: string };
  formData: Record<string, unknown>;
  materials: CaseMaterial[];
  checklist: ChecklistEntry[];
  acceptDate?: string | null;
  correction: { missingMaterials: string[]; comment: string | null; requestedAt: string } | null;
  allowedActions: ApplicationAction[];
  events: CaseEvent[];
}

export interface Notification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UploadedFile {
  fileId: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
}

// ---------- smart search, assistant, search analytics ----------

export type SearchResultKind = 'item' | 'bundle';

export interface SearchResult {
  code: string;
  kind: SearchResultKind;
  name: string;
  departmentId: string | null;
  departmentName: string;
  score: number;
  onlineDepth: OnlineDepth | null;
  promisedLimitDays: number | null;
  /** Bundles: how many items the 一件事 covers. */
  itemCount: number | null;
  /** Phrases that matched ("匹配：…"). */
  matched: string[];
}

export interface SearchResponse {
  results: SearchResult[];
  noMatch: boolean;
  /** The query as understood after correcting typos, pinyin or English ("您是不是要找"). */
  suggestion: string | null;
  /** A topic that is not a government service, e.g. 银行. */
  outOfScope: string | null;
  /** Id of this search in the log, sent back with a click. */
  logId: string | null;
  hotline: string;
}

export interface SearchSuggestion {
  text: string;
  code: string | null;
  /** The official name when `text` is a colloquial phrase for it. */
  name?: string | null;
  kind: SearchResultKind | 'query';
}

export interface AssistantCard {
  code: string;
  kind: SearchResultKind;
  name: string;
  departmentName: string;
  link: string;
}

export interface AssistantAction {
  label: string;
  href: string;
}

export interface AssistantReply {
  sessionId: string;
  reply: string;
  cards: AssistantCard[];
  actions: AssistantAction[];
  suggestions: string[];
  /** The assistant could not help: show the 12345 hotline. */
  handoff: boolean;
}

export type KnowledgeKind = 'alias' | 'synonym' | 'scenario' | 'english' | 'stopword' | 'out_of_scope' | 'hotword';

export interface KnowledgeEntry {
  id: number | string;
  kind: KnowledgeKind;
  term: string;
  targets: string[];
  expansion: string[];
  weight: number;
  enabled: boolean;
  note: string | null;
  /** 'gap' when added from 目录缺口. */
  source?: 'admin' | 'gap';
  updatedAt: string;
  updatedBy: string | null;
}

export interface SearchStats {
  totals: { searches: number; noMatch: number; clicks: number; clickThroughRate: number; noMatchRate: number };
  daily: { date: string; searches: number; noMatch: number; clicks: number }[];
  hotQueries: { query: string; count: number; clicks: number; noMatch: number }[];
  zeroResult: { query: string; count: number; lastAt: string }[];
}

export interface SearchGap {
  query: string;
  count: number;
  firstAt: string;
  lastAt: string;
  /** The current engine now finds something for the query. */
  nowAnswered: boolean;
  topResult: { code: string; name: string } | null;
}

// Kysely table types (camelCase; the CamelCasePlugin maps them to the snake_case columns).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** timestamptz: read as Date; written as Date or ISO string; optional on insert (a default exists or it is nullable). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type DateString = ColumnType<string, string, string>;
/** jsonb: read as the value; written as a JSON string. */
type Json<T = unknown> = ColumnType<T, string, string>;
type JsonWithDefault<T = unknown> = ColumnType<T, string | undefined, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;

export interface DepartmentsTable { id: string; name: string; shortName: string; kind: string; uscc: ColumnType<string | null, string | null | undefined, string | null> }

export interface ItemsTable {
  code: string;
  name: string;
  departmentId: string;
  type: string;
  applicantTypes: string[];
  legalLimitDays: number;
  promisedLimitDays: number;
  onlineDepth: string;
  maxVisits: number;
  crossProvince: boolean;
  fee: string;
  acceptConditions: string;
  materials: Json<unknown[]>;
  description: string;
  legalBasis: string;
  tags: string[];
  version: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface ItemVersionsTable { itemCode: string; version: number; data: Json<Record<string, unknown>>; createdAt: Timestamp; createdBy: string | null }

export interface BundlesTable { code: string; name: string; description: string; itemCodes: string[]; parallelGroups: Json<string[][]>; sharedForm: string[] }

export interface CalendarDaysTable { date: DateString; isOffDay: boolean; name: string | null; updatedAt: Timestamp; updatedBy: string | null }
export interface CalendarYearsTable { year: number; source: string; updatedAt: Timestamp }

export interface UsersTable {
  id: Generated<string>;
  username: string;
  passwordHash: string;
  kind: string;
  roles: string[];
  departmentId: string | null;
  realName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  companyName: string | null;
  uscc: string | null;
  address: string | null;
  isDemo: Generated<boolean>;
  disabled: Generated<boolean>;
  createdAt: Timestamp;
  passwordChangedAt: Timestamp;
}

export interface SessionsTable { tokenHash: string; userId: string; createdAt: Timestamp; expiresAt: Timestamp; ip: string | null; userAgent: string | null }
export interface LoginFailuresTable { id: Generated<number>; username: string; ip: string; at: Timestamp }
export interface FilesTable { id: Generated<string>; sha256: string; size: number; mime: string; originalName: string; ownerId: string; createdAt: Timestamp }

export interface ApplicationsTable {
  id: Generated<string>;
  caseNo: string;
  itemCode: string;
  itemVersion: number;
  departmentId: string;
  applicantId: string;
  applicant: Json<Record<string, unknown>>;
  formData: Json<Record<string, unknown>>;
  status: string;
  version: Generated<number>;
  limitDays: number;
  submittedAt: NullableTimestamp;
  acceptedAt: NullableTimestamp;
  acceptDate: NullableDate;
  dueDate: NullableDate;
  dueDateProvisional: Generated<boolean>;
  warnDate: NullableDate;
  warnedFor: NullableDate;
  overdueAlertedFor: NullableDate;
  pausedWorkingDays: Generated<number>;
  suspendedSince: NullableDate;
  correction: NullableJson<Record<string, unknown>>;
  decidedAt: NullableTimestamp;
  completedAt: NullableTimestamp;
  idempotencyKey: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ApplicationMaterialsTable { id: Generated<number>; applicationId: string; name: string; fileId: string; createdAt: Timestamp }

export interface ApplicationEventsTable {
  id: Generated<number>;
  applicationId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  at: Timestamp;
  comment: string | null;
  missingMaterials: NullableJson<string[]>;
}

export interface NotificationsTable { id: Generated<number>; userId: string; title: string; body: string; link: string | null; createdAt: Timestamp; readAt: NullableTimestamp }

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: JsonWithDefault<Record<string, unknown>>;
  ip: string | null;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  dedupeKey: string | null;
  payload: JsonWithDefault<Record<string, unknown>>;
  runAt: Timestamp;
  attempts: Generated<number>;
  lockedAt: NullableTimestamp;
  doneAt: NullableTimestamp;
  lastError: string | null;
  createdAt: Timestamp;
}

export interface IdempotencyKeysTable { userId: string; key: string; scope: string; resultId: string; createdAt: Timestamp }

/** Cases per department and status, summed over slot; written only by triggers (migration 0002). */
export interface ApplicationStatusCountsTable { departmentId: string; status: string; slot: number; n: number }

export interface SearchKnowledgeTable {
  id: Generated<number>;
  kind: string;
  term: string;
  targets: string[];
  expansion: string[];
  weight: Generated<number>;
  enabled: Generated<boolean>;
  note: string | null;
  source: Generated<string>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface SearchLogTable {
  id: Generated<number>;
  query: string;
  normalized: string;
  resultCodes: string[];
  noMatch: boolean;
  source: Generated<string>;
  clickedCode: string | null;
  clickedRank: number | null;
  clickedAt: NullableTimestamp;
  createdAt: Timestamp;
}

export interface AssistantSessionsTable { id: string; context: JsonWithDefault<Record<string, unknown>>; createdAt: Timestamp; updatedAt: Timestamp }

export interface RequestsTable {
  id: Generated<string>;
  ticketNo: string;
  channel: string;
  text: string;
  type: string;
  category: string;
  departmentId: string;
  coDepartmentIds: Generated<string[]>;
  status: string;
  version: Generated<number>;
  contactName: string | null;
  phone: string | null;
  anonymous: Generated<boolean>;
  confidential: Generated<boolean>;
  address: string | null;
  streetId: string | null;
  community: string | null;
  latitude: number | null;
  longitude: number | null;
  citizenId: string | null;
  createdBy: string | null;
  open311ClientId: number | null;
  classification: Json<Record<string, unknown>>;
  labelsConfirmed: Generated<boolean>;
  urgent: Generated<boolean>;
  duplicateOf: string | null;
  attachments: Generated<string[]>;
  receivedAt: Timestamp;
  dueAt: Timestamp;
  warnAt: Timestamp;
  extensionDays: Generated<number>;
  extensionRequested: number | null;
  replyResult: string | null;
  replyText: string | null;
  repliedAt: NullableTimestamp;
  satisfaction: string | null;
  reopenCount: Generated<number>;
  returnsCount: Generated<number>;
  supervised: Generated<boolean>;
  warnedAt: NullableTimestamp;
  overdueNotifiedAt: NullableTimestamp;
  superviseDueAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  closedOnTime: boolean | null;
  updatedAt: Timestamp;
}

export interface RequestEventsTable {
  id: Generated<number>;
  requestId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  departmentId: string | null;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  comment: string | null;
  data: NullableJson<Record<string, unknown>>;
  at: Timestamp;
}

export interface RequestDispatchRulesTable { id: Generated<number>; category: string; streetId: string | null; departmentId: string; note: string | null; updatedBy: string | null; updatedAt: Timestamp }
export interface RequestSettingsTable { key: string; value: Json<unknown>; updatedBy: string | null; updatedAt: Timestamp }
export interface Open311ClientsTable { id: Generated<number>; name: string; apiKeyHash: string; createdBy: string | null; createdAt: Timestamp; revokedAt: NullableTimestamp }
export interface SmsOutboxTable { id: Generated<number>; phone: string; body: string; requestId: string | null; createdAt: Timestamp; sentAt: NullableTimestamp; attempts: Generated<number>; lastError: string | null; failedAt: NullableTimestamp }

export interface SigningKeysTable { kid: string; departmentId: string; algorithm: Generated<string>; publicKey: string; privateKeyEnc: string; validFrom: Timestamp; validTo: NullableTimestamp; createdAt: Timestamp }
export interface SealsTable { id: string; departmentId: string; kid: string; seal: Json<Record<string, unknown>>; signature: string; createdAt: Timestamp }
export interface LicencesTable {
  id: Generated<string>;
  identifier: string;
  number: string;
  typeCode: string;
  holderKind: string;
  holderId: string;
  holderName: string;
  departmentId: string;
  kid: string;
  sealId: string | null;
  issuedOn: DateString;
  expiresOn: NullableDate;
  fields: Json<Record<string, string>>;
  status: Generated<string>;
  statusReason: string | null;
  statusChangedAt: NullableTimestamp;
  version: number;
  replacesId: string | null;
  applicationId: string | null;
  document: Json<Record<string, unknown>>;
  digest: string;
  signature: string;
  createdAt: Timestamp;
}
export interface LicenceEventsTable { id: Generated<number>; licenceId: string; action: string; fromStatus: string | null; toStatus: string; reason: string | null; actorId: string | null; actorName: string; at: Timestamp }
export interface LicencePresentationsTable { id: Generated<string>; codeHash: string; licenceId: string; holderUserId: string; fields: string[]; singleUse: Generated<boolean>; expiresAt: Timestamp; usedAt: NullableTimestamp; createdAt: Timestamp }
export interface LicencePresentationViewsTable { id: Generated<number>; presentationId: string; viewerId: string | null; viewerName: string; viewerOrg: string | null; fields: string[]; at: Timestamp; ip: string | null }
export interface SharedRecordsTable { id: Generated<string>; source: string; holderId: string; holderName: string; title: string; provider: string; data: Json<Record<string, string>>; updatedAt: Timestamp }
export interface DataUseLogTable { id: Generated<number>; holderId: string; source: string; recordKind: string; recordRef: string; recordTitle: string; action: string; purpose: string; actorId: string | null; actorName: string; actorOrg: string | null; applicationId: string | null; at: Timestamp; ip: string | null }
export interface ApplicationSharedMaterialsTable { id: Generated<number>; applicationId: string; materialName: string; source: string; recordKind: string; recordRef: string; snapshot: Json<Record<string, unknown>>; purpose: string; consentedAt: Timestamp }

export interface DB {
  departments: DepartmentsTable;
  items: ItemsTable;
  itemVersions: ItemVersionsTable;
  bundles: BundlesTable;
  calendarDays: CalendarDaysTable;
  calendarYears: CalendarYearsTable;
  users: UsersTable;
  sessions: SessionsTable;
  loginFailures: LoginFailuresTable;
  files: FilesTable;
  applications: ApplicationsTable;
  applicationMaterials: ApplicationMaterialsTable;
  applicationEvents: ApplicationEventsTable;
  notifications: NotificationsTable;
  auditLog: AuditLogTable;
  idempotencyKeys: IdempotencyKeysTable;
  applicationStatusCounts: ApplicationStatusCountsTable;
  jobs: JobsTable;
  searchKnowledge: SearchKnowledgeTable;
  searchLog: SearchLogTable;
  assistantSessions: AssistantSessionsTable;
  requests: RequestsTable;
  requestEvents: RequestEventsTable;
  requestDispatchRules: RequestDispatchRulesTable;
  requestSettings: RequestSettingsTable;
  open311Clients: Open311ClientsTable;
  smsOutbox: SmsOutboxTable;
  signingKeys: SigningKeysTable;
  seals: SealsTable;
  licences: LicencesTable;
  licenceEvents: LicenceEventsTable;
  licencePresentations: LicencePresentationsTable;
  licencePresentationViews: LicencePresentationViewsTable;
  sharedRecords: SharedRecordsTable;
  dataUseLog: DataUseLogTable;
  applicationSharedMaterials: ApplicationSharedMaterialsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ItemRow = Selectable<ItemsTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplication = Insertable<ApplicationsTable>;
export type LicenceRow = Selectable<LicencesTable>;

// Errors the services throw. Codes are English, messages are what a user reads (Chinese).

export const ErrorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
} as const;
export type ErrorKind = keyof typeof ErrorStatus;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
  get status(): number {
    return ErrorStatus[this.kind];
  }
}

export const notFound = (code: string, message: string) => new DomainError(code, message, 'NOT_FOUND');
export const forbidden = (message = '您没有执行此操作的权限', code = 'FORBIDDEN') => new DomainError(code, message, 'FORBIDDEN');
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new DomainError(code, message, 'CONFLICT', details);
export const invalid = (field: string, message: string, code = 'VALIDATION_FAILED') =>
  new DomainError(code, message, 'VALIDATION_FAILED', { fields: [{ field, message }] });

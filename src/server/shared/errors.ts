import type { MessageCode } from './messages.ts';

export interface FieldError {
  path: string;
  code: MessageCode;
  params?: Record<string, string | number>;
}

/**
 * The one error type services throw. It carries a stable code and, for validation, the fields
 * at fault; the HTTP layer turns it into an RFC 9457 problem in the caller's language.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: MessageCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];

  constructor(
    status: number,
    code: MessageCode,
    params: Record<string, string | number> = {},
    fields: FieldError[] = [],
  ) {
    super(code);
    this.status = status;
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export const errors = {
  validation: (fields: FieldError[]) => new AppError(422, 'validation', {}, fields),
  field: (path: string, code: MessageCode, params: Record<string, string | number> = {}) =>
    new AppError(422, 'validation', {}, [{ path, code, params }]),
  unauthenticated: () => new AppError(401, 'unauthenticated'),
  badCredentials: () => new AppError(401, 'bad_credentials'),
  csrf: () => new AppError(403, 'csrf'),
  forbidden: () => new AppError(403, 'forbidden'),
  outOfScope: () => new AppError(403, 'out_of_scope'),
  notFound: (
    what:
      | 'person'
      | 'leave_application'
      | 'sentence'
      | 'facility'
      | 'bed'
      | 'message'
      | 'measure'
      | 'staff'
      | 'health_status'
      | 'roster_entry'
      | 'department'
      | 'letter'
      | 'assessment'
      | 'plan'
      | 'plan_version'
      | 'restriction'
      | 'non_association'
      | 'incident'
      | 'incident_action'
      | 'notification',
  ) => new AppError(404, 'not_found', { what }),
  conflict: (code: MessageCode, params: Record<string, string | number> = {}) =>
    new AppError(409, code, params),
};

/** PostgreSQL's unique_violation, optionally on a named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code !== '23505') return false;
  if (!constraint) return true;
  return e.constraint === constraint || (e.message ?? '').includes(constraint);
}

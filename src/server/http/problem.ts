import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../shared/errors.ts';
import { type Locale, type MessageCode, message } from '../shared/messages.ts';
import { redactIdentityNumbers } from '../shared/redact.ts';

// RFC 9457 problem details: one shape for every error the API returns.
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors?: { path: string; code: string; message: string }[];
}

const TYPE_BASE = 'https://varde.kriminalomsorgen.example/problems/';

function present(error: AppError, locale: Locale, instance: string): Problem {
  const title = message(error.code, locale, error.params);
  const problem: Problem = {
    type: TYPE_BASE + error.code,
    title,
    status: error.status,
    code: error.code,
    instance,
  };
  if (error.fields.length > 0) {
    problem.errors = error.fields.map((f) => ({
      path: f.path,
      code: f.code,
      message: message(f.code, locale, f.params ?? {}),
    }));
    problem.detail = problem.errors.map((e) => `${e.path}: ${e.message}`).join(' ');
  }
  return problem;
}

interface ZodIssueLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Turns a zod issue into one of our translated field codes. */
function fieldFromIssue(issue: ZodIssueLike): FieldError {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      return p.input === undefined
        ? { path, code: 'field_required' }
        : { path, code: 'field_type', params: { expected: String(p.expected) } };
    case 'too_small':
      if (p.origin === 'string' && p.minimum === 1) return { path, code: 'field_required' };
      if (p.inclusive === false)
        return { path, code: 'field_greater_than', params: { minimum: String(p.minimum) } };
      return { path, code: 'field_too_short', params: { minimum: String(p.minimum) } };
    case 'too_big':
      return { path, code: 'field_too_long', params: { maximum: String(p.maximum) } };
    case 'invalid_format':
      if (p.format === 'date') return { path, code: 'field_date' };
      if (p.format === 'uuid') return { path, code: 'field_uuid' };
      return { path, code: 'field_format' };
    case 'invalid_value':
      return {
        path,
        code: 'field_enum',
        params: { options: (p.values as unknown[] | undefined)?.join(', ') ?? '' },
      };
    case 'unrecognized_keys':
      return { path: (p.keys as string[] | undefined)?.join(',') ?? path, code: 'field_unknown' };
    default:
      return { path, code: 'field_format' };
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError(
      422,
      'validation',
      {},
      error.validation.map((v) => fieldFromIssue(v as ZodIssueLike)),
    );
  }
  const fe = error as Partial<FastifyError>;
  if (fe.statusCode === 429) return new AppError(429, 'too_many_attempts');
  if (fe.statusCode === 404) return new AppError(404, 'route_not_found');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: MessageCode = fe.statusCode === 415 || fe.statusCode === 400 ? 'validation' : 'forbidden';
    return new AppError(fe.statusCode === 415 ? 415 : fe.statusCode === 400 ? 400 : fe.statusCode, code);
  }
  return new AppError(500, 'internal');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    request.log.error({ err: error }, redactIdentityNumbers(String((error as Error)?.message ?? error)));
  }
  const problem = present(appError, request.locale, redactIdentityNumbers(request.url));
  return reply.status(appError.status).type('application/problem+json').send(problem);
}

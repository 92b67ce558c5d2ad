import type { Locale } from './types.ts';

// The one fetch client of the web app: JSON, the session cookie, Accept-Language, the CSRF token,
// and problem+json errors turned into ApiError.

export type FieldError = { path: string; message: string; code?: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(
    status: number,
    body: { code?: string; title?: string; detail?: string; errors?: FieldError[] } = {},
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }

  /** The server's message for one field, if any (paths may be nested, e.g. "body.appearanceDate"). */
  fieldError(path: string): string | undefined {
    return this.errors.find(
      (e) => e.path === path || e.path.endsWith(`.${path}`) || e.path.endsWith(`/${path}`),
    )?.message;
  }
}

const BASE = '/api/v1';

let csrfToken: string | null = null;
let language: Locale = 'nb';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(locale: Locale): void {
  language = locale;
}

/** Called on a 401 from any request except the sign-in calls, which handle 401 themselves. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type Options = { method?: string; body?: unknown; signal?: AbortSignal; handle401?: boolean };

async function request<T>(
  path: string,
  { method = 'GET', body, signal, handle401 = true }: Options = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const response = await fetch(BASE + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });

  if (!response.ok) {
    const problem = await readJson(response);
    const error = new ApiError(response.status, isObject(problem) ? problem : {});
    if (response.status === 401 && handle401) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>(withQuery(path, query), { signal }),
  post: <T>(path: string, body?: unknown, options: Omit<Options, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body: body ?? {} }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  /** A GET whose 401 the caller handles itself (GET /auth/me at start). */
  probe: <T>(path: string) => request<T>(path, { handle401: false }),
};

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { AccessRule, Principal } from '../shared/access.ts';
import { errors } from '../shared/errors.ts';
import { type Locale, pickLocale } from '../shared/messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
    csrfToken: string | undefined;
    sessionHash: string | undefined;
    locale: Locale;
  }
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyInstance {
    accessTable: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: AccessRule;
}

export const SESSION_COOKIE = 'varde_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A cross-site request carries an Origin of another site; browsers always send it on POST. */
function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * The one gate every API request passes: it finds the session, checks CSRF on state-changing
 * requests, and enforces the access rule the route declares. A route without a rule cannot be
 * registered at all.
 */
export function registerSecurity(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('sessionHash', undefined);
  app.decorateRequest('locale', 'nb');

  const table: RouteAccess[] = [];
  app.decorate('accessTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const rule = request.routeOptions.config?.access;
    if (!rule) return;

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await auth.resolve(token);
      if (session) {
        request.principal = session.principal;
        request.csrfToken = session.csrfToken;
        request.sessionHash = session.tokenHash;
        request.locale = pickLocale(request.headers['accept-language'], session.principal.locale);
      }
    }

    if (UNSAFE.has(request.method) && !originAllowed(request)) throw errors.csrf();
    if ('public' in rule) return;
    if (!request.principal) throw errors.unauthenticated();
    if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken))
        throw errors.csrf();
    }
    if ('permission' in rule && !request.principal.permissions.includes(rule.permission))
      throw errors.forbidden();
  });
}

/** The signed-in principal of a route whose rule already demanded one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw errors.unauthenticated();
  return request.principal;
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { principalOf, SESSION_COOKIE } from '../../http/security.ts';
import { PERMISSIONS, ROLES } from '../../shared/access.ts';
import type { AuthService } from './auth.service.ts';

const me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  scope: z.object({
    kind: z.enum(['national', 'units', 'facilities']),
    ids: z.array(z.uuid()),
    names: z.array(z.string()),
  }),
  locale: z.enum(['nb', 'en']),
});
const session = z.object({ user: me, csrfToken: z.string() });
const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export function authRoutes(app: FastifyInstance, auth: AuthService, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
      maxAge: config.sessionHours * 3600,
    });

  r.post(
    '/api/v1/auth/login',
    {
      config: {
        access: { public: true },
        // Per address and username, so one attacker cannot lock everyone out and cannot try fast.
        rateLimit: {
          max: config.loginMaxPerMinute,
          timeWindow: 60_000,
          keyGenerator: (req) => `${req.ip}:${String((req.body as { username?: unknown })?.username ?? '')}`,
        },
      },
      schema: { tags, body: loginBody, response: { 200: session } },
    },
    async (req, reply) => {
      const result = await auth.login(req.body.username, req.body.password);
      setCookie(reply, result.token);
      return { user: await auth.present(result.principal), csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { access: { authenticated: true } }, schema: { tags } },
    async (req, reply) => {
      if (req.sessionHash) await auth.logout(req.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/auth/me',
    { config: { access: { authenticated: true } }, schema: { tags, response: { 200: session } } },
    async (req) => ({ user: await auth.present(principalOf(req)), csrfToken: req.csrfToken ?? '' }),
  );

  r.put(
    '/api/v1/auth/me/locale',
    {
      config: { access: { authenticated: true } },
      schema: { tags, body: z.object({ locale: z.enum(['nb', 'en']) }), response: { 200: session } },
    },
    async (req) => {
      const principal = principalOf(req);
      await auth.setLocale(principal.userId, req.body.locale);
      return {
        user: await auth.present({ ...principal, locale: req.body.locale }),
        csrfToken: req.csrfToken ?? '',
      };
    },
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthRepository } from '../../src/server/modules/auth/auth.repository.ts';
import { buildTestApp, login, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';

describe.each(dialects())('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('signs in with the right password and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'case_worker', password: 'test-password-1' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'varde_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user.roles).toEqual(['case_worker']);
    expect(body.user.permissions).toContain('queue.summon');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a wrong password and an unknown user with the same translated 401', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'case_worker', password: 'nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().title).toBe('Wrong username or password.');
    expect(unknown.json().title).toBe(wrong.json().title);
  });

  it('stores only a hash of the session token, and the password as an argon2id hash', async () => {
    const s = await login(t.app, 'officer');
    const token = s.cookie.split('=')[1] as string;
    const rows = await t.db.selectFrom('session').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const user = await t.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('returns the signed-in user from /auth/me and 401 without a session', async () => {
    const s = await login(t.app, 'unit_leader');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.scope.names).toEqual(['Kriminalomsorgen Oslo']);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, and one from another origin', async () => {
    const s = await login(t.app, 'officer');
    const noToken = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/locale',
      headers: { cookie: s.cookie },
      payload: { locale: 'en' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    const badToken = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/locale',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { locale: 'en' },
    });
    expect(badToken.statusCode).toBe(403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { username: 'officer', password: 'test-password-1' },
    });
    expect(foreign.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/locale',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
  });

  it('signs out: the session no longer works', async () => {
    const s = await login(t.app, 'analyst');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('slides the idle expiry when the session is used, writing at most once a minute', async () => {
    const repo = createAuthRepository(t.db);
    const user = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    const start = new Date('2026-11-23T08:00:00Z');
    await t.db
      .insertInto('session')
      .values({
        token_hash: 'slide-test',
        user_id: user.id,
        csrf_token: 'x',
        created_at: start,
        last_seen_at: start,
        expires_at: new Date('2026-11-23T16:00:00Z'),
      })
      .execute();
    const expiresAt = async () =>
      new Date(
        (
          await t.db
            .selectFrom('session')
            .select('expires_at')
            .where('token_hash', '=', 'slide-test')
            .executeTakeFirstOrThrow()
        ).expires_at,
      ).toISOString();
    const soon = new Date('2026-11-23T08:00:30Z');
    expect(await repo.findSession('slide-test', soon, new Date('2026-11-23T16:00:30Z'))).toBeDefined();
    expect(await expiresAt()).toBe('2026-11-23T16:00:00.000Z');
    const later = new Date('2026-11-23T08:05:00Z');
    expect(await repo.findSession('slide-test', later, new Date('2026-11-23T16:05:00Z'))).toBeDefined();
    expect(await expiresAt()).toBe('2026-11-23T16:05:00.000Z');
    // Past its expiry the session is gone for good.
    expect(
      await repo.findSession(
        'slide-test',
        new Date('2026-11-23T16:06:00Z'),
        new Date('2026-11-24T00:06:00Z'),
      ),
    ).toBeUndefined();
  });
});

describe('login rate limit', () => {
  it('answers 429 with a translated problem after too many attempts in a minute', async () => {
    const { buildApp } = await import('../../src/server/app.ts');
    const { loadConfig } = await import('../../src/server/config.ts');
    const { openTestDatabase } = await import('../support/db.ts');
    const { fixedClock } = await import('../../src/server/shared/clock.ts');
    const handle = await openTestDatabase('pglite');
    const app = await buildApp({
      db: handle.db,
      config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOGIN_MAX_PER_MINUTE: '3' }),
      clock: fixedClock('2026-11-23'),
      webRoot: '/nonexistent',
      logger: false,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'someone', password: 'wrong-one' },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().code).toBe('too_many_attempts');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await app.close();
    await handle.close();
  });
});

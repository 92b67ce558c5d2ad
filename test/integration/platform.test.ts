import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { buildTestApp, login, type TestApp } from '../support/app.ts';
import { buildPerson } from '../support/world.ts';

describe('platform', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await buildTestApp('pglite', { logger: { stream } });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness (readiness asks the database)', async () => {
    expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/health/ready')).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('publishes an OpenAPI 3.1 description generated from the schemas, and the docs page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/people', '/api/v1/sentences/{id}/admission', '/api/v1/dashboard']),
    );
    expect(
      doc.paths['/api/v1/sentences/{id}/summons'].post.requestBody.content['application/json'].schema
        .required,
    ).toEqual(expect.arrayContaining(['version', 'facilityId', 'appearanceDate']));
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
  });

  it('sends a strict Content-Security-Policy that allows only its own origin', async () => {
    const res = await t.app.inject('/health/live');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('never writes an identity number to the log, even when one is searched for or fails', async () => {
    const p = await buildPerson(t.db, {
      givenName: 'Logg',
      familyName: 'Sjekk',
      facilityId: t.world.prisonA,
    });
    const s = await login(t.app, 'national_manager');
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/people?q=${p.nationalId}`,
      headers: { cookie: s.cookie },
    });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/people?q=${p.nationalId.slice(0, 10)}0`,
      headers: { cookie: s.cookie },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: s.headers,
      payload: { nationalId: p.nationalId },
    });
    const log = lines.join('');
    expect(log).toContain(`${p.nationalId.slice(0, 6)}*****`);
    expect(log).not.toContain(p.nationalId);
    expect(log).not.toContain(p.nationalId.slice(0, 10));
  });

  it('answers unknown API paths with a problem, not the web page', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('configuration', () => {
  it('fails fast naming each bad setting', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toContain('PORT');
      expect((e as Error).message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    }
  });

  it('requires a database and a session secret in production, and no demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL: is required in production[\s\S]*SESSION_SECRET[\s\S]*DEMO_DATA/,
    );
    const ok = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/varde',
      SESSION_SECRET: 'x'.repeat(32),
      DEMO_DATA: 'false',
    });
    expect(ok.secureCookies).toBe(true);
  });
});

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/types.ts';
import { fixedClock } from '../../src/server/shared/clock.ts';
import { type Dialect, openTestDatabase } from './db.ts';
import { buildUsers, buildWorld, PASSWORD, TODAY, type World } from './world.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  world: World;
  close(): Promise<void>;
}

/** A whole Varde over a fresh database with the small test world and one user per role. */
export async function buildTestApp(
  dialect: Dialect,
  options: {
    logger?: { stream: NodeJS.WritableStream };
    bedsPerPrison?: number;
    /** Settings on top of the test defaults, e.g. ESAS_JWKS_PATH. */
    env?: Record<string, string>;
  } = {},
): Promise<TestApp> {
  const handle = await openTestDatabase(dialect);
  const world = await buildWorld(handle.db, options.bedsPerPrison);
  await buildUsers(handle.db, world);
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    LOGIN_MAX_PER_MINUTE: '1000',
    ...options.env,
  });
  const app = await buildApp({
    db: handle.db,
    config,
    clock: fixedClock(TODAY),
    webRoot: '/nonexistent',
    logger: options.logger ?? false,
  });
  await app.ready();
  return {
    app,
    db: handle.db,
    world,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const raw = res.cookies.find((c) => c.name === 'varde_session');
  if (!raw) throw new Error('no session cookie');
  const cookie = `varde_session=${raw.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

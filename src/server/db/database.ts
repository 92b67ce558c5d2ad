import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './types.ts';

const DATE_OID = 1082;
const keepDateString = (value: string) => value;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** The bare driver, below Kysely: for benchmarks that measure what Kysely and the app add. */
  raw(sql: string, params: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** Folder for PGlite's files; undefined keeps the database in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
  onIdleError?: (error: Error) => void;
  /** Called with every statement Kysely sends (benchmarks capture the SQL of a request with it). */
  onQuery?: (sql: string, params: readonly unknown[]) => void;
}

function logger(options: DatabaseOptions) {
  const onQuery = options.onQuery;
  if (!onQuery) return undefined;
  return (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    // Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the time zone.
    pg.types.setTypeParser(DATE_OID, keepDateString);
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover) must not bring the process down;
    // the pool replaces it on the next checkout.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logger(options) });
    const raw = async (text: string, params: readonly unknown[]) =>
      (await pool.query(text, [...params])).rows;
    return { db, kind: 'postgres', raw, close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: keepDateString },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: logger(options) });
  const raw = async (text: string, params: readonly unknown[]) =>
    (await pglite.query(text, [...params])).rows;
  return { db, kind: 'pglite', raw, close: () => db.destroy() };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

export function createAuthRepository(db: Kysely<Database>) {
  return {
    findUserByUsername(username: string) {
      return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
    },

    insertSession(row: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date }) {
      return db.insertInto('session').values(row).execute();
    },

    /** The live session and its user; touching it slides the idle expiry forward. */
    async findSession(tokenHash: string, now: Date, expiresAt: Date) {
      const row = await db
        .updateTable('session')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .returning(['user_id', 'csrf_token'])
        .executeTakeFirst();
      if (!row) return undefined;
      const user = await db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', row.user_id)
        .where('active', '=', true)
        .executeTakeFirst();
      return user ? { user, csrfToken: row.csrf_token } : undefined;
    },

    deleteSession(tokenHash: string) {
      return db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    },

    deleteExpiredSessions(now: Date) {
      return db.deleteFrom('session').where('expires_at', '<=', now).execute();
    },

    setLocale(userId: string, locale: 'nb' | 'en') {
      return db.updateTable('app_user').set({ locale }).where('id', '=', userId).execute();
    },

    async scopeNames(kind: 'national' | 'units' | 'facilities', ids: string[]): Promise<string[]> {
      if (kind === 'national' || ids.length === 0) return [];
      const table = kind === 'units' ? 'org_unit' : 'facility';
      const rows = await db.selectFrom(table).select('name').where('id', 'in', ids).orderBy('name').execute();
      return rows.map((r) => r.name);
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;

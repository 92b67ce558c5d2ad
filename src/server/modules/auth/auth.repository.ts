import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/** How often a session's last use is written: sliding expiry to the minute. */
const TOUCH_INTERVAL_MS = 60_000;

export function createAuthRepository(db: Kysely<Database>) {
  return {
    findUserByUsername(username: string) {
      return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
    },

    insertSession(row: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date }) {
      return db.insertInto('session').values(row).execute();
    },

    /**
     * The live session and its user. Touching it slides the idle expiry forward; that write is
     * made at most once a minute per session, so ordinary reads stay reads.
     */
    async findSession(tokenHash: string, now: Date, expiresAt: Date) {
      const row = await db
        .selectFrom('session')
        .innerJoin('app_user', 'app_user.id', 'session.user_id')
        .selectAll('app_user')
        .select(['session.csrf_token', 'session.last_seen_at'])
        .where('session.token_hash', '=', tokenHash)
        .where('session.expires_at', '>', now)
        .where('app_user.active', '=', true)
        .executeTakeFirst();
      if (!row) return undefined;
      const { csrf_token: csrfToken, last_seen_at: lastSeen, ...user } = row;
      if (now.getTime() - new Date(lastSeen).getTime() >= TOUCH_INTERVAL_MS)
        await db
          .updateTable('session')
          .set({ last_seen_at: now, expires_at: expiresAt })
          .where('token_hash', '=', tokenHash)
          .execute();
      return { user, csrfToken };
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

import { createHash, randomBytes } from 'node:crypto';
import type { AppUserTable } from '../../db/types.ts';
import { type Principal, permissionsOf, type Role } from '../../shared/access.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuthRepository } from './auth.repository.ts';
import { burnVerification, verifyPassword } from './password.ts';

type UserRow = Omit<AppUserTable, 'locale' | 'active' | 'created_at'> & {
  locale: 'nb' | 'en';
  active: boolean;
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toPrincipal(user: UserRow): Principal {
  const roles = user.roles as Role[];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles,
    permissions: permissionsOf(roles),
    scopeKind: user.scope_kind,
    scopeIds: user.scope_ids,
    locale: user.locale,
  };
}

export function createAuthService(repo: AuthRepository, clock: Clock, sessionHours: number) {
  const expiry = () => new Date(clock.now().getTime() + sessionHours * 3_600_000);

  return {
    async login(username: string, password: string) {
      const user = await repo.findUserByUsername(username);
      if (!user?.active) {
        await burnVerification(password);
        throw errors.badCredentials();
      }
      if (!(await verifyPassword(user.password_hash, password))) throw errors.badCredentials();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      await repo.insertSession({
        token_hash: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expiry(),
      });
      return { token, csrfToken, principal: toPrincipal(user) };
    },

    async resolve(
      token: string,
    ): Promise<{ principal: Principal; csrfToken: string; tokenHash: string } | undefined> {
      const tokenHash = hashToken(token);
      const found = await repo.findSession(tokenHash, clock.now(), expiry());
      if (!found) return undefined;
      return { principal: toPrincipal(found.user), csrfToken: found.csrfToken, tokenHash };
    },

    logout(tokenHash: string) {
      return repo.deleteSession(tokenHash);
    },

    setLocale(userId: string, locale: 'nb' | 'en') {
      return repo.setLocale(userId, locale);
    },

    async present(principal: Principal) {
      return {
        id: principal.userId,
        username: principal.username,
        displayName: principal.displayName,
        roles: principal.roles,
        permissions: principal.permissions,
        scope: {
          kind: principal.scopeKind,
          ids: principal.scopeIds,
          names: await repo.scopeNames(principal.scopeKind, principal.scopeIds),
        },
        locale: principal.locale,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

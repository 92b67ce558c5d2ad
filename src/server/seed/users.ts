import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { hashPassword } from '../modules/auth/password.ts';
import type { Role, ScopeKind } from '../shared/access.ts';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope: ScopeKind;
  /** Facility or unit codes the scope covers. */
  scopeCodes: string[];
}

// One demo user per role. Their scopes point at facilities and units the demo data holds.
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'betjent',
    displayName: 'Per Betjent',
    role: 'officer',
    scope: 'facilities',
    scopeCodes: ['OSL'],
  },
  {
    username: 'saksbehandler',
    displayName: 'Siri Saksbehandler',
    role: 'case_worker',
    scope: 'facilities',
    scopeCodes: ['OSL', 'ILA', 'BRE'],
  },
  {
    username: 'friomsorg',
    displayName: 'Frode Friomsorg',
    role: 'probation_officer',
    scope: 'facilities',
    scopeCodes: ['FOK-OSLO'],
  },
  {
    username: 'enhetsleder',
    displayName: 'Eva Enhetsleder',
    role: 'unit_leader',
    scope: 'units',
    scopeCodes: ['U-OSLO'],
  },
  {
    username: 'regionleder',
    displayName: 'Rune Regionleder',
    role: 'regional_manager',
    scope: 'units',
    scopeCodes: ['U-OSLO', 'U-OST'],
  },
  {
    username: 'direktorat',
    displayName: 'Dina Direktorat',
    role: 'national_manager',
    scope: 'national',
    scopeCodes: [],
  },
  {
    username: 'kriseteam',
    displayName: 'Kristian Kriseteam',
    role: 'crisis_team',
    scope: 'national',
    scopeCodes: [],
  },
  {
    username: 'analytiker',
    displayName: 'Anne Analytiker',
    role: 'analyst',
    scope: 'national',
    scopeCodes: [],
  },
  { username: 'admin', displayName: 'Arne Admin', role: 'system_admin', scope: 'national', scopeCodes: [] },
];

export async function createDemoUsers(db: Kysely<Database>, password: string): Promise<void> {
  const hash = await hashPassword(password);
  for (const [index, user] of DEMO_USERS.entries()) {
    const table = user.scope === 'units' ? 'org_unit' : 'facility';
    const ids =
      user.scopeCodes.length === 0
        ? []
        : (await db.selectFrom(table).select('id').where('code', 'in', user.scopeCodes).execute()).map(
            (r) => r.id,
          );
    await db
      .insertInto('app_user')
      .values({
        id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
        username: user.username,
        display_name: user.displayName,
        password_hash: hash,
        roles: [user.role],
        scope_kind: user.scope,
        scope_ids: ids,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
  }
}

import type { Principal } from '../../shared/access.ts';

/** The app_user row created by migration 002_integration: inactive, so it can never sign in. */
export const ESAS_INBOX_USER_ID = '00000000-0000-4000-8000-00000000e5a5';

/**
 * Who acts when a machine delivers a message (the HTTP inbox, the folder import): the system user
 * "esas-inbox". Audit events and sentence events name it; its audit role is "system". It holds no
 * permission of its own: it reaches nothing through the API, only the integration service acts as it.
 */
export const ESAS_INBOX: Principal = {
  userId: ESAS_INBOX_USER_ID,
  username: 'esas-inbox',
  displayName: 'ESAS-innboks',
  roles: [],
  permissions: [],
  scopeKind: 'national',
  scopeIds: [],
  locale: 'nb',
};

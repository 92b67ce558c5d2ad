import { readFileSync } from 'node:fs';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, errors as joseErrors } from 'jose';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Issue } from './receipts.ts';

// Signed messages: compact JWS whose protected header names the key (kid) and the algorithm (alg),
// verified against the justice sector's public keys, published as a JWKS (ESAS validering-jwks).

/** Asymmetric signatures only: a shared secret or "none" can never authenticate a sender. */
export const ALLOWED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

export function looksLikeCompactJws(text: string): boolean {
  return COMPACT_JWS.test(text.trim());
}

const jwksFile = z.object({
  keys: z.array(z.looseObject({ kty: z.string().min(1), kid: z.string().min(1) })),
});

export const DEMO_JWKS_PATH = new URL('./demo-keys/jwks.json', import.meta.url);

/**
 * Where the trusted keys come from: ESAS_JWKS_PATH when set; outside production, the demo key
 * shipped in ./demo-keys (never trusted in production); in production without a path, none.
 */
export function jwksSource(config: Pick<Config, 'env' | 'esasJwksPath'>): string | URL | null {
  if (config.esasJwksPath) return config.esasJwksPath;
  return config.env === 'production' ? null : DEMO_JWKS_PATH;
}

export type Verified =
  | { ok: true; payload: string; kid: string }
  | { ok: false; issue: Issue; kid: string | null };

export interface KeyStore {
  /** The key ids trusted, for the start-up log. */
  readonly kids: readonly string[];
  verify(jws: string): Promise<Verified>;
}

/** Reads and checks the JWKS file once, at start: a bad file stops the server with its path in the message. */
export function loadKeyStore(source: string | URL | null): KeyStore {
  if (source === null) return keyStore({ keys: [] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    throw new Error(`ESAS_JWKS_PATH: cannot read a JWKS from ${String(source)}: ${(error as Error).message}`);
  }
  const checked = jwksFile.safeParse(parsed);
  if (!checked.success)
    throw new Error(`ESAS_JWKS_PATH: ${String(source)} is not a JWKS with a kid on every key`);
  return keyStore(checked.data as { keys: { kid: string; kty: string }[] });
}

export function keyStore(jwks: { keys: { kid: string; kty: string }[] }): KeyStore {
  const kids = jwks.keys.map((k) => k.kid);
  const known = new Set(kids);
  const keySet = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
  return {
    kids,
    async verify(jws): Promise<Verified> {
      const token = jws.trim();
      let header: { kid?: unknown; alg?: unknown };
      try {
        header = decodeProtectedHeader(token);
      } catch {
        return { ok: false, kid: null, issue: { path: '(JWS)', code: 'esas_jws_format' } };
      }
      const kid = typeof header.kid === 'string' && header.kid ? header.kid : null;
      if (!kid) return { ok: false, kid, issue: { path: 'JWS.kid', code: 'esas_jws_kid_missing' } };
      const alg = typeof header.alg === 'string' ? header.alg : '';
      if (!ALLOWED_ALGORITHMS.includes(alg))
        return {
          ok: false,
          kid,
          issue: { path: 'JWS.alg', code: 'esas_jws_alg', params: { alg: alg || '–' } },
        };
      if (known.size === 0)
        return { ok: false, kid, issue: { path: 'JWS.kid', code: 'esas_jws_no_keys', fault: 'receiver' } };
      if (!known.has(kid))
        return { ok: false, kid, issue: { path: 'JWS.kid', code: 'esas_jws_unknown_kid', params: { kid } } };
      try {
        const { payload } = await compactVerify(token, keySet, { algorithms: ALLOWED_ALGORITHMS });
        return { ok: true, kid, payload: new TextDecoder('utf-8', { fatal: true }).decode(payload) };
      } catch (error) {
        if (error instanceof joseErrors.JWSSignatureVerificationFailed)
          return { ok: false, kid, issue: { path: '(JWS)', code: 'esas_jws_signature', params: { kid } } };
        // The key's own alg or kty does not fit the header, or the payload is not UTF-8.
        if (error instanceof joseErrors.JWKSNoMatchingKey)
          return { ok: false, kid, issue: { path: 'JWS.alg', code: 'esas_jws_alg', params: { alg } } };
        return { ok: false, kid, issue: { path: '(JWS)', code: 'esas_jws_format' } };
      }
    },
  };
}

/** Reads the claimed payload of a JWS without trusting it: only to name the message in a receipt. */
export function unverifiedPayload(jws: string): string | null {
  const part = jws.trim().split('.')[1];
  if (!part) return null;
  try {
    return Buffer.from(part, 'base64url').toString('utf8');
  } catch {
    return null;
  }
}

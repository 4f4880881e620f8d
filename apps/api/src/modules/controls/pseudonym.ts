import { createHmac } from 'node:crypto';
import type { SubjectKind } from '@pvi/contracts';

/** One key of `PVI_PSEUDONYM_KEYS`; the first configured key is the current one. */
export interface PseudonymKey {
  version: string;
  key: Buffer;
}

const VERSION = /^[A-Za-z0-9_-]{1,16}$/;
const MIN_KEY_BYTES = 32;

/**
 * Parses `v2:BASE64,v1:BASE64` (newest first). Throws on anything malformed, so a server with a
 * broken key setting does not start.
 */
export function parsePseudonymKeys(
  spec: string | undefined,
  setting = 'PVI_PSEUDONYM_KEYS',
): PseudonymKey[] {
  if (!spec?.trim()) return [];
  const keys = spec.split(',').map((part) => {
    const at = part.indexOf(':');
    const version = part.slice(0, at).trim();
    const key = Buffer.from(part.slice(at + 1).trim(), 'base64');
    if (at < 1 || !VERSION.test(version))
      throw new Error(`${setting}: each key is VERSION:BASE64, e.g. v2:…,v1:….`);
    if (key.length < MIN_KEY_BYTES)
      throw new Error(
        `${setting}: key ${version} has ${key.length} bytes; at least ${MIN_KEY_BYTES} are needed (openssl rand -base64 32).`,
      );
    return { version, key };
  });
  const versions = new Set(keys.map((k) => k.version));
  if (versions.size !== keys.length) throw new Error(`${setting}: a version appears twice.`);
  return keys;
}

/** The same person or plate written differently gives the same pseudonym. */
export function normaliseSubjectKey(clear: string): string {
  return clear.toUpperCase().replace(/[\s.\-_/]/g, '');
}

/** HMAC-SHA-256 of `kind:KEY` under one key, hex. */
export function pseudonymise(key: PseudonymKey, kind: SubjectKind, clear: string): string {
  return createHmac('sha256', key.key)
    .update(`${kind}:${normaliseSubjectKey(clear)}`)
    .digest('hex');
}

/** The subject's pseudonym under every configured key: what earlier rows may hold. */
export function pseudonymCandidates(
  keys: readonly PseudonymKey[],
  kind: SubjectKind,
  clear: string,
): { version: string; hash: string }[] {
  return keys.map((k) => ({ version: k.version, hash: pseudonymise(k, kind, clear) }));
}

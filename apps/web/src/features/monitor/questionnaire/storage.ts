import type { Answers } from './logic.ts';

/**
 * Answers kept on the device between visits, so someone on a phone can stop and continue later.
 * The key is a hash of the link's secret, never the secret itself; nothing reaches the server
 * before the final submit. Entries of questionnaires that have closed are removed on the next
 * visit.
 */
const PREFIX = 'pvi.vragenlijst.';

export interface Saved {
  answers: Answers;
  /** Index of the page the person was on. */
  page: number;
  /** The last day the questionnaire is open (YYYY-MM-DD), for cleaning up. */
  closesOn: string;
}

/** cyrb53: a fast 53-bit string hash, for where the browser has no SubtleCrypto (plain http). */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** The storage key for a secret: SHA-256 where available, else two cyrb53 hashes. */
export async function storageKeyOf(secret: string): Promise<string> {
  const subtle =
    typeof crypto !== 'undefined' ? (crypto.subtle as SubtleCrypto | undefined) : undefined;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(`pvi:${secret}`));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${PREFIX}${hex}`;
  }
  return `${PREFIX}${cyrb53(secret, 1)}${cyrb53(secret, 2)}`;
}

const isSaved = (value: unknown): value is Saved =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Saved).answers === 'object' &&
  typeof (value as Saved).page === 'number' &&
  typeof (value as Saved).closesOn === 'string';

export function loadAnswers(key: string): Saved | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isSaved(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveAnswers(key: string, saved: Saved) {
  try {
    localStorage.setItem(key, JSON.stringify(saved));
  } catch {
    // Private mode or a full storage: answering still works, only continuing later does not.
  }
}

export function forgetAnswers(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to remove
  }
}

/** Removes the saved answers of questionnaires that closed before `today` (YYYY-MM-DD). */
export function forgetClosed(today: string) {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const saved = loadAnswers(key);
      if (!saved || saved.closesOn < today) localStorage.removeItem(key);
    }
  } catch {
    // storage unavailable
  }
}

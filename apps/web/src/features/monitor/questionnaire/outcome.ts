import { ApiError } from '../../../app/api.ts';

/** Why a link cannot be used (any more), from the server's answer. */
export type LinkProblem = 'unknown' | 'used' | 'closed' | 'notYet' | 'teamLinkFull' | 'failed';

/**
 * 404 is a link the server does not know; 409 says why it cannot be used, in its detail (one
 * code, `conflict`, for several reasons, so the detail decides); anything else is a failure.
 */
export function linkProblemOf(error: unknown): LinkProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 404 || error.status === 400) return 'unknown';
  if (error.status !== 409) return 'failed';
  const detail = error.problem?.detail ?? '';
  if (/team link/i.test(detail)) return 'teamLinkFull';
  if (/not open yet/i.test(detail)) return 'notYet';
  if (/closed/i.test(detail)) return 'closed';
  if (/used/i.test(detail)) return 'used';
  return 'closed';
}

/** Server field errors on answers (`answers.<itemKey>`) as item key → code. */
export function answerErrorsOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const found = (error.problem?.invalidParams ?? []).filter((p) => p.name.startsWith('answers.'));
  if (!found.length) return null;
  return Object.fromEntries(found.map((p) => [p.name.slice('answers.'.length), p.code]));
}

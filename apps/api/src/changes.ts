import { isDeepStrictEqual } from 'node:util';

/** Only the fields that changed: `{ field: [before, after] }`, for the history entries of plans and follow-up. */
export function changesOf(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (!isDeepStrictEqual(before[key] ?? null, value)) changes[key] = [before[key] ?? null, value];
  }
  return changes;
}

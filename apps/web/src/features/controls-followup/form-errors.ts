import { ApiError } from '../../app/api.ts';
import type { FieldError } from '../../components/Form.tsx';

/**
 * The server's field errors (problem+json `invalidParams`) beside the form's own fields: a name
 * such as `agreedActions.2` or `ambassadorPersonIds.0` goes to the field of its first segment.
 * Errors on names the form does not show are returned apart, for a message above the form.
 */
export function serverFieldErrors(
  error: unknown,
  fields: Record<string, string>,
): { errors: FieldError[]; other: string[] } {
  const errors: FieldError[] = [];
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { errors, other };
  for (const p of error.problem?.invalidParams ?? []) {
    const field = fields[p.name] ?? fields[p.name.split('.')[0]!];
    if (!field) other.push(p.reason);
    else if (!errors.some((e) => e.field === field)) errors.push({ field, message: p.reason });
  }
  return { errors, other };
}

/** A whole number from a text field, or null when it is not one. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

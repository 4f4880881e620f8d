import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.ts';
import { serverFieldErrors, wholeNumber } from './form-errors.ts';

const problem = (invalidParams: { name: string; code: string; reason: string }[]) =>
  new ApiError(400, {
    type: 'x',
    title: 'Invalid input',
    status: 400,
    detail: 'd',
    code: 'validation_failed',
    invalidParams,
  });

describe('server field errors beside the fields', () => {
  it('maps indexed names to their field, once per field, and keeps the rest apart', () => {
    const { errors, other } = serverFieldErrors(
      problem([
        { name: 'ambassadorPersonIds.1', code: 'not_member', reason: 'Not in the team.' },
        { name: 'ambassadorPersonIds.3', code: 'duplicate', reason: 'Twice.' },
        { name: 'ibtParticipants', code: 'exceeds_team_size', reason: 'Too many.' },
        { name: 'year', code: 'in_future', reason: 'Not begun.' },
      ]),
      { ambassadorPersonIds: 'year-ambassadors', ibtParticipants: 'year-ibt' },
    );
    expect(errors).toEqual([
      { field: 'year-ambassadors', message: 'Not in the team.' },
      { field: 'year-ibt', message: 'Too many.' },
    ]);
    expect(other).toEqual(['Not begun.']);
  });

  it('gives nothing for an error that is not a problem from the API', () => {
    expect(serverFieldErrors(new Error('x'), { a: 'b' })).toEqual({ errors: [], other: [] });
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('1.5')).toBeNull();
    expect(wholeNumber('-1')).toBeNull();
    expect(wholeNumber('')).toBeNull();
  });
});

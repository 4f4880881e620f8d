import { describe, expect, it } from 'vitest';
import { assertValidRules, defaultDisclosureRules, resolveRules, validateRules } from './rules.ts';

describe('validateRules', () => {
  it('accepts the defaults and rules stored before coarsenSharesBelow existed', () => {
    expect(validateRules(defaultDisclosureRules)).toEqual([]);
    expect(validateRules({ minGroupSize: 5, minOpenAnswerGroupSize: 10 })).toEqual([]);
  });

  it('names every problem at once', () => {
    const problems = validateRules({
      minGroupSize: 1,
      minOpenAnswerGroupSize: 1,
      coarsenSharesBelow: 1,
      extra: 3,
    });
    expect(problems.map((p) => p.field).sort()).toEqual([
      'coarsenSharesBelow',
      'extra',
      'minGroupSize',
      'minOpenAnswerGroupSize',
    ]);
  });

  it.each([
    [{ minGroupSize: 2.5, minOpenAnswerGroupSize: 10 }, 'minGroupSize'],
    [{ minGroupSize: '5', minOpenAnswerGroupSize: 10 }, 'minGroupSize'],
    [{ minGroupSize: 5, minOpenAnswerGroupSize: 4 }, 'minOpenAnswerGroupSize'],
    [{ minGroupSize: 5, minOpenAnswerGroupSize: 10, coarsenSharesBelow: 4 }, 'coarsenSharesBelow'],
    [{ minGroupSize: 5 }, 'minOpenAnswerGroupSize'],
  ])('refuses %j (%s)', (rules, field) => {
    expect(validateRules(rules).map((p) => p.field)).toEqual([field]);
  });

  it('refuses what is not an object', () => {
    expect(validateRules(null)).toEqual([
      { field: 'rules', message: 'The disclosure rules must be an object.' },
    ]);
    expect(validateRules([5, 10])[0]!.field).toBe('rules');
  });
});

describe('resolveRules and assertValidRules', () => {
  it('fill in coarsenSharesBelow, and throw with the problems', () => {
    expect(resolveRules({ minGroupSize: 7, minOpenAnswerGroupSize: 12 })).toEqual({
      minGroupSize: 7,
      minOpenAnswerGroupSize: 12,
      coarsenSharesBelow: 10,
    });
    expect(() => {
      assertValidRules({ minGroupSize: 1, minOpenAnswerGroupSize: 10 });
    }).toThrow(/minGroupSize: /);
  });
});

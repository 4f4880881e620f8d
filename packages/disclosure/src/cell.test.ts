import { describe, expect, it } from 'vitest';
import { applyPlan, mapCell } from './cell.ts';
import type { GroupDecision } from './plan.model.ts';

const plan: GroupDecision[] = [
  { id: 'T1', shown: true, reasons: [] },
  { id: 'T2', shown: false, reasons: ['below_k_respondents'] },
];

describe('applyPlan', () => {
  it('gives shown groups their figure and hidden groups only their reasons', () => {
    const cells = applyPlan(
      plan,
      new Map([
        ['T1', 0.7],
        ['T2', 0.2],
      ]),
    );
    expect(cells.get('T1')).toEqual({ shown: true, value: 0.7 });
    expect(cells.get('T2')).toEqual({ shown: false, reasons: ['below_k_respondents'] });
    const t2 = cells.get('T2')!;
    // @ts-expect-error a cell has no value until `shown` is checked
    expect(t2.value).toBeUndefined();
    expect(JSON.stringify([...cells])).not.toContain('0.2');
  });

  it('refuses a shown group without a figure, and a figure without a decision', () => {
    expect(() => applyPlan(plan, new Map([['T2', 1]]))).toThrow(/T1 is shown but has no figure/);
    expect(() =>
      applyPlan(
        plan,
        new Map([
          ['T1', 1],
          ['T9', 1],
        ]),
      ),
    ).toThrow(/no decision for group T9/);
  });
});

describe('mapCell', () => {
  it('transforms shown values and passes suppressed cells on', () => {
    expect(mapCell({ shown: true, value: 0.5 }, (v) => `${v * 100} %`)).toEqual({
      shown: true,
      value: '50 %',
    });
    const hidden = { shown: false, reasons: ['overlap'] } as const;
    expect(mapCell(hidden, (v: number) => v * 2)).toBe(hidden);
  });
});

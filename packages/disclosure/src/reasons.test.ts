import { describe, expect, it } from 'vitest';
import { explainSuppression, suppressionReasons } from './reasons.ts';

describe('explainSuppression', () => {
  it('has a sentence in Dutch and English for every reason', () => {
    for (const reason of suppressionReasons) {
      expect(explainSuppression([reason], { minGroupSize: 5 }, 'nl')).toMatch(/\.$/);
      expect(explainSuppression([reason], { minGroupSize: 5 }, 'en')).toMatch(/\.$/);
    }
  });

  it('names the installation’s k and joins several reasons', () => {
    expect(
      explainSuppression(['below_k_respondents', 'below_k_invited'], { minGroupSize: 7 }, 'en'),
    ).toBe('Fewer than 7 people answered. Fewer than 7 people were invited.');
    expect(explainSuppression(['below_k_respondents'], { minGroupSize: 7 })).toContain(
      'Minder dan 7',
    );
  });
});

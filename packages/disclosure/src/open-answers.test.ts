import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayShowOpenAnswers, shuffleOpenAnswers } from './open-answers.ts';

const rules = { minGroupSize: 5, minOpenAnswerGroupSize: 10 };

describe('mayShowOpenAnswers', () => {
  it('allows open answers from shown groups of at least minOpenAnswerGroupSize', () => {
    expect(mayShowOpenAnswers({ respondents: 9 }, rules)).toBe(false);
    expect(mayShowOpenAnswers({ respondents: 10 }, rules)).toBe(true);
    expect(mayShowOpenAnswers({ respondents: 40, shown: false }, rules)).toBe(false);
  });
});

describe('shuffleOpenAnswers', () => {
  const answers = fc.array(fc.string(), { maxLength: 30 });

  it('returns the same answers, in the same order for the same seed', () => {
    fc.assert(
      fc.property(answers, fc.string(), (list, seed) => {
        const once = shuffleOpenAnswers(list, seed);
        expect([...once].sort()).toEqual([...list].sort());
        expect(shuffleOpenAnswers(list, seed)).toEqual(once);
      }),
    );
  });

  it('does not keep the order the answers came in (often the order of submission)', () => {
    fc.assert(
      fc.property(answers, fc.string(), (list, seed) => {
        expect(shuffleOpenAnswers([...list].reverse(), seed)).toEqual(
          shuffleOpenAnswers(list, seed),
        );
      }),
    );
  });

  it('orders objects by their JSON, or by a key the caller gives', () => {
    const items = [
      { itemKey: 'q1', text: 'b' },
      { itemKey: 'q1', text: 'a' },
    ];
    expect(shuffleOpenAnswers(items, 's')).toEqual(shuffleOpenAnswers([...items].reverse(), 's'));
    const byText = shuffleOpenAnswers(items, 's', (i) => i.text);
    expect(byText.map((i) => i.text).sort()).toEqual(['a', 'b']);
  });

  it('gives each order of three answers about equally often over many seeds', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const key = shuffleOpenAnswers(['a', 'b', 'c'], seed).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Expected 1000 each; the standard deviation is about 29.
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});

import { describe, expect, it } from 'vitest';
import type { Instrument } from '@pvi/contracts';
import { scoreResponse } from './scoring.ts';
import { memo } from './instruments/memo.ts';

const text = { nl: 'x', en: 'x' };
/** A small instrument: one scale of four items (one reverse-keyed), a follow-up, a background item. */
const tiny = {
  key: 'weerbaarheid',
  version: 1,
  title: text,
  description: text,
  estimatedMinutes: 1,
  scales: [
    {
      key: 'safety',
      title: text,
      construct: text,
      favourableFrom: 4,
      conversationPrompts: { nl: ['a'], en: ['a'] },
    },
  ],
  items: [
    { key: 's1', text, answerScale: 'agree5', scaleKey: 'safety' },
    { key: 's2', text, answerScale: 'agree5', scaleKey: 'safety' },
    { key: 's3', text, answerScale: 'agree5', scaleKey: 'safety', reverse: true },
    { key: 's4', text, answerScale: 'agree5', scaleKey: 'safety' },
    { key: 'harm', text, answerScale: 'yesno' },
    {
      key: 'who',
      text,
      answerScale: 'multi',
      showIf: { itemKey: 'harm', anyOf: [1] },
      options: [
        { value: 1, label: text },
        { value: 2, label: text },
      ],
    },
    {
      key: 'age',
      text,
      answerScale: 'choice',
      background: 'age_band',
      options: [
        { value: 1, label: text },
        { value: 2, label: text },
      ],
    },
    { key: 'open', text, answerScale: 'open' },
  ],
  pages: [
    { key: 'p', title: text, itemKeys: ['s1', 's2', 's3', 's4', 'harm', 'who', 'age', 'open'] },
  ],
} as unknown as Instrument;

describe('scoreResponse', () => {
  it('reverse-keys, averages a scale and decides favourable', () => {
    const { scored, problems } = scoreResponse(tiny, { s1: 5, s2: 4, s3: 2, s4: 3 });
    expect(problems).toEqual([]);
    expect(scored.answers.find((a) => a.itemKey === 's3')).toEqual({
      itemKey: 's3',
      value: 2,
      scored: 4,
    });
    expect(scored.scales).toEqual([{ scaleKey: 'safety', score: 4, favourable: true }]);
  });

  it('scores a scale only when at least half its items were answered', () => {
    expect(scoreResponse(tiny, { s1: 5 }).scored.scales).toEqual([]);
    expect(scoreResponse(tiny, { s1: 5, s2: 2 }).scored.scales).toEqual([
      { scaleKey: 'safety', score: 3.5, favourable: false },
    ]);
  });

  it('keeps background and open answers apart from the closed answers', () => {
    const { scored } = scoreResponse(tiny, { age: 2, open: '  Goed team  ', harm: 0 });
    expect(scored.background).toEqual({ ageBand: 2 });
    expect(scored.open).toEqual([{ itemKey: 'open', text: 'Goed team' }]);
    expect(scored.answers).toEqual([{ itemKey: 'harm', value: 0, scored: null }]);
  });

  it('reports every invalid answer by field', () => {
    const { problems } = scoreResponse(tiny, {
      s1: 6,
      s2: 'veel',
      who: [1],
      age: 3,
      open: 4,
      nope: 1,
    });
    expect(Object.fromEntries(problems.map((p) => [p.name, p.code]))).toEqual({
      'answers.s1': 'out_of_range',
      'answers.s2': 'out_of_range',
      'answers.who': 'not_applicable',
      'answers.age': 'not_an_option',
      'answers.open': 'not_text',
      'answers.nope': 'unknown',
    });
  });

  it('accepts a follow-up only when its condition holds, each option once', () => {
    expect(scoreResponse(tiny, { harm: 1, who: [1, 2] }).problems).toEqual([]);
    expect(scoreResponse(tiny, { harm: 1, who: [1, 1] }).problems[0]?.code).toBe('not_an_option');
  });

  it('scores a full MEMO response on every scale', () => {
    const answers = Object.fromEntries(
      memo.items.filter((i) => i.scaleKey && !i.showIf).map((i) => [i.key, 4]),
    );
    const { scored, problems } = scoreResponse(memo, answers);
    expect(problems).toEqual([]);
    expect(scored.scales.map((s) => s.scaleKey).sort()).toEqual(
      memo.scales.map((s) => s.key).sort(),
    );
  });
});

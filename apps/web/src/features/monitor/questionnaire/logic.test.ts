import { describe, expect, it } from 'vitest';
import type { Instrument } from '@pvi/contracts';
import { answeredOn, answersToSend, applies, isAnswered, shownPages } from './logic.ts';

const text = (s: string) => ({ nl: s, en: s });
const instrument: Instrument = {
  key: 'memo',
  version: 1,
  title: text('Test'),
  description: text('Test'),
  estimatedMinutes: 5,
  scales: [],
  items: [
    { key: 'safe', text: text('Veilig?'), answerScale: 'agree5' },
    { key: 'harassed', text: text('Meegemaakt?'), answerScale: 'yesno' },
    {
      key: 'harassed_from',
      text: text('Door wie?'),
      answerScale: 'multi',
      options: [
        { value: 1, label: text('Collega') },
        { value: 2, label: text('Burger') },
      ],
      showIf: { itemKey: 'harassed', anyOf: [1] },
    },
    {
      key: 'harassed_reported',
      text: text('Gemeld?'),
      answerScale: 'yesno',
      showIf: { itemKey: 'harassed_from', anyOf: [1] },
    },
    { key: 'open', text: text('Nog iets?'), answerScale: 'open' },
  ],
  pages: [
    { key: 'one', title: text('Een'), itemKeys: ['safe'] },
    {
      key: 'two',
      title: text('Twee'),
      itemKeys: ['harassed', 'harassed_from', 'harassed_reported'],
    },
    { key: 'three', title: text('Drie'), itemKeys: ['open'] },
  ],
};
const item = (key: string) => instrument.items.find((i) => i.key === key)!;

describe('the questionnaire logic', () => {
  it('shows a follow-up only after an answer its condition names, also within a multi answer', () => {
    expect(applies(item('harassed_from'), {})).toBe(false);
    expect(applies(item('harassed_from'), { harassed: 0 })).toBe(false);
    expect(applies(item('harassed_from'), { harassed: 1 })).toBe(true);
    expect(applies(item('harassed_reported'), { harassed_from: [2] })).toBe(false);
    expect(applies(item('harassed_reported'), { harassed_from: [2, 1] })).toBe(true);
  });

  it('lists the pages with the items that apply now', () => {
    const keys = (answers: Record<string, number | number[] | string>) =>
      shownPages(instrument, answers).map((p) => p.items.map((i) => i.key));
    expect(keys({})).toEqual([['safe'], ['harassed'], ['open']]);
    expect(keys({ harassed: 1, harassed_from: [1] })).toEqual([
      ['safe'],
      ['harassed', 'harassed_from', 'harassed_reported'],
      ['open'],
    ]);
  });

  it('sends only answers that apply, in a chain too, and leaves out empty ones', () => {
    // "harassed" changed to no: both follow-ups (the second depends on the first) drop out.
    const answers = {
      safe: 4,
      harassed: 0,
      harassed_from: [1],
      harassed_reported: 1,
      open: '   ',
      unknown: 3,
    };
    expect(answersToSend(instrument, answers)).toEqual({ safe: 4, harassed: 0 });
    expect(
      answersToSend(instrument, {
        harassed: 1,
        harassed_from: [1],
        harassed_reported: 0,
        open: ' Goed ',
      }),
    ).toEqual({ harassed: 1, harassed_from: [1], harassed_reported: 0, open: 'Goed' });
  });

  it('counts what is answered', () => {
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered('')).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    const [, two] = shownPages(instrument, { harassed: 1 });
    expect(answeredOn(two!, { harassed: 1 })).toBe(1);
  });
});

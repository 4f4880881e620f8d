import type { Instrument } from '@pvi/contracts';
import type { InvalidParam } from '../../errors.ts';
import type { StoredResponse } from './respond.repository.ts';

type AnswerValue = number | number[] | string;
type Item = Instrument['items'][number];

const SCALE_RANGE: Partial<Record<Item['answerScale'], [number, number]>> = {
  agree5: [1, 5],
  frequency5: [1, 5],
  yesno: [0, 1],
};

const BACKGROUND_COLUMN = {
  age_band: 'ageBand',
  gender: 'gender',
  years_of_service: 'serviceBand',
  origin: 'origin',
} as const;

/** Whether an item applies given the answers before it (`showIf`). */
function applies(item: Item, answers: Record<string, AnswerValue>): boolean {
  if (!item.showIf) return true;
  const given = answers[item.showIf.itemKey];
  const values = Array.isArray(given) ? given : typeof given === 'number' ? [given] : [];
  return values.some((v) => item.showIf!.anyOf.includes(v));
}

export type Scored = Pick<StoredResponse, 'background' | 'answers' | 'scales' | 'open'>;

/**
 * Checks a submitted questionnaire against its instrument, field by field, and scores it: closed
 * answers (reverse-keyed where the item says so), each scale's mean when at least half its items
 * were answered, background answers apart, and open answers apart. Every item is optional.
 */
export function scoreResponse(
  instrument: Instrument,
  answers: Record<string, AnswerValue>,
): { scored: Scored; problems: InvalidParam[] } {
  const items = new Map(instrument.items.map((i) => [i.key, i]));
  const problems: InvalidParam[] = [];
  const scored: Scored = { background: {}, answers: [], scales: [], open: [] };
  const bad = (key: string, code: string, reason: string) =>
    problems.push({ name: `answers.${key}`, code, reason });

  for (const [key, value] of Object.entries(answers)) {
    const item = items.get(key);
    if (!item) {
      bad(key, 'unknown', `There is no question ${key} in this questionnaire.`);
      continue;
    }
    if (!applies(item, answers)) {
      bad(key, 'not_applicable', 'This question does not apply given an earlier answer.');
      continue;
    }
    const optionValues = new Set((item.options ?? []).map((o) => o.value));
    switch (item.answerScale) {
      case 'agree5':
      case 'frequency5':
      case 'yesno': {
        const [min, max] = SCALE_RANGE[item.answerScale]!;
        if (typeof value !== 'number' || value < min || value > max) {
          bad(key, 'out_of_range', `Answer with a whole number from ${min} to ${max}.`);
          break;
        }
        const reversed = item.reverse ? min + max - value : value;
        scored.answers.push({ itemKey: key, value, scored: item.scaleKey ? reversed : null });
        break;
      }
      case 'choice': {
        if (typeof value !== 'number' || !optionValues.has(value)) {
          bad(key, 'not_an_option', 'Choose one of the options.');
          break;
        }
        if (item.background) scored.background[BACKGROUND_COLUMN[item.background]] = value;
        else scored.answers.push({ itemKey: key, value, scored: null });
        break;
      }
      case 'multi': {
        if (
          !Array.isArray(value) ||
          value.some((v) => !optionValues.has(v)) ||
          new Set(value).size !== value.length
        ) {
          bad(key, 'not_an_option', 'Choose one or more of the options, each once.');
          break;
        }
        for (const v of value) scored.answers.push({ itemKey: key, value: v, scored: null });
        break;
      }
      case 'open': {
        if (typeof value !== 'string') {
          bad(key, 'not_text', 'Answer with text.');
          break;
        }
        const text = value.trim();
        if (text) scored.open.push({ itemKey: key, text });
        break;
      }
    }
  }

  for (const scale of instrument.scales) {
    const scaleItems = instrument.items.filter((i) => i.scaleKey === scale.key);
    const values = scored.answers
      .filter((a) => scaleItems.some((i) => i.key === a.itemKey) && a.scored !== null)
      .map((a) => a.scored!);
    if (values.length > 0 && values.length * 2 >= scaleItems.length) {
      const score = values.reduce((s, v) => s + v, 0) / values.length;
      scored.scales.push({ scaleKey: scale.key, score, favourable: score >= scale.favourableFrom });
    }
  }
  return { scored, problems };
}

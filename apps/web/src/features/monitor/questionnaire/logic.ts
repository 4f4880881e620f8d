import type { Instrument, InstrumentItem, InstrumentPage } from '@pvi/contracts';
import type { AnswerValue } from '../api.ts';

export type Answers = Record<string, AnswerValue>;

/** Whether an item applies given the answers before it (`showIf`), as the server decides it. */
export function applies(item: InstrumentItem, answers: Answers): boolean {
  if (!item.showIf) return true;
  const given = answers[item.showIf.itemKey];
  const values = Array.isArray(given) ? given : typeof given === 'number' ? [given] : [];
  return values.some((v) => item.showIf!.anyOf.includes(v));
}

/** Whether an answer counts as given (an empty text or an empty choice list does not). */
export const isAnswered = (value: AnswerValue | undefined) =>
  value !== undefined &&
  (typeof value === 'number' ||
    (Array.isArray(value) ? value.length > 0 : value.trim().length > 0));

/**
 * The answers to send: only items that exist and apply (in questionnaire order, so a condition
 * on a dropped answer drops its follow-ups too), open texts trimmed, empty answers left out.
 */
export function answersToSend(instrument: Instrument, answers: Answers): Answers {
  const kept: Answers = {};
  for (const item of instrument.items) {
    const value = answers[item.key];
    if (!isAnswered(value) || !applies(item, kept)) continue;
    kept[item.key] = typeof value === 'string' ? value.trim() : value!;
  }
  return kept;
}

export interface ShownPage {
  page: InstrumentPage;
  items: InstrumentItem[];
}

/** The pages with the items that apply now; a page whose items all do not apply is skipped. */
export function shownPages(instrument: Instrument, answers: Answers): ShownPage[] {
  const byKey = new Map(instrument.items.map((i) => [i.key, i]));
  return instrument.pages
    .map((page) => ({
      page,
      items: page.itemKeys
        .map((k) => byKey.get(k))
        .filter((i): i is InstrumentItem => i !== undefined && applies(i, answers)),
    }))
    .filter((p) => p.items.length > 0);
}

/** How many of the items shown on a page have an answer. */
export const answeredOn = (page: ShownPage, answers: Answers) =>
  page.items.filter((i) => isAnswered(answers[i.key])).length;

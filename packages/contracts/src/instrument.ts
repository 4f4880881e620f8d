import { z } from 'zod';
import { instrumentKey } from './survey.ts';

/**
 * A team-monitor instrument (MEMO, Weerbaarheidsmonitor, Teamscan) as versioned data: its scales,
 * items and pages, in Dutch and English. The zod schema checks the shape; `checkInstrument` checks
 * what a shape cannot (unique keys, references, page coverage, conditions, texts, timing).
 * See docs/instruments.md for the content and for how versions work.
 */

const key = z
  .string()
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'lowercase snake_case')
  .max(80);

/** A text in Dutch and English; both must be non-empty (checked by `checkInstrument`). */
export const localizedText = z
  .strictObject({ nl: z.string(), en: z.string() })
  .meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof localizedText>;

/**
 * How an item is answered:
 * - `agree5`: 1 = helemaal oneens … 5 = helemaal eens
 * - `frequency5`: 1 = nooit … 5 = (bijna) altijd
 * - `yesno`: 0 = nee, 1 = ja
 * - `choice`: one option value (1..n); `multi`: several option values; `open`: free text
 */
export const answerScale = z.enum(['agree5', 'frequency5', 'yesno', 'choice', 'multi', 'open']);
export type AnswerScale = z.infer<typeof answerScale>;

/** Background questions; reported only at unit level and above. */
export const backgroundKind = z.enum(['age_band', 'gender', 'years_of_service', 'origin']);
export type BackgroundKind = z.infer<typeof backgroundKind>;

/** Items the risk rules use. */
export const indicatorKind = z.enum([
  'transgressive_experienced',
  'transgressive_reported',
  'reporting_experience',
]);
export type IndicatorKind = z.infer<typeof indicatorKind>;

/** The fixed answer options of the rating scales, in the order they are shown. */
export const answerScaleOptions = {
  agree5: [
    { value: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
    { value: 2, label: { nl: 'Oneens', en: 'Disagree' } },
    { value: 3, label: { nl: 'Niet eens, niet oneens', en: 'Neither agree nor disagree' } },
    { value: 4, label: { nl: 'Eens', en: 'Agree' } },
    { value: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' } },
  ],
  frequency5: [
    { value: 1, label: { nl: 'Nooit', en: 'Never' } },
    { value: 2, label: { nl: 'Zelden', en: 'Rarely' } },
    { value: 3, label: { nl: 'Soms', en: 'Sometimes' } },
    { value: 4, label: { nl: 'Vaak', en: 'Often' } },
    { value: 5, label: { nl: '(Bijna) altijd', en: '(Almost) always' } },
  ],
  yesno: [
    { value: 1, label: { nl: 'Ja', en: 'Yes' } },
    { value: 0, label: { nl: 'Nee', en: 'No' } },
  ],
} as const satisfies Record<
  'agree5' | 'frequency5' | 'yesno',
  readonly { value: number; label: LocalizedText }[]
>;

export const instrumentOption = z.strictObject({
  value: z.number().int().min(1).max(20),
  label: localizedText,
});
export type InstrumentOption = z.infer<typeof instrumentOption>;

export const instrumentScale = z
  .strictObject({
    key,
    title: localizedText,
    construct: localizedText,
    /** A score (after reverse-keying) at or above this counts as favourable, e.g. 4 on agree5. */
    favourableFrom: z.number().min(0).max(5),
    /** 3–5 prompts for the conversation kit a team below the anonymity threshold gets. */
    conversationPrompts: z.strictObject({
      nl: z.array(z.string()).min(3).max(5),
      en: z.array(z.string()).min(3).max(5),
    }),
  })
  .meta({ id: 'InstrumentScale' });
export type InstrumentScale = z.infer<typeof instrumentScale>;

export const instrumentItem = z
  .strictObject({
    key,
    text: localizedText,
    answerScale,
    scaleKey: key.optional(),
    reverse: z.boolean().optional(),
    /** For `choice` and `multi`: values 1..n in the order shown. */
    options: z.array(instrumentOption).min(2).max(20).optional(),
    /** Every item is optional for respondents (anonymity: you may skip anything). */
    required: z.literal(false).optional(),
    background: backgroundKind.optional(),
    indicator: indicatorKind.optional(),
    /** Shown only when the earlier item `itemKey` was answered with one of `anyOf`. */
    showIf: z.strictObject({ itemKey: key, anyOf: z.array(z.number().int()).min(1) }).optional(),
  })
  .meta({ id: 'InstrumentItem' });
export type InstrumentItem = z.infer<typeof instrumentItem>;

export const instrumentPage = z
  .strictObject({ key, title: localizedText, itemKeys: z.array(key).min(1) })
  .meta({ id: 'InstrumentPage' });
export type InstrumentPage = z.infer<typeof instrumentPage>;

export const instrument = z
  .strictObject({
    key: instrumentKey,
    version: z.number().int().min(1),
    title: localizedText,
    description: localizedText,
    estimatedMinutes: z.number().positive().max(120),
    scales: z.array(instrumentScale),
    items: z.array(instrumentItem).min(1),
    pages: z.array(instrumentPage).min(1),
  })
  .meta({ id: 'Instrument' });
export type Instrument = z.infer<typeof instrument>;

/** One problem `checkInstrument` found: where (a path into the definition) and what. */
export interface InstrumentProblem {
  path: string;
  message: string;
}

/**
 * The answering-time estimate behind `estimatedMinutes` (documented in docs/instruments.md):
 * silent reading at 200 words a minute — below the 238 wpm Brysbaert (2019) found for adults
 * reading non-fiction, to allow for a phone screen and for colleagues reading in a second
 * language — plus 3 seconds to choose and tap each closed answer, 45 seconds for each open
 * question (a sentence or two on a phone keyboard), and 3 seconds for each page turn. Read are
 * the description, the page titles, the item texts, the answer options of choice/multi items, and
 * the labels of each rating scale once per page it appears on.
 */
export const answeringTime = {
  wordsPerMinute: 200,
  secondsPerClosedAnswer: 3,
  secondsPerOpenAnswer: 45,
  secondsPerPage: 3,
} as const;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Estimated seconds to answer every item of `def` in `lang`. Items shown only after a particular
 * answer (`showIf`) are left out unless `includeConditional` — they apply to few respondents.
 */
export function estimateSeconds(
  def: Instrument,
  {
    lang = 'nl',
    includeConditional = false,
  }: { lang?: 'nl' | 'en'; includeConditional?: boolean } = {},
): number {
  const items = new Map(def.items.map((i) => [i.key, i]));
  let wordCount = words(def.description[lang]);
  let answerSeconds = 0;
  let pages = 0;
  for (const page of def.pages) {
    const shown = page.itemKeys
      .map((k) => items.get(k))
      .filter((i): i is InstrumentItem => i !== undefined && (includeConditional || !i.showIf));
    if (shown.length === 0) continue;
    pages++;
    wordCount += words(page.title[lang]);
    const ratingScales = new Set<'agree5' | 'frequency5' | 'yesno'>();
    for (const item of shown) {
      wordCount += words(item.text[lang]);
      for (const o of item.options ?? []) wordCount += words(o.label[lang]);
      if (item.answerScale === 'open') answerSeconds += answeringTime.secondsPerOpenAnswer;
      else answerSeconds += answeringTime.secondsPerClosedAnswer;
      if (
        item.answerScale === 'agree5' ||
        item.answerScale === 'frequency5' ||
        item.answerScale === 'yesno'
      )
        ratingScales.add(item.answerScale);
    }
    for (const s of ratingScales)
      for (const o of answerScaleOptions[s]) wordCount += words(o.label[lang]);
  }
  return (
    (wordCount / answeringTime.wordsPerMinute) * 60 +
    answerSeconds +
    pages * answeringTime.secondsPerPage
  );
}

/** Answer values an item can take (for checking `showIf`), or undefined for free text. */
function possibleValues(item: InstrumentItem): number[] | undefined {
  switch (item.answerScale) {
    case 'agree5':
    case 'frequency5':
      return [1, 2, 3, 4, 5];
    case 'yesno':
      return [0, 1];
    case 'choice':
    case 'multi':
      return (item.options ?? []).map((o) => o.value);
    case 'open':
      return undefined;
  }
}

const INDICATOR_SCALE: Record<IndicatorKind, AnswerScale> = {
  transgressive_experienced: 'yesno',
  transgressive_reported: 'yesno',
  reporting_experience: 'agree5',
};

/**
 * Checks a definition (already of the zod shape) for what the shape cannot say, and returns every
 * problem found; an empty list means the definition is sound:
 * - keys of scales, items and pages are unique; an item on a scale has a key prefixed by it;
 * - every scale item names an existing scale, is `agree5` or `frequency5` like the rest of its
 *   scale, is shown to everyone (no `showIf`), and every scale has at least 3 items (so that
 *   Cronbach's alpha is meaningful); `favourableFrom` lies within the scale's answers;
 * - `reverse` only on scale items; `options` exactly on `choice`/`multi` items, valued 1..n;
 * - background questions are `choice` items off the scales, each kind at most once;
 * - indicator items are off the scales and of the answer scale the risk rules expect;
 * - every page lists existing items, every item is on exactly one page, and the items are listed
 *   in page order;
 * - `showIf` names an earlier closed, non-background item and values it can take;
 * - every Dutch and English text is present and not blank, conversation prompts come in the same
 *   number in both languages;
 * - `estimatedMinutes` is not below the answering-time estimate (`estimateSeconds`).
 */
export function checkInstrument(def: Instrument): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  const text = (path: string, t: LocalizedText) => {
    if (!t.nl.trim()) problem(`${path}.nl`, 'The Dutch text is empty.');
    if (!t.en.trim()) problem(`${path}.en`, 'The English text is empty.');
  };
  const duplicates = (path: string, keys: string[], what: string) => {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k)) problem(`${path}.${i}.key`, `The ${what} key ${k} is used more than once.`);
      seen.add(k);
    });
  };

  text('title', def.title);
  text('description', def.description);
  duplicates(
    'scales',
    def.scales.map((s) => s.key),
    'scale',
  );
  duplicates(
    'items',
    def.items.map((i) => i.key),
    'item',
  );
  duplicates(
    'pages',
    def.pages.map((p) => p.key),
    'page',
  );

  const scales = new Map(def.scales.map((s) => [s.key, s]));
  const items = new Map(def.items.map((i) => [i.key, i]));

  // Pages: existing items, each item exactly once, and the order of the questionnaire.
  const pageOf = new Map<string, number>();
  const order: string[] = [];
  def.pages.forEach((page, p) => {
    text(`pages.${p}.title`, page.title);
    page.itemKeys.forEach((k, j) => {
      const path = `pages.${p}.itemKeys.${j}`;
      if (!items.has(k)) problem(path, `There is no item ${k}.`);
      else if (pageOf.has(k)) problem(path, `Item ${k} is on more than one page.`);
      else {
        pageOf.set(k, p);
        order.push(k);
      }
    });
  });
  const position = new Map(order.map((k, i) => [k, i]));
  def.items.forEach((item, i) => {
    if (!pageOf.has(item.key)) problem(`items.${i}`, `Item ${item.key} is on no page.`);
  });
  const listed = def.items.map((i) => i.key).filter((k) => position.has(k));
  const firstOutOfOrder = listed.findIndex((k, i) => order[i] !== k);
  if (firstOutOfOrder >= 0)
    problem(
      'items',
      `The items are not listed in the order of the pages (first difference: ${listed[firstOutOfOrder]}).`,
    );

  // Items.
  const backgroundSeen = new Set<string>();
  def.items.forEach((item, i) => {
    const path = `items.${i}`;
    text(`${path}.text`, item.text);
    const isChoice = item.answerScale === 'choice' || item.answerScale === 'multi';

    if (isChoice && !item.options)
      problem(`${path}.options`, `A ${item.answerScale} item needs options.`);
    if (!isChoice && item.options)
      problem(`${path}.options`, `Only choice and multi items have options.`);
    item.options?.forEach((o, j) => {
      text(`${path}.options.${j}.label`, o.label);
      if (o.value !== j + 1)
        problem(
          `${path}.options.${j}.value`,
          `Option values run 1..n in order; expected ${j + 1}.`,
        );
    });

    if (item.scaleKey !== undefined) {
      if (!scales.has(item.scaleKey))
        problem(`${path}.scaleKey`, `There is no scale ${item.scaleKey}.`);
      else if (!item.key.startsWith(`${item.scaleKey}_`))
        problem(`${path}.key`, `An item on scale ${item.scaleKey} has a key starting with it.`);
      if (item.answerScale !== 'agree5' && item.answerScale !== 'frequency5')
        problem(`${path}.answerScale`, 'Scale items are answered agree5 or frequency5.');
      if (item.showIf) problem(`${path}.showIf`, 'Scale items are shown to everyone (no showIf).');
    } else if (item.reverse !== undefined) {
      problem(`${path}.reverse`, 'Only items on a scale can be reverse-keyed.');
    }

    if (item.background !== undefined) {
      if (item.answerScale !== 'choice')
        problem(`${path}.answerScale`, 'Background questions are choice items.');
      if (item.scaleKey !== undefined || item.indicator !== undefined)
        problem(path, 'A background question is on no scale and is no indicator.');
      if (backgroundSeen.has(item.background))
        problem(`${path}.background`, `There is more than one ${item.background} question.`);
      backgroundSeen.add(item.background);
    }

    if (item.indicator !== undefined) {
      if (item.answerScale !== INDICATOR_SCALE[item.indicator])
        problem(
          `${path}.answerScale`,
          `A ${item.indicator} item is answered ${INDICATOR_SCALE[item.indicator]}.`,
        );
      if (item.scaleKey !== undefined)
        problem(`${path}.scaleKey`, 'An indicator item is on no scale.');
    }

    if (item.showIf) {
      const target = items.get(item.showIf.itemKey);
      const here = position.get(item.key);
      const there = position.get(item.showIf.itemKey);
      if (!target) problem(`${path}.showIf.itemKey`, `There is no item ${item.showIf.itemKey}.`);
      else if (here === undefined || there === undefined || there >= here)
        problem(`${path}.showIf.itemKey`, `Item ${item.showIf.itemKey} does not come earlier.`);
      if (target) {
        const values = possibleValues(target);
        if (!values) problem(`${path}.showIf.itemKey`, 'A condition cannot depend on free text.');
        else if (target.background !== undefined)
          problem(`${path}.showIf.itemKey`, 'A condition cannot depend on a background question.');
        else
          item.showIf.anyOf.forEach((v, j) => {
            if (!values.includes(v))
              problem(`${path}.showIf.anyOf.${j}`, `Item ${target.key} cannot be answered ${v}.`);
          });
      }
    }
  });

  // Scales.
  def.scales.forEach((scale, s) => {
    const path = `scales.${s}`;
    text(`${path}.title`, scale.title);
    text(`${path}.construct`, scale.construct);
    const { nl, en } = scale.conversationPrompts;
    nl.forEach((p, j) => {
      if (!p.trim()) problem(`${path}.conversationPrompts.nl.${j}`, 'The Dutch text is empty.');
    });
    en.forEach((p, j) => {
      if (!p.trim()) problem(`${path}.conversationPrompts.en.${j}`, 'The English text is empty.');
    });
    if (nl.length !== en.length)
      problem(`${path}.conversationPrompts`, 'Give as many English prompts as Dutch ones.');
    const members = def.items.filter((i) => i.scaleKey === scale.key);
    if (members.length < 3)
      problem(path, `Scale ${scale.key} has ${members.length} items; it needs at least 3.`);
    const kinds = new Set(members.map((i) => i.answerScale));
    if (kinds.size > 1)
      problem(path, `The items of scale ${scale.key} are answered on different scales.`);
    if (members.length > 0 && (scale.favourableFrom < 1 || scale.favourableFrom > 5))
      problem(`${path}.favourableFrom`, 'favourableFrom lies within the answers, 1 to 5.');
  });

  // Time.
  const estimate = Math.ceil(
    Math.max(estimateSeconds(def, { lang: 'nl' }), estimateSeconds(def, { lang: 'en' })) / 60,
  );
  if (def.estimatedMinutes < estimate)
    problem(
      'estimatedMinutes',
      `The answering-time estimate is ${estimate} minutes; do not promise fewer.`,
    );

  return problems;
}

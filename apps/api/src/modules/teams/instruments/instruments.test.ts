import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInstrument, estimateSeconds, instrument, type Instrument } from '@pvi/contracts';
import { findInstrument, instrumentByKey, instruments, memo, weerbaarheid } from './index.ts';

const docs = readFileSync(
  new URL('../../../../../../docs/instruments.md', import.meta.url),
  'utf8',
);

const expected: Record<
  Instrument['key'],
  { scales: number; items: number; shownToAll: number; open: number; background: number }
> = {
  memo: { scales: 7, items: 55, shownToAll: 43, open: 2, background: 4 },
  weerbaarheid: { scales: 3, items: 12, shownToAll: 12, open: 1, background: 0 },
  teamscan: { scales: 5, items: 21, shownToAll: 21, open: 1, background: 0 },
};

describe.each(instruments.map((def) => [`${def.key} v${def.version}`, def] as const))(
  '%s',
  (_name, def) => {
    it('has the shape of an instrument, nothing more', () => {
      const parsed = instrument.safeParse(def);
      expect(parsed.error?.issues).toBeUndefined();
      // Stored as JSON in the database and compared with it on start: nothing may get lost.
      expect(parsed.data).toEqual(JSON.parse(JSON.stringify(def)));
    });

    it('has no problems', () => {
      expect(checkInstrument(def)).toEqual([]);
    });

    it('has the specified number of scales and items', () => {
      const e = expected[def.key];
      expect(def.scales).toHaveLength(e.scales);
      expect(def.items).toHaveLength(e.items);
      expect(def.items.filter((i) => !i.showIf)).toHaveLength(e.shownToAll);
      expect(def.items.filter((i) => i.answerScale === 'open')).toHaveLength(e.open);
      expect(def.items.filter((i) => i.background)).toHaveLength(e.background);
    });

    it('puts every reverse-keyed item on a scale, and has one reverse-keyed item per scale', () => {
      for (const item of def.items.filter((i) => i.reverse))
        expect(item.scaleKey, item.key).toBeDefined();
      for (const scale of def.scales) {
        const members = def.items.filter((i) => i.scaleKey === scale.key);
        expect(members.length, scale.key).toBeGreaterThanOrEqual(3);
        expect(
          members.filter((i) => i.reverse),
          scale.key,
        ).toHaveLength(1);
      }
    });

    it('makes every question optional, background questions with "zeg ik liever niet"', () => {
      for (const item of def.items) expect(item.required, item.key).not.toBe(true);
      for (const item of def.items.filter((i) => i.background)) {
        expect(item.options!.at(-1)!.label.nl, item.key).toBe('Zeg ik liever niet');
        expect(item.scaleKey, item.key).toBeUndefined();
      }
    });

    it('has pages a phone user can get through (at most 8 items each)', () => {
      for (const page of def.pages) expect(page.itemKeys.length, page.key).toBeLessThanOrEqual(8);
    });

    it('does not promise less time than the estimate, in either language', () => {
      for (const lang of ['nl', 'en'] as const)
        expect(def.estimatedMinutes * 60).toBeGreaterThanOrEqual(estimateSeconds(def, { lang }));
    });

    it('is described in docs/instruments.md: every scale, item key and Dutch item text', () => {
      for (const scale of def.scales) expect(docs).toContain(`\`${scale.key}\``);
      for (const item of def.items) {
        expect(docs).toContain(`\`${item.key}\``);
        expect(docs).toContain(item.text.nl);
      }
    });
  },
);

describe('Weerbaarheidsmonitor', () => {
  it('takes under 3 minutes on a phone by the reading-time estimate, every item included', () => {
    for (const lang of ['nl', 'en'] as const)
      expect(estimateSeconds(weerbaarheid, { lang, includeConditional: true })).toBeLessThan(180);
    expect(weerbaarheid.estimatedMinutes).toBeLessThanOrEqual(3);
    expect(weerbaarheid.items.some((i) => i.showIf)).toBe(false);
  });
});

describe('MEMO transgressive behaviour', () => {
  const item = (key: string) => memo.items.find((i) => i.key === key)!;
  const kinds = ['intimidation', 'discrimination', 'sexual', 'bullying'];

  it('asks yes/no per kind, of everyone', () => {
    const experienced = memo.items.filter((i) => i.indicator === 'transgressive_experienced');
    expect(experienced.map((i) => i.key)).toEqual(kinds.map((k) => `transgressive_${k}`));
    for (const i of experienced) {
      expect(i.answerScale).toBe('yesno');
      expect(i.showIf).toBeUndefined();
    }
  });

  it('asks from whom and whether it was reported only after a yes, and how it went only after a report', () => {
    for (const kind of kinds) {
      const key = `transgressive_${kind}`;
      const from = item(`${key}_from`);
      expect(from.answerScale).toBe('multi');
      expect(from.options!.map((o) => o.label.nl)).toEqual([
        'Een collega',
        'Een leidinggevende',
        'Een burger',
        'Iemand anders',
      ]);
      expect(from.showIf).toEqual({ itemKey: key, anyOf: [1] });
      expect(item(`${key}_reported`)).toMatchObject({
        answerScale: 'yesno',
        indicator: 'transgressive_reported',
        showIf: { itemKey: key, anyOf: [1] },
      });
      expect(item(`${key}_handled`)).toMatchObject({
        answerScale: 'agree5',
        indicator: 'reporting_experience',
        showIf: { itemKey: `${key}_reported`, anyOf: [1] },
      });
    }
  });

  it('asks all four background questions', () => {
    expect(memo.items.flatMap((i) => (i.background ? [i.background] : []))).toEqual([
      'age_band',
      'gender',
      'years_of_service',
      'origin',
    ]);
    expect(item('bg_gender').options!.map((o) => o.label.nl)).toEqual([
      'Man',
      'Vrouw',
      'Anders',
      'Zeg ik liever niet',
    ]);
  });
});

describe('instrument lookup', () => {
  it('finds the latest version by key, or a given version', () => {
    for (const def of instruments) {
      expect(findInstrument(def.key, def.version)).toBe(def);
      expect(instrumentByKey[def.key].version).toBeGreaterThanOrEqual(def.version);
    }
    expect(findInstrument('memo')).toBe(memo);
    expect(findInstrument('memo', 99)).toBeUndefined();
    expect(findInstrument('nope')).toBeUndefined();
  });

  it('ships each key and version once', () => {
    const ids = instruments.map((d) => `${d.key}@${d.version}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('checkInstrument', () => {
  const copy = (): Instrument => structuredClone(weerbaarheid);
  const messages = (def: Instrument) => checkInstrument(def).map((p) => `${p.path}: ${p.message}`);

  it('finds a duplicate key', () => {
    const def = copy();
    def.items[1]!.key = 'resilience_1';
    def.pages[0]!.itemKeys[1] = 'resilience_1';
    expect(messages(def)).toContain(
      'items.1.key: The item key resilience_1 is used more than once.',
    );
  });

  it('finds a scale with fewer than 3 items and an item on a scale that does not exist', () => {
    const def = copy();
    def.items[8]!.scaleKey = 'social_safty';
    expect(messages(def)).toEqual(
      expect.arrayContaining([
        'items.8.scaleKey: There is no scale social_safty.',
        'scales.2: Scale social_safety has 2 items; it needs at least 3.',
      ]),
    );
  });

  it('finds an item on no page, on two pages, and a page naming an unknown item', () => {
    const def = copy();
    def.pages[0]!.itemKeys = def.pages[0]!.itemKeys.filter((k) => k !== 'resilience_2');
    def.pages[1]!.itemKeys.push('resilience_1', 'resilience_9');
    expect(messages(def)).toEqual(
      expect.arrayContaining([
        'items.1: Item resilience_2 is on no page.',
        'pages.1.itemKeys.4: Item resilience_1 is on more than one page.',
        'pages.1.itemKeys.5: There is no item resilience_9.',
      ]),
    );
  });

  it('finds a showIf on a later item, on free text, and with an impossible value', () => {
    const def = copy();
    def.items.push(
      {
        key: 'later',
        text: { nl: 'Later', en: 'Later' },
        answerScale: 'yesno',
        showIf: { itemKey: 'open_stronger', anyOf: [1] },
      },
      {
        key: 'earlier',
        text: { nl: 'Eerder', en: 'Earlier' },
        answerScale: 'yesno',
        showIf: { itemKey: 'later', anyOf: [2] },
      },
    );
    def.pages[1]!.itemKeys.push('later', 'earlier');
    def.items[0]!.showIf = { itemKey: 'team_support_1', anyOf: [1] };
    expect(messages(def)).toEqual(
      expect.arrayContaining([
        'items.0.showIf: Scale items are shown to everyone (no showIf).',
        'items.0.showIf.itemKey: Item team_support_1 does not come earlier.',
        'items.12.showIf.itemKey: A condition cannot depend on free text.',
        'items.13.showIf.anyOf.0: Item later cannot be answered 2.',
      ]),
    );
  });

  it('finds empty texts, a reverse-keyed item off the scales and missing options', () => {
    const def = copy();
    def.items[2]!.text.en = ' ';
    def.scales[0]!.conversationPrompts.nl.push('');
    def.items[11]!.reverse = true;
    def.items[11]!.answerScale = 'choice';
    expect(messages(def)).toEqual(
      expect.arrayContaining([
        'items.2.text.en: The English text is empty.',
        'scales.0.conversationPrompts.nl.3: The Dutch text is empty.',
        'scales.0.conversationPrompts: Give as many English prompts as Dutch ones.',
        'items.11.reverse: Only items on a scale can be reverse-keyed.',
        'items.11.options: A choice item needs options.',
      ]),
    );
  });

  it('finds a promise of less time than the estimate', () => {
    const def = copy();
    def.estimatedMinutes = 1;
    expect(messages(def)).toEqual([
      'estimatedMinutes: The answering-time estimate is 3 minutes; do not promise fewer.',
    ]);
  });
});

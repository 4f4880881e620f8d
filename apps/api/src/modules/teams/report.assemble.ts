import type { Instrument, SurveyReport } from '@pvi/contracts';
import type { DisclosureRules } from '@pvi/disclosure';
import { compareMeans } from '@pvi/stats';
import type { surveyGroupReports } from '@pvi/db';
import type { StoredGroupData, StoredScale } from './report.disclose.ts';

type Row = typeof surveyGroupReports.$inferSelect;
export type GroupReport = SurveyReport;

/** Size of a difference by Cohen's d, for colour: the UI never shows colour without this band. */
export function effectBand(d: number | null): 'none' | 'small' | 'medium' | 'large' | null {
  if (d === null || !Number.isFinite(d)) return null;
  const a = Math.abs(d);
  return a < 0.2 ? 'none' : a < 0.5 ? 'small' : a < 0.8 ? 'medium' : 'large';
}

/** The sufficient statistics back from a shown scale's mean and SD. */
const sumsOf = (s: StoredScale & { mean: number; sd: number }) => ({
  n: s.n,
  sum: s.mean * s.n,
  sumSquares: (s.n - 1) * s.sd * s.sd + s.n * s.mean * s.mean,
});

function compare(own: StoredScale, other: StoredScale | undefined) {
  if (!other || own.mean === null || other.mean === null || own.sd === null || other.sd === null)
    return null;
  if (own.n < 2 || other.n < 2) return null;
  const c = compareMeans(
    sumsOf({ ...own, mean: own.mean, sd: own.sd }),
    sumsOf({ ...other, mean: other.mean, sd: other.sd }),
    { minN: 10 },
  );
  return {
    difference: c.difference,
    effect: effectBand(c.cohensD),
    significant: c.significant,
    p: c.test && c.significant !== null ? c.test.p : null,
  };
}

const dataOf = (row: Row | null) => (row?.shown ? (row.data as StoredGroupData) : null);

export function assembleReport(input: {
  wave: { id: string; name: string; rules: DisclosureRules };
  instrument: Instrument;
  own: Row;
  parent: Row | null;
  previous: Row | null;
  children: Row[];
}): SurveyReport {
  const { instrument, own } = input;
  const data = dataOf(own);
  const parent = dataOf(input.parent);
  // Rule 4 may forbid the comparison with the previous wave even when both are shown.
  const previous = data?.previousComparable ? dataOf(input.previous) : null;
  const reasons = own.reasons as string[];
  const scaleTitles = new Map(instrument.scales.map((s) => [s.key, s.title]));

  const base: SurveyReport = {
    wave: { id: input.wave.id, name: input.wave.name, instrumentKey: instrument.key },
    group: {
      key: own.groupKey,
      level: own.level,
      id: own.groupId,
      name: own.name,
      filter: own.filter,
      shown: own.shown,
      reasons,
      invited: (own.data as { invited?: number | null } | null)?.invited ?? null,
      respondents: data?.respondents ?? null,
      responseRate: data && data.invited ? data.respondents / data.invited : null,
    },
    rules: {
      minGroupSize: input.wave.rules.minGroupSize,
      minOpenAnswerGroupSize: input.wave.rules.minOpenAnswerGroupSize,
    },
    scales: [],
    items: null,
    openAnswers: null,
    children: input.children
      .filter((c) => c.filter === null)
      .map((c) => {
        const d = dataOf(c);
        return {
          key: c.groupKey,
          level: c.level,
          id: c.groupId,
          name: c.name,
          shown: c.shown,
          reasons: c.reasons as string[],
          respondents: d?.respondents ?? null,
          scales: d
            ? Object.fromEntries(Object.entries(d.scales).map(([k, s]) => [k, s.favourable]))
            : null,
        };
      }),
    background: input.children
      .filter((c) => c.filter !== null)
      .map((c) => {
        const d = dataOf(c);
        return {
          filter: c.filter!,
          shown: c.shown,
          reasons: c.reasons as string[],
          respondents: d?.respondents ?? null,
          scales: d
            ? Object.fromEntries(Object.entries(d.scales).map(([k, s]) => [k, s.favourable]))
            : null,
        };
      }),
    conversationKit: null,
  };

  if (!data) {
    // Below the threshold a team gets no numbers, but the themes to talk about.
    base.conversationKit = instrument.scales.map((s) => ({
      scaleKey: s.key,
      title: s.title,
      prompts: s.conversationPrompts,
    }));
    return base;
  }
  base.scales = instrument.scales
    .filter((s) => data.scales[s.key])
    .map((s) => {
      const own = data.scales[s.key]!;
      return {
        key: s.key,
        title: scaleTitles.get(s.key)!,
        n: own.n,
        mean: own.mean,
        sd: own.sd,
        favourable: own.favourable,
        interval: own.interval,
        parent: compare(own, parent?.scales[s.key]),
        previous: compare(own, previous?.scales[s.key]),
      };
    });
  if (data.items)
    base.items = instrument.items
      .filter((i) => data.items![i.key])
      .map((i) => {
        const counts = data.items![i.key]!;
        const n = counts.reduce((sum, [, c]) => sum + c, 0);
        return {
          key: i.key,
          text: i.text,
          scaleKey: i.scaleKey ?? null,
          n,
          distribution: counts.map(([value, count]) => ({ value, count, share: count / n })),
        };
      });
  if (data.open) base.openAnswers = data.open;
  return base;
}

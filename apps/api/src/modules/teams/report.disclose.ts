import {
  mayShowOpenAnswers,
  planDisclosure,
  presentShare,
  shuffleOpenAnswers,
  type DisclosureRules,
} from '@pvi/disclosure';
import { wilsonInterval } from '@pvi/stats';
import type { GroupReportRow } from './report.repository.ts';
import type { GroupSums } from './report.tree.ts';

/**
 * Below this many respondents a group shows its scale figures but not item-by-item distributions.
 * The distributions themselves are rolled up and stored by SQL (`report.items.ts`) for the rows
 * this module marks `withItems`.
 */
export const ITEM_DETAIL_MIN = 10;

export interface StoredScale {
  n: number;
  /** Absent when the share is coarsened: a mean would tell what the band hides. */
  mean: number | null;
  sd: number | null;
  favourable: Exclude<ReturnType<typeof presentShare>, { kind: 'suppressed' }>;
  /** Wilson 95 % interval of the favourable share; absent when the share is coarsened. */
  interval: { lower: number; upper: number } | null;
}

export interface StoredGroupData {
  invited: number;
  respondents: number;
  scales: Record<string, StoredScale>;
  /** item → [value, count][] (by value); only for groups of at least ITEM_DETAIL_MIN respondents. */
  items: Record<string, [number, number][]> | null;
  /** Open answers, shuffled, without dates; only for groups of at least the open-answer threshold. */
  open: Record<string, string[]> | null;
  /** Whether the comparison with the same group in the previous wave may be shown (rule 4). */
  previousComparable: boolean;
}

/**
 * (Σx² − n·mean²) / (n − 1). The subtraction cancels: when every score is the same, rounding in
 * the sums leaves a difference of about 1e-15 of Σx²/n, which the SD would turn into 1e-7 — and
 * whether it does depends on the order in which the rows were added. A variance below 1e-12 of
 * Σx²/n is that rounding and counts as 0. A real spread is far larger: a scale score is the mean
 * of a few whole-number answers (the shipped scales have at most 5 items; even with 8, two scores
 * differ by at least 1/64), and a single such score among 65,000 gives a variance 150 times the threshold at
 * the top of the scale (Σx²/n = 25).
 */
export function sampleVariance(s: { n: number; sum: number; sumsq: number }): number {
  if (s.n < 2) return 0;
  const mean = s.sum / s.n;
  const variance = (s.sumsq - s.n * mean * mean) / (s.n - 1);
  return variance > 1e-12 * (s.sumsq / s.n) ? variance : 0;
}

/** The same group in the previous wave: its counts, and whether that wave's own plan hid it. */
export interface PreviousGroup {
  key: string;
  level: GroupSums['level'];
  respondents: number;
  invited: number;
  hidden: boolean;
}

/** A stored row, and whether SQL should add the group's item distributions to its data. */
export type DisclosedRow = GroupReportRow & { withItems: boolean };

/**
 * Runs disclosure control over every group and view of a wave at once and keeps, per group, only
 * what may be shown. The plan sees the whole tree: complementary suppression and overlap are
 * decided across siblings, parents and background views, not group by group.
 */
export function disclose(input: {
  waveId: string;
  groups: GroupSums[];
  previous: PreviousGroup[];
  rules: DisclosureRules;
}): DisclosedRow[] {
  const { groups, rules } = input;
  const previousKey = (key: string) => `previous|${key}`;
  const plan = planDisclosure(
    [
      ...groups.map((g) =>
        g.filter
          ? {
              // Nobody knows the background of those invited: a view counts respondents only.
              id: g.key,
              parentId: null,
              level: g.level,
              kind: 'filtered' as const,
              respondents: g.respondents,
              baseId: g.parentKey!,
              filterKey: g.filter,
            }
          : {
              id: g.key,
              parentId: g.parentKey,
              level: g.level,
              kind: 'base' as const,
              respondents: g.respondents,
              invited: g.invited,
            },
      ),
      ...input.previous.map((p) => ({
        id: previousKey(p.key),
        parentId: null,
        level: p.level,
        kind: 'previousWave' as const,
        respondents: p.respondents,
        invited: p.invited,
        baseId: p.key,
        hiddenInOwnWave: p.hidden,
      })),
    ],
    rules,
  );
  const decision = new Map(plan.map((p) => [p.id, p]));

  return groups.map((g) => {
    const d = decision.get(g.key)!;
    const base = {
      waveId: input.waveId,
      groupKey: g.key,
      level: g.level,
      groupId: g.id,
      name: g.name,
      parentKey: g.parentKey,
      filter: g.filter,
      shown: d.shown,
      reasons: d.reasons,
    };
    if (!d.shown)
      return { ...base, data: { invited: g.filter ? null : g.invited }, withItems: false };

    const scales: Record<string, StoredScale> = {};
    for (const [key, s] of g.scales) {
      if (s.n === 0) continue;
      const mean = s.sum / s.n;
      const variance = sampleVariance(s);
      const favourable = presentShare(s.fav, s.n, rules);
      // A scale fewer people answered than the group's threshold shows nothing at all.
      if (favourable.kind === 'suppressed') continue;
      const w = wilsonInterval(s.fav, s.n);
      const exact = favourable.kind === 'exact';
      scales[key] = {
        n: s.n,
        mean: exact ? mean : null,
        sd: exact ? Math.sqrt(variance) : null,
        favourable,
        interval: exact ? { lower: w.lower, upper: w.upper } : null,
      };
    }
    let open: StoredGroupData['open'] = null;
    if (!g.filter && mayShowOpenAnswers({ respondents: g.respondents }, rules)) {
      open = {};
      const shuffled = shuffleOpenAnswers(g.open, `${input.waveId}:${g.key}`);
      for (const o of shuffled) (open[o.itemKey] ??= []).push(o.text);
    }
    const data: StoredGroupData = {
      invited: g.invited,
      respondents: g.respondents,
      scales,
      items: null,
      open,
      previousComparable: decision.get(previousKey(g.key))?.shown ?? false,
    };
    return { ...base, data, withItems: !g.filter && g.respondents >= ITEM_DETAIL_MIN };
  });
}

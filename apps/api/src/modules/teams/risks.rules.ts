import type {
  Instrument,
  RiskFlag,
  RiskNotEvaluated,
  RiskRule,
  RiskThresholds,
} from '@pvi/contracts';
import { compareMeans } from '@pvi/stats';

/**
 * Risk flags for one team in one closed wave: explainable rules over the figures that passed
 * disclosure control and were stored with the wave's reports (never raw answers). Each flag says
 * which rule, which threshold and which figure; rules that could not be applied say why.
 * The thresholds are documented in docs/team-monitor.md ("Risico's, plan van aanpak en aandacht").
 */
export const defaultRiskThresholds: RiskThresholds = {
  lowFavourableShare: 0.5,
  dropSignificance: 0.05,
  minRespondentsForComparison: 10,
  transgressiveShare: 0.15,
  // The stored reports keep item distributions only from this size on (report.disclose.ts).
  minRespondentsForItems: 10,
  lowResponseRate: 0.5,
};

/** A favourable share as disclosure control let it through (`@pvi/disclosure` `presentShare`). */
export type ShareFigure =
  | { kind: 'exact'; value: number }
  | { kind: 'coarsened'; bound: 'atLeast' | 'atMost'; value: number }
  | { kind: 'suppressed' };

/** The share's number when one was shown (exact, or the bound of a band). */
export const shareValue = (share: ShareFigure): number | null =>
  share.kind === 'suppressed' ? null : share.value;

export interface ScaleFigures {
  n: number;
  mean: number | null;
  sd: number | null;
  favourable: ShareFigure;
  interval: { lower: number; upper: number } | null;
}

/** What a shown team's stored report holds that the rules use. */
export interface TeamFigures {
  invited: number | null;
  respondents: number;
  scales: Record<string, ScaleFigures>;
  /** item → [value, count][]; null below the item-detail size. */
  items: Record<string, [number, number][]> | null;
}

export interface RiskInput {
  instrument: Pick<Instrument, 'scales' | 'items'>;
  current: TeamFigures;
  /** The team in the previous wave, when it was shown there. */
  previous: TeamFigures | null;
  /** Why there is no previous figure to compare with (when `previous` is null). */
  previousMissing?: 'no_previous_wave' | 'hidden' | 'not_in_wave' | 'other_instrument';
  previousWaveName?: string | null;
  /** An imported wave knows no invitations: its response rate means nothing. */
  imported: boolean;
  thresholds?: RiskThresholds;
}

export interface RiskResult {
  flags: RiskFlag[];
  notEvaluated: RiskNotEvaluated[];
}

const pct = (x: number) => Math.round(x * 100);
const nlNumber = (x: number, digits = 2) => x.toFixed(digits).replace('.', ',');
const enNumber = (x: number, digits = 2) => x.toFixed(digits);
const pValue = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

/** n, Σx and Σx² back from a stored mean and SD (sample SD, denominator n − 1). */
export function sumsOf(f: { n: number; mean: number; sd: number }) {
  return { n: f.n, sum: f.n * f.mean, sumSquares: (f.n - 1) * f.sd * f.sd + f.n * f.mean * f.mean };
}

/**
 * Welch's t-test of `now` against `before` from their stored figures, via `compareMeans`: no
 * claim (`significant` null) when either side has fewer than `minN` respondents or neither varies.
 */
export function compareScaleMeans(
  now: { n: number; mean: number; sd: number },
  before: { n: number; mean: number; sd: number },
  options: { minN: number; alpha: number },
) {
  const c = compareMeans(sumsOf(now), sumsOf(before), {
    minN: options.minN,
    confidence: 1 - options.alpha,
  });
  return {
    difference: now.mean - before.mean,
    significant: c.significant,
    p: c.significant === null ? null : c.test!.p,
    /** The confidence interval of the difference (Welch), when a test could be made. */
    interval:
      c.significant === null || !c.test ? null : { lower: c.test.lower, upper: c.test.upper },
    reason: c.reason,
  };
}

/** "intimidatie" from "… bang gemaakt? (intimidatie)": the short name an indicator item carries. */
export function shortName(text: string, fallback: string): string {
  return /\(([^()]+)\)\s*$/.exec(text)?.[1]?.trim() ?? fallback;
}

/** The favourable share when it is known to lie below `threshold`; null when not (or unknown). */
function shareBelow(share: ShareFigure, threshold: number): 'exact' | 'atMost' | null {
  if (share.kind === 'suppressed') return null;
  if (share.kind === 'exact') return share.value < threshold ? 'exact' : null;
  return share.bound === 'atMost' && share.value < threshold ? 'atMost' : null;
}

/** Whether a coarsened share leaves open which side of the threshold the true share lies. */
function undecided(share: ShareFigure, threshold: number): boolean {
  if (share.kind === 'exact') return false;
  if (share.kind === 'suppressed') return true;
  return share.bound === 'atLeast' ? share.value < threshold : share.value >= threshold;
}

export function evaluateRisks(input: RiskInput): RiskResult {
  const t = input.thresholds ?? defaultRiskThresholds;
  const { current, instrument } = input;
  const flags: RiskFlag[] = [];
  const notEvaluated: RiskNotEvaluated[] = [];
  const skip = (rule: RiskRule, nl: string, en: string) =>
    notEvaluated.push({ rule, reason: { nl, en } });
  const scales = instrument.scales.filter((s) => current.scales[s.key]);

  // 1. A scale's favourable share below the threshold.
  const open: string[] = [];
  for (const scale of scales) {
    const fig = current.scales[scale.key]!;
    const below = shareBelow(fig.favourable, t.lowFavourableShare);
    if (undecided(fig.favourable, t.lowFavourableShare)) open.push(scale.title.nl);
    if (!below || fig.favourable.kind === 'suppressed') continue;
    const v = pct(fig.favourable.value);
    const nlFig = below === 'atMost' ? `ten hoogste ${v} % gunstig` : `${v} % gunstig`;
    const enFig = below === 'atMost' ? `at most ${v}% favourable` : `${v}% favourable`;
    flags.push({
      code: `low_favourable:${scale.key}`,
      rule: 'low_favourable',
      scaleKey: scale.key,
      itemKey: null,
      subject: scale.title,
      value: fig.favourable.value,
      threshold: t.lowFavourableShare,
      explanation: {
        nl: `${scale.title.nl}: ${nlFig} (${fig.n} respondenten), onder de drempel van ${pct(t.lowFavourableShare)} %. Regel: een schaal waarop minder dan ${pct(t.lowFavourableShare)} % van het team gunstig scoort, wordt gemarkeerd.`,
        en: `${scale.title.en}: ${enFig} (${fig.n} respondents), below the threshold of ${pct(t.lowFavourableShare)}%. Rule: a scale on which less than ${pct(t.lowFavourableShare)}% of the team scores favourably is flagged.`,
      },
    });
  }
  if (open.length)
    skip(
      'low_favourable',
      `Voor ${open.join(', ')} is het aandeel gunstig afgerond of weggelaten om het team te beschermen; of het onder de drempel ligt, is niet te zeggen.`,
      `For ${open.length} scale(s) the favourable share is banded or left out to protect the team; whether it lies below the threshold cannot be told.`,
    );

  // 2. A significant drop against the previous wave (Welch's t-test, n ≥ minN on both sides).
  if (!input.previous) {
    const why = {
      no_previous_wave: [
        'Er is geen eerdere meting om mee te vergelijken.',
        'There is no earlier wave to compare with.',
      ],
      hidden: [
        'Het team werd in de vorige meting niet getoond (te weinig respondenten).',
        'The team was not shown in the previous wave (too few respondents).',
      ],
      not_in_wave: [
        'Het team deed niet mee aan de vorige meting.',
        'The team was not in the previous wave.',
      ],
      other_instrument: [
        'De vorige meting gebruikte een ander instrument; schalen worden niet over instrumenten heen vergeleken.',
        'The previous wave used another instrument; scales are not compared across instruments.',
      ],
    }[input.previousMissing ?? 'no_previous_wave'];
    skip('significant_drop', why[0]!, why[1]!);
  } else {
    const small: string[] = [];
    for (const scale of scales) {
      const now = current.scales[scale.key]!;
      const before = input.previous.scales[scale.key];
      if (
        !before ||
        now.mean === null ||
        now.sd === null ||
        before.mean === null ||
        before.sd === null
      )
        continue;
      const c = compareScaleMeans(
        { n: now.n, mean: now.mean, sd: now.sd },
        { n: before.n, mean: before.mean, sd: before.sd },
        { minN: t.minRespondentsForComparison, alpha: t.dropSignificance },
      );
      if (c.reason === 'too_small') small.push(scale.title.nl);
      const difference = c.difference;
      if (!(c.significant && difference < 0)) continue;
      const p = c.p!;
      const wave = input.previousWaveName ? ` (${input.previousWaveName})` : '';
      flags.push({
        code: `significant_drop:${scale.key}`,
        rule: 'significant_drop',
        scaleKey: scale.key,
        itemKey: null,
        subject: scale.title,
        value: difference,
        threshold: t.dropSignificance,
        explanation: {
          nl: `${scale.title.nl}: het gemiddelde daalde van ${nlNumber(before.mean)} naar ${nlNumber(now.mean)} (${nlNumber(difference)}) ten opzichte van de vorige meting${wave}. Welch-toets: p ${pValue(p).replace('.', ',')}, onder ${nlNumber(t.dropSignificance)}; beide metingen hebben minstens ${t.minRespondentsForComparison} respondenten. Regel: een significante daling wordt gemarkeerd.`,
          en: `${scale.title.en}: the mean fell from ${enNumber(before.mean)} to ${enNumber(now.mean)} (${enNumber(difference)}) against the previous wave${wave}. Welch's test: p ${pValue(p)}, below ${enNumber(t.dropSignificance)}; both waves have at least ${t.minRespondentsForComparison} respondents. Rule: a significant drop is flagged.`,
        },
      });
    }
    if (small.length)
      skip(
        'significant_drop',
        `Voor ${small.join(', ')} had een van beide metingen minder dan ${t.minRespondentsForComparison} respondenten: daarover wordt geen uitspraak gedaan.`,
        `For ${small.length} scale(s) one of the waves had fewer than ${t.minRespondentsForComparison} respondents: no claim is made about them.`,
      );
  }

  // 3. The share who experienced transgressive behaviour, per kind, above the threshold.
  const indicators = instrument.items.filter((i) => i.indicator === 'transgressive_experienced');
  if (!indicators.length)
    skip(
      'transgressive_experienced',
      'Dit instrument vraagt niet naar grensoverschrijdend gedrag.',
      'This instrument does not ask about transgressive behaviour.',
    );
  else if (!current.items)
    skip(
      'transgressive_experienced',
      `Het team had minder dan ${t.minRespondentsForItems} respondenten, dus er is geen verdeling per vraag: deze regel is niet toegepast. Geen markering betekent hier niet dat er niets speelt.`,
      `The team had fewer than ${t.minRespondentsForItems} respondents, so there is no per-question distribution: this rule was not applied. No flag here does not mean nothing is going on.`,
    );
  else
    for (const item of indicators) {
      const dist = current.items[item.key];
      if (!dist) continue;
      const n = dist.reduce((sum, [, count]) => sum + count, 0);
      const yes = dist.find(([value]) => value === 1)?.[1] ?? 0;
      if (n === 0 || !(yes / n > t.transgressiveShare)) continue;
      const share = yes / n;
      const nl = shortName(item.text.nl, item.key);
      const en = shortName(item.text.en, item.key);
      flags.push({
        code: `transgressive_experienced:${item.key}`,
        rule: 'transgressive_experienced',
        scaleKey: null,
        itemKey: item.key,
        subject: item.text,
        value: share,
        threshold: t.transgressiveShare,
        explanation: {
          nl: `${nl}: ${pct(share)} % van de ${n} collega's die de vraag beantwoordden, heeft dit in de afgelopen 12 maanden meegemaakt; de drempel is ${pct(t.transgressiveShare)} %. Regel: een aandeel boven de drempel wordt gemarkeerd.`,
          en: `${en}: ${pct(share)}% of the ${n} colleagues who answered the question experienced this in the past 12 months; the threshold is ${pct(t.transgressiveShare)}%. Rule: a share above the threshold is flagged.`,
        },
      });
    }

  // 4. A low response rate.
  if (input.imported || !current.invited)
    skip(
      'low_response',
      'Geïmporteerde meting: het aantal uitgenodigden is onbekend, dus het responspercentage zegt niets.',
      'Imported wave: the number invited is unknown, so the response rate means nothing.',
    );
  else {
    const rate = current.respondents / current.invited;
    if (rate < t.lowResponseRate)
      flags.push({
        code: 'low_response',
        rule: 'low_response',
        scaleKey: null,
        itemKey: null,
        subject: null,
        value: rate,
        threshold: t.lowResponseRate,
        explanation: {
          nl: `Respons ${pct(rate)} % (${current.respondents} van ${current.invited} uitgenodigd), onder de drempel van ${pct(t.lowResponseRate)} %. Regel: bij een lage respons zeggen de uitkomsten minder over het hele team.`,
          en: `Response ${pct(rate)}% (${current.respondents} of ${current.invited} invited), below the threshold of ${pct(t.lowResponseRate)}%. Rule: with a low response the results say less about the whole team.`,
        },
      });
  }
  return { flags, notEvaluated };
}

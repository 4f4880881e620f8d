import type { AttentionComponent, HrIndicatorKey, Instrument } from '@pvi/contracts';
import { resolveRules, type DisclosureRules } from '@pvi/disclosure';
import {
  defaultRiskThresholds,
  shareValue,
  type RiskResult,
  type TeamFigures,
} from './risks.rules.ts';

/**
 * The "needs attention" score: a weighted sum of components that each say what they looked at.
 * A component counts nothing at or on the good side of its threshold, its whole weight at `full`
 * and beyond, and linearly in between. Components that cannot be evaluated (no data, or hidden by
 * disclosure control) count nothing and say why. Weights and thresholds are documented in
 * docs/team-monitor.md ("Risico's, plan van aanpak en aandacht").
 */
export interface ComponentDef {
  key: string;
  source: 'hr' | 'monitor';
  label: { nl: string; en: string };
  threshold: number;
  full: number;
  weight: number;
}

export const attentionComponents: readonly ComponentDef[] = [
  {
    key: 'absenteeism_pct',
    source: 'hr',
    label: {
      nl: 'Ziekteverzuim (%, gemiddelde van de laatste 3 maanden)',
      en: 'Sickness absence (%, mean of the last 3 months)',
    },
    threshold: 6,
    full: 10,
    weight: 2,
  },
  {
    key: 'absence_frequency',
    source: 'hr',
    label: {
      nl: 'Verzuimfrequentie (meldingen per medewerker per jaar, gemiddelde)',
      en: 'Absence frequency (reports per employee per year, mean)',
    },
    threshold: 1.5,
    full: 3,
    weight: 1,
  },
  {
    key: 'turnover_pct',
    source: 'hr',
    label: {
      nl: 'Uitstroom (% van het team per maand, gemiddelde)',
      en: 'Turnover (% of the team per month, mean)',
    },
    threshold: 1,
    full: 3,
    weight: 1,
  },
  {
    key: 'overtime_hours',
    source: 'hr',
    label: {
      nl: 'Overuren (per medewerker per maand, gemiddelde)',
      en: 'Overtime (hours per employee per month, mean)',
    },
    threshold: 8,
    full: 20,
    weight: 1,
  },
  {
    key: 'vacancy_rate',
    source: 'hr',
    label: {
      nl: 'Vacatures (open plaatsen per teamlid, gemiddelde)',
      en: 'Vacancies (open positions per team member, mean)',
    },
    threshold: 0.1,
    full: 0.25,
    weight: 1,
  },
  {
    key: 'integrity_reports',
    source: 'hr',
    label: {
      nl: 'Integriteitsmeldingen (aantal in de laatste 3 maanden)',
      en: 'Integrity reports (number in the last 3 months)',
    },
    threshold: 0,
    full: 2,
    weight: 2,
  },
  {
    key: 'lowest_favourable_share',
    source: 'monitor',
    label: {
      nl: 'Laagste aandeel gunstig van alle schalen (laatste meting)',
      en: 'Lowest favourable share of any scale (latest wave)',
    },
    threshold: defaultRiskThresholds.lowFavourableShare,
    full: 0.2,
    weight: 3,
  },
  {
    key: 'transgressive_share',
    source: 'monitor',
    label: {
      nl: 'Hoogste aandeel dat grensoverschrijdend gedrag meemaakte (laatste meting)',
      en: 'Highest share who experienced transgressive behaviour (latest wave)',
    },
    threshold: defaultRiskThresholds.transgressiveShare,
    full: 0.4,
    weight: 3,
  },
  {
    key: 'significant_drops',
    source: 'monitor',
    label: {
      nl: 'Schalen met een significante daling ten opzichte van de vorige meting',
      en: 'Scales with a significant drop against the previous wave',
    },
    threshold: 0,
    full: 2,
    weight: 2,
  },
  {
    key: 'response_rate',
    source: 'monitor',
    label: { nl: 'Respons (laatste meting)', en: 'Response rate (latest wave)' },
    threshold: defaultRiskThresholds.lowResponseRate,
    full: 0.2,
    weight: 1,
  },
];

type Text = { nl: string; en: string };
export type ComponentValues = Record<string, { value: number | null; note: Text | null }>;

/**
 * Whether figures about a team may be shown: the team must have at least the smallest group size
 * the installation shows (`minGroupSize`). HR indicators of smaller teams are about too few people.
 */
export function mayShowTeamFigures(teamSize: number, rules: DisclosureRules): boolean {
  return teamSize >= resolveRules(rules).minGroupSize;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function contribution(def: ComponentDef, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const position = (value - def.threshold) / (def.full - def.threshold);
  return round(def.weight * Math.min(1, Math.max(0, position)));
}

export function scoreTeam(values: ComponentValues): {
  score: number;
  maxScore: number;
  components: AttentionComponent[];
} {
  const components = attentionComponents.map((def) => {
    const given = values[def.key] ?? { value: null, note: null };
    return {
      key: def.key,
      source: def.source,
      label: def.label,
      value: given.value === null ? null : round(given.value),
      threshold: def.threshold,
      full: def.full,
      weight: def.weight,
      contribution: contribution(def, given.value),
      note: given.note,
    };
  });
  return {
    score: round(components.reduce((sum, c) => sum + c.contribution, 0)),
    maxScore: components.filter((c) => c.value !== null).reduce((sum, c) => sum + c.weight, 0),
    components,
  };
}

export interface HrMonth {
  month: string;
  headcount: number;
  values: Record<HrIndicatorKey, number | null>;
}

const HR_COMPONENT: Record<string, HrIndicatorKey> = {
  absenteeism_pct: 'absenteeismPct',
  absence_frequency: 'absenceFrequency',
  turnover_pct: 'turnoverPct',
  overtime_hours: 'overtimeHours',
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The HR components over `window` (the months the score looks at): means of the months the team
 * may be shown in, the sum of integrity reports, and vacancies per member. Months in which the
 * team had fewer members than the smallest group shown are left out entirely.
 */
export function hrComponentValues(
  months: HrMonth[],
  window: readonly string[],
  rules: DisclosureRules,
): ComponentValues {
  const inWindow = months.filter((m) => window.includes(m.month));
  const shown = inWindow.filter((m) => mayShowTeamFigures(m.headcount, rules));
  const out: ComponentValues = {};
  const noData: Text = {
    nl: 'Geen HR-cijfers in de laatste drie maanden.',
    en: 'No HR indicators in the last three months.',
  };
  const hidden: Text = {
    nl: `Het team had minder dan ${rules.minGroupSize} leden: HR-cijfers worden per team niet getoond.`,
    en: `The team had fewer than ${rules.minGroupSize} members: HR indicators are not shown per team.`,
  };
  const empty = !inWindow.length ? noData : !shown.length ? hidden : null;
  const notKnown: Text = {
    nl: 'Niet aangeleverd voor deze maanden.',
    en: 'Not supplied for these months.',
  };
  for (const [component, key] of Object.entries(HR_COMPONENT)) {
    const value = empty ? null : mean(shown.flatMap((m) => m.values[key] ?? []));
    out[component] = { value, note: empty ?? (value === null ? notKnown : null) };
  }
  const rates = shown.flatMap((m) =>
    m.values.vacancies === null || m.headcount === 0 ? [] : [m.values.vacancies / m.headcount],
  );
  const vacancyRate = empty ? null : mean(rates);
  out.vacancy_rate = {
    value: vacancyRate,
    note: empty ?? (vacancyRate === null ? notKnown : null),
  };
  const reports = shown.flatMap((m) => m.values.integrityReports ?? []);
  const integrity = empty || !reports.length ? null : reports.reduce((a, b) => a + b, 0);
  out.integrity_reports = {
    value: integrity,
    note: empty ?? (integrity === null ? notKnown : null),
  };
  return out;
}

/** The monitor components from the team's latest closed wave (only when the team was shown). */
export function monitorComponentValues(input: {
  inWave: boolean;
  figures: TeamFigures | null;
  instrument: Pick<Instrument, 'items'> | null;
  result: RiskResult;
  hasPrevious: boolean;
  imported: boolean;
}): ComponentValues {
  const none = (note: Text): ComponentValues =>
    Object.fromEntries(
      attentionComponents
        .filter((c) => c.source === 'monitor')
        .map((c) => [c.key, { value: null, note }]),
    );
  if (!input.inWave)
    return none({
      nl: 'Het team deed nog niet mee aan een afgesloten meting.',
      en: 'The team has not been in a closed wave yet.',
    });
  const f = input.figures;
  if (!f)
    return none({
      nl: 'Het team werd in de laatste meting niet getoond (anonimiteitsdrempel).',
      en: 'The team was not shown in the latest wave (anonymity threshold).',
    });
  const shares = Object.values(f.scales).flatMap((s) => shareValue(s.favourable) ?? []);
  const indicators = (input.instrument?.items ?? []).filter(
    (i) => i.indicator === 'transgressive_experienced',
  );
  const yesShares = indicators.flatMap((item) => {
    const dist = f.items?.[item.key];
    if (!dist) return [];
    const n = dist.reduce((sum, [, c]) => sum + c, 0);
    return n ? [(dist.find(([v]) => v === 1)?.[1] ?? 0) / n] : [];
  });
  return {
    lowest_favourable_share: {
      value: shares.length ? Math.min(...shares) : null,
      note: Object.values(f.scales).some((s) => s.favourable.kind !== 'exact')
        ? {
            nl: 'Een of meer aandelen zijn afgerond om het team te beschermen; de grens van de band telt.',
            en: 'One or more shares are banded to protect the team; the band’s bound counts.',
          }
        : null,
    },
    transgressive_share: yesShares.length
      ? { value: Math.max(...yesShares), note: null }
      : {
          value: null,
          note: !indicators.length
            ? {
                nl: 'Het instrument vraagt niet naar grensoverschrijdend gedrag.',
                en: 'The instrument does not ask about transgressive behaviour.',
              }
            : !f.items
              ? {
                  nl: 'Minder dan 10 respondenten: geen verdeling per vraag.',
                  en: 'Fewer than 10 respondents: no per-question distribution.',
                }
              : {
                  nl: 'Niemand beantwoordde de vragen over grensoverschrijdend gedrag.',
                  en: 'Nobody answered the questions about transgressive behaviour.',
                },
        },
    significant_drops: input.hasPrevious
      ? {
          value: input.result.flags.filter((x) => x.rule === 'significant_drop').length,
          note: null,
        }
      : {
          value: null,
          note: {
            nl: 'Geen vergelijkbare vorige meting waarin het team werd getoond.',
            en: 'No comparable previous wave in which the team was shown.',
          },
        },
    response_rate:
      input.imported || !f.invited
        ? {
            value: null,
            note: {
              nl: 'Geïmporteerde meting: het aantal uitgenodigden is onbekend.',
              en: 'Imported wave: the number invited is unknown.',
            },
          }
        : { value: f.respondents / f.invited, note: null },
  };
}

/** `YYYY-MM` of `month` and the `count - 1` months before it, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

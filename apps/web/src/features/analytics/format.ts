import type { TFunction } from 'i18next';
import type { HrIndicatorKey } from '@pvi/contracts';
import { formatDecimal, formatPercent } from '../monitor/format.ts';

/** Components whose value is a share 0–1 (shown as a percentage). */
const SHARES = new Set(['lowest_favourable_share', 'transgressive_share', 'response_rate']);
/** Components (and HR indicators) already in percent units (4.5 means 4.5 %). */
const PERCENTS = new Set(['absenteeism_pct', 'turnover_pct', 'absenteeismPct', 'turnoverPct']);
const WHOLE = new Set(['integrity_reports', 'significant_drops', 'integrityReports']);

/** A component's value, threshold or bound in the unit it is measured in. */
export function formatComponentValue(key: string, value: number): string {
  if (SHARES.has(key)) return formatPercent(value);
  if (PERCENTS.has(key)) return `${formatDecimal(value, 1)} %`;
  if (WHOLE.has(key)) return formatDecimal(value, 0);
  if (key === 'vacancy_rate') return formatDecimal(value, 2);
  return formatDecimal(value, 1);
}

export const formatScore = (n: number) => formatDecimal(n, 2);

/** The HR indicators in the order of the file, as trend lines. */
export const HR_TRENDS: HrIndicatorKey[] = [
  'absenteeismPct',
  'absenceFrequency',
  'turnoverPct',
  'overtimeHours',
  'vacancies',
  'integrityReports',
];

/** "2026-03" as "mrt 2026" / "Mar 2026". */
export function formatMonth(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A scale's name from its key (the attention list carries keys only). */
export const scaleName = (t: TFunction, key: string) =>
  t(`analytics.scale.${key}`, { defaultValue: key });

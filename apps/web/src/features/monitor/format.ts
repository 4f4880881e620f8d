import type { SurveyReport } from '@pvi/contracts';
import { i18n } from '../../app/i18n.ts';

export type ShownShare = SurveyReport['scales'][number]['favourable'];
export type Comparison = SurveyReport['scales'][number]['parent'];

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'nl-NL');

/** A number with a fixed number of decimals in the reader's language: 3,42 or 3.42. */
export const formatDecimal = (n: number, digits: number) =>
  new Intl.NumberFormat(locale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);

/** A difference with its sign always written: +0,42, -0,10, 0,00. */
export const formatSigned = (n: number, digits = 2) =>
  new Intl.NumberFormat(locale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(n);

/** A proportion (0–1) as a whole percentage: "72 %" in Dutch, "72%" in English. */
export function formatPercent(share: number): string {
  const whole = new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(
    Math.round(share * 100),
  );
  return i18n.language === 'en' ? `${whole}%` : `${whole} %`;
}

/** A favourable share as disclosure control lets it through: "72 %", "≥ 90 %" or "≤ 10 %". */
export function formatShare(share: ShownShare): string {
  if (share.kind === 'exact') return formatPercent(share.value);
  return `${share.bound === 'atLeast' ? '≥' : '≤'} ${formatPercent(share.value)}`;
}

/** "64–79 %" for a Wilson interval. */
export function formatInterval(interval: { lower: number; upper: number }): string {
  const lower = formatPercent(interval.lower).replace(/\s?%$/, '');
  return `${lower}–${formatPercent(interval.upper)}`;
}

/** Heatmap band of a favourable share, for colour; the number itself is always shown too. */
export function shareBand(share: ShownShare): 'low' | 'middle' | 'high' {
  const v = share.value;
  if (share.kind === 'coarsened') return share.bound === 'atLeast' ? 'high' : 'low';
  return v < 0.5 ? 'low' : v < 0.7 ? 'middle' : 'high';
}

/** The largest close date of a wave's relay legs (when the last unit stops answering). */
export const lastCloseDate = (units: { closesOn: string }[]) =>
  units.reduce<string | null>(
    (max, u) => (max === null || u.closesOn > max ? u.closesOn : max),
    null,
  );
export const firstOpenDate = (units: { opensOn: string }[]) =>
  units.reduce<string | null>(
    (min, u) => (min === null || u.opensOn < min ? u.opensOn : min),
    null,
  );

/** Today as YYYY-MM-DD in Amsterdam (what people mean by "today" when they pick dates). */
export function todayInAmsterdam(now = new Date()): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** A calendar date (YYYY-MM-DD) as 28-11-2026 / 28/11/2026, without time-zone shifts. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return i18n.language === 'en' ? `${d}/${m}/${y}` : `${d}-${m}-${y}`;
}

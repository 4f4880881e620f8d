export const PERIODS = ['last12', 'last6', 'lastYear', 'thisYear'] as const;
export type PeriodKey = (typeof PERIODS)[number];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The days of a period ending today (or the last calendar year), as the figures query needs. */
export function periodOf(key: PeriodKey, today = new Date()): { from: string; to: string } {
  const y = today.getUTCFullYear();
  switch (key) {
    case 'last12':
    case 'last6': {
      const from = new Date(today);
      from.setUTCMonth(from.getUTCMonth() - (key === 'last12' ? 12 : 6));
      from.setUTCDate(from.getUTCDate() + 1);
      return { from: iso(from), to: iso(today) };
    }
    case 'lastYear':
      return { from: `${String(y - 1)}-01-01`, to: `${String(y - 1)}-12-31` };
    case 'thisYear':
      return { from: `${String(y)}-01-01`, to: iso(today) };
  }
}

const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** How far Amsterdam's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - (ms - (ms % 1000));
}

/** The UTC instant at which a calendar day (YYYY-MM-DD) starts in Europe/Amsterdam. */
function dayStart(year: number, month: number, day: number): number {
  const midnight = Date.UTC(year, month - 1, day);
  const guess = midnight - offsetAt(midnight);
  return midnight - offsetAt(guess);
}

const split = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Start of the day in Amsterdam, as an ISO date-time in UTC (for `from`). */
export const startOfDay = (date: string) => new Date(dayStart(...split(date))).toISOString();

/** The last millisecond of the day in Amsterdam, as an ISO date-time in UTC (for `to`, inclusive). */
export function endOfDay(date: string): string {
  const [y, m, d] = split(date);
  return new Date(dayStart(y, m, d + 1) - 1).toISOString();
}

export const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localTime } from './control-row.ts';

const clock = (zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    hour: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

describe('local time of a control', () => {
  it('agrees with the time zone database for Amsterdam and London (1996–2037)', () => {
    for (const [source, zone] of [
      ['pvi', 'Europe/Amsterdam'],
      ['police-uk', 'Europe/London'],
    ] as const) {
      const format = clock(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2037, 11, 31) }),
          (ms) => {
            const parts = Object.fromEntries(
              format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
            );
            expect(localTime(ms, source, true)).toEqual({
              local_month: `${parts.year}-${parts.month}-01`,
              local_hour: Number(parts.hour),
              local_weekday: WEEKDAYS.indexOf(parts.weekday!) + 1,
            });
          },
        ),
        { numRuns: 2000 },
      );
    }
  });

  it('keeps an OPP clock time as it is, and leaves the hour out when only the date is known', () => {
    const ms = Date.parse('2017-07-02T23:30:00Z');
    expect(localTime(ms, 'opp', true)).toEqual({
      local_month: '2017-07-01',
      local_hour: 23,
      local_weekday: 7,
    });
    expect(localTime(ms, 'opp', false).local_hour).toBeNull();
  });

  it('switches at 01:00 UTC on the last Sunday of March', () => {
    expect(localTime(Date.parse('2026-03-29T00:59:00Z'), 'pvi', true).local_hour).toBe(1);
    expect(localTime(Date.parse('2026-03-29T01:00:00Z'), 'pvi', true).local_hour).toBe(3);
  });
});

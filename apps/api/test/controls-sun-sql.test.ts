import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@pvi/db';
import { civilDusk, interTwilightWindow, localMinuteOfDay, sunset } from '@pvi/stats';
import { darknessInput } from '../src/modules/controls/analysis/analysis-darkness.ts';
import { createTestDatabase, type TestDatabase } from './harness.ts';

/**
 * The darkness rollup classifies controls in SQL as they are inserted (migration 0011); the
 * analysis of `controls` alone classifies them in Node with @pvi/stats. The SQL functions must give
 * the same sunset, dusk, inter-twilight window and class: checked here over dates across four
 * years (clock changes included), positions in the Netherlands and England, and places far north
 * where there is no window or no sunset.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const ZONES = { 'Europe/Amsterdam': 'pvi', 'Europe/London': 'police-uk' } as const;
const PLACES: [number, number, keyof typeof ZONES][] = [
  [52.4, 4.9, 'Europe/Amsterdam'],
  [50.8, 5.7, 'Europe/Amsterdam'],
  [53.2, 6.6, 'Europe/Amsterdam'],
  [51.5, -0.1, 'Europe/London'],
  [53.5, -3.0, 'Europe/London'],
  [57.1, -2.1, 'Europe/London'],
  // Far north: dusk after midnight or missing in summer, no sunset in winter.
  [66.2, 14.1, 'Europe/Amsterdam'],
  [69.6, 18.9, 'Europe/Amsterdam'],
];

/** Every 13th day from 2023 to 2026, and the days around the clock changes. */
function dates(): string[] {
  const out = new Set<string>();
  for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 13 * 86_400_000)
    out.add(new Date(ms).toISOString().slice(0, 10));
  for (const d of ['2024-03-30', '2024-03-31', '2024-04-01', '2025-10-25', '2025-10-26'])
    out.add(d);
  return [...out];
}

const jsMinute = (at: Date | null, zone: string) => (at ? localMinuteOfDay(at, zone) : null);

describe('the sun in SQL (migration 0011) against @pvi/stats', () => {
  it('sunset and civil dusk as local clock minutes', async () => {
    const ds = dates();
    const input = ds.flatMap((d) => PLACES.map(([lat, lng, zone]) => ({ d, lat, lng, zone })));
    const rows = await queryRows<{ sunset: number | null; dusk: number | null }>(
      db.db,
      sql`select pvi_sun_local_minute(x.d, x.lat, x.lng, 90.833, x.zone) as sunset,
            pvi_sun_local_minute(x.d, x.lat, x.lng, 96, x.zone) as dusk
          from jsonb_array_elements(${JSON.stringify(input)}::jsonb) with ordinality as j(v, i)
            cross join lateral jsonb_to_record(j.v) as x(d date, lat float8, lng float8, zone text)
          order by j.i`,
    );
    expect(rows).toHaveLength(ds.length * PLACES.length);
    let nulls = 0;
    rows.forEach((r, i) => {
      const d = ds[Math.floor(i / PLACES.length)]!;
      const [lat, lng, zone] = PLACES[i % PLACES.length]!;
      const where = `${d} at ${lat}, ${lng}`;
      expect(r.sunset, where).toBe(jsMinute(sunset(d, lat, lng), zone));
      expect(r.dusk, where).toBe(jsMinute(civilDusk(d, lat, lng), zone));
      if (r.sunset === null || r.dusk === null) nulls++;
    });
    // The far-north places do reach the branches without a sunset or a dusk.
    expect(nulls).toBeGreaterThan(20);
  });

  it('the inter-twilight window of a year', async () => {
    let none = 0;
    for (const year of [2023, 2024, 2025, 2026])
      for (const [lat, lng, zone] of PLACES) {
        const [w] = await queryRows<{ start: number | null; end: number | null }>(
          db.db,
          sql`select start_minute as start, end_minute as end
              from pvi_twilight_window(${year}, ${lat}, ${lng}, ${zone})`,
        );
        let expected: { start: number | null; end: number | null };
        try {
          const js = interTwilightWindow(year, lat, lng, zone);
          expected = { start: js.startMinute, end: js.endMinute };
        } catch {
          expected = { start: null, end: null };
          none++;
        }
        expect(w, `${year} at ${lat}, ${lng}`).toEqual(expected);
      }
    expect(none).toBeGreaterThan(0);
  });

  it('each control classified as darknessInput classifies it', async () => {
    // Evening minutes around sunset and dusk on every date at every place, and a no-zone source.
    const cases: {
      lat: number | null;
      lng: number | null;
      zone: string | null;
      d: string;
      minute: number;
    }[] = [];
    for (const d of dates())
      for (const [lat, lng, zone] of PLACES)
        for (let minute = 15 * 60 + (d.charCodeAt(9) % 7); minute < 24 * 60; minute += 17)
          cases.push({ lat, lng, zone, d, minute });
    cases.push({ lat: 40.7, lng: -74, zone: null, d: '2025-06-01', minute: 1230 });
    cases.push({ lat: null, lng: null, zone: 'Europe/London', d: '2025-06-01', minute: 1230 });
    const classes = await queryRows<{ class: string }>(
      db.db,
      sql`with x as (
            select j.i, x.* from jsonb_array_elements(${JSON.stringify(cases)}::jsonb)
              with ordinality as j(v, i)
              cross join lateral jsonb_to_record(j.v)
                as x(lat float8, lng float8, zone text, d date, minute int)),
          w as (
            select p.*, w.* from (select distinct extract(year from d)::int as year, lat, lng, zone
              from x) p cross join lateral pvi_twilight_window(p.year, p.lat, p.lng, p.zone) w)
          select pvi_daylight_class(x.zone, x.d, x.minute, x.lat, x.lng, w.start_minute,
              w.end_minute) as class
          from x left join w on w.year = extract(year from x.d) and w.lat = x.lat
            and w.lng = x.lng and w.zone = x.zone
          order by x.i`,
    );
    const seen = new Map<string, number>();
    cases.forEach((c, i) => {
      const source = c.zone ? ZONES[c.zone as keyof typeof ZONES] : 'opp';
      const input = darknessInput([
        {
          source,
          area: 'a',
          localDate: c.d,
          minute: c.minute,
          lat: c.lat,
          lng: c.lng,
          total: 1,
          focus: 0,
        },
      ]);
      const cell = input.cells[0];
      const expected = cell ? (cell.dark ? 'dark' : 'light') : [...input.excluded.keys()][0];
      expect(classes[i]!.class, `${c.d} ${c.minute} at ${c.lat}, ${c.lng}`).toBe(expected);
      seen.set(expected!, (seen.get(expected!) ?? 0) + 1);
    });
    // Every class is met.
    expect([...seen.keys()].sort()).toEqual([
      'dark',
      'light',
      'no_coordinates',
      'no_sun_times',
      'no_time_zone',
      'outside_window',
      'twilight',
    ]);
  });
});

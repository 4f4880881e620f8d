import type { Executor } from '@pvi/db';
import type { GroupAttribute } from '@pvi/contracts';
import {
  classifyDarkness,
  interTwilightWindow,
  isInInterTwilightWindow,
  localMinuteOfDay,
  sunTimes,
  type ClockWindow,
  type DarknessCell,
} from '@pvi/stats';
import * as repo from './analysis.repository.ts';
import { CLOCK_ZONES } from './analysis-rollup.ts';

/**
 * The veil-of-darkness input: which grouped controls fall inside the inter-twilight window, and
 * whether each was in daylight or darkness (docs/controls-analysis.md). Two ways to the same
 * cells: `darknessInput` classifies every (source, area, date, minute, position) cell of
 * `controls` here; `darknessFromDatabase` reads the darkness rollup, classified in SQL on insert.
 */

const windowCache = new Map<string, ClockWindow | null>();
function windowAt(year: number, lat: number, lng: number, zone: string): ClockWindow | null {
  const key = `${year}|${lat}|${lng}|${zone}`;
  if (!windowCache.has(key)) {
    let w: ClockWindow | null;
    try {
      w = interTwilightWindow(year, lat, lng, zone);
    } catch {
      // No civil dusk, or dusk after midnight, at this latitude: no window.
      w = null;
    }
    windowCache.set(key, w);
  }
  return windowCache.get(key)!;
}

/**
 * Classifies the grouped cells: inside the year's inter-twilight window at the position, and
 * light or dark on that evening (twilight dropped), by local clock minute against the local clock
 * minute of sunset and civil dusk. Returns the cells for veilOfDarkness and what was left out.
 */
export function darknessInput(rows: repo.DarknessCountRow[]): {
  cells: DarknessCell[];
  excluded: Map<string, number>;
} {
  const excluded = new Map<string, number>();
  const drop = (reason: string, n: number) => excluded.set(reason, (excluded.get(reason) ?? 0) + n);
  const merged = new Map<string, DarknessCell>();
  for (const r of rows) {
    const zone = CLOCK_ZONES[r.source] ?? null;
    if (!zone) {
      drop('no_time_zone', r.total);
      continue;
    }
    if (r.lat === null || r.lng === null) {
      drop('no_coordinates', r.total);
      continue;
    }
    const window = windowAt(Number(r.localDate.slice(0, 4)), r.lat, r.lng, zone);
    const sun = sunTimes(r.localDate, r.lat, r.lng);
    if (!window || !sun.sunset || !sun.dusk) {
      drop('no_sun_times', r.total);
      continue;
    }
    if (!isInInterTwilightWindow(r.minute, window)) {
      drop('outside_window', r.total);
      continue;
    }
    // Local clock minutes as instants on one axis, so that classifyDarkness compares like with like.
    const asInstant = (m: number) => new Date(m * 60_000);
    const daylight = classifyDarkness(
      asInstant(r.minute),
      asInstant(localMinuteOfDay(sun.sunset, zone)),
      asInstant(localMinuteOfDay(sun.dusk, zone)),
    );
    if (daylight === 'twilight') {
      drop('twilight', r.total);
      continue;
    }
    const dark = daylight === 'dark';
    const key = `${r.area}|${r.minute}|${dark}`;
    const cell = merged.get(key) ?? {
      area: r.area,
      minuteOfDay: r.minute,
      dark,
      focusGroup: 0,
      total: 0,
    };
    cell.focusGroup += r.focus;
    cell.total += r.total;
    merged.set(key, cell);
  }
  return { cells: [...merged.values()], excluded };
}

/**
 * The same cells and exclusions as `darknessInput(await repo.darknessCells(…))`, from the darkness
 * rollup, whose controls were classified in SQL as they were inserted (migration 0011: the sun of
 * @pvi/stats step for step, apps/api/test/controls-sun-sql.test.ts): the database merges the
 * light and dark ones by area and minute and counts the rest by reason.
 */
export async function darknessFromDatabase(
  ex: Executor,
  where: repo.AnalysisFilter,
  attribute: GroupAttribute,
  focusGroup: string,
): Promise<{ cells: DarknessCell[]; excluded: Map<string, number> }> {
  const rows = await repo.darknessClasses(ex, where, attribute, focusGroup);
  const excluded = new Map<string, number>();
  const cells: DarknessCell[] = [];
  for (const r of rows) {
    if (r.class === 'light' || r.class === 'dark')
      cells.push({
        area: r.area!,
        minuteOfDay: r.minute!,
        dark: r.class === 'dark',
        focusGroup: r.focus,
        total: r.total,
      });
    else excluded.set(r.class, (excluded.get(r.class) ?? 0) + r.total);
  }
  return { cells, excluded };
}

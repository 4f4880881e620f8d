import type { Executor } from '@pvi/db';
import type { GroupAttribute } from '@pvi/contracts';
import {
  civilDusk,
  classifyDarkness,
  interTwilightWindow,
  isInInterTwilightWindow,
  localMinuteOfDay,
  sunset as sunsetInstant,
  sunTimes,
  type ClockWindow,
  type DarknessCell,
} from '@pvi/stats';
import * as repo from './analysis.repository.ts';

/**
 * The veil-of-darkness input: which grouped controls fall inside the inter-twilight window, and
 * whether each was in daylight or darkness (docs/controls-analysis.md). Two ways to the same
 * cells: `darknessInput` classifies every (source, area, date, minute, position) cell here;
 * `darknessFromDatabase` (used with the rollup) computes the sun once per (source, date,
 * position) here and lets PostgreSQL classify and merge the cells.
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

const ZONE: Record<string, string | null> = {
  pvi: 'Europe/Amsterdam',
  'police-uk': 'Europe/London',
  opp: null,
};

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
    const zone = ZONE[r.source] ?? null;
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

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
/** The zone's offset from UTC (ms) during the UTC hour that holds `ms` (zones change on the hour). */
function offsetAt(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / 3_600_000);
  const key = `${timeZone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let f = formatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      formatters.set(timeZone, f);
    }
    const at = hour * 3_600_000;
    const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
    offset = local - at;
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * localMinuteOfDay of @pvi/stats (hour × 60 + minute + second ÷ 60 on the zone's clock, the
 * milliseconds dropped), without a formatter per call: the zone's offset is looked up once per
 * hour. Same arithmetic, so the same number.
 */
export function localMinute(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const secs = Math.floor(
    ((((ms + offsetAt(ms, timeZone)) % 86_400_000) + 86_400_000) % 86_400_000) / 1000,
  );
  return Math.floor(secs / 3600) * 60 + Math.floor((secs % 3600) / 60) + (secs % 60) / 60;
}

/**
 * The same cells and exclusions as `darknessInput(await repo.darknessCells(…))`: the positions
 * and dates in scope come from the database, their window, sunset and dusk (local clock minutes)
 * are computed here once each, and the database sorts every cell into outside the window,
 * light, twilight or dark and merges the light and dark ones by area and minute.
 */
export async function darknessFromDatabase(
  ex: Executor,
  where: repo.AnalysisFilter,
  attribute: GroupAttribute,
  focusGroup: string,
): Promise<{ cells: DarknessCell[]; excluded: Map<string, number> }> {
  const places = await repo.darknessPlaces(ex, where, attribute);
  const sun: repo.DarknessSun[] = places.map((p) => {
    const zone = ZONE[p.source]!;
    const window = windowAt(Number(p.localDate.slice(0, 4)), p.lat, p.lng, zone);
    // sunTimes(…).sunset and .dusk, without its dawn and sunrise.
    const sunsetAt = window ? sunsetInstant(p.localDate, p.lat, p.lng) : null;
    const duskAt = window ? civilDusk(p.localDate, p.lat, p.lng) : null;
    if (!window || !sunsetAt || !duskAt) return { ...p, ok: false };
    const sunset = localMinute(sunsetAt, zone);
    const dusk = localMinute(duskAt, zone);
    if (dusk < sunset) throw new RangeError('Dusk cannot come before sunset.');
    return { ...p, ok: true, start: window.startMinute, end: window.endMinute, sunset, dusk };
  });
  const rows = await repo.darknessClassified(ex, where, attribute, focusGroup, sun);
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

import type { CbsDarkness } from '@pvi/contracts';
import {
  classifyDarkness,
  interTwilightWindow,
  isInInterTwilightWindow,
  localMinuteOfDay,
  sunTimes,
  type ClockWindow,
} from '@pvi/stats';
import { csvCell } from '../../../http/csv.ts';

/** Our registrations are on the Amsterdam clock. */
export const LINK_ZONE = 'Europe/Amsterdam';
/** Width of the clock-time bins of the export, in minutes. */
export const CLOCK_BIN_MINUTES = 15;

export interface ControlTime {
  /** Local month, YYYY-MM. */
  month: string;
  /** Null when the buurt has no centroid. */
  darkness: CbsDarkness | null;
  /** Whether the local clock time lies in that year's inter-twilight window at the centroid. */
  inWindow: boolean | null;
  /** Start of the 15-minute clock-time bin, HH:MM; only inside the window. */
  clockBin: string | null;
}

const localParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: LINK_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const windows = new Map<string, ClockWindow | null>();
function windowAt(year: number, lat: number, lng: number): ClockWindow | null {
  const key = `${year}|${lat}|${lng}`;
  if (!windows.has(key)) {
    let w: ClockWindow | null;
    try {
      w = interTwilightWindow(year, lat, lng, LINK_ZONE);
    } catch {
      // No civil dusk, or dusk after midnight, at this latitude: no window.
      w = null;
    }
    windows.set(key, w);
  }
  return windows.get(key)!;
}

/**
 * Darkness of a control at its buurt centroid: dark before civil dawn and after civil dusk,
 * twilight between dawn and sunrise and between sunset and dusk, daylight in between (NOAA sun
 * times of `@pvi/stats`; the evening uses `classifyDarkness`, as the veil-of-darkness analysis
 * does). Also the month, and the clock-time bin when the time lies in the inter-twilight window.
 */
export function classifyControlTime(
  occurredAt: Date,
  lat: number | null,
  lng: number | null,
): ControlTime {
  const date = localParts.format(occurredAt);
  const month = date.slice(0, 7);
  if (lat === null || lng === null)
    return { month, darkness: null, inWindow: null, clockBin: null };
  const sun = sunTimes(date, lat, lng);
  let darkness: CbsDarkness | null = null;
  if (sun.sunrise && sun.sunset && sun.dawn && sun.dusk) {
    const t = occurredAt.getTime();
    if (t < sun.sunrise.getTime()) darkness = t < sun.dawn.getTime() ? 'dark' : 'twilight';
    else {
      const evening = classifyDarkness(occurredAt, sun.sunset, sun.dusk);
      darkness = evening === 'light' ? 'daylight' : evening;
    }
  }
  const minute = Math.floor(localMinuteOfDay(occurredAt, LINK_ZONE));
  const window = windowAt(Number(date.slice(0, 4)), lat, lng);
  const inWindow = window ? isInInterTwilightWindow(minute, window) : null;
  const bin = minute - (minute % CLOCK_BIN_MINUTES);
  const clockBin = inWindow
    ? `${String(Math.floor(bin / 60)).padStart(2, '0')}:${String(bin % 60).padStart(2, '0')}`
    : null;
  return { month, darkness, inWindow, clockBin };
}

export const LINKING_HEADER = [
  'link_pseudonym',
  'link_key_version',
  'month',
  'buurt_code',
  'selection_reason',
  'actions',
  'outcome',
  'outcome_linked',
  'darkness',
  'vod_window',
  'clock_bin',
] as const;

export interface LinkingRow {
  linkHash: string;
  keyVersion: string;
  occurredAt: Date | string;
  buurtCode: string | null;
  lat: number | null;
  lng: number | null;
  selectionReason: string | null;
  actIdentityCheck: boolean;
  actFrisk: boolean;
  actSearchPerson: boolean;
  actSearchVehicle: boolean;
  outcome: string;
  outcomeLinked: boolean | null;
}

/** One line of the linking file (CRLF), from a control and its buurt centroid. */
export function linkingLine(r: LinkingRow): string {
  const time = classifyControlTime(new Date(r.occurredAt), r.lat, r.lng);
  const actions = [
    r.actIdentityCheck && 'identity_check',
    r.actFrisk && 'frisk',
    r.actSearchPerson && 'search_person',
    r.actSearchVehicle && 'search_vehicle',
  ].filter(Boolean);
  return (
    [
      r.linkHash,
      r.keyVersion,
      time.month,
      r.buurtCode,
      r.selectionReason,
      actions.join(';'),
      r.outcome,
      r.outcomeLinked,
      time.darkness,
      time.inWindow,
      time.clockBin,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}

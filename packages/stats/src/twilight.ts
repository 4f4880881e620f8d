import { civilDusk } from './sun.ts';

/** Daylight of an evening instant: before sunset, between sunset and civil dusk, or after dusk. */
export type Daylight = 'light' | 'twilight' | 'dark';

/**
 * Classifies an evening instant against that day's sunset and civil dusk (end of civil twilight,
 * see `civilDusk`): 'light' before sunset, 'dark' from dusk on, 'twilight' in between. The
 * veil-of-darkness test drops twilight because visibility there is ambiguous (Grogger &
 * Ridgeway 2006). Meant for evening instants of the same day as `sunset` and `dusk`.
 */
export function classifyDarkness(instant: Date, sunset: Date, dusk: Date): Daylight {
  const [t, s, d] = [instant.getTime(), sunset.getTime(), dusk.getTime()];
  if (!Number.isFinite(t) || !Number.isFinite(s) || !Number.isFinite(d))
    throw new RangeError('classifyDarkness needs three valid dates.');
  if (d < s) throw new RangeError('Dusk cannot come before sunset.');
  if (t < s) return 'light';
  return t >= d ? 'dark' : 'twilight';
}

/** Minutes after local midnight (0 ≤ m < 1440) of an instant in an IANA time zone, e.g. Europe/Amsterdam. */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  if (!Number.isFinite(instant.getTime()))
    throw new RangeError('localMinuteOfDay needs a valid date.');
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute') + part('second') / 60;
}

/** A span of local clock time, in minutes after midnight. */
export interface ClockWindow {
  startMinute: number;
  endMinute: number;
}

/**
 * The inter-twilight window of a year at a place: local clock times from the earliest to the
 * latest civil dusk of the year (Grogger & Ridgeway 2006). Every clock time in it is dark on some
 * evenings and light on others, so comparing them isolates the effect of darkness from that of
 * clock time. Daylight-saving time is included because officers work by the clock. Uses the
 * NOAA dusk of `civilDusk`; refuses places where dusk is missing or falls after local midnight.
 */
export function interTwilightWindow(
  year: number,
  latitude: number,
  longitude: number,
  timeZone: string,
): ClockWindow {
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new RangeError(`Year must be a whole number between 1900 and 2200, got ${year}.`);
  let startMinute = Number.POSITIVE_INFINITY;
  let endMinute = Number.NEGATIVE_INFINITY;
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year;) {
    const dusk = civilDusk(day.toISOString().slice(0, 10), latitude, longitude);
    if (dusk === null)
      throw new RangeError(
        `The sun does not set 6° below the horizon on ${day.toISOString().slice(0, 10)} at latitude ${latitude}; no inter-twilight window.`,
      );
    const minute = localMinuteOfDay(dusk, timeZone);
    if (minute < 720)
      throw new RangeError(
        `Dusk falls after local midnight on ${day.toISOString().slice(0, 10)}; the window would wrap around midnight.`,
      );
    startMinute = Math.min(startMinute, minute);
    endMinute = Math.max(endMinute, minute);
    day = new Date(day.getTime() + 86_400_000);
  }
  return { startMinute, endMinute };
}

/** Whether a local clock time (minutes after midnight) lies in the inter-twilight window. */
export function isInInterTwilightWindow(minuteOfDay: number, window: ClockWindow): boolean {
  if (!(minuteOfDay >= 0 && minuteOfDay < 1440))
    throw new RangeError(`minuteOfDay must be in [0, 1440), got ${minuteOfDay}.`);
  return minuteOfDay >= window.startMinute && minuteOfDay <= window.endMinute;
}

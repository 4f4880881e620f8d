/**
 * Sunrise, sunset and civil twilight after the NOAA Solar Calculator (NOAA Global Monitoring
 * Laboratory, https://gml.noaa.gov/grad/solcalc/), which implements Meeus (1998), *Astronomical
 * Algorithms*, 2nd ed., ch. 25 and 28. Accurate to about a minute between latitudes ±72°.
 * Sunset: the sun's centre 0.833° below the horizon (refraction and the solar semi-diameter);
 * civil dusk: 6° below.
 */

/** Solar zenith angles (degrees) of the events. */
const ZENITH = { sunriseSunset: 90.833, civilTwilight: 96 } as const;

/** Solar times of one calendar day, as UTC instants; null when the event does not occur (polar day or night). */
export interface SunTimes {
  dawn: Date | null;
  sunrise: Date | null;
  sunset: Date | null;
  dusk: Date | null;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;
const deg = (r: number): number => (r * 180) / Math.PI;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDate(date: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new RangeError(`Date must be YYYY-MM-DD, got "${date}".`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new RangeError(`No such date: ${date}.`);
  return { year, month, day };
}

function checkPosition(latitude: number, longitude: number): void {
  if (!(latitude >= -90 && latitude <= 90))
    throw new RangeError(`Latitude must be in [-90, 90], got ${latitude}.`);
  if (!(longitude >= -180 && longitude <= 180))
    throw new RangeError(`Longitude must be in [-180, 180] (east positive), got ${longitude}.`);
}

/** Julian day at 0h UTC of a Gregorian date (Meeus ch. 7). */
function julianDay({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const m = month <= 2 ? month + 12 : month;
  const a = Math.floor(y / 100);
  const b = 2 - a + Math.floor(a / 4);
  return Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + day + b - 1524.5;
}

/** Solar declination (degrees) and equation of time (minutes) at Julian century t (NOAA). */
function solarPosition(t: number): { declination: number; equationOfTime: number } {
  const l0 = (((280.46646 + t * (36000.76983 + t * 0.0003032)) % 360) + 360) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const center =
    Math.sin(rad(m)) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(rad(2 * m)) * (0.019993 - 0.000101 * t) +
    Math.sin(rad(3 * m)) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const apparentLongitude = l0 + center - 0.00569 - 0.00478 * Math.sin(rad(omega));
  const meanObliquity =
    23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = meanObliquity + 0.00256 * Math.cos(rad(omega));
  const declination = deg(Math.asin(Math.sin(rad(obliquity)) * Math.sin(rad(apparentLongitude))));
  const y = Math.tan(rad(obliquity) / 2) ** 2;
  const eqTime =
    y * Math.sin(2 * rad(l0)) -
    2 * e * Math.sin(rad(m)) +
    4 * e * y * Math.sin(rad(m)) * Math.cos(2 * rad(l0)) -
    0.5 * y * y * Math.sin(4 * rad(l0)) -
    1.25 * e * e * Math.sin(2 * rad(m));
  return { declination, equationOfTime: 4 * deg(eqTime) };
}

/** Minutes after 0h UTC of the event at Julian day `jd`, or null when the sun never reaches the zenith angle. */
function eventMinutes(
  jd: number,
  latitude: number,
  longitude: number,
  zenith: number,
  rising: boolean,
): number | null {
  const t = (jd - 2451545) / 36525;
  const { declination, equationOfTime } = solarPosition(t);
  const cosH =
    Math.cos(rad(zenith)) / (Math.cos(rad(latitude)) * Math.cos(rad(declination))) -
    Math.tan(rad(latitude)) * Math.tan(rad(declination));
  if (!(cosH >= -1 && cosH <= 1)) return null;
  const hourAngle = deg(Math.acos(cosH)) * (rising ? 1 : -1);
  return 720 - 4 * (longitude + hourAngle) - equationOfTime;
}

/** One event, recomputed once at its own time as the NOAA calculator does. */
function solarEvent(
  date: string,
  latitude: number,
  longitude: number,
  zenith: number,
  rising: boolean,
): Date | null {
  const day = parseDate(date);
  checkPosition(latitude, longitude);
  const jd = julianDay(day);
  const first = eventMinutes(jd, latitude, longitude, zenith, rising);
  if (first === null) return null;
  const minutes = eventMinutes(jd + first / 1440, latitude, longitude, zenith, rising);
  if (minutes === null) return null;
  return new Date(Date.UTC(day.year, day.month - 1, day.day) + Math.round(minutes * 60_000));
}

/**
 * Sunset on a calendar date (`YYYY-MM-DD`, the local date) at a position in degrees (north and
 * east positive), as a UTC instant; null during polar day or night. NOAA Solar Calculator / Meeus (1998).
 */
export function sunset(date: string, latitude: number, longitude: number): Date | null {
  return solarEvent(date, latitude, longitude, ZENITH.sunriseSunset, false);
}

/**
 * End of evening civil twilight ("dusk": the sun's centre 6° below the horizon) on a calendar
 * date at a position, as a UTC instant; null when the sun does not get that low or never sets.
 * NOAA Solar Calculator / Meeus (1998).
 */
export function civilDusk(date: string, latitude: number, longitude: number): Date | null {
  return solarEvent(date, latitude, longitude, ZENITH.civilTwilight, false);
}

/**
 * Civil dawn, sunrise, sunset and civil dusk of a calendar date at a position, as UTC instants
 * (NOAA Solar Calculator / Meeus 1998).
 */
export function sunTimes(date: string, latitude: number, longitude: number): SunTimes {
  return {
    dawn: solarEvent(date, latitude, longitude, ZENITH.civilTwilight, true),
    sunrise: solarEvent(date, latitude, longitude, ZENITH.sunriseSunset, true),
    sunset: sunset(date, latitude, longitude),
    dusk: civilDusk(date, latitude, longitude),
  };
}

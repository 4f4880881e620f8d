import { describe, expect, it } from 'vitest';
import { civilDusk, sunset } from './sun.ts';
import {
  classifyDarkness,
  interTwilightWindow,
  isInInterTwilightWindow,
  localMinuteOfDay,
} from './twilight.ts';

describe('classifyDarkness', () => {
  const set = new Date('2024-06-21T20:06:00Z');
  const dusk = new Date('2024-06-21T20:57:00Z');

  it('is light before sunset, twilight until dusk and dark from dusk on', () => {
    expect(classifyDarkness(new Date('2024-06-21T19:00:00Z'), set, dusk)).toBe('light');
    expect(classifyDarkness(set, set, dusk)).toBe('twilight');
    expect(classifyDarkness(new Date('2024-06-21T20:30:00Z'), set, dusk)).toBe('twilight');
    expect(classifyDarkness(dusk, set, dusk)).toBe('dark');
    expect(classifyDarkness(new Date('2024-06-21T21:30:00Z'), set, dusk)).toBe('dark');
  });

  it('works with the computed sun times of a winter evening in Amsterdam', () => {
    const s = sunset('2024-12-21', 52.37, 4.9)!;
    const d = civilDusk('2024-12-21', 52.37, 4.9)!;
    // 17:30 CET is after the 17:10 dusk.
    expect(classifyDarkness(new Date('2024-12-21T16:30:00Z'), s, d)).toBe('dark');
    expect(classifyDarkness(new Date('2024-12-21T15:45:00Z'), s, d)).toBe('twilight');
  });

  it('refuses invalid dates and dusk before sunset', () => {
    expect(() => classifyDarkness(new Date('x'), set, dusk)).toThrow(RangeError);
    expect(() => classifyDarkness(set, dusk, set)).toThrow(RangeError);
  });
});

describe('localMinuteOfDay', () => {
  it('follows daylight-saving time in Europe/Amsterdam', () => {
    expect(localMinuteOfDay(new Date('2024-06-21T20:06:00Z'), 'Europe/Amsterdam')).toBe(
      22 * 60 + 6,
    );
    expect(localMinuteOfDay(new Date('2024-12-21T15:29:00Z'), 'Europe/Amsterdam')).toBe(
      16 * 60 + 29,
    );
    expect(localMinuteOfDay(new Date('2024-12-21T23:30:00Z'), 'Europe/Amsterdam')).toBe(30);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localMinuteOfDay(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('interTwilightWindow', () => {
  // Amsterdam: earliest dusk about 17:08 CET in mid-December, latest about 22:57 CEST late June.
  const window = interTwilightWindow(2024, 52.37, 4.9, 'Europe/Amsterdam');

  it('runs from the earliest to the latest civil dusk of the year, in local clock time', () => {
    expect(window.startMinute).toBeGreaterThan(17 * 60 + 5);
    expect(window.startMinute).toBeLessThan(17 * 60 + 12);
    expect(window.endMinute).toBeGreaterThan(22 * 60 + 54);
    expect(window.endMinute).toBeLessThan(23 * 60);
  });

  it('contains evening clock times and excludes the afternoon and the night', () => {
    expect(isInInterTwilightWindow(19 * 60, window)).toBe(true);
    expect(isInInterTwilightWindow(16 * 60 + 30, window)).toBe(false);
    expect(isInInterTwilightWindow(23 * 60 + 30, window)).toBe(false);
    expect(() => isInInterTwilightWindow(1440, window)).toThrow(RangeError);
  });

  it('refuses places without dusk, and bad years', () => {
    expect(() => interTwilightWindow(2024, 69.65, 18.96, 'Europe/Oslo')).toThrow(RangeError);
    expect(() => interTwilightWindow(2024.5, 52.37, 4.9, 'Europe/Amsterdam')).toThrow(RangeError);
  });
});

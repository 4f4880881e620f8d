import { describe, expect, it } from 'vitest';
import { localMinuteOfDay } from '@pvi/stats';
import { localMinute } from './analysis-darkness.ts';

describe('localMinute', () => {
  it('equals localMinuteOfDay of @pvi/stats, around the clock changes too', () => {
    const zones = ['Europe/Amsterdam', 'Europe/London', 'America/New_York'];
    const starts = ['2025-03-29T00:00:00Z', '2025-10-25T00:00:00Z', '2024-12-31T20:00:00Z'];
    let checked = 0;
    for (const zone of zones)
      for (const start of starts)
        // Every 38 minutes 53.457 seconds over three days.
        for (let ms = Date.parse(start); ms < Date.parse(start) + 3 * 86_400_000; ms += 2_333_457) {
          const at = new Date(ms);
          expect(localMinute(at, zone)).toBe(localMinuteOfDay(at, zone));
          checked++;
        }
    expect(checked).toBeGreaterThan(900);
  });
});

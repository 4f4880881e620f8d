import type { Instrument } from '@pvi/contracts';
import { memo } from './memo.ts';
import { teamscan } from './teamscan.ts';
import { weerbaarheid } from './weerbaarheid.ts';

export { memo, teamscan, weerbaarheid };

/**
 * Every instrument version the platform ships. `syncInstruments` stores each in the database; a
 * version a wave has used never changes. To change an instrument, add its next version here (keep
 * the old one while waves may still refer to it) — see docs/instruments.md, "Versions".
 */
export const instruments: readonly Instrument[] = [memo, weerbaarheid, teamscan];

/** The shipped instrument `key` at `version`, or its latest version when none is given. */
export function findInstrument(key: string, version?: number): Instrument | undefined {
  let found: Instrument | undefined;
  for (const def of instruments) {
    if (def.key !== key) continue;
    if (version !== undefined) {
      if (def.version === version) return def;
    } else if (!found || def.version > found.version) found = def;
  }
  return found;
}

/** The latest shipped version of each instrument, by key. */
export const instrumentByKey: Readonly<Record<Instrument['key'], Instrument>> = {
  memo: findInstrument('memo')!,
  weerbaarheid: findInstrument('weerbaarheid')!,
  teamscan: findInstrument('teamscan')!,
};

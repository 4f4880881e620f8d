import { randomUUID } from 'node:crypto';
import {
  classifyDarkness,
  interTwilightWindow,
  isInInterTwilightWindow,
  localMinuteOfDay,
  sunTimes,
} from '@pvi/stats';
import { localTime, type ControlRow } from '../src/modules/controls/control-row.ts';

/**
 * Synthetic stops for the CBS tests: the raw records (as imported police.uk rows with a
 * self-defined group) and their aggregation into the CBS aggregate format, done here on its own
 * so that the analysis of the aggregates can be compared with the analysis of the records.
 * `fixtures/cbs-aggregates.csv` is `aggregateCsv(generateRecords())`.
 */
export const AREAS = [
  { name: 'city-of-london', lat: 51.5, lng: -0.1 },
  { name: 'manchester', lat: 53.5, lng: -2.2 },
] as const;
const GROUPS = ['White', 'White', 'White', 'Black', 'Black', 'Asian', null] as const;
const REASONS = ['behaviour', 'circumstances', 'information'] as const;

/** mulberry32: small, seeded, good enough for test data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestRecord {
  row: ControlRow;
  group: string | null;
  area: (typeof AREAS)[number];
}

export function generateRecords(n = 900, seed = 20240501): TestRecord[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: n }, () => {
    const area = pick(AREAS);
    const group = pick(GROUPS);
    // Evenings of 2024, 16:00–22:59 UTC, whole minutes.
    const day = Math.floor(rnd() * 366);
    const minute = 16 * 60 + Math.floor(rnd() * 420);
    const at = new Date(Date.UTC(2024, 0, 1 + day) + minute * 60_000).toISOString();
    const searched = rnd() < (group === 'Black' ? 0.6 : 0.4);
    const found = searched && rnd() < (group === 'Black' ? 0.2 : 0.3);
    const row: ControlRow = {
      id: randomUUID(),
      source: 'police-uk',
      source_area: area.name,
      import_file_id: null,
      occurred_at: at,
      time_known: true,
      ...localTime(Date.parse(at), 'police-uk', true),
      unit_id: null,
      district_id: null,
      team_id: null,
      officer_person_id: null,
      gemeente_code: null,
      wijk_code: null,
      buurt_code: null,
      lat: area.lat,
      lng: area.lng,
      control_type: 'person',
      initiative: null,
      selection_reason: pick(REASONS),
      reason_text: null,
      legal_basis: null,
      legal_basis_text: null,
      explained: null,
      not_explained_why: null,
      act_identity_check: false,
      act_frisk: false,
      act_search_person: searched,
      act_search_vehicle: false,
      outcome: found ? pick(['arrest', 'fine', 'warning'] as const) : 'none',
      outcome_text: null,
      outcome_linked: found,
      duration_band: null,
      object_of_search: null,
      subject_kind: null,
      subject_ref: null,
      subject_sex: null,
      subject_age_band: null,
      group_self_defined: group,
      group_officer_defined: null,
      group_opp: null,
      extra: null,
    };
    return { row, group, area };
  });
}

const london = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const windows = new Map<string, ReturnType<typeof interTwilightWindow>>();

/** Darkness of one record as CBS would deliver it: null outside the inter-twilight window. */
export function darknessOf(r: TestRecord): { minute: number; darkness: string } | null {
  const at = new Date(r.row.occurred_at);
  const date = london.format(at);
  const minute = Math.floor(localMinuteOfDay(at, 'Europe/London'));
  const wkey = `${date.slice(0, 4)}|${r.area.name}`;
  if (!windows.has(wkey))
    windows.set(
      wkey,
      interTwilightWindow(Number(date.slice(0, 4)), r.area.lat, r.area.lng, 'Europe/London'),
    );
  const window = windows.get(wkey)!;
  if (!isInInterTwilightWindow(minute, window)) return null;
  const sun = sunTimes(date, r.area.lat, r.area.lng);
  // Compare whole local minutes, as the record's own clock time is a whole minute.
  const d = classifyDarkness(
    new Date(minute * 60_000),
    new Date(localMinuteOfDay(sun.sunset!, 'Europe/London') * 60_000),
    new Date(localMinuteOfDay(sun.dusk!, 'Europe/London') * 60_000),
  );
  return { minute, darkness: d === 'light' ? 'daylight' : d };
}

const HEADER =
  'table,group,selection_reason,outcome,area,clock_minute,darkness,controls,searches,outcome_linked';

/** The records aggregated into the CBS aggregate file (sorted, CRLF). */
export function aggregateCsv(records: TestRecord[]): string {
  const outcomes = new Map<string, { controls: number; searches: number; linked: number }>();
  const darkness = new Map<string, number>();
  for (const r of records) {
    const g = r.group ?? '';
    const key = `${g},${r.row.selection_reason ?? ''},${r.row.outcome}`;
    const o = outcomes.get(key) ?? { controls: 0, searches: 0, linked: 0 };
    o.controls += 1;
    if (r.row.act_search_person || r.row.act_search_vehicle) o.searches += 1;
    if (r.row.outcome_linked) o.linked += 1;
    outcomes.set(key, o);
    const d = darknessOf(r);
    if (d) {
      const dk = `${g},${r.area.name},${d.minute},${d.darkness}`;
      darkness.set(dk, (darkness.get(dk) ?? 0) + 1);
    }
  }
  const lines = [HEADER];
  for (const [key, o] of [...outcomes].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [g, reason, outcome] = key.split(',');
    lines.push(`outcomes,${g},${reason},${outcome},,,,${o.controls},${o.searches},${o.linked}`);
  }
  for (const [key, n] of [...darkness].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [g, area, minute, dark] = key.split(',');
    lines.push(`darkness,${g},,,${area},${minute},${dark},${n},,`);
  }
  return lines.join('\r\n') + '\r\n';
}

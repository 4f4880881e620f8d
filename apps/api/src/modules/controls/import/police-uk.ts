import type { ControlOutcome } from '@pvi/contracts';
import { coordinate, empty, type ControlFileFormat, type MappedRow } from './format.ts';

/**
 * The police.uk stop-and-search CSV (data.police.uk, one file per force and month). Every
 * field's value set is in docs/controls.md; unknown values make the row a problem.
 */
const TYPES: Partial<
  Record<string, { type: 'person' | 'vehicle' | 'both'; person: boolean; vehicle: boolean }>
> = {
  'person search': { type: 'person', person: true, vehicle: false },
  'vehicle search': { type: 'vehicle', person: false, vehicle: true },
  'person and vehicle search': { type: 'both', person: true, vehicle: true },
};

/** police.uk outcomes (current and older wordings) on our outcome scale. */
const OUTCOMES: Partial<Record<string, ControlOutcome>> = {
  'a no further action disposal': 'none',
  'nothing found - no further action': 'none',
  'no further action': 'none',
  arrest: 'arrest',
  'suspect arrested': 'arrest',
  'offender arrested': 'arrest',
  'community resolution': 'warning',
  'local resolution': 'warning',
  'khat or cannabis warning': 'warning',
  'offender given drugs possession warning': 'warning',
  'caution (simple or conditional)': 'warning',
  'offender cautioned': 'warning',
  'penalty notice for disorder': 'fine',
  'offender given penalty notice': 'fine',
  'summons / charged by post': 'referral',
  'suspect summonsed to court': 'referral',
  'article found - detailed outcome unavailable': 'seizure',
};
const GENDERS: Partial<Record<string, string>> = { male: 'male', female: 'female', other: 'other' };
const AGE_RANGES = new Set(['under 10', '10-17', '18-24', '25-34', 'over 34']);
const OFFICER_DEFINED = new Set(['white', 'black', 'asian', 'other', 'mixed']);
const BOOLEAN: Partial<Record<string, boolean>> = { true: true, false: false };

/** `2026-02-01T03:16:00+00:00`: a full timestamp with an offset. */
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;

/** Whether YYYY-MM-DD is a day of the calendar (not 2026-02-31). */
const realDay = (day: string) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

function flag(text: string, name: string, reasons: string[]): boolean | null {
  if (text === '') return null;
  const value = BOOLEAN[text.toLowerCase()];
  if (value === undefined) reasons.push(`${name} "${text}" is not True or False`);
  return value ?? null;
}

export const policeUkFormat: ControlFileFormat = {
  format: 'police-uk',
  source: 'police-uk',
  required: [
    'type',
    'date',
    'latitude',
    'longitude',
    'gender',
    'age range',
    'self-defined ethnicity',
    'officer-defined ethnicity',
    'legislation',
    'object of search',
    'outcome',
    'outcome linked to object of search',
    'removal of more than just outer clothing',
  ],
  map(v, ctx) {
    const reasons: string[] = [];
    const type = TYPES[(v.type ?? '').toLowerCase()];
    if (!type)
      reasons.push(
        `Type "${v.type ?? ''}" is not Person search, Vehicle search or Person and Vehicle search`,
      );
    const date = v.date ?? '';
    const at = DATE.test(date) && realDay(date.slice(0, 10)) ? new Date(date) : null;
    if (!at || Number.isNaN(at.getTime()))
      reasons.push(`Date "${date}" is not a timestamp such as 2026-02-01T03:16:00+00:00`);
    const lat = coordinate(v.latitude ?? '', 'Latitude', 90, reasons);
    const lng = coordinate(v.longitude ?? '', 'Longitude', 180, reasons);
    if ((lat === null) !== (lng === null) && reasons.length === 0)
      reasons.push('Latitude and Longitude come together or not at all');
    const gender = v.gender ?? '';
    const sex = gender === '' ? null : (GENDERS[gender.toLowerCase()] ?? null);
    if (gender !== '' && !sex) reasons.push(`Gender "${gender}" is not Male, Female or Other`);
    const age = v['age range'] ?? '';
    if (age !== '' && !AGE_RANGES.has(age))
      reasons.push(`Age range "${age}" is not one of under 10, 10-17, 18-24, 25-34, over 34`);
    const officerDefined = v['officer-defined ethnicity'] ?? '';
    if (officerDefined !== '' && !OFFICER_DEFINED.has(officerDefined.toLowerCase()))
      reasons.push(
        `Officer-defined ethnicity "${officerDefined}" is not White, Black, Asian, Mixed or Other`,
      );
    const selfDefined = v['self-defined ethnicity'] ?? '';
    if (selfDefined.length > 200)
      reasons.push('Self-defined ethnicity is longer than 200 characters');
    const outcomeText = v.outcome ?? '';
    const outcome = outcomeText === '' ? 'none' : OUTCOMES[outcomeText.toLowerCase()];
    if (!outcome) reasons.push(`Outcome "${outcomeText}" is not a police.uk outcome`);
    const linked = flag(
      v['outcome linked to object of search'] ?? '',
      'Outcome linked to object of search',
      reasons,
    );
    const removal = flag(
      v['removal of more than just outer clothing'] ?? '',
      'Removal of more than just outer clothing',
      reasons,
    );
    if (reasons.length || !type || !at || !outcome) return reasons;
    const extra: Record<string, string | boolean> = {};
    if (removal !== null) extra.removalOfMoreThanOuterClothing = removal;
    if (v['part of a policing operation'])
      extra.partOfPolicingOperation = v['part of a policing operation'];
    if (v['policing operation']) extra.policingOperation = v['policing operation'];
    const row: MappedRow = {
      ...empty(),
      source: 'police-uk',
      source_area: ctx.sourceArea,
      import_file_id: ctx.importFileId,
      occurred_at: at.toISOString(),
      lat,
      lng,
      control_type: type.type,
      act_search_person: type.person,
      act_search_vehicle: type.vehicle,
      legal_basis: v.legislation ? 'other' : null,
      legal_basis_text: v.legislation || null,
      object_of_search: v['object of search'] || null,
      outcome,
      outcome_text: outcomeText || null,
      outcome_linked: linked,
      subject_sex: sex,
      subject_age_band: age || null,
      group_self_defined: selfDefined || null,
      group_officer_defined: officerDefined || null,
      extra: Object.keys(extra).length ? extra : null,
    };
    return row;
  },
};

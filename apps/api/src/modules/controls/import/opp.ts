import type { ControlOutcome } from '@pvi/contracts';
import { coordinate, empty, type ControlFileFormat, type MappedRow } from './format.ts';

/**
 * The Stanford Open Policing Project's standardised CSV (stanford-policylab/opp,
 * data_readme.md). `NA` is missing. Value sets and our mapping are in docs/controls.md.
 */
const RACES = new Set([
  'asian/pacific islander',
  'black',
  'hispanic',
  'white',
  'other/unknown',
  'other',
  'unknown',
]);
const SEXES = new Set(['male', 'female']);
const TYPES: Partial<Record<string, 'vehicle' | 'person'>> = {
  vehicular: 'vehicle',
  pedestrian: 'person',
};
/** OPP's outcome is the strictest of arrest, citation, warning and summons. */
const OUTCOMES: Partial<Record<string, ControlOutcome>> = {
  arrest: 'arrest',
  citation: 'fine',
  warning: 'warning',
  summons: 'referral',
};
const SEARCH_BASES = new Set(['k9', 'plain view', 'consent', 'probable cause', 'other']);

const missing = (text: string) => text === '' || text === 'NA';

function flag(text: string, name: string, reasons: string[]): boolean | null {
  if (missing(text)) return null;
  const t = text.toUpperCase();
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  reasons.push(`${name} "${text}" is not TRUE, FALSE or NA`);
  return null;
}

/** Age in years (OPP gives decimals) to the police.uk age bands, so both sources group alike. */
function ageBand(age: number): string {
  if (age < 10) return 'under 10';
  if (age < 18) return '10-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  return 'over 34';
}

export const oppFormat: ControlFileFormat = {
  format: 'opp',
  source: 'opp',
  required: [
    'date',
    'time',
    'location',
    'lat',
    'lng',
    'subject_age',
    'subject_race',
    'subject_sex',
    'type',
    'arrest_made',
    'citation_issued',
    'warning_issued',
    'outcome',
    'contraband_found',
    'frisk_performed',
    'search_conducted',
    'search_basis',
    'reason_for_stop',
  ],
  map(v, ctx) {
    const reasons: string[] = [];
    const date = v.date ?? '';
    const time = v.time ?? '';
    const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(date);
    const timeOk = missing(time) || /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time);
    const at = dateOk && timeOk ? new Date(`${date}T${missing(time) ? '00:00' : time}Z`) : null;
    if (!dateOk || !at || Number.isNaN(at.getTime()) || !at.toISOString().startsWith(date))
      reasons.push(`date "${date}" is not a date (YYYY-MM-DD)`);
    if (!timeOk) reasons.push(`time "${time}" is not a time (HH:MM)`);
    const lat = missing(v.lat ?? '') ? null : coordinate(v.lat ?? '', 'lat', 90, reasons);
    const lng = missing(v.lng ?? '') ? null : coordinate(v.lng ?? '', 'lng', 180, reasons);
    let age: string | null = null;
    if (!missing(v.subject_age ?? '')) {
      const n = Number(v.subject_age);
      if (!Number.isFinite(n) || n < 0 || n > 120)
        reasons.push(`subject_age "${v.subject_age ?? ''}" is not an age`);
      else age = ageBand(n);
    }
    const race = v.subject_race ?? '';
    if (!missing(race) && !RACES.has(race))
      reasons.push(`subject_race "${race}" is not one of ${[...RACES].join(', ')}`);
    const sex = v.subject_sex ?? '';
    if (!missing(sex) && !SEXES.has(sex))
      reasons.push(`subject_sex "${sex}" is not male or female`);
    const typeText = v.type ?? '';
    const type = TYPES[typeText];
    if (!type) reasons.push(`type "${typeText}" is not vehicular or pedestrian`);
    const arrest = flag(v.arrest_made ?? '', 'arrest_made', reasons);
    const citation = flag(v.citation_issued ?? '', 'citation_issued', reasons);
    const warning = flag(v.warning_issued ?? '', 'warning_issued', reasons);
    const outcomeText = v.outcome ?? '';
    let outcome: ControlOutcome | undefined = missing(outcomeText)
      ? undefined
      : OUTCOMES[outcomeText];
    if (!missing(outcomeText) && !outcome)
      reasons.push(`outcome "${outcomeText}" is not arrest, citation, warning, summons or NA`);
    outcome ??= arrest ? 'arrest' : citation ? 'fine' : warning ? 'warning' : 'none';
    const contraband = flag(v.contraband_found ?? '', 'contraband_found', reasons);
    const frisk = flag(v.frisk_performed ?? '', 'frisk_performed', reasons);
    const search = flag(v.search_conducted ?? '', 'search_conducted', reasons);
    const basis = v.search_basis ?? '';
    if (!missing(basis) && !SEARCH_BASES.has(basis))
      reasons.push(`search_basis "${basis}" is not one of ${[...SEARCH_BASES].join(', ')}`);
    if (reasons.length || !at || !type) return reasons;
    const extra: Record<string, string | boolean> = {};
    if (!missing(basis)) extra.searchBasis = basis;
    if (contraband !== null) extra.contrabandFound = contraband;
    if (!missing(v.location ?? '')) extra.location = v.location!.slice(0, 200);
    const row: MappedRow = {
      ...empty(),
      source: 'opp',
      source_area: ctx.sourceArea,
      import_file_id: ctx.importFileId,
      occurred_at: at.toISOString(),
      time_known: !missing(time),
      lat,
      lng,
      control_type: type,
      act_frisk: frisk ?? false,
      act_search_person: (search ?? false) && type === 'person',
      act_search_vehicle: (search ?? false) && type === 'vehicle',
      reason_text: missing(v.reason_for_stop ?? '') ? null : v.reason_for_stop!.slice(0, 280),
      outcome,
      outcome_text: missing(outcomeText) ? null : outcomeText,
      outcome_linked: contraband,
      subject_sex: missing(sex) ? null : sex,
      subject_age_band: age,
      group_opp: missing(race) ? null : race,
      extra: Object.keys(extra).length ? extra : null,
    };
    return row;
  },
};

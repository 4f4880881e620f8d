import type { ControlImportFormat, ControlSource } from '@pvi/contracts';
import type { ControlRow } from '../control-row.ts';

/** What a format's mapper may use besides the row itself. */
export interface MapContext {
  sourceArea: string | null;
  importFileId: string;
  /** Teams by code (our own format names the team by code). */
  teams: Map<string, { id: string; unitId: string; districtId: string | null }>;
}

/** A row ready to write; foreign rows get their id from their content (see the importer). */
export type MappedRow = Omit<ControlRow, 'id'> & { id: string | null };

export interface ControlFileFormat {
  format: ControlImportFormat;
  source: ControlSource | null;
  /** Columns that must be in the header (compared in lower case). */
  required: readonly string[];
  /** The row mapped, or every reason it is refused (joined into one message). */
  map: (values: Record<string, string>, ctx: MapContext) => MappedRow | string[];
}

export const empty = (): Omit<
  MappedRow,
  'source' | 'occurred_at' | 'control_type' | 'outcome'
> => ({
  id: null,
  // Set by the importer from occurred_at (localTime).
  local_month: '',
  local_hour: null,
  local_weekday: 0,
  source_area: null,
  import_file_id: null,
  time_known: true,
  unit_id: null,
  district_id: null,
  team_id: null,
  officer_person_id: null,
  gemeente_code: null,
  wijk_code: null,
  buurt_code: null,
  lat: null,
  lng: null,
  initiative: null,
  selection_reason: null,
  reason_text: null,
  legal_basis: null,
  legal_basis_text: null,
  explained: null,
  not_explained_why: null,
  act_identity_check: false,
  act_frisk: false,
  act_search_person: false,
  act_search_vehicle: false,
  outcome_text: null,
  outcome_linked: null,
  duration_band: null,
  object_of_search: null,
  subject_kind: null,
  subject_ref: null,
  subject_sex: null,
  subject_age_band: null,
  group_self_defined: null,
  group_officer_defined: null,
  group_opp: null,
  extra: null,
});

/** A coordinate or null; a reason is pushed when the text is not a number in range. */
export function coordinate(
  text: string,
  name: string,
  limit: number,
  reasons: string[],
): number | null {
  if (text === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    reasons.push(`${name} "${text}" is not a coordinate`);
    return null;
  }
  return n;
}

export const oneOf = <T extends string>(
  value: string,
  allowed: readonly T[],
  name: string,
  reasons: string[],
): T | null => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  reasons.push(`${name} "${value}" is not one of ${allowed.join(', ')}`);
  return null;
};

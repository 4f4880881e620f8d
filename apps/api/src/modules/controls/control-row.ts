import type {
  ControlAction,
  ControlInitiative,
  ControlOutcome,
  ControlSource,
  ControlType,
  DurationBand,
  LegalBasis,
  SelectionReason,
  SubjectKind,
} from '@pvi/contracts';

/**
 * One control as it is written in bulk (imports, demo): the columns of `controls` by their SQL
 * names, less those the database derives (local month, hour and weekday, created_at).
 */
export interface ControlRow {
  id: string;
  source: ControlSource;
  source_area: string | null;
  import_file_id: string | null;
  /** ISO 8601 with offset. */
  occurred_at: string;
  /** False when the source gives only a date: the local hour stays empty. Not stored. */
  time_known: boolean;
  /** Local clock in the source's zone (see localTime): first of the month, hour, ISO weekday. */
  local_month: string;
  local_hour: number | null;
  local_weekday: number;
  unit_id: string | null;
  district_id: string | null;
  team_id: string | null;
  officer_person_id: string | null;
  gemeente_code: string | null;
  wijk_code: string | null;
  buurt_code: string | null;
  lat: number | null;
  lng: number | null;
  control_type: ControlType;
  initiative: ControlInitiative | null;
  selection_reason: SelectionReason | null;
  reason_text: string | null;
  legal_basis: LegalBasis | null;
  legal_basis_text: string | null;
  explained: boolean | null;
  not_explained_why: string | null;
  act_identity_check: boolean;
  act_frisk: boolean;
  act_search_person: boolean;
  act_search_vehicle: boolean;
  outcome: ControlOutcome;
  outcome_text: string | null;
  outcome_linked: boolean | null;
  duration_band: DurationBand | null;
  object_of_search: string | null;
  subject_kind: SubjectKind | null;
  subject_ref: string | null;
  subject_sex: string | null;
  subject_age_band: string | null;
  group_self_defined: string | null;
  group_officer_defined: string | null;
  group_opp: string | null;
  extra: Record<string, string | boolean | number> | null;
}

/** Every stored column with its SQL type, in the order COPY and jsonb_to_recordset use. */
export const CONTROL_ROW_COLUMNS = [
  ['id', 'uuid'],
  ['source', 'text'],
  ['source_area', 'text'],
  ['import_file_id', 'uuid'],
  ['occurred_at', 'timestamptz'],
  ['local_month', 'date'],
  ['local_hour', 'smallint'],
  ['local_weekday', 'smallint'],
  ['unit_id', 'uuid'],
  ['district_id', 'uuid'],
  ['team_id', 'uuid'],
  ['officer_person_id', 'uuid'],
  ['gemeente_code', 'text'],
  ['wijk_code', 'text'],
  ['buurt_code', 'text'],
  ['lat', 'double precision'],
  ['lng', 'double precision'],
  ['control_type', 'text'],
  ['initiative', 'text'],
  ['selection_reason', 'text'],
  ['reason_text', 'text'],
  ['legal_basis', 'text'],
  ['legal_basis_text', 'text'],
  ['explained', 'boolean'],
  ['not_explained_why', 'text'],
  ['act_identity_check', 'boolean'],
  ['act_frisk', 'boolean'],
  ['act_search_person', 'boolean'],
  ['act_search_vehicle', 'boolean'],
  ['outcome', 'text'],
  ['outcome_text', 'text'],
  ['outcome_linked', 'boolean'],
  ['duration_band', 'text'],
  ['object_of_search', 'text'],
  ['subject_kind', 'text'],
  ['subject_ref', 'uuid'],
  ['subject_sex', 'text'],
  ['subject_age_band', 'text'],
  ['group_self_defined', 'text'],
  ['group_officer_defined', 'text'],
  ['group_opp', 'text'],
  ['extra', 'jsonb'],
] as const satisfies readonly (readonly [keyof ControlRow, string])[];

/** The time zone whose clock gives a source's local month, hour and weekday. */
export const SOURCE_TIME_ZONE: Record<ControlSource, string> = {
  pvi: 'Europe/Amsterdam',
  'police-uk': 'Europe/London',
  // OPP gives local clock times without a zone; they are stored as if UTC (docs/controls.md).
  opp: 'UTC',
};

const HOUR_MS = 3_600_000;
const summerCache = new Map<number, readonly [number, number]>();
/** EU summer time, in Amsterdam and London alike: 01:00 UTC on the last Sunday of March to that of October. */
function summerTime(year: number): readonly [number, number] {
  let span = summerCache.get(year);
  if (!span) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
    };
    span = [lastSunday(2), lastSunday(9)];
    summerCache.set(year, span);
  }
  return span;
}

/** Hours ahead of UTC in winter, for each source's zone (`SOURCE_TIME_ZONE`). */
const WINTER_OFFSET: Record<ControlSource, number> = { pvi: 1, 'police-uk': 0, opp: 0 };

/**
 * The local month, hour and weekday of a moment in the source's zone, computed here rather than
 * by the database so that bulk loads can COPY straight into the table. The rule is the EU's
 * (since 1996); OPP times are local clock times stored as if UTC, so they get no offset.
 */
export function localTime(
  ms: number,
  source: ControlSource,
  timeKnown: boolean,
): { local_month: string; local_hour: number | null; local_weekday: number } {
  let offset = WINTER_OFFSET[source];
  if (source !== 'opp') {
    const [start, end] = summerTime(new Date(ms).getUTCFullYear());
    if (ms >= start && ms < end) offset += 1;
  }
  const local = new Date(ms + offset * HOUR_MS);
  const month = local.getUTCMonth() + 1;
  return {
    local_month: `${local.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-01`,
    local_hour: timeKnown ? local.getUTCHours() : null,
    local_weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

export const actionsOf = (row: {
  act_identity_check: boolean;
  act_frisk: boolean;
  act_search_person: boolean;
  act_search_vehicle: boolean;
}): ControlAction[] => {
  const out: ControlAction[] = [];
  if (row.act_identity_check) out.push('identity_check');
  if (row.act_frisk) out.push('frisk');
  if (row.act_search_person) out.push('search_person');
  if (row.act_search_vehicle) out.push('search_vehicle');
  return out;
};

import type {
  ControlAction,
  ControlImportFormat,
  ControlInitiative,
  ControlOutcome,
  ControlType,
  DurationBand,
  LegalBasis,
  Role,
  SelectionReason,
  SubjectKind,
} from '@pvi/contracts';

// The contracts' value exports would pull zod into the page. These records must name every
// value of the contracts' types (and nothing else), so a change there fails the type check here.
const keysOf = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const CONTROL_TYPES = keysOf<ControlType>({ person: true, vehicle: true, both: true });
export const INITIATIVES = keysOf<ControlInitiative>({
  proactive: true,
  call: true,
  information: true,
  anpr: true,
  other: true,
});
export const SELECTION_REASONS = keysOf<SelectionReason>({
  behaviour: true,
  circumstances: true,
  information: true,
  traffic_violation: true,
  other: true,
});
export const LEGAL_BASES = keysOf<LegalBasis>({
  wvw_160: true,
  wid: true,
  politiewet: true,
  wwm: true,
  opiumwet: true,
  apv: true,
  vreemdelingenwet: true,
  other: true,
});
export const ACTIONS = keysOf<ControlAction>({
  identity_check: true,
  frisk: true,
  search_person: true,
  search_vehicle: true,
});
export const OUTCOMES = keysOf<ControlOutcome>({
  none: true,
  warning: true,
  fine: true,
  arrest: true,
  seizure: true,
  referral: true,
});
export const DURATION_BANDS = keysOf<DurationBand>({
  lt5: true,
  '5to15': true,
  '15to30': true,
  gt30: true,
});
export const SUBJECT_KINDS = keysOf<SubjectKind>({ person: true, vehicle: true });
export const IMPORT_FORMATS = keysOf<ControlImportFormat>({
  pvi: true,
  'police-uk': true,
  opp: true,
});

/** Who registers controls (the API's REGISTRARS). */
export const REGISTRARS: readonly Role[] = ['medewerker', 'teamchef'];
/** Who reads the analysis (the API's ANALYSIS_READERS), each within their grant's scope. */
export const ANALYSIS_READERS: readonly Role[] = [
  'teamchef',
  'eenheidsleiding',
  'ecad',
  'cdo',
  'hr_analist',
];
/** Who exports the control records themselves (the API's EXPORTERS). */
export const RECORD_EXPORTERS: readonly Role[] = [
  'teamchef',
  'eenheidsleiding',
  'cdo',
  'beheerder',
];

import {
  controlActions,
  controlInitiatives,
  controlOutcomes,
  controlSources,
  controlTypes,
  durationBands,
  legalBases,
  selectionReasons,
  subjectKinds,
  type ControlAction,
} from '@pvi/contracts';
import { csvCell } from '../../../http/csv.ts';
import type { ExportRow } from '../controls.repository.ts';
import { coordinate, oneOf, type ControlFileFormat, type MappedRow } from './format.ts';

/** Our own export and import format: one control per line (docs/controls.md). */
export const EXPORT_HEADER = [
  'id',
  'source',
  'source_area',
  'occurred_at',
  'time_known',
  'team_code',
  'officer_id',
  'buurt_code',
  'wijk_code',
  'gemeente_code',
  'lat',
  'lng',
  'control_type',
  'initiative',
  'selection_reason',
  'reason_text',
  'legal_basis',
  'legal_basis_text',
  'explained',
  'not_explained_why',
  'actions',
  'outcome',
  'outcome_text',
  'outcome_linked',
  'duration_band',
  'object_of_search',
  'subject_kind',
  'subject_ref',
  'subject_sex',
  'subject_age_band',
  'group_self_defined',
  'group_officer_defined',
  'group_opp',
  'extra',
] as const;

export function exportLine(r: ExportRow, showOfficer: boolean): string {
  const actions: ControlAction[] = [];
  if (r.act_identity_check) actions.push('identity_check');
  if (r.act_frisk) actions.push('frisk');
  if (r.act_search_person) actions.push('search_person');
  if (r.act_search_vehicle) actions.push('search_vehicle');
  return `${[
    r.id,
    r.source,
    r.source_area,
    r.occurred_at,
    r.time_known,
    r.team_code,
    showOfficer ? r.officer_person_id : null,
    r.buurt_code,
    r.wijk_code,
    r.gemeente_code,
    r.lat,
    r.lng,
    r.control_type,
    r.initiative,
    r.selection_reason,
    r.reason_text,
    r.legal_basis,
    r.legal_basis_text,
    r.explained,
    r.not_explained_why,
    actions.join(';'),
    r.outcome,
    r.outcome_text,
    r.outcome_linked,
    r.duration_band,
    r.object_of_search,
    r.subject_kind,
    r.subject_ref,
    r.subject_sex,
    r.subject_age_band,
    r.group_self_defined,
    r.group_officer_defined,
    r.group_opp,
    r.extra,
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Exports guard cells against spreadsheet formulas with a leading `'`; reading, it comes off. */
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

export const pviFormat: ControlFileFormat = {
  format: 'pvi',
  source: null,
  required: EXPORT_HEADER.filter((h) => h !== 'extra'),
  map(raw, ctx) {
    const v: Record<string, string> = {};
    for (const [k, value] of Object.entries(raw)) v[k] = unguard(value);
    const reasons: string[] = [];
    const text = (name: string, max = 280) => {
      const t = v[name] ?? '';
      if (t.length > max) reasons.push(`${name} is longer than ${max} characters`);
      return t === '' ? null : t;
    };
    const optional = <T extends string>(name: string, allowed: readonly T[]) =>
      v[name] ? oneOf(v[name], allowed, name, reasons) : null;
    const bool = (name: string): boolean | null => {
      const t = v[name] ?? '';
      if (t === '') return null;
      if (t === 'true' || t === 'false') return t === 'true';
      reasons.push(`${name} "${t}" is not true, false or empty`);
      return null;
    };
    const uuid = (name: string) => {
      const t = v[name] ?? '';
      if (t === '') return null;
      if (!UUID.test(t)) reasons.push(`${name} "${t}" is not a UUID`);
      return t.toLowerCase();
    };
    const id = uuid('id');
    if (!id) reasons.push('id is empty');
    const source = oneOf(v.source ?? '', controlSources, 'source', reasons);
    const occurred = v.occurred_at ?? '';
    const at = TIMESTAMP.test(occurred) ? new Date(occurred) : null;
    if (!at || Number.isNaN(at.getTime()))
      reasons.push(`occurred_at "${occurred}" is not an ISO 8601 timestamp with a zone`);
    const teamCode = v.team_code ?? '';
    const team = teamCode ? ctx.teams.get(teamCode) : undefined;
    if (teamCode && !team) reasons.push(`team ${teamCode} does not exist`);
    const buurt = v.buurt_code ?? '';
    if (buurt && !/^BU[0-9A-Z]{8}$/.test(buurt))
      reasons.push(`buurt_code "${buurt}" is not a CBS buurt code`);
    const actions = (v.actions ?? '').split(';').filter(Boolean);
    for (const a of actions)
      if (!(controlActions as readonly string[]).includes(a))
        reasons.push(`action "${a}" is not one of ${controlActions.join(', ')}`);
    let extra: MappedRow['extra'] = null;
    if (v.extra) {
      try {
        const parsed: unknown = JSON.parse(v.extra);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new Error();
        extra = parsed as MappedRow['extra'];
      } catch {
        reasons.push('extra is not a JSON object');
      }
    }
    const controlType = oneOf(v.control_type ?? '', controlTypes, 'control_type', reasons);
    const outcome = oneOf(v.outcome ?? '', controlOutcomes, 'outcome', reasons);
    const row = {
      id,
      source,
      source_area: text('source_area', 100),
      import_file_id: ctx.importFileId,
      occurred_at: at && !Number.isNaN(at.getTime()) ? at.toISOString() : '',
      time_known: bool('time_known') ?? true,
      local_month: '',
      local_hour: null,
      local_weekday: 0,
      unit_id: team?.unitId ?? null,
      district_id: team?.districtId ?? null,
      team_id: team?.id ?? null,
      officer_person_id: uuid('officer_id'),
      gemeente_code: text('gemeente_code', 10) ?? (buurt ? `GM${buurt.slice(2, 6)}` : null),
      wijk_code: text('wijk_code', 10) ?? (buurt ? `WK${buurt.slice(2, 8)}` : null),
      buurt_code: buurt || null,
      lat: coordinate(v.lat ?? '', 'lat', 90, reasons),
      lng: coordinate(v.lng ?? '', 'lng', 180, reasons),
      control_type: controlType,
      initiative: optional('initiative', controlInitiatives),
      selection_reason: optional('selection_reason', selectionReasons),
      reason_text: text('reason_text', 1000),
      legal_basis: optional('legal_basis', legalBases),
      legal_basis_text: text('legal_basis_text', 300),
      explained: bool('explained'),
      not_explained_why: text('not_explained_why', 1000),
      act_identity_check: actions.includes('identity_check'),
      act_frisk: actions.includes('frisk'),
      act_search_person: actions.includes('search_person'),
      act_search_vehicle: actions.includes('search_vehicle'),
      outcome,
      outcome_text: text('outcome_text', 300),
      outcome_linked: bool('outcome_linked'),
      duration_band: optional('duration_band', durationBands),
      object_of_search: text('object_of_search', 300),
      subject_kind: optional('subject_kind', subjectKinds),
      subject_ref: uuid('subject_ref'),
      subject_sex: text('subject_sex', 20),
      subject_age_band: text('subject_age_band', 20),
      group_self_defined: text('group_self_defined', 200),
      group_officer_defined: text('group_officer_defined', 200),
      group_opp: text('group_opp', 200),
      extra,
    };
    if (reasons.length || !row.id || !source || !controlType || !outcome) return reasons;
    return { ...row, id: row.id, source, control_type: controlType, outcome };
  },
};

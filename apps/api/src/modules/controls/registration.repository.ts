import { sql } from 'drizzle-orm';
import { preparedStatement, type Executor } from '@pvi/db';
import { CONTROL_ROW_COLUMNS, type ControlRow } from './control-row.ts';

/** Registering one control from the app: the hot path of a busy evening, in one statement. */

const RECORDSET = sql.raw(CONTROL_ROW_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', '));
const COLUMNS = CONTROL_ROW_COLUMNS.map(([name]) => name).join(', ');

export interface RegistrationInsert {
  row: ControlRow;
  personId: string;
  /** The Amsterdam calendar day of the control: the membership valid that day gives the team. */
  day: string;
  buurtCode: string;
  /** The subject's pseudonym under every configured key (current first); empty without a key. */
  candidates: { version: string; hash: string }[];
  /** The person key's CBS linking pseudonym (docs/controls-analysis.md), or null. */
  cbsLink?: { version: string; hash: string } | null;
  bodyHash: string;
  createdByAccountId: string | null;
  createdAt: Date;
}

export interface RegistrationOutcome {
  team: { id: string; name: string; unit_id: string; district_id: string | null } | null;
  area: {
    code: string;
    name: string;
    gemeente_code: string;
    gemeente_name: string;
    wijk_code: string | null;
    wijk_name: string | null;
  } | null;
  inserted: boolean;
  subjectRef: string | null;
}

/** Columns the registration statement fills from the team, the area and an earlier subject. */
const REGISTRATION_OVERRIDES: Partial<Record<string, string>> = {
  team_id: 'team.id',
  unit_id: 'team.unit_id',
  district_id: 'team.district_id',
  gemeente_code: 'area.gemeente_code',
  wijk_code: 'area.wijk_code',
  buurt_code: 'area.code',
  subject_ref: 'coalesce((select ref from prior), x.subject_ref)',
};
const SELECT_REGISTRATION = CONTROL_ROW_COLUMNS.map(
  ([name]) => REGISTRATION_OVERRIDES[name] ?? `x.${name}`,
).join(', ');

const param = (name: keyof RegistrationValues) => sql.placeholder(name);

// A type, not an interface: preparedStatement wants a record of values.
type RegistrationValues = {
  personId: string;
  day: string;
  buurtCode: string;
  /** JSON: the subject's pseudonyms `[{ version, hash }]`, empty without a subject key. */
  candidates: string;
  /** JSON: `[row]`. */
  row: string;
  subjectKeyHash: string | null;
  subjectKeyVersion: string | null;
  cbsLinkHash: string | null;
  cbsLinkVersion: string | null;
  bodyHash: string;
  createdByAccountId: string | null;
  createdAt: string;
};

/**
 * A registration in one statement (one round trip on a busy evening): the officer's team on the
 * day, the buurt with its wijk and gemeente, the subject reference of an earlier control of the
 * same subject, and the insert — which happens only when team and buurt exist and the id is new.
 * Built once and prepared once per connection: planning it cost twice its execution.
 */
const registrationStatement = preparedStatement<{
  team: RegistrationOutcome['team'];
  area: RegistrationOutcome['area'];
  inserted: string | null;
  ref: string | null;
}>(
  'controls_register',
  sql`with team as (
        select t.id, t.name, t.unit_id, t.district_id
        from memberships m join teams t on t.id = m.team_id
        where m.person_id = ${param('personId')}::uuid and m.valid_from <= ${param('day')}::date
          and (m.valid_to is null or m.valid_to > ${param('day')}::date)
        order by m.valid_from desc limit 1),
      area as (
        select a.code, a.name, a.gemeente_code, coalesce(g.name, a.gemeente_code) as gemeente_name,
          a.wijk_code, w.name as wijk_name
        from areas a left join areas g on g.code = a.gemeente_code
          left join areas w on w.code = a.wijk_code
        where a.code = ${param('buurtCode')}::text and a.level = 'buurt'),
      prior as (
        select c.subject_ref as ref
        from jsonb_to_recordset(${param('candidates')}::jsonb) as k(version text, hash text)
          join controls c on c.subject_key_hash = k.hash and c.subject_key_version = k.version
        where c.subject_key_hash is not null and c.subject_ref is not null
        order by c.occurred_at limit 1),
      ins as (
        insert into controls (${sql.raw(COLUMNS)},
          subject_key_hash, subject_key_version, body_hash, created_by_account_id, created_at)
        select ${sql.raw(SELECT_REGISTRATION)}, ${param('subjectKeyHash')}::text,
          ${param('subjectKeyVersion')}::text, ${param('bodyHash')}::text,
          ${param('createdByAccountId')}::uuid, ${param('createdAt')}::timestamptz
        from jsonb_to_recordset(${param('row')}::jsonb) as x(${RECORDSET})
          cross join team cross join area
        on conflict (id) do nothing
        returning id, subject_ref),
      link as (
        insert into control_cbs_links (control_id, link_hash, key_version)
        select id, ${param('cbsLinkHash')}::text, ${param('cbsLinkVersion')}::text from ins
        where ${param('cbsLinkHash')}::text is not null)
      select (select row_to_json(team) from team) as team,
        (select row_to_json(area) from area) as area,
        (select id from ins) as inserted, (select subject_ref from ins) as ref`,
);

export async function insertRegistration(
  ex: Executor,
  r: RegistrationInsert,
): Promise<RegistrationOutcome> {
  const current = r.candidates[0];
  const values: RegistrationValues = {
    personId: r.personId,
    day: r.day,
    buurtCode: r.buurtCode,
    candidates: JSON.stringify(r.candidates),
    row: JSON.stringify([r.row]),
    subjectKeyHash: current?.hash ?? null,
    subjectKeyVersion: current?.version ?? null,
    cbsLinkHash: r.cbsLink?.hash ?? null,
    cbsLinkVersion: r.cbsLink?.version ?? null,
    bodyHash: r.bodyHash,
    createdByAccountId: r.createdByAccountId,
    createdAt: r.createdAt.toISOString(),
  };
  const out = (await registrationStatement(ex, values))[0]!;
  return {
    team: out.team,
    area: out.area,
    inserted: out.inserted !== null,
    subjectRef: out.ref,
  };
}

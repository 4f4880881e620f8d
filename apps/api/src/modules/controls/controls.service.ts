import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Database } from '@pvi/db';
import type {
  Area,
  AreaListQuery,
  ControlExportQuery,
  ControlListQuery,
  ControlRecord,
  ControlRegistration,
  Page,
} from '@pvi/contracts';
import { AppError, notFound, type InvalidParam } from '../../errors.ts';
import { grantCovers, type GrantRef } from '../../access.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { actionsOf, localTime, type ControlRow } from './control-row.ts';
import { checkRegistration } from './rules.ts';
import { pseudonymCandidates, pseudonymise, type PseudonymKey } from './pseudonym.ts';
import { EXPORT_HEADER, exportLine } from './import/pvi-format.ts';
import * as repo from './controls.repository.ts';
import { refreshAnalysisRollup } from './analysis/analysis-rollup.ts';
import { insertRegistration } from './registration.repository.ts';

/** Who asks: the active grant and the person behind the account. */
export interface ControlViewer {
  grant: GrantRef;
  personId: string | null;
}

const EXPORT_PAGE = 5000;

/** The local calendar day in Amsterdam of a moment (memberships are by day). */
const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const iso = (value: Date | string) =>
  (value instanceof Date ? value : new Date(value)).toISOString();

/** Team chiefs and above see who registered a control; a medewerker sees only their own. */
export const seesOfficers = (grant: GrantRef) => grant.role !== 'medewerker';

export function scopeOf(viewer: ControlViewer): repo.ControlScope {
  if (viewer.grant.role === 'medewerker')
    return { kind: 'officer', personId: viewer.personId ?? '00000000-0000-0000-0000-000000000000' };
  if (viewer.grant.scopeType === 'national' || !viewer.grant.scopeId) return { kind: 'national' };
  return { kind: viewer.grant.scopeType, id: viewer.grant.scopeId };
}

function canSee(viewer: ControlViewer, row: repo.ControlDbRow): boolean {
  if (viewer.grant.role === 'medewerker')
    return (
      row.source === 'pvi' &&
      row.officerPersonId !== null &&
      row.officerPersonId === viewer.personId
    );
  return grantCovers(viewer.grant, {
    unitId: row.unitId ?? '',
    districtId: row.districtId,
    teamId: row.teamId,
  });
}

const ref = (code: string | null, name: string | null) =>
  code ? { code, name: name ?? code } : null;

export function toRecord(row: repo.ControlDbRow, showOfficer: boolean): ControlRecord {
  return {
    id: row.id,
    source: row.source,
    sourceArea: row.sourceArea,
    occurredAt: iso(row.occurredAt),
    team: row.teamId ? { id: row.teamId, name: row.teamName ?? '' } : null,
    unitId: row.unitId,
    districtId: row.districtId,
    officerId: showOfficer ? row.officerPersonId : null,
    buurt: ref(row.buurtCode, row.buurtName),
    wijk: ref(row.wijkCode, row.wijkName),
    gemeente: ref(row.gemeenteCode, row.gemeenteName),
    controlType: row.controlType,
    initiative: row.initiative,
    selectionReason: row.selectionReason,
    reasonText: row.reasonText,
    legalBasis: row.legalBasis,
    legalBasisText: row.legalBasisText,
    explained: row.explained,
    notExplainedWhy: row.notExplainedWhy,
    actions: actionsOf(row),
    outcome: row.outcome,
    outcomeText: row.outcomeText,
    outcomeLinked: row.outcomeLinked,
    durationBand: row.durationBand,
    subjectKeyGiven: row.subjectKeyHash !== null,
    createdAt: iso(row.createdAt),
  };
}

/** SHA-256 of the registration as sent, the subject key left out (it is compared by pseudonym). */
function bodyHashOf(body: ControlRegistration, officerPersonId: string): string {
  const { subjectKey: _key, ...rest } = body;
  const canonical = JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k as keyof typeof rest]]),
  );
  return createHash('sha256').update(`${officerPersonId}\n${canonical}`).digest('hex');
}

function toArea(a: repo.AreaRow): Area {
  return {
    code: a.code,
    level: a.level,
    name: a.name,
    gemeente: { code: a.gemeenteCode, name: a.gemeenteName },
    wijk: a.wijkCode ? { code: a.wijkCode, name: a.wijkName ?? a.wijkCode } : null,
    lat: a.lat,
    lng: a.lng,
    distanceM: a.distanceM,
  };
}

export function createControlsService(deps: {
  db: Database;
  audit: AuditService;
  pseudonymKeys: PseudonymKey[];
  /** Keys shared with CBS (`PVI_CBS_LINK_KEYS`); a person key also gets its linking pseudonym. */
  cbsLinkKeys?: PseudonymKey[];
  now?: () => Date;
}) {
  const { db, audit, pseudonymKeys } = deps;
  const cbsKey = deps.cbsLinkKeys?.[0];
  const now = deps.now ?? (() => new Date());

  /** The buurt as sent, or the nearest to the position (its existence is checked on insert). */
  async function buurtCodeOf(body: ControlRegistration): Promise<string> {
    if (body.buurtCode) return body.buurtCode;
    const { lat, lng } = body.position!;
    const near = await repo.listAreas(db, {
      level: 'buurt',
      near: { lat, lng },
      limit: 1,
      offset: 0,
    });
    const area = near.items[0];
    if (!area)
      throw invalid([
        { name: 'position', code: 'unknown', reason: 'No known buurt lies near this position.' },
      ]);
    return area.code;
  }

  /**
   * Registers a control for the signed-in officer, in the team they were a member of on that
   * day. Sending the same registration again answers the stored one (`created: false`); the
   * same id with anything else is a conflict.
   */
  async function register(
    actor: Actor,
    viewer: ControlViewer,
    body: ControlRegistration,
  ): Promise<{ created: boolean; record: ControlRecord }> {
    const t = now();
    const problems = checkRegistration(body, t);
    if (problems.length) throw invalid(problems);
    if (body.subjectKey && pseudonymKeys.length === 0)
      throw new AppError(
        'service_unavailable',
        'This installation has no pseudonymisation key (PVI_PSEUDONYM_KEYS): send the registration without a subject key.',
      );
    const personId = viewer.personId;
    if (!personId)
      throw new AppError('forbidden', 'Your account is not linked to a person in a team.');
    const occurredAt = body.occurredAt ? new Date(body.occurredAt) : t;
    const day = amsterdamDay.format(occurredAt);
    const buurtCode = await buurtCodeOf(body);
    const candidates =
      body.subjectKey && body.subjectKind
        ? pseudonymCandidates(pseudonymKeys, body.subjectKind, body.subjectKey)
        : [];
    const actions = new Set(body.actions);
    const row: ControlRow = {
      id: body.id,
      source: 'pvi',
      source_area: null,
      import_file_id: null,
      occurred_at: occurredAt.toISOString(),
      time_known: true,
      ...localTime(occurredAt.getTime(), 'pvi', true),
      // Team, unit, district and the area's codes are filled by the insert itself.
      unit_id: null,
      district_id: null,
      team_id: null,
      officer_person_id: personId,
      gemeente_code: null,
      wijk_code: null,
      buurt_code: null,
      lat: null,
      lng: null,
      control_type: body.controlType,
      initiative: body.initiative,
      selection_reason: body.selectionReason,
      reason_text: body.reasonText || null,
      legal_basis: body.legalBasis ?? null,
      legal_basis_text: null,
      explained: body.explained,
      not_explained_why: body.notExplainedWhy || null,
      act_identity_check: actions.has('identity_check'),
      act_frisk: actions.has('frisk'),
      act_search_person: actions.has('search_person'),
      act_search_vehicle: actions.has('search_vehicle'),
      outcome: body.outcome,
      outcome_text: null,
      outcome_linked: body.outcomeLinked,
      duration_band: body.durationBand,
      object_of_search: null,
      subject_kind: body.subjectKind ?? null,
      // A new subject's reference; the insert takes an earlier control's when there is one.
      subject_ref: candidates.length ? randomUUID() : null,
      subject_sex: null,
      subject_age_band: null,
      group_self_defined: null,
      group_officer_defined: null,
      group_opp: null,
      extra: null,
    };
    const bodyHash = bodyHashOf(body, personId);
    const outcome = await insertRegistration(db, {
      row,
      personId,
      day,
      buurtCode,
      candidates,
      cbsLink:
        cbsKey && body.subjectKey && body.subjectKind === 'person'
          ? { version: cbsKey.version, hash: pseudonymise(cbsKey, 'person', body.subjectKey) }
          : null,
      bodyHash,
      createdByAccountId: actor.accountId,
      createdAt: t,
    });
    const { team, area: buurt, inserted: created } = outcome;
    if (!buurt)
      throw invalid([
        { name: 'buurtCode', code: 'unknown', reason: `There is no buurt ${buurtCode}.` },
      ]);
    if (!team) throw new AppError('forbidden', `You were not a member of a team on ${day}.`);
    const show = seesOfficers(viewer.grant);
    if (created)
      return {
        created,
        record: toRecord(
          {
            id: row.id,
            source: 'pvi',
            sourceArea: null,
            occurredAt: row.occurred_at,
            teamId: team.id,
            teamName: team.name,
            unitId: team.unit_id,
            districtId: team.district_id,
            officerPersonId: personId,
            buurtCode: buurt.code,
            buurtName: buurt.name,
            wijkCode: buurt.wijk_code,
            wijkName: buurt.wijk_name,
            gemeenteCode: buurt.gemeente_code,
            gemeenteName: buurt.gemeente_name,
            controlType: row.control_type,
            initiative: row.initiative,
            selectionReason: row.selection_reason,
            reasonText: row.reason_text,
            legalBasis: row.legal_basis,
            legalBasisText: null,
            explained: row.explained,
            notExplainedWhy: row.not_explained_why,
            act_identity_check: row.act_identity_check,
            act_frisk: row.act_frisk,
            act_search_person: row.act_search_person,
            act_search_vehicle: row.act_search_vehicle,
            outcome: row.outcome,
            outcomeText: null,
            outcomeLinked: row.outcome_linked,
            durationBand: row.duration_band,
            subjectKind: row.subject_kind,
            subjectKeyHash: candidates[0]?.hash ?? null,
            subjectKeyVersion: candidates[0]?.version ?? null,
            bodyHash,
            createdAt: t,
          },
          show,
        ),
      };
    const stored = await repo.findControl(db, body.id);
    if (!stored) throw new Error(`control ${body.id} vanished after its conflict`);
    const sameSubject =
      stored.subjectKeyHash === null
        ? candidates.length === 0
        : candidates.some(
            (c) => c.version === stored.subjectKeyVersion && c.hash === stored.subjectKeyHash,
          );
    if (stored.bodyHash !== bodyHash || !sameSubject)
      throw new AppError(
        'conflict',
        `A different control with id ${body.id} exists already: make a new id for a new control.`,
      );
    return { created, record: toRecord(stored, show) };
  }

  /** One control; the read is audited. */
  async function get(actor: Actor, viewer: ControlViewer, id: string): Promise<ControlRecord> {
    return db.transaction(async (tx) => {
      const row = await repo.findControl(tx, id);
      if (!row) throw notFound('The control');
      if (!canSee(viewer, row))
        throw new AppError('forbidden', 'This control is outside the scope of your active role.');
      await audit.record(tx, actor, { action: 'read', recordType: 'control', recordId: id });
      return toRecord(row, seesOfficers(viewer.grant));
    });
  }

  async function list(
    actor: Actor,
    viewer: ControlViewer,
    q: ControlListQuery,
  ): Promise<Page<ControlRecord>> {
    return db.transaction(async (tx) => {
      const r = await repo.listControls(tx, scopeOf(viewer), {
        ...q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      await audit.record(tx, actor, {
        action: 'list',
        recordType: 'control',
        details: { filter: { ...q }, returned: r.items.length },
      });
      const show = seesOfficers(viewer.grant);
      return {
        items: r.items.map((row) => toRecord(row, show)),
        page: q.page,
        pageSize: q.pageSize,
        total: r.total,
      };
    });
  }

  /**
   * The export as a stream of CSV lines (our own import format, docs/controls.md), page by page
   * in (occurred_at, id) order, so no export is ever held in memory. The export is audited first.
   */
  async function exportCsv(
    actor: Actor,
    viewer: ControlViewer,
    q: ControlExportQuery,
  ): Promise<Readable> {
    await db.transaction(async (tx) => {
      await audit.record(tx, actor, {
        action: 'export',
        recordType: 'control',
        details: { filter: { ...q } },
      });
    });
    const scope = scopeOf(viewer);
    const show = seesOfficers(viewer.grant);
    async function* lines() {
      yield `${EXPORT_HEADER.join(',')}\r\n`;
      let after: { occurredAt: string; id: string } | null = null;
      for (;;) {
        const rows = await repo.exportPage(db, scope, q, after, EXPORT_PAGE);
        if (rows.length === 0) return;
        yield rows.map((r) => exportLine(r, show)).join('');
        const last = rows[rows.length - 1]!;
        after = { occurredAt: last.key_at, id: last.id };
        if (rows.length < EXPORT_PAGE) return;
      }
    }
    return Readable.from(lines());
  }

  async function listAreas(q: AreaListQuery): Promise<Page<Area>> {
    const near = q.near ? q.near.split(',').map(Number) : null;
    const r = await repo.listAreas(db, {
      level: q.level,
      near: near ? { lat: near[0]!, lng: near[1]! } : undefined,
      q: q.q,
      gemeenteCode: q.gemeenteCode,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: r.items.map(toArea), page: q.page, pageSize: q.pageSize, total: r.total };
  }

  /** Rebuilds the monthly rollup for a range of months (all months with controls by default). */
  async function refreshRollup(range?: { from: string; to: string }) {
    const r = range ?? (await repo.monthRange(db));
    if (!r.from || !r.to) return { from: null, to: null, rows: 0 };
    const rows = await db.transaction((tx) => repo.refreshMonthly(tx, r.from!, r.to!));
    // A full rebuild also rebuilds the analysis rollups (a trigger keeps them current otherwise).
    if (!range) await db.transaction((tx) => refreshAnalysisRollup(tx));
    return { from: r.from, to: r.to, rows };
  }

  /** Pseudonyms per key version, and which versions are configured. */
  async function keyStatus() {
    return {
      configured: pseudonymKeys.map((k) => k.version),
      stored: await repo.keyVersionCounts(db),
    };
  }

  /** Drops pseudonyms of key versions that are no longer configured (the links stay). */
  async function purgeRetiredPseudonyms(actor: Actor): Promise<number> {
    return db.transaction(async (tx) => {
      const n = await repo.purgeKeyVersions(
        tx,
        pseudonymKeys.map((k) => k.version),
      );
      await audit.record(tx, actor, {
        action: 'purge',
        recordType: 'control_pseudonym',
        details: { rows: n, kept: pseudonymKeys.map((k) => k.version) },
      });
      return n;
    });
  }

  return {
    register,
    get,
    list,
    exportCsv,
    listAreas,
    refreshRollup,
    keyStatus,
    purgeRetiredPseudonyms,
  };
}
export type ControlsService = ReturnType<typeof createControlsService>;

function invalid(params: InvalidParam[]) {
  return new AppError('validation_failed', `${params.length} field(s) are not valid.`, {
    invalidParams: params,
  });
}

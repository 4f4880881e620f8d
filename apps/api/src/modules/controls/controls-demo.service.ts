import type { DatabaseHandle } from '@pvi/db';
import { demoAreas } from '@pvi/db/demo/areas';
import { generateDemoControls } from '@pvi/db/demo/controls';
import type { DemoOrganisation, DemoScale } from '@pvi/db/demo';
import type { ProgressListener } from '../org/import/csv.ts';
import { localTime, type ControlRow } from './control-row.ts';
import * as repo from './controls.repository.ts';

const BATCH = 5000;

/** Loads the demo's CBS areas and its year of controls (idempotent: ids are deterministic). */
export function createControlsDemoService(deps: { database: DatabaseHandle }) {
  const { database } = deps;
  const db = database.db;

  async function loadAreas(): Promise<number> {
    const areas = demoAreas();
    await repo.upsertAreas(db, areas, true);
    return areas.length;
  }

  async function load(options: {
    organisation: DemoOrganisation;
    scale: DemoScale;
    seed: number;
    onProgress?: ProgressListener;
  }): Promise<{ areas: number; controls: number; inserted: number }> {
    const areas = await loadAreas();
    const controls = generateDemoControls(options);
    const teams = new Map((await repo.teamsByCode(db)).map((t) => [t.code, t]));
    const people = await repo.personIdsByEmployeeNumber(db);
    const rows: ControlRow[] = controls.flatMap((c) => {
      const team = teams.get(c.teamCode);
      if (!team) return [];
      return [
        {
          id: c.id,
          source: 'pvi',
          source_area: null,
          import_file_id: null,
          occurred_at: c.occurredAt,
          time_known: true,
          ...localTime(Date.parse(c.occurredAt), 'pvi', true),
          unit_id: team.unitId,
          district_id: team.districtId,
          team_id: team.id,
          officer_person_id: people.get(c.officerEmployeeNumber) ?? null,
          gemeente_code: c.gemeenteCode,
          wijk_code: c.wijkCode,
          buurt_code: c.buurtCode,
          lat: null,
          lng: null,
          control_type: c.controlType,
          initiative: c.initiative,
          selection_reason: c.selectionReason,
          reason_text: c.reasonText,
          legal_basis: c.legalBasis,
          legal_basis_text: null,
          explained: c.explained,
          not_explained_why: c.notExplainedWhy,
          act_identity_check: c.identityCheck,
          act_frisk: c.frisk,
          act_search_person: c.searchPerson,
          act_search_vehicle: c.searchVehicle,
          outcome: c.outcome,
          outcome_text: null,
          outcome_linked: c.outcomeLinked,
          duration_band: c.durationBand,
          object_of_search: null,
          subject_kind: c.subjectKind,
          subject_ref: c.subjectRef,
          subject_sex: null,
          subject_age_band: null,
          group_self_defined: null,
          group_officer_defined: null,
          group_opp: null,
          extra: null,
        },
      ];
    });
    const writer =
      database.kind === 'postgres'
        ? await repo.openCopyWriter(database.pool)
        : {
            write: (batch: ControlRow[]) => repo.insertControlRows(db, batch),
            close: async () => undefined,
          };
    let inserted = 0;
    try {
      for (let i = 0; i < rows.length; i += BATCH) {
        inserted += await writer.write(rows.slice(i, i + BATCH));
        options.onProgress?.({
          phase: 'writing',
          done: Math.min(i + BATCH, rows.length),
          total: rows.length,
        });
      }
    } finally {
      await writer.close();
    }
    const range = await repo.monthRange(db);
    if (range.from && range.to)
      await db.transaction((tx) => repo.refreshMonthly(tx, range.from!, range.to!));
    return { areas, controls: rows.length, inserted };
  }

  return { load, loadAreas };
}
export type ControlsDemoService = ReturnType<typeof createControlsDemoService>;

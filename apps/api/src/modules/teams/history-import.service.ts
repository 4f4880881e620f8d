import { and, eq, like } from 'drizzle-orm';
import { importRuns, teams, type Database } from '@pvi/db';
import type { Instrument } from '@pvi/contracts';
import type { DisclosureRules } from '@pvi/disclosure';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import {
  readCsv,
  type CsvSource,
  type ProgressListener,
  type RowProblem,
} from '../org/import/csv.ts';
import * as waves from './waves.repository.ts';
import * as respond from './respond.repository.ts';
import { scoreResponse } from './scoring.ts';

export interface HistoryImportResult {
  ok: boolean;
  waveId: string | null;
  rows: number;
  teams: number;
  problems: RowProblem[];
  /** True when this very file was imported before: nothing changed. */
  unchanged: boolean;
}

/** Turns a CSV cell into the answer the instrument expects (empty: not answered). */
function cellValue(
  item: Instrument['items'][number],
  raw: string,
): number | number[] | string | undefined {
  if (raw === '') return undefined;
  if (item.answerScale === 'open') return raw;
  if (item.answerScale === 'multi')
    return raw.split(/[;|]/).map((v) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN));
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/**
 * Imports responses from an earlier tool into a new closed wave: one row per response, a
 * `team_code` column and one column per item key of the instrument (multi-choice answers as
 * `1;3`, empty = not answered). All or nothing: every bad row is reported with its line number.
 * The same file twice changes nothing. Invited counts are unknown, so each team's invited count
 * is its number of responses (response rates of an imported wave are not meaningful).
 */
export function createHistoryImportService(deps: {
  db: Database;
  audit: AuditService;
  rules: DisclosureRules;
  computeReports: (waveId: string) => Promise<unknown>;
}) {
  const { db, audit } = deps;
  return {
    async importResponses(
      source: CsvSource,
      options: {
        name: string;
        instrumentKey: string;
        opensOn: string;
        closesOn: string;
        actor: Actor;
        onProgress?: ProgressListener;
      },
    ): Promise<HistoryImportResult> {
      const version = await waves.findInstrumentVersion(db, options.instrumentKey);
      if (!version)
        throw new AppError('not_found', `There is no instrument ${options.instrumentKey}.`);
      const instrument = version.definition as Instrument;
      const items = new Map(instrument.items.map((i) => [i.key, i]));
      const teamByCode = new Map(
        (
          await db
            .select({
              id: teams.id,
              code: teams.code,
              unitId: teams.unitId,
              districtId: teams.districtId,
            })
            .from(teams)
        ).map((t) => [t.code.toLowerCase(), t]),
      );
      const parsed: {
        line: number;
        team: string;
        answers: Record<string, number | number[] | string>;
      }[] = [];
      const problems: RowProblem[] = [];
      let unknownColumns: string[] = [];
      const read = await readCsv(
        source,
        ['team_code'],
        (row) => {
          if (!parsed.length && !problems.length)
            unknownColumns = Object.keys(row.values).filter(
              (k) => k !== 'team_code' && !items.has(k),
            );
          const team = teamByCode.get(row.values.team_code!.toLowerCase());
          if (!team) {
            problems.push({
              line: row.line,
              reason: `Unknown team code "${row.values.team_code}".`,
            });
            return;
          }
          const answers: Record<string, number | number[] | string> = {};
          for (const [key, raw] of Object.entries(row.values)) {
            const item = items.get(key);
            if (!item) continue;
            const value = cellValue(item, raw);
            if (value !== undefined) answers[key] = value;
          }
          const { problems: invalid } = scoreResponse(instrument, answers);
          if (invalid.length) {
            problems.push({
              line: row.line,
              reason: invalid
                .map((p) => `${p.name.replace('answers.', '')}: ${p.reason}`)
                .join(' '),
            });
            return;
          }
          parsed.push({ line: row.line, team: team.id, answers });
        },
        options.onProgress,
      );
      if (unknownColumns.length)
        problems.unshift({
          line: 1,
          reason: `Column(s) not in ${options.instrumentKey} v${version.version}: ${unknownColumns.join(', ')}.`,
        });
      const allProblems = [...read.problems, ...problems].sort((a, b) => a.line - b.line);
      if (allProblems.length || !parsed.length)
        return {
          ok: false,
          waveId: null,
          rows: read.rows,
          teams: 0,
          problems: allProblems.length
            ? allProblems
            : [{ line: 1, reason: 'The file has no responses.' }],
          unchanged: false,
        };

      const previous = await db
        .select()
        .from(importRuns)
        .where(
          and(eq(importRuns.fileSha256, read.sha256), like(importRuns.kind, 'survey_history:%')),
        );
      if (previous[0])
        return {
          ok: true,
          waveId: previous[0].kind.split(':')[1]!,
          rows: read.rows,
          teams: new Set(parsed.map((p) => p.team)).size,
          problems: [],
          unchanged: true,
        };

      options.onProgress?.({ phase: 'writing', done: 0, total: parsed.length });
      const waveId = await db.transaction(async (tx) => {
        const wave = await waves.insertWave(tx, {
          name: options.name,
          instrumentVersionId: version.id,
          rules: deps.rules,
          status: 'closed',
          imported: true,
          openedAt: new Date(`${options.opensOn}T00:00:00Z`),
          closedAt: new Date(`${options.closesOn}T23:59:59Z`),
          createdBy: options.actor.personId,
        });
        const place = new Map([...teamByCode.values()].map((t) => [t.id, t]));
        const teamIds = [...new Set(parsed.map((p) => p.team))];
        const unitIds = [...new Set(teamIds.map((id) => place.get(id)!.unitId))];
        await waves.insertWaveUnits(
          tx,
          unitIds.map((unitId, i) => ({
            waveId: wave.id,
            unitId,
            relayOrder: i + 1,
            opensOn: options.opensOn,
            closesOn: options.closesOn,
          })),
        );
        await waves.insertDraftTeams(tx, wave.id, teamIds);
        await respond.insertResponses(
          tx,
          parsed.map((p) => {
            const team = place.get(p.team)!;
            return {
              waveId: wave.id,
              teamId: team.id,
              districtId: team.districtId,
              unitId: team.unitId,
              ...scoreResponse(instrument, p.answers).scored,
            };
          }),
        );
        await waves.setInvitedFromResponses(tx, wave.id);
        await waves.shuffleWave(tx, wave.id);
        await tx.insert(importRuns).values({
          kind: `survey_history:${wave.id}`,
          fileSha256: read.sha256,
          rows: read.rows,
          inserted: parsed.length,
          updated: 0,
          unchanged: 0,
        });
        await audit.record(tx, options.actor, {
          action: 'import',
          recordType: 'survey_wave',
          recordId: wave.id,
          details: { rows: parsed.length, sha256: read.sha256, instrument: options.instrumentKey },
        });
        return wave.id;
      });
      await deps.computeReports(waveId);
      options.onProgress?.({ phase: 'done', done: parsed.length, total: parsed.length });
      return {
        ok: true,
        waveId,
        rows: read.rows,
        teams: new Set(parsed.map((p) => p.team)).size,
        problems: [],
        unchanged: false,
      };
    },
  };
}
export type HistoryImportService = ReturnType<typeof createHistoryImportService>;

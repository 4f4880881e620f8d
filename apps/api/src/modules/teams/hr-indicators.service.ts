import type { Database } from '@pvi/db';
import type { HrImportResult } from '@pvi/contracts';
import { AppError } from '../../errors.ts';
import { grantCovers, type GrantRef } from '../../access.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { readCsv, textSource } from '../org/import/csv.ts';
import { HR_HEADER, HrFile, type HrProblem } from './hr-file.ts';
import * as repo from './hr-indicators.repository.ts';

/**
 * Monthly HR indicators per team, imported from a CSV by HR analysts. All or nothing: a file with
 * any bad row writes nothing and every bad row is reported with its line number. Importing the
 * same file twice changes nothing. Teams outside the scope of the analyst's grant are bad rows.
 */
export function createHrIndicatorsService(deps: {
  db: Database;
  audit: AuditService;
  now?: (() => Date) | undefined;
}) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function importCsv(actor: Actor, grant: GrantRef, csv: string): Promise<HrImportResult> {
    const file = new HrFile(now().toISOString().slice(0, 7));
    const read = await readCsv(textSource(csv), HR_HEADER, (row) => {
      file.add(row);
    });
    // Problems of the file itself (header, quoting) concern the row as a whole.
    const problems: HrProblem[] = [
      ...read.problems.map((p): HrProblem => ({
        ...p,
        issues: [{ field: null, code: 'invalid_row', reason: p.reason }],
      })),
      ...file.problems,
    ];
    const found = await repo.teamsByCode(
      db,
      file.rows.map((r) => r.teamCode),
    );
    const exact = new Map(found.map((t) => [t.code, t]));
    const folded = new Map(found.map((t) => [t.code.toLowerCase(), t]));
    const values: Parameters<typeof repo.upsertIndicators>[1] = [];
    for (const row of file.rows) {
      const team = exact.get(row.teamCode) ?? folded.get(row.teamCode.toLowerCase());
      if (!team) {
        const reason = `There is no team with code ${row.teamCode}.`;
        problems.push({
          line: row.line,
          reason,
          issues: [{ field: 'team_code', code: 'unknown_team', reason }],
        });
        continue;
      }
      const place = { unitId: team.unit_id, districtId: team.district_id, teamId: team.id };
      if (!grantCovers(grant, place)) {
        const reason = `Team ${row.teamCode} is outside the scope of your active role.`;
        problems.push({
          line: row.line,
          reason,
          issues: [{ field: 'team_code', code: 'outside_scope', reason }],
        });
        continue;
      }
      const { line: _line, teamCode: _code, ...indicators } = row;
      values.push({ ...indicators, teamId: team.id });
    }
    if (!problems.length && !values.length)
      problems.push({
        line: 1,
        reason: 'The file has no rows.',
        issues: [{ field: null, code: 'no_rows', reason: 'The file has no rows.' }],
      });
    if (problems.length)
      throw new AppError('validation_failed', 'The file has bad rows; nothing was imported.', {
        // One entry per issue: `csv.line.N.column`, or `csv.line.N` for the row as a whole.
        invalidParams: problems
          .sort((a, b) => a.line - b.line)
          .flatMap((p) =>
            p.issues.map((i) => ({
              name: i.field ? `csv.line.${p.line}.${i.field}` : `csv.line.${p.line}`,
              code: i.code,
              reason: i.reason,
            })),
          ),
      });

    const counts = await db.transaction(async (tx) => {
      const c = await repo.upsertIndicators(tx, values);
      await audit.record(tx, actor, {
        action: 'import',
        recordType: 'team_hr_indicators',
        details: { sha256: read.sha256, rows: values.length, ...c },
      });
      return c;
    });
    const months = values.map((v) => v.month.slice(0, 7)).sort();
    return {
      rows: values.length,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: values.length - counts.inserted - counts.updated,
      teams: new Set(values.map((v) => v.teamId)).size,
      firstMonth: months[0]!,
      lastMonth: months[months.length - 1]!,
      sha256: read.sha256,
    };
  }

  return { importCsv };
}
export type HrIndicatorsService = ReturnType<typeof createHrIndicatorsService>;

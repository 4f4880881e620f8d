import type { Database } from '@pvi/db';
import { importRuns } from '@pvi/db';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import { readCsv, type CsvSource, type ProgressListener, type RowProblem } from './csv.ts';
import { ORG_HEADER, OrgFile } from './org-file.ts';
import { PEOPLE_HEADER, PeopleFile } from './people-file.ts';
import * as repo from './org-import.repository.ts';

export interface ImportResult {
  ok: boolean;
  kind: 'org' | 'people';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  sha256: string;
  /** Every bad row with its line number; when there are any, nothing was written. */
  problems: RowProblem[];
}

export interface ImportOptions {
  actor: Actor;
  isDemo?: boolean;
  onProgress?: ProgressListener;
}

const byLine = (a: RowProblem, b: RowProblem) => a.line - b.line;

export function createOrgImportService(deps: { db: Database; audit: AuditService }) {
  const { db, audit } = deps;

  async function finish(
    kind: 'org' | 'people',
    sha256: string,
    rows: number,
    options: ImportOptions,
    write: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<repo.WriteCounts>,
  ): Promise<ImportResult> {
    // All or nothing: one transaction, so a crash or a kill leaves the file wholly in or wholly out.
    const counts = await db.transaction(async (tx) => {
      const c = await write(tx);
      const unchanged = rows - c.inserted - c.updated;
      await tx.insert(importRuns).values({
        kind,
        fileSha256: sha256,
        rows,
        inserted: c.inserted,
        updated: c.updated,
        unchanged: Math.max(0, unchanged),
      });
      await audit.record(tx, options.actor, {
        action: 'import',
        recordType: kind === 'org' ? 'organisation' : 'person',
        details: { sha256, rows, inserted: c.inserted, updated: c.updated },
      });
      return c;
    });
    options.onProgress?.({ phase: 'done', done: rows, total: rows });
    return {
      ok: true,
      kind,
      rows,
      ...counts,
      unchanged: Math.max(0, rows - counts.inserted - counts.updated),
      sha256,
      problems: [],
    };
  }

  async function importOrg(source: CsvSource, options: ImportOptions): Promise<ImportResult> {
    const file = new OrgFile();
    const read = await readCsv(
      source,
      ORG_HEADER,
      (row) => {
        file.add(row);
      },
      options.onProgress,
    );
    options.onProgress?.({ phase: 'checking', done: 0, total: file.rowCount });
    if (read.problems.length === 0) file.checkParents(await repo.existingOrgCodes(db));
    const problems = [...read.problems, ...file.problems].sort(byLine);
    if (problems.length)
      return {
        ok: false,
        kind: 'org',
        rows: read.rows,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        sha256: read.sha256,
        problems,
      };
    options.onProgress?.({ phase: 'writing', done: 0, total: file.rowCount });
    return finish('org', read.sha256, file.rowCount, options, (tx) =>
      repo.upsertOrg(tx, file, options.isDemo ?? false),
    );
  }

  async function importPeople(source: CsvSource, options: ImportOptions): Promise<ImportResult> {
    const file = new PeopleFile();
    const read = await readCsv(
      source,
      PEOPLE_HEADER,
      (row) => {
        file.add(row);
      },
      options.onProgress,
    );
    options.onProgress?.({ phase: 'checking', done: 0, total: file.memberships.length });
    if (read.problems.length === 0) {
      const codes = [...new Set(file.memberships.map((m) => m.teamCode))];
      file.checkTeams(await repo.existingTeamCodes(db, codes));
    }
    const problems = [...read.problems, ...file.problems].sort(byLine);
    if (problems.length)
      return {
        ok: false,
        kind: 'people',
        rows: read.rows,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        sha256: read.sha256,
        problems,
      };
    const people = [...file.people.values()].map(({ line: _line, ...p }) => p);
    const total = people.length + file.memberships.length;
    options.onProgress?.({ phase: 'writing', done: 0, total });
    return finish('people', read.sha256, total, options, async (tx) => {
      const counts = await repo.upsertPeople(
        tx,
        people,
        file.memberships,
        options.isDemo ?? false,
        (done) => {
          options.onProgress?.({ phase: 'writing', done, total });
        },
      );
      const closed = await repo.closeSupersededMemberships(
        tx,
        people.map((p) => p.employeeNumber),
      );
      return { inserted: counts.inserted, updated: counts.updated + closed };
    });
  }

  return { importOrg, importPeople };
}
export type OrgImportService = ReturnType<typeof createOrgImportService>;

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Database } from '@pvi/db';
import type {
  CbsAnalysis,
  CbsAnalysisQuery,
  CbsDataset,
  CbsDatasetImportQuery,
  CbsImportResult,
  CbsLinkingExportQuery,
  ControlPopulationBody,
} from '@pvi/contracts';
import { AppError, notFound } from '../../../errors.ts';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { PseudonymKey } from '../pseudonym.ts';
import { analyseAggregates } from './cbs-analysis.ts';
import { parseAggregates } from './cbs-aggregates.ts';
import { LINKING_HEADER, linkingLine } from './cbs-linking.ts';
import * as repo from './cbs.repository.ts';

const PAGE = 5_000;
/** Problems kept with a dataset and returned by an import. */
const MAX_PROBLEMS = 1_000;

export function createCbsService(deps: {
  db: Database;
  audit: AuditService;
  cbsLinkKeys: PseudonymKey[];
  minCell: number;
}) {
  const { db, audit, cbsLinkKeys, minCell } = deps;

  /**
   * The linking file for CBS as a stream of CSV lines, page by page; audited before the first
   * line. Only controls whose pseudonym was made under a key version still configured.
   */
  async function exportLinking(actor: Actor, q: CbsLinkingExportQuery): Promise<Readable> {
    if (q.to < q.from)
      throw new AppError('validation_failed', 'The period ends before it starts.', {
        invalidParams: [{ name: 'to', code: 'before_from', reason: 'to must not be before from' }],
      });
    if (cbsLinkKeys.length === 0)
      throw new AppError(
        'service_unavailable',
        'This installation has no CBS linking key (PVI_CBS_LINK_KEYS): there is nothing to link.',
      );
    const versions = cbsLinkKeys.map((k) => k.version);
    await db.transaction(async (tx) => {
      await audit.record(tx, actor, {
        action: 'export',
        recordType: 'control_cbs_linking',
        details: { ...q, keyVersions: versions },
      });
    });
    async function* lines() {
      yield `${LINKING_HEADER.join(',')}\r\n`;
      let after: { at: string; id: string } | null = null;
      for (;;) {
        const rows = await repo.linkingPage(db, { ...q, versions }, after, PAGE);
        if (rows.length === 0) return;
        yield rows.map(linkingLine).join('');
        const last = rows[rows.length - 1]!;
        after = { at: last.keyAt, id: last.id };
        if (rows.length < PAGE) return;
      }
    }
    return Readable.from(lines());
  }

  /**
   * Loads an aggregate file from CBS as a dataset: good rows load, bad rows are reported by line;
   * the same file again (by SHA-256) changes nothing. Audited.
   */
  async function importDataset(
    actor: Actor,
    meta: CbsDatasetImportQuery,
    text: string,
  ): Promise<CbsImportResult> {
    const sha256 = createHash('sha256').update(text).digest('hex');
    const before = await repo.findDatasetBySha(db, sha256);
    if (before) {
      const { problems, ...dataset } = before;
      return { dataset, alreadyImported: true, outcomeRows: 0, darknessRows: 0, problems };
    }
    const parsed = parseAggregates(text);
    if (parsed.fileProblem)
      throw new AppError('validation_failed', 'The file cannot be read as a CBS aggregate file.', {
        invalidParams: [
          {
            name: `csv.line.${parsed.fileProblem.line}`,
            code: 'invalid_file',
            reason: parsed.fileProblem.reason,
          },
        ],
      });
    const problems = parsed.problems.slice(0, MAX_PROBLEMS);
    return db.transaction(async (tx) => {
      const id = await repo.insertDataset(
        tx,
        {
          name: meta.title,
          source: meta.source,
          description: meta.description ?? null,
          sha256,
          rowsLoaded: parsed.outcomes.length + parsed.darkness.length,
          rowsRejected: parsed.problems.length,
          problems,
          createdByAccountId: actor.accountId,
        },
        parsed.outcomes,
        parsed.darkness,
      );
      // A concurrent upload of the same file won: answer as for a repeat.
      const dataset =
        (id ? await repo.findDataset(tx, id) : null) ?? (await repo.findDatasetBySha(tx, sha256))!;
      await audit.record(tx, actor, {
        action: 'import',
        recordType: 'cbs_dataset',
        recordId: dataset.id,
        details: {
          sha256,
          name: meta.title,
          source: meta.source,
          outcomeRows: parsed.outcomes.length,
          darknessRows: parsed.darkness.length,
          rejected: parsed.problems.length,
        },
      });
      return {
        dataset: {
          id: dataset.id,
          name: dataset.name,
          source: dataset.source,
          description: dataset.description,
          fileSha256: dataset.fileSha256,
          rowsLoaded: dataset.rowsLoaded,
          rowsRejected: dataset.rowsRejected,
          createdAt: dataset.createdAt,
        },
        alreadyImported: id === null,
        outcomeRows: id ? parsed.outcomes.length : 0,
        darknessRows: id ? parsed.darkness.length : 0,
        problems,
      };
    });
  }

  async function listDatasets(actor: Actor): Promise<CbsDataset[]> {
    return db.transaction(async (tx) => {
      const items = await repo.listDatasets(tx);
      await audit.record(tx, actor, { action: 'list', recordType: 'cbs_dataset' });
      return items;
    });
  }

  /** Item 3 on a dataset, through disclosure control; the read is audited. */
  async function analyse(
    actor: Actor,
    datasetId: string,
    query: CbsAnalysisQuery,
    population: ControlPopulationBody['population'] | null = null,
  ): Promise<CbsAnalysis> {
    return db.transaction(async (tx) => {
      const dataset = await repo.findDataset(tx, datasetId);
      if (!dataset) throw notFound('The dataset');
      await audit.record(tx, actor, {
        action: 'read',
        recordType: 'cbs_analysis',
        recordId: datasetId,
        details: { ...query, population: population !== null, minCell },
      });
      return analyseAggregates({
        dataset,
        outcomes: await repo.outcomeCounts(tx, datasetId),
        darkness: await repo.darknessCounts(tx, datasetId),
        minCell,
        query,
        population,
      });
    });
  }

  return { exportLinking, importDataset, listDatasets, analyse };
}
export type CbsService = ReturnType<typeof createCbsService>;

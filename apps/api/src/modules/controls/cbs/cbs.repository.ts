import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@pvi/db';
import type { CbsDataset } from '@pvi/contracts';
import type { LinkingRow } from './cbs-linking.ts';
import type { DarknessCount, OutcomeCount, RowProblem } from './cbs-aggregates.ts';

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * A page of the linking export: our own controls with a CBS linking pseudonym under one of the
 * given key versions, in an Amsterdam period, with their buurt centroid; keyset by (time, id).
 */
export async function linkingPage(
  ex: Executor,
  q: { from: string; to: string; versions: string[] },
  after: { at: string; id: string } | null,
  limit: number,
): Promise<(LinkingRow & { keyAt: string; id: string })[]> {
  if (q.versions.length === 0) return [];
  return queryRows(
    ex,
    sql`select c.id, l.link_hash as "linkHash", l.key_version as "keyVersion",
          c.occurred_at as "occurredAt",
          to_char(c.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "keyAt",
          c.buurt_code as "buurtCode", b.lat, b.lng, c.selection_reason as "selectionReason",
          c.act_identity_check as "actIdentityCheck", c.act_frisk as "actFrisk",
          c.act_search_person as "actSearchPerson", c.act_search_vehicle as "actSearchVehicle",
          c.outcome, c.outcome_linked as "outcomeLinked"
        from control_cbs_links l
          join controls c on c.id = l.control_id
          left join areas b on b.code = c.buurt_code
        where c.source = 'pvi'
          and l.key_version in (${sql.join(
            q.versions.map((v) => sql`${v}`),
            sql`, `,
          )})
          and c.occurred_at >= (${q.from}::date)::timestamp at time zone 'Europe/Amsterdam'
          and c.occurred_at < (${q.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'
          ${after ? sql`and (c.occurred_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        order by c.occurred_at, c.id limit ${limit}`,
  );
}

/** Link pseudonyms per key version, for the rotation report. */
export async function linkVersions(ex: Executor) {
  return queryRows<{ version: string; links: number }>(
    ex,
    sql`select key_version as version, count(*)::int as links from control_cbs_links
        group by 1 order by 1`,
  );
}

const DATASET_COLUMNS = sql`id, name, source, description, file_sha256 as "fileSha256",
  rows_loaded as "rowsLoaded", rows_rejected as "rowsRejected",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;

export async function findDatasetBySha(ex: Executor, sha256: string) {
  const rows = await queryRows<CbsDataset & { problems: RowProblem[] }>(
    ex,
    sql`select ${DATASET_COLUMNS}, problems from cbs_datasets where file_sha256 = ${sha256}`,
  );
  return rows[0] ?? null;
}

export async function findDataset(ex: Executor, id: string): Promise<CbsDataset | null> {
  const rows = await queryRows<CbsDataset>(
    ex,
    sql`select ${DATASET_COLUMNS} from cbs_datasets where id = ${id}`,
  );
  return rows[0] ?? null;
}

export async function listDatasets(ex: Executor): Promise<CbsDataset[]> {
  return queryRows<CbsDataset>(
    ex,
    sql`select ${DATASET_COLUMNS} from cbs_datasets order by created_at desc, id`,
  );
}

export interface DatasetInsert {
  name: string;
  source: string;
  description: string | null;
  sha256: string;
  rowsLoaded: number;
  rowsRejected: number;
  problems: RowProblem[];
  createdByAccountId: string | null;
}

/** The dataset and its rows; a file seen before (same SHA-256) inserts nothing and gives null. */
export async function insertDataset(
  ex: Executor,
  d: DatasetInsert,
  outcomes: OutcomeCount[],
  darkness: DarknessCount[],
): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`insert into cbs_datasets (name, source, description, file_sha256, rows_loaded,
          rows_rejected, problems, created_by_account_id)
        values (${d.name}, ${d.source}, ${d.description}, ${d.sha256}, ${d.rowsLoaded},
          ${d.rowsRejected}, ${json(d.problems)}, ${d.createdByAccountId}::uuid)
        on conflict (file_sha256) do nothing returning id`,
  );
  const id = rows[0]?.id;
  if (!id) return null;
  if (outcomes.length)
    await ex.execute(
      sql`insert into cbs_outcome_counts (dataset_id, line, group_label, selection_reason, outcome,
            controls, searches, outcome_linked)
          select ${id}::uuid, line, "group", "selectionReason", outcome, controls, searches,
            "outcomeLinked"
          from jsonb_to_recordset(${json(outcomes)}) as x(line int, "group" text,
            "selectionReason" text, outcome text, controls int, searches int, "outcomeLinked" int)`,
    );
  if (darkness.length)
    await ex.execute(
      sql`insert into cbs_darkness_counts (dataset_id, line, group_label, area, clock_minute,
            darkness, controls)
          select ${id}::uuid, line, "group", area, "clockMinute", darkness, controls
          from jsonb_to_recordset(${json(darkness)}) as x(line int, "group" text, area text,
            "clockMinute" smallint, darkness text, controls int)`,
    );
  return id;
}

export async function outcomeCounts(ex: Executor, datasetId: string): Promise<OutcomeCount[]> {
  return queryRows<OutcomeCount>(
    ex,
    sql`select line, group_label as "group", selection_reason as "selectionReason", outcome,
          controls, searches, outcome_linked as "outcomeLinked"
        from cbs_outcome_counts where dataset_id = ${datasetId} order by line`,
  );
}

export async function darknessCounts(ex: Executor, datasetId: string): Promise<DarknessCount[]> {
  return queryRows<DarknessCount>(
    ex,
    sql`select line, group_label as "group", area, clock_minute as "clockMinute", darkness,
          controls
        from cbs_darkness_counts where dataset_id = ${datasetId} order by line`,
  );
}

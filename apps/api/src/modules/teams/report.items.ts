import { sql, type SQL } from 'drizzle-orm';
import { answerScaleOptions, type Instrument } from '@pvi/contracts';
import { queryRows, type Database, type Executor } from '@pvi/db';
import type { DisclosedRow } from './report.disclose.ts';

/**
 * Every value a closed answer of the instrument can have, ascending: the rating scales' values and
 * the options of choice questions. Answers are checked against their item when they are written
 * (`scoreResponse`, also for imported history), so no stored answer has another value.
 */
export function answerValues(instrument: Pick<Instrument, 'items'>): number[] {
  const values = new Set<number>();
  for (const item of instrument.items) {
    if (item.background) continue;
    if (item.answerScale === 'choice' || item.answerScale === 'multi')
      for (const o of item.options ?? []) values.add(o.value);
    else if (item.answerScale !== 'open')
      for (const o of answerScaleOptions[item.answerScale]) values.add(o.value);
  }
  return [...values].sort((a, b) => a - b);
}

/** Group key → its item distributions as JSON text: `{"item": [[value, count], …], …}`. */
export type ItemDistributions = Map<string, string>;

/**
 * The item distributions of every group of a wave, computed in SQL so that the wave's answer rows
 * (≈ 3.2 million for 65,000 respondents) never travel to Node:
 *
 * 1. one pass over the wave's answers counts, per team and item, the answers with each possible
 *    value (one column per value: one group per team and item, not per value too);
 * 2. GROUPING SETS roll those counts up the wave's organisation tree at once (district, unit,
 *    national; `survey_wave_teams` says where each team sat when the wave opened), exactly as
 *    `report.tree.ts` sums the other figures: teams without a district count in their unit,
 *    answers of teams outside the wave in no group;
 * 3. each group's distributions become one JSON text (ascending values, only values given), which
 *    Node passes on to `storeGroupReports` without parsing it.
 *
 * A plain SELECT, so PostgreSQL may run it in parallel, and the service runs it alongside the
 * other aggregates. JIT compilation is off for it: for this one query it cost seconds.
 */
export async function itemDistributions(
  db: Database,
  waveId: string,
  instrument: Pick<Instrument, 'items'>,
): Promise<ItemDistributions> {
  const keys = instrument.items.map((i) => sql`${i.key}`);
  const values = answerValues(instrument);
  if (!keys.length || !values.length) return new Map();
  const list = (parts: SQL[]) => sql.join(parts, sql`, `);
  // Column names c0, c1, … by position in `values`; the values themselves are bound parameters.
  const column = (i: number) => sql.raw(`c${i}`);
  const counted = list(
    values.map((v, i) => sql`count(*) filter (where value = ${v})::int as ${column(i)}`),
  );
  const summed = list(values.map((_, i) => sql`sum(c.${column(i)})::int as ${column(i)}`));
  const pairs = list(
    values.map(
      (v, i) =>
        sql`case when ${column(i)} > 0 then '[' || ${String(v)} || ',' || ${column(i)} || ']' end`,
    ),
  );
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<{ group_key: string; items: string }>(
      tx,
      sql`
        with team_counts as (
          select c.team_id, wt.district_id, wt.unit_id, c.item_key, ${list(
            values.map((_, i) => sql`c.${column(i)}`),
          )}
          from (
            select team_id, item_key, ${counted}
            from survey_answers
            where wave_id = ${waveId} and item_key in (${list(keys)})
            group by team_id, item_key
          ) c
          join survey_wave_teams wt on wt.wave_id = ${waveId} and wt.team_id = c.team_id
        ),
        rolled as (
          select 'team:' || c.team_id as group_key, c.* from team_counts c
          union all
          select case
                   when grouping(c.district_id) = 0 then 'district:' || c.district_id
                   when grouping(c.unit_id) = 0 then 'unit:' || c.unit_id
                   else 'national'
                 end,
                 null, null, null, c.item_key, ${summed}
          from team_counts c
          group by grouping sets ((c.district_id, c.item_key), (c.unit_id, c.item_key), (c.item_key))
          having grouping(c.district_id) = 1 or c.district_id is not null
        )
        select group_key,
               '{' || string_agg(to_json(item_key)::text || ':[' || concat_ws(',', ${pairs}) || ']',
                                 ',') || '}' as items
        from rolled group by group_key`,
    );
  });
  return new Map(rows.map((r) => [r.group_key, r.items]));
}

/**
 * Replaces a wave's stored reports with `rows` in one statement: the rows arrive as one JSON
 * parameter (`jsonb_to_recordset`), not one bound parameter per cell, and the rows disclosure
 * control marked `withItems` get their group's distributions as `data.items` (`{}` when the group
 * has none); the others keep what Node decided (`items: null`, or no figures at all).
 */
export async function storeGroupReports(
  ex: Executor,
  waveId: string,
  rows: readonly DisclosedRow[],
  items: ItemDistributions,
) {
  const given = JSON.stringify(
    rows.map((r) => ({
      group_key: r.groupKey,
      level: r.level,
      group_id: r.groupId ?? null,
      name: r.name,
      parent_key: r.parentKey ?? null,
      filter: r.filter ?? null,
      shown: r.shown,
      reasons: r.reasons,
      data: r.data ?? null,
      with_items: r.withItems,
    })),
  );
  // One JSON object of the distributions that are used, built from SQL's JSON texts as they are.
  const used = rows.filter((r) => r.withItems && items.has(r.groupKey));
  const distributions = `{${used.map((r) => `${JSON.stringify(r.groupKey)}:${items.get(r.groupKey)!}`).join(',')}}`;
  await ex.execute(sql`delete from survey_group_reports where wave_id = ${waveId}`);
  await ex.execute(sql`
    insert into survey_group_reports
      (wave_id, group_key, level, group_id, name, parent_key, filter, shown, reasons, data)
    select ${waveId}, g.group_key, g.level, g.group_id, g.name, g.parent_key, g.filter, g.shown,
           g.reasons,
           case when g.with_items
                then g.data || jsonb_build_object('items', coalesce(d.value, '{}'))
                else g.data end
    from jsonb_to_recordset(${given}::jsonb) as g(
           group_key text, level text, group_id uuid, name text, parent_key text, filter text,
           shown boolean, reasons jsonb, data jsonb, with_items boolean)
    left join jsonb_each(${distributions}::jsonb) d on d.key = g.group_key`);
}

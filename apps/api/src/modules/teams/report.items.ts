import { sql, type SQL } from 'drizzle-orm';
import { answerScaleOptions, type Instrument } from '@pvi/contracts';
import type { Executor } from '@pvi/db';
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

/**
 * Replaces a wave's stored reports with `rows` in one statement, adding the item distributions in
 * SQL so that the wave's answer rows (≈ 3.2 million for 65,000 respondents) never travel to Node:
 *
 * 1. one pass over the wave's answers counts, per team and item, the answers with each possible
 *    value (one column per value, so one group per team and item rather than per value too);
 * 2. GROUPING SETS roll those counts up the wave's organisation tree at once (team, district, unit,
 *    national; `survey_wave_teams` says where each team sat when the wave opened), exactly as
 *    `report.tree.ts` sums the other figures: teams without a district count in their unit, answers
 *    of teams outside the wave in no group;
 * 3. each group's distributions become `{ item: [[value, count], …] }` (ascending values, only
 *    values that were given) and are merged into `data.items` of the rows disclosure control
 *    marked `withItems`; the other rows keep what Node decided (`items: null`, or no figures).
 *
 * The rows arrive as one JSON parameter (`jsonb_to_recordset`), not one bound parameter per cell.
 * JIT compilation is switched off for the transaction: for this one statement it cost seconds.
 */
export async function storeGroupReports(
  ex: Executor,
  waveId: string,
  instrument: Pick<Instrument, 'items'>,
  rows: readonly DisclosedRow[],
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
  const keys = instrument.items.map((i) => sql`${i.key}`);
  const values = answerValues(instrument);
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

  await ex.execute(sql`set local jit = off`);
  await ex.execute(sql`delete from survey_group_reports where wave_id = ${waveId}`);
  if (!keys.length || !values.length) {
    // An instrument without closed questions: nothing to count.
    await insertGiven(ex, waveId, given, sql`select null::text as group_key, null::jsonb as items`);
    return;
  }
  await insertGiven(
    ex,
    waveId,
    given,
    sql`
      with team_counts as (
        select team_id, item_key, ${counted}
        from survey_answers
        where wave_id = ${waveId} and item_key in (${list(keys)})
        group by team_id, item_key
      ),
      rolled as (
        select case
                 when grouping(wt.team_id) = 0 then 'team:' || wt.team_id
                 when grouping(wt.district_id) = 0 then 'district:' || wt.district_id
                 when grouping(wt.unit_id) = 0 then 'unit:' || wt.unit_id
                 else 'national'
               end as group_key,
               c.item_key, ${summed}
        from team_counts c
        join survey_wave_teams wt on wt.wave_id = ${waveId} and wt.team_id = c.team_id
        group by grouping sets (
          (wt.team_id, c.item_key), (wt.district_id, c.item_key), (wt.unit_id, c.item_key),
          (c.item_key))
        having grouping(wt.district_id) = 1 or wt.district_id is not null
      )
      select group_key,
             ('{' || string_agg(to_json(item_key)::text || ':[' || concat_ws(',', ${pairs}) || ']',
                                ',') || '}')::jsonb as items
      from rolled group by group_key`,
  );
}

async function insertGiven(ex: Executor, waveId: string, given: string, items: SQL) {
  await ex.execute(sql`
    with given as (
      select * from jsonb_to_recordset(${given}::jsonb) as r(
        group_key text, level text, group_id uuid, name text, parent_key text, filter text,
        shown boolean, reasons jsonb, data jsonb, with_items boolean)
    ),
    items as (${items})
    insert into survey_group_reports
      (wave_id, group_key, level, group_id, name, parent_key, filter, shown, reasons, data)
    select ${waveId}, g.group_key, g.level, g.group_id, g.name, g.parent_key, g.filter, g.shown,
           g.reasons,
           case when g.with_items
                then g.data || jsonb_build_object('items', coalesce(i.items, '{}'::jsonb))
                else g.data end
    from given g left join items i on g.with_items and i.group_key = g.group_key`);
}

/**
 * The organisation of a wave as a tree of report groups (national → unit → district → team), with
 * sufficient statistics summed upwards: a parent's figures are exactly the sum of its teams', so
 * nothing is counted twice and nothing is read row by row. Item distributions are not here: SQL
 * rolls them up the same tree and stores them with the reports (`report.items.ts`).
 */
export type Level = 'national' | 'unit' | 'district' | 'team';

export interface ScaleSums {
  n: number;
  sum: number;
  sumsq: number;
  fav: number;
}

export interface GroupSums {
  key: string;
  level: Level;
  id: string | null;
  name: string;
  parentKey: string | null;
  /** `column=value` for a background view of the parent group. */
  filter: string | null;
  invited: number;
  respondents: number;
  scales: Map<string, ScaleSums>;
  open: { itemKey: string; text: string }[];
}

export const keyOf = (level: Level, id: string | null) =>
  level === 'national' ? 'national' : `${level}:${id}`;

function emptyGroup(
  key: string,
  level: Level,
  id: string | null,
  name: string,
  parentKey: string | null,
  filter: string | null = null,
): GroupSums {
  return {
    key,
    level,
    id,
    name,
    parentKey,
    filter,
    invited: 0,
    respondents: 0,
    scales: new Map(),
    open: [],
  };
}

export function addScale(into: Map<string, ScaleSums>, scaleKey: string, s: ScaleSums) {
  const to = into.get(scaleKey) ?? { n: 0, sum: 0, sumsq: 0, fav: 0 };
  to.n += s.n;
  to.sum += s.sum;
  to.sumsq += s.sumsq;
  to.fav += s.fav;
  into.set(scaleKey, to);
}

export interface TreeInput {
  teams: {
    team_id: string;
    team_name: string;
    unit_id: string;
    unit_name: string;
    district_id: string | null;
    district_name: string | null;
    invited: number;
    respondents: number;
  }[];
  scales: {
    team_id: string;
    scale_key: string;
    n: number;
    sum: number;
    sumsq: number;
    fav: number;
  }[];
  open: { team_id: string; item_key: string; text: string }[];
}

/** Builds every group of the wave and sums each team's statistics into its ancestors. */
export function buildTree(input: TreeInput): Map<string, GroupSums> {
  const groups = new Map<string, GroupSums>();
  const national = emptyGroup('national', 'national', null, 'Nederland', null);
  groups.set(national.key, national);
  const chain = new Map<string, GroupSums[]>();

  for (const t of input.teams) {
    const unitKey = keyOf('unit', t.unit_id);
    if (!groups.has(unitKey))
      groups.set(unitKey, emptyGroup(unitKey, 'unit', t.unit_id, t.unit_name, 'national'));
    let parentKey = unitKey;
    if (t.district_id) {
      const districtKey = keyOf('district', t.district_id);
      if (!groups.has(districtKey))
        groups.set(
          districtKey,
          emptyGroup(districtKey, 'district', t.district_id, t.district_name ?? '', unitKey),
        );
      parentKey = districtKey;
    }
    const teamKey = keyOf('team', t.team_id);
    const team = emptyGroup(teamKey, 'team', t.team_id, t.team_name, parentKey);
    groups.set(teamKey, team);
    const path = [team];
    for (let k: string | null = parentKey; k; k = groups.get(k)!.parentKey)
      path.push(groups.get(k)!);
    chain.set(t.team_id, path);
    for (const g of path) {
      g.invited += t.invited;
      g.respondents += t.respondents;
    }
  }
  for (const s of input.scales)
    for (const g of chain.get(s.team_id) ?? []) addScale(g.scales, s.scale_key, s);
  for (const o of input.open)
    for (const g of chain.get(o.team_id) ?? []) g.open.push({ itemKey: o.item_key, text: o.text });
  return groups;
}

/** Background views: unit × answer, and national × answer (summed over units). */
export function backgroundGroups(
  groups: Map<string, GroupSums>,
  column: string,
  counts: { unit_id: string; value: number; respondents: number }[],
  scales: {
    unit_id: string;
    value: number;
    scale_key: string;
    n: number;
    sum: number;
    sumsq: number;
    fav: number;
  }[],
): GroupSums[] {
  const views = new Map<string, GroupSums>();
  const viewsOf = (unitId: string, value: number) => {
    const filter = `${column}=${value}`;
    const out: GroupSums[] = [];
    for (const base of [keyOf('unit', unitId), 'national']) {
      const parent = groups.get(base);
      if (!parent) continue;
      const key = `${base}|${filter}`;
      let view = views.get(key);
      if (!view) {
        view = emptyGroup(key, parent.level, parent.id, parent.name, base, filter);
        views.set(key, view);
      }
      out.push(view);
    }
    return out;
  };
  for (const c of counts)
    for (const v of viewsOf(c.unit_id, c.value)) v.respondents += c.respondents;
  for (const s of scales)
    for (const v of viewsOf(s.unit_id, s.value)) addScale(v.scales, s.scale_key, s);
  return [...views.values()];
}

import type { SuppressionReason } from './reasons.ts';

export type GroupLevel = 'team' | 'district' | 'unit' | 'national';
export type GroupKind = 'base' | 'filtered' | 'previousWave';

/**
 * One group the report could show, with the counts SQL produced. See README.md for the shapes:
 * - `base`: a node of this wave's organisation tree (`parentId` its parent, null for the root);
 * - `filtered`: the respondents of `baseId` (a base or previousWave group) who gave one answer to a
 *   background question; `filterKey` is `question=answer` (or set `filterQuestion` and use any key);
 * - `previousWave`: the group `baseId` (a base group) in the previous wave.
 * Views (`filtered`, `previousWave`) have `parentId: null`: their place follows from `baseId`.
 */
export interface DisclosureGroup {
  id: string;
  parentId: string | null;
  level: GroupLevel;
  kind: GroupKind;
  respondents: number;
  /** Required for base and previousWave groups; optional for filtered ones (nobody knows the background of those who did not answer). */
  invited?: number;
  baseId?: string;
  filterKey?: string;
  /** The background question of a filtered view; default: `filterKey` up to its first `=`. */
  filterQuestion?: string;
  /** previousWave only: that wave's own plan hid this group. */
  hiddenInOwnWave?: boolean;
}

export interface GroupDecision {
  id: string;
  shown: boolean;
  /** Empty when shown; at least one when hidden. */
  reasons: SuppressionReason[];
}

/** The caller's input is inconsistent (unknown ids, counts that do not add up, …). */
export class DisclosureInputError extends Error {
  override name = 'DisclosureInputError';
}

export const levelRank: Record<GroupLevel, number> = { team: 0, district: 1, unit: 2, national: 3 };
export const UNIT = levelRank.unit;
export const NATIONAL = levelRank.national;

export interface ModelGroup {
  id: string;
  kind: GroupKind;
  rank: number;
  respondents: number;
  invited: number | null;
  wave: 0 | 1;
  /** The id of the current-wave base group at the same place in the organisation. */
  org: string;
  filterKey: string | null;
  question: string | null;
  answer: string | null;
  /** Views: the unfiltered group of the same wave; previousWave groups: the current base group. */
  base: number;
  /** previousWave groups (also filtered ones): the current-wave group they are compared with. */
  partner: number;
  /** Parent and children in this group's layer (same wave, same filter), for unfiltered layers. */
  parent: number;
  children: number[];
  hiddenInOwnWave: boolean;
}

/** A background question in one wave: units × answers, with the national views as column totals. */
export interface BackgroundTable {
  wave: 0 | 1;
  question: string;
  answers: string[];
  national: number;
  /** Per answer: the national view, or -1 when there is none. */
  nationalViews: number[];
  rows: TableRow[];
  /** The national group's respondents outside every unit row (teams hung directly under it). */
  rest: { total: number; cells: number[] } | null;
}

export interface TableRow {
  group: number;
  /** Per answer: the unit's view, or -1 when it has no respondents with that answer. */
  views: number[];
  /** Respondents of the unit in none of the views (no answer, or an answer without views). */
  missing: number;
}

export interface Model {
  groups: ModelGroup[];
  /** Input position → model index (the model is sorted by id, so input order does not matter). */
  order: number[];
  /** Unfiltered layers (this wave, previous wave), children before parents. */
  treeLayers: number[][];
  tables: BackgroundTable[];
}

const fail = (message: string): never => {
  throw new DisclosureInputError(message);
};

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(`${what} must be a whole number ≥ 0, got ${String(value)}.`);
  return value as number;
}

/** Validates the groups and builds layers, trees and background tables. O(n · depth). */
export function buildModel(input: readonly DisclosureGroup[]): Model {
  const sorted = input.map((g, i) => ({ g, i }));
  for (const { g } of sorted)
    if (typeof g.id !== 'string' || g.id === '') fail('Every group needs a non-empty id.');
  sorted.sort((a, b) => (a.g.id < b.g.id ? -1 : a.g.id > b.g.id ? 1 : 0));
  const index = new Map<string, number>();
  sorted.forEach(({ g }, i) => {
    if (index.has(g.id)) fail(`Group id ${g.id} appears twice.`);
    index.set(g.id, i);
  });
  const order: number[] = new Array<number>(input.length);
  sorted.forEach(({ i }, m) => (order[i] = m));

  const groups: ModelGroup[] = sorted.map(({ g }) => {
    // Callers pass JSON-shaped data: check what the types promise.
    const level: unknown = g.level;
    const kind: unknown = g.kind;
    if (typeof level !== 'string' || !Object.hasOwn(levelRank, level))
      fail(`Group ${g.id} has an unknown level ${String(level)}.`);
    if (kind !== 'base' && kind !== 'filtered' && kind !== 'previousWave')
      fail(`Group ${g.id} has an unknown kind ${String(kind)}.`);
    const invited = g.invited === undefined ? null : count(g.invited, `invited of ${g.id}`);
    if (invited === null && g.kind !== 'filtered')
      fail(`Group ${g.id} needs invited: rule 1 counts the invited as well as the respondents.`);
    return {
      id: g.id,
      kind: g.kind,
      rank: levelRank[g.level],
      respondents: count(g.respondents, `respondents of ${g.id}`),
      invited,
      wave: 0,
      org: g.id,
      filterKey: null,
      question: null,
      answer: null,
      base: -1,
      partner: -1,
      parent: -1,
      children: [],
      hiddenInOwnWave: g.hiddenInOwnWave === true,
    };
  });

  const lookup = (id: unknown, what: string): number => {
    const i = typeof id === 'string' ? index.get(id) : undefined;
    return i ?? fail(`${what} refers to ${String(id)}, which is not among the groups.`);
  };

  // Base groups: the organisation tree of this wave.
  let national = -1;
  sorted.forEach(({ g }, i) => {
    const m = groups[i]!;
    if (m.kind !== 'base') {
      if (g.parentId != null)
        fail(`${m.kind} group ${g.id} must have parentId null: its place follows from baseId.`);
      return;
    }
    if (g.baseId !== undefined || g.filterKey !== undefined)
      fail(`Base group ${g.id} has no baseId or filterKey.`);
    if (m.rank === NATIONAL) {
      if (national !== -1)
        fail(`There are two national groups: ${groups[national]!.id} and ${g.id}.`);
      national = i;
    }
    if (g.parentId === null) return;
    const p = lookup(g.parentId, `parentId of ${g.id}`);
    if (groups[p]!.kind !== 'base') fail(`The parent of ${g.id} must be a base group.`);
    if (groups[p]!.rank <= m.rank)
      fail(`${g.id} (${g.level}) cannot hang under ${groups[p]!.id}, which is not a higher level.`);
    m.parent = p;
  });
  if (national !== -1)
    groups.forEach((m, i) => {
      if (m.kind === 'base' && m.rank === UNIT && m.parent !== national)
        fail(`Unit ${m.id} must hang under the national group ${groups[national]!.id}.`);
      if (m.kind === 'base' && m.parent === -1 && i !== national)
        fail(`${m.id} must hang under the national group ${groups[national]!.id}.`);
    });

  // Previous-wave groups: the same node of the organisation, one wave earlier.
  const prevOf = new Map<string, number>();
  sorted.forEach(({ g }, i) => {
    const m = groups[i]!;
    if (m.kind !== 'previousWave') return;
    if (g.filterKey !== undefined)
      fail(`previousWave group ${g.id} has no filterKey: filter its previous-wave group instead.`);
    const b = lookup(g.baseId, `baseId of ${g.id}`);
    if (groups[b]!.kind !== 'base')
      fail(`The baseId of previousWave group ${g.id} must be a base group.`);
    if (groups[b]!.rank !== m.rank) fail(`${g.id} must have the level of its base group.`);
    if (prevOf.has(groups[b]!.id)) fail(`${groups[b]!.id} has two previousWave groups.`);
    prevOf.set(groups[b]!.id, i);
    Object.assign(m, { wave: 1, org: groups[b]!.id, base: b, partner: b });
  });

  // Filtered views: a base or previous-wave group, restricted to one answer.
  const viewKey = (wave: number, org: string, filterKey: string) =>
    `${wave}\u0000${org}\u0000${filterKey}`;
  const views = new Map<string, number>();
  sorted.forEach(({ g }, i) => {
    const m = groups[i]!;
    if (m.kind !== 'filtered') return;
    if (typeof g.filterKey !== 'string' || g.filterKey === '')
      fail(`Filtered group ${g.id} needs a filterKey.`);
    const b = lookup(g.baseId, `baseId of ${g.id}`);
    const base = groups[b]!;
    if (base.kind === 'filtered') fail(`The baseId of ${g.id} must be an unfiltered group.`);
    if (base.rank !== m.rank) fail(`${g.id} must have the level of its base group.`);
    const key = g.filterKey!;
    const question = g.filterQuestion ?? (key.includes('=') ? key.slice(0, key.indexOf('=')) : key);
    Object.assign(m, {
      wave: base.wave,
      org: base.org,
      filterKey: key,
      question,
      answer: key,
      base: b,
    });
    const vk = viewKey(base.wave, base.org, key);
    if (views.has(vk)) fail(`${base.id} has two views with filterKey ${key}.`);
    views.set(vk, i);
  });
  // A previous-wave view is compared with the same view this wave.
  groups.forEach((m) => {
    if (m.kind === 'filtered' && m.wave === 1)
      m.partner = views.get(viewKey(0, m.org, m.filterKey!)) ?? -1;
  });

  // Previous-wave tree: the nearest ancestor that has a previous-wave group.
  groups.forEach((m) => {
    if (m.kind !== 'previousWave') return;
    for (let a = groups[m.base]!.parent; a !== -1; a = groups[a]!.parent) {
      const p = prevOf.get(groups[a]!.id);
      if (p !== undefined) {
        m.parent = p;
        break;
      }
    }
  });
  groups.forEach((m, i) => {
    if (m.parent !== -1) groups[m.parent]!.children.push(i);
  });

  const treeLayers = [0, 1].map((wave) => postOrder(groups, wave));
  for (const layer of treeLayers)
    for (const i of layer) {
      const m = groups[i]!;
      const sum = m.children.reduce((s, c) => s + groups[c]!.respondents, 0);
      if (sum > m.respondents)
        fail(
          `The groups under ${m.id} have ${sum} respondents together, more than its ${m.respondents}.`,
        );
    }
  checkViewSums(groups);
  return { groups, order, treeLayers, tables: buildTables(groups) };
}

function postOrder(groups: ModelGroup[], wave: number): number[] {
  const out: number[] = [];
  const visit = (i: number) => {
    for (const c of groups[i]!.children) visit(c);
    out.push(i);
  };
  groups.forEach((m, i) => {
    if (m.kind !== 'filtered' && m.wave === wave && m.parent === -1) visit(i);
  });
  return out;
}

function checkViewSums(groups: ModelGroup[]) {
  const sums = new Map<string, { base: number; sum: number }>();
  groups.forEach((m) => {
    if (m.kind !== 'filtered') return;
    if (m.respondents > groups[m.base]!.respondents)
      fail(`View ${m.id} has more respondents than its base group ${groups[m.base]!.id}.`);
    const key = `${m.base}\u0000${m.question}`;
    const s = sums.get(key) ?? { base: m.base, sum: 0 };
    s.sum += m.respondents;
    sums.set(key, s);
  });
  for (const [key, s] of sums)
    if (s.sum > groups[s.base]!.respondents)
      fail(
        `The views of question ${key.split('\u0000')[1]} of ${groups[s.base]!.id} have ${s.sum} respondents together, more than the group itself.`,
      );
}

/**
 * One table per wave and background question: the unit views are its cells, the units its rows,
 * the national views its column totals. Unit views that are absent count as empty.
 */
function buildTables(groups: ModelGroup[]): BackgroundTable[] {
  const byWaveQuestion = new Map<string, number[]>();
  groups.forEach((m, i) => {
    if (m.kind !== 'filtered' || m.rank < UNIT) return;
    const key = `${m.wave}\u0000${m.question}`;
    const list = byWaveQuestion.get(key) ?? [];
    list.push(i);
    byWaveQuestion.set(key, list);
  });
  const national = [0, 1].map((wave) =>
    groups.findIndex((m) => m.kind !== 'filtered' && m.wave === wave && m.rank === NATIONAL),
  );
  const units: number[][] = [[], []];
  groups.forEach((m, i) => {
    if (m.kind !== 'filtered' && m.rank === UNIT) units[m.wave]!.push(i);
  });
  const tables: BackgroundTable[] = [];
  for (const [key, viewList] of [...byWaveQuestion].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const wave = Number(key.split('\u0000')[0]) as 0 | 1;
    const question = key.split('\u0000')[1]!;
    const answers = [...new Set(viewList.map((v) => groups[v]!.answer!))].sort();
    const col = new Map(answers.map((a, j) => [a, j]));
    const rowOf = new Map<number, TableRow>();
    const rows = units[wave]!.map((i) => {
      const row: TableRow = { group: i, views: answers.map(() => -1), missing: 0 };
      rowOf.set(i, row);
      return row;
    });
    const nationalViews = answers.map(() => -1);
    for (const v of viewList) {
      const m = groups[v]!;
      const j = col.get(m.answer!)!;
      if (m.rank === NATIONAL) nationalViews[j] = v;
      else rowOf.get(m.base)!.views[j] = v;
    }
    const size = (v: number) => (v === -1 ? 0 : groups[v]!.respondents);
    for (const row of rows)
      row.missing = groups[row.group]!.respondents - row.views.reduce((s, v) => s + size(v), 0);

    let rest: BackgroundTable['rest'] = null;
    if (national[wave] !== -1) {
      const total =
        groups[national[wave]!]!.respondents -
        rows.reduce((s, r) => s + groups[r.group]!.respondents, 0);
      const cells = answers.map((_, j) =>
        nationalViews[j] === -1
          ? 0
          : size(nationalViews[j]!) - rows.reduce((s, r) => s + size(r.views[j]!), 0),
      );
      cells.forEach((c, j) => {
        if (c < 0)
          fail(
            `The unit views of ${question} = ${answers[j]} add up to more than the national view ${groups[nationalViews[j]!]!.id}.`,
          );
      });
      if (cells.reduce((s, c) => s + c, 0) > total)
        fail(
          `The national views of ${question} count respondents that no unit view has; pass every unit view that has respondents.`,
        );
      rest = { total, cells };
    }
    tables.push({ wave, question, answers, national: national[wave]!, nationalViews, rows, rest });
  }
  return tables;
}

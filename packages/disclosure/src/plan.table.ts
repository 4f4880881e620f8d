import type { BackgroundTable, Model } from './plan.model.ts';
import type { PlanState } from './plan.state.ts';

/**
 * Rules 3 and 4 for background views, in their exact form (README.md, "Why this is enough").
 *
 * A background question in one wave is a table: units are rows, answers are columns, the unit views
 * are cells, the units and the national views are its margins, and the national group is the total.
 * A hidden cell is an arc from its row to its column; rows and columns the reader cannot know
 * collapse into one vertex each (R* for rows, C* for columns and the "no answer" column; both are
 * one ground vertex when the national total is unknown too). The sets a reader can compute from
 * such a table are exactly the arcs leaving a "closed" vertex set X (no arc enters X), and their
 * respondents are the cut's capacity. So the table is safe when every non-empty cut holds 0 or at
 * least k respondents: for each small hidden cell, a maximum flow (capped at k) finds the smallest
 * cut through it.
 *
 * Cuts only grow while a plan runs: hiding a cell adds an arc (capacity and a closure), and a row,
 * column or total that becomes unknown merges vertices (fewer closed sets). So a hidden cell whose
 * smallest cut once reached k never needs checking again; `passed` remembers those, per table.
 */
export function checkTable(
  model: Model,
  table: BackgroundTable,
  state: PlanState,
  passed: Set<string>,
): boolean {
  let changed = false;
  for (;;) {
    const graph = buildGraph(model, table, state);
    const cut = findSmallCut(graph, state.rules.minGroupSize, passed);
    if (!cut) return changed;
    const { pick, single } = chooseToHide(model, table, state, graph, cut);
    state.hide(pick, single ? 'overlap' : 'complementary');
    changed = true;
    // Hiding a unit or the national group changes the tree: let the caller run everything again.
    if (model.groups[pick]!.kind !== 'filtered') return changed;
  }
}

interface Arc {
  from: number;
  to: number;
  count: number;
  /** The hidden cell: row index (or `rest`) and answer index (or `missing`). */
  cell: string;
}

interface Graph {
  vertices: number;
  arcs: Arc[];
  rowVertex: number[];
  colVertex: number[];
}

const GROUND = 0;

function buildGraph(model: Model, t: BackgroundTable, state: PlanState): Graph {
  const { groups } = model;
  const { shown, covered } = state;
  const size = (v: number) => (v === -1 ? 0 : groups[v]!.respondents);
  const knownFromTree = (g: number) => shown[g]! || groups[g]!.respondents === covered[g];
  const nationalKnown = t.national !== -1 && knownFromTree(t.national);
  const rStar = nationalKnown ? 1 : GROUND;
  let next = rStar + 1;
  const rowVertex = t.rows.map((r) => (knownFromTree(r.group) ? next++ : rStar));
  const colVertex = t.nationalViews.map((v) => (v !== -1 && shown[v] ? next++ : GROUND));

  const arcs: Arc[] = [];
  const arc = (from: number, to: number, count: number, cell: string) => {
    if (count > 0 && from !== to) arcs.push({ from, to, count, cell });
  };
  t.rows.forEach((row, r) => {
    row.views.forEach((v, j) => {
      if (v === -1 || !shown[v]) arc(rowVertex[r]!, colVertex[j]!, size(v), `${r}:${j}`);
    });
    arc(rowVertex[r]!, GROUND, row.missing, `${r}:missing`);
  });
  if (t.rest) {
    // Respondents of the national group outside the unit rows: known when shown groups cover them.
    const n = groups[t.national]!;
    const unitRows = new Set(t.rows.map((r) => r.group));
    const uncovered =
      n.respondents -
      n.children.reduce(
        (s, c) => s + (unitRows.has(c) || shown[c] ? groups[c]!.respondents : covered[c]!),
        0,
      );
    const restVertex = uncovered === 0 ? next++ : rStar;
    t.rest.cells.forEach((c, j) => {
      arc(restVertex, colVertex[j]!, c, `rest:${j}`);
    });
    arc(restVertex, GROUND, t.rest.total - t.rest.cells.reduce((s, c) => s + c, 0), 'rest:missing');
  }
  return { vertices: next, arcs, rowVertex, colVertex };
}

/** A closed vertex set whose cut holds 1..k−1 respondents, or null when there is none. */
function findSmallCut(graph: Graph, k: number, passed: Set<string>): boolean[] | null {
  const n = graph.vertices;
  const capacity = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const a of graph.arcs) {
    capacity[a.from]![a.to]! += a.count;
    // Closure: a column inside X forces its row inside X (else the arc would count negatively).
    capacity[a.to]![a.from] = Number.POSITIVE_INFINITY;
  }
  for (const a of graph.arcs) {
    if (a.count >= k || passed.has(a.cell)) continue;
    const cut = smallestCut(capacity, a.from, a.to, k);
    if (cut) return cut;
    passed.add(a.cell);
  }
  return null;
}

/** Edmonds–Karp from s to t, stopped at k; the source side of a minimum cut when it is below k. */
function smallestCut(capacity: number[][], s: number, t: number, k: number): boolean[] | null {
  const n = capacity.length;
  const residual = capacity.map((row) => [...row]);
  let flow = 0;
  for (;;) {
    const previous = new Array<number>(n).fill(-1);
    previous[s] = s;
    const queue = [s];
    for (let q = 0; q < queue.length && previous[t] === -1; q++) {
      const u = queue[q]!;
      for (let v = 0; v < n; v++)
        if (previous[v] === -1 && residual[u]![v]! > 0) {
          previous[v] = u;
          queue.push(v);
        }
    }
    if (previous[t] === -1) return previous.map((p) => p !== -1);
    let push = k - flow;
    for (let v = t; v !== s; v = previous[v]!) push = Math.min(push, residual[previous[v]!]![v]!);
    for (let v = t; v !== s; v = previous[v]!) {
      residual[previous[v]!]![v]! -= push;
      residual[v]![previous[v]!]! += push;
    }
    flow += push;
    if (flow >= k) return null;
  }
}

/**
 * The group to hide for a small cut X. First choice: a shown cell leaving X (its ≥ k respondents
 * join the cut — rule 3's "next-smallest sibling"); then a shown cell entering X (X stops being
 * closed); then a margin. Smallest first, ties by id.
 */
function chooseToHide(
  model: Model,
  t: BackgroundTable,
  state: PlanState,
  graph: Graph,
  inX: boolean[],
): { pick: number; single: boolean } {
  const { groups } = model;
  const { shown } = state;
  const leaving: number[] = [];
  const entering: number[] = [];
  t.rows.forEach((row, r) => {
    row.views.forEach((v, j) => {
      if (v === -1 || !shown[v]) return;
      const from = inX[graph.rowVertex[r]!]!;
      const to = inX[graph.colVertex[j]!]!;
      if (from && !to) leaving.push(v);
      else if (!from && to) entering.push(v);
    });
  });
  const margins = [
    ...t.nationalViews.filter((v) => v !== -1 && shown[v]),
    ...t.rows.map((r) => r.group).filter((g) => shown[g]),
    ...(t.national !== -1 && shown[t.national] ? [t.national] : []),
  ];
  const smallest = (list: number[]) =>
    [...list].sort(
      (a, b) =>
        groups[a]!.respondents - groups[b]!.respondents || (groups[a]!.id < groups[b]!.id ? -1 : 1),
    )[0];
  const pick = smallest(leaving) ?? smallest(entering) ?? smallest(margins);
  if (pick === undefined)
    throw new Error(`Disclosure plan: no group left to hide in the ${t.question} table.`);
  return { pick, single: leaving.length === 1 && pick === leaving[0] };
}

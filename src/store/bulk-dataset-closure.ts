/**
 * The closure per dataset (`closure_dataset`, `dataset_count`; see dataset-closure.ts) of a whole graph,
 * computed in memory from the in-memory closure (bulk-closure.ts) at the end of a bulk load, instead of by
 * the set-wise statement of `datasetRebuildStatements`, which gives the same rows.
 *
 * A row (d, a) of the closure holds dataset x when a step that used x made d or one of d's ancestors from
 * a parent p, with a = p or a above p. Parents first, as the closure was made:
 *
 *   datasets(v, a) = ∪ over edges p → v:  (datasets of that edge's step, when a = p or a is above p)
 *                                          ∪ datasets(p, a)
 *
 * Only models the in-memory closure covered get rows here; the models it left to the walk (cycles, paths
 * beyond the depth limit, and everything below them) are left to `datasetRowsSql` too.
 */
import type { ClosureGraph, EdgeArrays } from "./bulk-closure.js";

/** Datasets per step id: for step s, `datasets[start[s]] …` up to `start[s + 1]`. */
export interface StepDatasets {
  start: Int32Array;
  datasets: Int32Array;
}

/** Builds {@link StepDatasets} from (step, dataset) pairs. */
export function stepDatasets(pairs: Iterable<readonly [number, number]>): StepDatasets {
  const steps: number[] = [];
  const datasets: number[] = [];
  let max = -1;
  for (const [step, dataset] of pairs) {
    steps.push(step);
    datasets.push(dataset);
    if (step > max) max = step;
  }
  const start = new Int32Array(max + 2);
  for (const s of steps) start[s + 1] = (start[s + 1] as number) + 1;
  for (let s = 0; s <= max; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const fill = start.slice(0, max + 1);
  const out = new Int32Array(datasets.length);
  steps.forEach((s, i) => {
    const at = fill[s] as number;
    fill[s] = at + 1;
    out[at] = datasets[i] as number;
  });
  return { start, datasets: out };
}

/** A growable list of numbers: packed keys (Float64Array, exact below 2^53) or ids (Int32Array). */
class Numbers<T extends Float64Array | Int32Array> {
  n = 0;
  constructor(public a: T) {}
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new (this.a.constructor as new (n: number) => T)(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
}

export interface DatasetClosure {
  /**
   * Every `closure_dataset` row of the covered models, ordered by (descendant, ancestor, dataset); only those of
   * descendants from `from` up to (not including) `to` when given.
   */
  forEachRow(
    row: (descendant: number, ancestor: number, dataset: number, depth: number, relation: number) => void,
    from?: number,
    to?: number,
  ): void;
  /** Every `dataset_count` row, ordered by (model, dataset, relation). */
  forEachCount(count: (model: number, dataset: number, relation: number, n: number) => void): void;
  rows: number;
}

/** Row r's datasets are `pool[start[r]] … pool[start[r] + length[r] - 1]`, ascending. */
interface RowDatasets {
  start: Int32Array;
  length: Int32Array;
  pool: Numbers<Int32Array>;
}

/** The datasets of model v's rows, from its parents' rows (already done) and its edges' steps. */
function rowsOf(
  v: number,
  g: ClosureGraph,
  edges: EdgeArrays,
  used: StepDatasets,
  out: RowDatasets,
  slot: Int32Array,
  pairs: Numbers<Float64Array>,
): void {
  const base = g.first[v] as number;
  const end = base + (g.count[v] as number);
  for (let r = base; r < end; r++) slot[g.anc[r] as number] = r - base;
  pairs.n = 0;
  const SHIFT = 2 ** 32;
  for (let k = g.incoming.start[v] as number; k < (g.incoming.start[v + 1] as number); k++) {
    const e = g.incoming.at[k] as number;
    const p = edges.parent[e] as number;
    const step = edges.step[e] as number;
    const from = step >= 0 && step + 1 < used.start.length ? (used.start[step] as number) : 0;
    const to = step >= 0 && step + 1 < used.start.length ? (used.start[step + 1] as number) : 0;
    for (let i = from; i < to; i++) pairs.push((slot[p] as number) * SHIFT + (used.datasets[i] as number));
    const pf = g.first[p] as number;
    const pEnd = pf + (g.count[p] as number);
    for (let q = pf; q < pEnd; q++) {
      const local = (slot[g.anc[q] as number] as number) * SHIFT;
      for (let i = from; i < to; i++) pairs.push(local + (used.datasets[i] as number));
      const s = out.start[q] as number;
      for (let i = s; i < s + (out.length[q] as number); i++) pairs.push(local + (out.pool.a[i] as number));
    }
  }
  const sorted = pairs.a.subarray(0, pairs.n).sort();
  let last = -1;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as number;
    if (key === last) continue;
    last = key;
    const r = base + Math.floor(key / SHIFT);
    if ((out.length[r] as number) === 0) out.start[r] = out.pool.n;
    out.length[r] = (out.length[r] as number) + 1;
    out.pool.push(key % SHIFT);
  }
}

/**
 * The closure per dataset of the models `graph` covers.
 *
 * @example
 * const closure = bulkClosure(edges, size);
 * const perDataset = closure && datasetClosure(closure.graph, edges, stepDatasets(pairs), size);
 */
export function datasetClosure(
  g: ClosureGraph,
  edges: EdgeArrays,
  used: StepDatasets,
  size: number,
): DatasetClosure {
  const out: RowDatasets = {
    start: new Int32Array(g.rows),
    length: new Int32Array(g.rows),
    pool: new Numbers(new Int32Array(1 << 16)),
  };
  const slot = new Int32Array(size);
  const pairs = new Numbers(new Float64Array(1 << 12));
  for (const v of g.order) if ((g.count[v] as number) > 0) rowsOf(v, g, edges, used, out, slot, pairs);
  return {
    rows: out.pool.n,
    forEachRow(row, from = 0, to = size) {
      const order: number[] = [];
      for (let v = from; v < Math.min(to, size); v++) {
        const f = g.first[v] as number;
        const n = g.count[v] as number;
        if (n === 0) continue;
        order.length = 0;
        for (let r = f; r < f + n; r++) if ((out.length[r] as number) > 0) order.push(r);
        order.sort((a, b) => (g.anc[a] as number) - (g.anc[b] as number));
        for (const r of order) {
          const s = out.start[r] as number;
          for (let i = s; i < s + (out.length[r] as number); i++)
            row(v, g.anc[r] as number, out.pool.a[i] as number, g.dep[r] as number, g.rel[r] as number);
        }
      }
    },
    forEachCount(count) {
      countRows(g, out, size, count);
    },
  };
}

/** Counts rows per (ancestor, dataset, relation). */
function countRows(
  g: ClosureGraph,
  out: RowDatasets,
  size: number,
  emit: (model: number, dataset: number, relation: number, n: number) => void,
): void {
  // Rows grouped by ancestor (a counting sort), then a tally per ancestor.
  const start = new Int32Array(size + 1);
  for (let r = 0; r < g.rows; r++) {
    if ((out.length[r] as number) === 0) continue;
    const at = (g.anc[r] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let a = 0; a < size; a++) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
  const fill = start.slice(0, size);
  const byAncestor = new Int32Array(start[size] as number);
  for (let r = 0; r < g.rows; r++) {
    if ((out.length[r] as number) === 0) continue;
    const a = g.anc[r] as number;
    byAncestor[fill[a] as number] = r;
    fill[a] = (fill[a] as number) + 1;
  }
  const tally = new Map<number, number>();
  for (let a = 0; a < size; a++) {
    if (start[a] === start[a + 1]) continue;
    tally.clear();
    for (let k = start[a] as number; k < (start[a + 1] as number); k++) {
      const r = byAncestor[k] as number;
      const s = out.start[r] as number;
      for (let i = s; i < s + (out.length[r] as number); i++) {
        const key = (out.pool.a[i] as number) * 4 + (g.rel[r] as number);
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    }
    for (const key of [...tally.keys()].sort((x, y) => x - y))
      emit(a, Math.floor(key / 4), key % 4, tally.get(key) as number);
  }
}

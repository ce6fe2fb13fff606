/**
 * The closure and the descendant counts of a whole graph, computed in memory after a bulk load into an empty
 * registry (both stores), instead of per batch. The rows are those the general path's walk up
 * (closure.ts `walkUpSql`) gives; models the in-memory pass cannot do exactly are left to that walk:
 *
 * - models on a cycle or below one (a topological order does not reach them);
 * - models below a path longer than {@link CLOSURE_DEPTH} steps (the walk stops there, the in-memory pass
 *   would not).
 *
 * Every other model's rows are built from its parents' rows, parents first (Kahn's order): depth = the
 * shortest path, relation = the lowest code among its own edges that lead to the ancestor, mask = the OR of
 * the bits on every path. Memory: four numbers per closure row; past `maxRows` the pass gives up and the
 * caller walks everything instead.
 */
import { CLOSURE_DEPTH, MASK_BITS } from "./closure.js";

/** The graph's edges as parallel arrays (one entry per `edge` row). */
export interface EdgeArrays {
  parent: Int32Array;
  child: Int32Array;
  relation: Int32Array;
  bits: Int32Array;
  /** The step of each edge (-1: not known), for the closure per dataset (bulk-dataset-closure.ts). */
  step: Int32Array;
  length: number;
}

/** What the in-memory pass leaves for the closure per dataset: its rows and the order it made them in. */
export interface ClosureGraph {
  /** Models in the order their rows were made (every parent before its children). */
  order: Int32Array;
  /** Per model: its first row and how many (0: none, or left to the walk). */
  first: Int32Array;
  count: Int32Array;
  /** Per row: ancestor, depth, relation code. */
  anc: Int32Array;
  dep: Int32Array;
  rel: Int32Array;
  rows: number;
  /** Edges into each model: for model v, `incoming.at[incoming.start[v] …]` are edge indexes. */
  incoming: { start: Int32Array; at: Int32Array };
}

export interface BulkClosure {
  /**
   * Calls `row` for every closure row, ordered by (descendant, ancestor); only those of descendants from `from`
   * up to (not including) `to` when given, so that a caller can write the rows slice by slice.
   */
  forEachRow(
    row: (descendant: number, ancestor: number, depth: number, relation: number, mask: number) => void,
    from?: number,
    to?: number,
  ): void;
  /** Calls `count` for every non-zero `tree_count` row, ordered by (model, relation code). */
  forEachCount(count: (model: number, code: number, n: number) => void): void;
  /** Models whose rows the in-memory pass did not compute (cycles, paths over the depth limit). */
  fallback: number[];
  rows: number;
  graph: ClosureGraph;
}

/** Default cap on closure rows kept in memory (about 16 bytes each). */
export const MAX_BULK_ROWS = 40_000_000;

/** A growable edge list, filled from a driver's rows. */
export class EdgeCollector {
  private parent: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private child = new Int32Array(1 << 16);
  private relation = new Int32Array(1 << 16);
  private bits = new Int32Array(1 << 16);
  private step = new Int32Array(1 << 16);
  private n = 0;

  add(parent: number, child: number, relation: number, bits: number, step = -1): void {
    if (this.n === this.parent.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.parent = grow(this.parent);
      this.child = grow(this.child);
      this.relation = grow(this.relation);
      this.bits = grow(this.bits);
      this.step = grow(this.step);
    }
    this.parent[this.n] = parent;
    this.child[this.n] = child;
    this.relation[this.n] = relation;
    this.bits[this.n] = bits;
    this.step[this.n] = step;
    this.n++;
  }

  edges(): EdgeArrays {
    return {
      parent: this.parent,
      child: this.child,
      relation: this.relation,
      bits: this.bits,
      step: this.step,
      length: this.n,
    };
  }
}

/** Compressed adjacency: for node v, entries start[v] … start[v+1]-1 of `at` (edge indexes). */
function csr(keys: Int32Array, length: number, size: number): { start: Int32Array; at: Int32Array } {
  const start = new Int32Array(size + 1);
  for (let i = 0; i < length; i++) {
    const k = (keys[i] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let v = 0; v < size; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, size);
  const at = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const k = keys[i] as number;
    const slot = fill[k] as number;
    fill[k] = slot + 1;
    at[slot] = i;
  }
  return { start, at };
}

class RowStore {
  anc = new Int32Array(1 << 16);
  dep = new Int32Array(1 << 16);
  rel = new Int32Array(1 << 16);
  mask = new Int32Array(1 << 16);
  n = 0;

  push(ancestor: number, depth: number, relation: number, mask: number): void {
    if (this.n === this.anc.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.anc = grow(this.anc);
      this.dep = grow(this.dep);
      this.rel = grow(this.rel);
      this.mask = grow(this.mask);
    }
    this.anc[this.n] = ancestor;
    this.dep[this.n] = depth;
    this.rel[this.n] = relation;
    this.mask[this.n] = mask;
    this.n++;
  }
}

/**
 * The closure of `edges` (model ids below `size`), or undefined when it would hold more than `maxRows` rows.
 *
 * @example
 * const c = bulkClosure(collector.edges(), maxModelId + 1);
 * c?.forEachRow((d, a, depth, relation, mask) => insert(d, a, depth, relation, mask));
 */
export function bulkClosure(
  edges: EdgeArrays,
  size: number,
  maxRows = MAX_BULK_ROWS,
): BulkClosure | undefined {
  const incoming = csr(edges.child, edges.length, size);
  const outgoing = csr(edges.parent, edges.length, size);
  const indegree = new Int32Array(size);
  for (let v = 0; v < size; v++)
    indegree[v] = (incoming.start[v + 1] as number) - (incoming.start[v] as number);
  const level = new Int32Array(size);
  const skip = new Uint8Array(size); // 1: left to the walk
  const first = new Int32Array(size).fill(-1);
  const count = new Int32Array(size);
  const rows = new RowStore();
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < size; v++) if (indegree[v] === 0) queue[tail++] = v;
  const merged = new Map<number, number>(); // ancestor → row index in `rows`
  const done = new Uint8Array(size);
  while (head < tail) {
    const v = queue[head++] as number;
    done[v] = 1;
    const from = incoming.start[v] as number;
    const to = incoming.start[v + 1] as number;
    if (from < to) {
      let lv = 0;
      let skipped = 0;
      for (let k = from; k < to; k++) {
        const p = edges.parent[incoming.at[k] as number] as number;
        lv = Math.max(lv, (level[p] as number) + 1);
        skipped |= skip[p] as number;
      }
      level[v] = lv;
      if (skipped !== 0 || lv > CLOSURE_DEPTH) skip[v] = 1;
      else {
        merged.clear();
        first[v] = rows.n;
        const merge = (ancestor: number, depth: number, relation: number, mask: number): void => {
          if (ancestor === v) return;
          const at = merged.get(ancestor);
          if (at === undefined) {
            merged.set(ancestor, rows.n);
            rows.push(ancestor, depth, relation, mask);
            return;
          }
          if (depth < (rows.dep[at] as number)) rows.dep[at] = depth;
          if (relation < (rows.rel[at] as number)) rows.rel[at] = relation;
          rows.mask[at] = (rows.mask[at] as number) | mask;
        };
        for (let k = from; k < to; k++) {
          const e = incoming.at[k] as number;
          const p = edges.parent[e] as number;
          const relation = edges.relation[e] as number;
          const bits = edges.bits[e] as number;
          merge(p, 1, relation, bits);
          const pf = first[p] as number;
          for (let r = pf; r < pf + (count[p] as number); r++)
            merge(
              rows.anc[r] as number,
              (rows.dep[r] as number) + 1,
              relation,
              (rows.mask[r] as number) | bits,
            );
        }
        count[v] = rows.n - (first[v] as number);
        if (rows.n > maxRows) return undefined;
      }
    }
    for (let k = outgoing.start[v] as number; k < (outgoing.start[v + 1] as number); k++) {
      const c = edges.child[outgoing.at[k] as number] as number;
      indegree[c] = (indegree[c] as number) - 1;
      if (indegree[c] === 0) queue[tail++] = c;
    }
  }
  const fallback: number[] = [];
  for (let v = 0; v < size; v++)
    if (skip[v] === 1 || (done[v] === 0 && (indegree[v] as number) > 0)) fallback.push(v);
  return {
    rows: rows.n,
    fallback,
    graph: {
      order: queue.subarray(0, tail),
      first,
      count,
      anc: rows.anc,
      dep: rows.dep,
      rel: rows.rel,
      rows: rows.n,
      incoming,
    },
    forEachRow(row, from = 0, to = size) {
      const order: number[] = [];
      for (let v = from; v < Math.min(to, size); v++) {
        const n = count[v] as number;
        if (n === 0) continue;
        const f = first[v] as number;
        order.length = 0;
        for (let r = f; r < f + n; r++) order.push(r);
        order.sort((a, b) => (rows.anc[a] as number) - (rows.anc[b] as number));
        for (const r of order)
          row(v, rows.anc[r] as number, rows.dep[r] as number, rows.rel[r] as number, rows.mask[r] as number);
      }
    },
    forEachCount(emit) {
      countRows(rows, size, emit);
    },
  };
}

/** Counts rows per (ancestor, relation) and per (ancestor, bit, relation), as `tree_count` codes. */
function countRows(
  rows: RowStore,
  size: number,
  emit: (model: number, code: number, n: number) => void,
): void {
  const byAncestor = csr(rows.anc, rows.n, size);
  const codes = 4 + MASK_BITS * 4;
  const counters = new Int32Array(codes);
  for (let a = 0; a < size; a++) {
    const from = byAncestor.start[a] as number;
    const to = byAncestor.start[a + 1] as number;
    if (from === to) continue;
    counters.fill(0);
    for (let k = from; k < to; k++) {
      const r = byAncestor.at[k] as number;
      const relation = rows.rel[r] as number;
      const mask = rows.mask[r] as number;
      counters[relation] = (counters[relation] as number) + 1;
      for (let b = 0; b < MASK_BITS; b++)
        if ((mask & (1 << b)) !== 0) {
          const code = 4 + b * 4 + relation;
          counters[code] = (counters[code] as number) + 1;
        }
    }
    for (let code = 0; code < codes; code++) {
      const n = counters[code] as number;
      if (n > 0) emit(a, code, n);
    }
  }
}

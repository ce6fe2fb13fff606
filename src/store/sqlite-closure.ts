/**
 * Keeps the SQLite closure (closure.ts) up to date, at the end of every batch, inside its transaction.
 *
 * The general path recomputes the rows of every model whose edges changed and of everything below it, by
 * walks up ({@link recomputeStatements}). The fast path, taken during a bulk load when every model that got
 * edges in the batch is new to the graph (no edges before, so nothing below it), builds each one's rows from
 * its parents' rows, parents first: a range read per parent and a few inserts, no walk, no secondary index;
 * its `closure_dataset` rows (dataset-closure.ts) likewise, from its parents' rows and its steps' datasets.
 */
import type Database from "better-sqlite3";
import { CLOSURE_DEPTH, recomputeStatements } from "./closure.js";

export interface NewEdge {
  parent: number;
  relation: number;
  bits: number;
  /** The step's id: the fast path reads its datasets (step_dataset) for `closure_dataset`. */
  step: number;
}

/** Per model id, during a bulk load: 1 = has had parents, 2 = has had children. */
const HAS_PARENTS = 1;
const HAS_CHILDREN = 2;

export class SqliteClosure {
  /** Models whose incoming edges were removed in this batch. */
  private readonly removed = new Set<number>();
  /** Edges added in this batch, by child. */
  private readonly added = new Map<number, NewEdge[]>();
  /** Set while bulk-loading into an empty registry (see {@link startBulk}). */
  private flags: Uint8Array | undefined;

  constructor(private readonly prepare: (sql: string) => Database.Statement) {}

  /** Bulk mode began on an empty registry: from now on, this writer knows every edge. */
  startBulk(): void {
    this.flags = new Uint8Array(1 << 16);
  }

  endBulk(): void {
    this.flags = undefined;
  }

  /** Forgets the batch (at its start, and after a rollback). */
  reset(): void {
    this.removed.clear();
    this.added.clear();
  }

  edgeRemoved(child: number): void {
    this.removed.add(child);
  }

  edgeAdded(child: number, edge: NewEdge): void {
    const list = this.added.get(child);
    if (list === undefined) this.added.set(child, [edge]);
    else list.push(edge);
  }

  /**
   * Brings the closure up to date with the batch. `endBulk` is called first when the fast path does not
   * apply during a bulk load (it rebuilds the indexes and the counts the general path needs).
   */
  finish(endBulk: () => void): void {
    if (this.removed.size === 0 && this.added.size === 0) return;
    if (this.flags !== undefined) {
      const order = this.fastOrder(this.flags);
      if (order !== undefined) {
        this.insertInOrder(order, this.flags);
        this.reset();
        return;
      }
      endBulk();
    }
    const changed = [...new Set([...this.removed, ...this.added.keys()])];
    for (const [i, sql] of recomputeStatements("sqlite", "SELECT value FROM json_each(?)").entries())
      if (i === 2) this.prepare(sql).run(JSON.stringify(changed));
      else this.prepare(sql).run();
    this.reset();
  }

  /** The models that got edges, parents first, when all of them are new to the graph; else undefined. */
  private fastOrder(flags: Uint8Array): number[] | undefined {
    if (this.removed.size > 0) return undefined;
    for (const child of this.added.keys()) if ((flags[child] ?? 0) !== 0) return undefined;
    const order: number[] = [];
    const state = new Map<number, 1 | 2>(); // 1 visiting, 2 done
    const visit = (child: number): boolean => {
      const seen = state.get(child);
      if (seen === 2) return true;
      if (seen === 1) return false; // a cycle inside the batch
      state.set(child, 1);
      for (const edge of this.added.get(child) ?? [])
        if (this.added.has(edge.parent) && !visit(edge.parent)) return false;
      state.set(child, 2);
      order.push(child);
      return true;
    };
    for (const child of this.added.keys()) if (!visit(child)) return undefined;
    return order;
  }

  private insertInOrder(order: readonly number[], flags: Uint8Array): void {
    const rowsOf = this.prepare("SELECT ancestor, depth, mask FROM closure WHERE descendant = ?");
    const insert = this.prepare(
      "INSERT INTO closure (descendant, ancestor, depth, relation, mask) VALUES (?, ?, ?, ?, ?)",
    );
    for (const child of order) {
      const rows = new Map<number, { depth: number; relation: number; mask: number }>();
      const merge = (ancestor: number, depth: number, relation: number, mask: number): void => {
        if (ancestor === child || depth > CLOSURE_DEPTH) return;
        const row = rows.get(ancestor);
        if (row === undefined) rows.set(ancestor, { depth, relation, mask });
        else {
          row.depth = Math.min(row.depth, depth);
          row.relation = Math.min(row.relation, relation);
          row.mask |= mask;
        }
      };
      const edges = this.added.get(child) ?? [];
      const ups: { ancestor: number; depth: number; mask: number }[][] = [];
      for (const edge of edges) {
        merge(edge.parent, 1, edge.relation, edge.bits);
        const up = rowsOf.all(edge.parent) as { ancestor: number; depth: number; mask: number }[];
        ups.push(up);
        for (const row of up) merge(row.ancestor, row.depth + 1, edge.relation, row.mask | edge.bits);
      }
      for (const [ancestor, row] of rows) insert.run(child, ancestor, row.depth, row.relation, row.mask);
      this.insertDatasetRows(child, edges, ups, rows);
    }
    // Remember who has edges now (the fast path applies only to models without any).
    let size = flags.length;
    for (const [child, edges] of this.added) {
      for (const id of [child, ...edges.map((e) => e.parent)]) while (id >= size) size *= 2;
    }
    const target = size > flags.length ? this.grow(flags, size) : flags;
    for (const [child, edges] of this.added) {
      target[child] = (target[child] ?? 0) | HAS_PARENTS;
      for (const edge of edges) target[edge.parent] = (target[edge.parent] ?? 0) | HAS_CHILDREN;
    }
  }

  /**
   * A new model's `closure_dataset` rows: a dataset of one of its steps holds under that step's parent and
   * every ancestor of it; a dataset that holds between a parent and an ancestor holds between the model and
   * that ancestor. Depth and relation are those of the model's closure row (`rows`).
   */
  private insertDatasetRows(
    child: number,
    edges: readonly NewEdge[],
    ups: readonly { ancestor: number }[][],
    rows: Map<number, { depth: number; relation: number }>,
  ): void {
    const datasetsOf = this.prepare("SELECT dataset FROM step_dataset WHERE step = ?");
    const datasetRowsOf = this.prepare("SELECT ancestor, dataset FROM closure_dataset WHERE descendant = ?");
    const insert = this.prepare(
      "INSERT INTO closure_dataset (descendant, ancestor, dataset, depth, relation) VALUES (?, ?, ?, ?, ?)",
    );
    const pairs = new Map<number, Set<number>>();
    const add = (ancestor: number, dataset: number): void => {
      const set = pairs.get(ancestor);
      if (set === undefined) pairs.set(ancestor, new Set([dataset]));
      else set.add(dataset);
    };
    for (const [i, edge] of edges.entries()) {
      for (const { dataset } of datasetsOf.all(edge.step) as { dataset: number }[]) {
        add(edge.parent, dataset);
        for (const up of ups[i] ?? []) add(up.ancestor, dataset);
      }
      for (const r of datasetRowsOf.all(edge.parent) as { ancestor: number; dataset: number }[])
        add(r.ancestor, r.dataset);
    }
    for (const [ancestor, datasets] of pairs) {
      const row = rows.get(ancestor);
      if (row === undefined) continue; // the model itself, or beyond the closure's depth
      for (const dataset of datasets) insert.run(child, ancestor, dataset, row.depth, row.relation);
    }
  }

  private grow(flags: Uint8Array, size: number): Uint8Array {
    const bigger = new Uint8Array(size);
    bigger.set(flags);
    this.flags = bigger;
    return bigger;
  }
}

/**
 * Keeps the SQLite closure (closure.ts) up to date, at the end of every batch, inside its transaction.
 *
 * The general path recomputes the rows of every model whose edges changed and of everything below it, by
 * walks up ({@link recomputeStatements}). The fast path, taken during a bulk load when every model that got
 * edges in the batch is new to the graph (no edges before, so nothing below it), builds each one's rows from
 * its parents' rows, parents first: a range read per parent and a few inserts, no walk, no secondary index.
 */
import type Database from "better-sqlite3";
import { CLOSURE_DEPTH, recomputeStatements } from "./closure.js";

export interface NewEdge {
  parent: number;
  relation: number;
  bits: number;
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
      for (const edge of this.added.get(child) ?? []) {
        merge(edge.parent, 1, edge.relation, edge.bits);
        for (const up of rowsOf.all(edge.parent) as { ancestor: number; depth: number; mask: number }[])
          merge(up.ancestor, up.depth + 1, edge.relation, up.mask | edge.bits);
      }
      for (const [ancestor, row] of rows) insert.run(child, ancestor, row.depth, row.relation, row.mask);
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

  private grow(flags: Uint8Array, size: number): Uint8Array {
    const bigger = new Uint8Array(size);
    bigger.set(flags);
    this.flags = bigger;
    return bigger;
  }
}

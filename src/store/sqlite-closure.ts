/**
 * Keeps the SQLite closure (closure.ts) up to date, at the end of every batch, inside its transaction: the rows
 * of every model whose edges changed and of everything below it are recomputed by walks up
 * ({@link recomputeStatements}). A bulk load does not come here: its closure is built once, when the load ends
 * (bulk-closure.ts, sqlite-bulk.ts).
 */
import type Database from "better-sqlite3";
import { recomputeStatements } from "./closure.js";

export interface NewEdge {
  parent: number;
  relation: number;
  bits: number;
  /** The step's id. */
  step: number;
}

export class SqliteClosure {
  /** Models whose incoming edges were removed in this batch. */
  private readonly removed = new Set<number>();
  /** Edges added in this batch, by child. */
  private readonly added = new Map<number, NewEdge[]>();

  constructor(private readonly prepare: (sql: string) => Database.Statement) {}

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

  /** Brings the closure up to date with the batch. */
  finish(): void {
    if (this.removed.size === 0 && this.added.size === 0) return;
    const changed = [...new Set([...this.removed, ...this.added.keys()])];
    for (const [i, sql] of recomputeStatements("sqlite", "SELECT value FROM json_each(?)").entries())
      if (i === 2) this.prepare(sql).run(JSON.stringify(changed));
      else this.prepare(sql).run();
    this.reset();
  }
}

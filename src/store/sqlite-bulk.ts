/**
 * The end of an SQLite bulk load (see sqlite-store.ts): the closure and the counts of the whole graph, built
 * once from `edge` (bulk-closure.ts) instead of batch by batch, then the secondary indexes the load dropped,
 * rebuilt sorted. Runs inside the caller's transaction; the same code finishes a load that a kill -9
 * interrupted (the committed batches have their edges but no closure rows yet).
 */
import type Database from "better-sqlite3";
import { bulkClosure, EdgeCollector } from "./bulk-closure.js";
import { COUNTS_VERSION, RECOUNT_STATEMENTS, walkUpSql } from "./closure.js";
import { datasetRebuildStatements } from "./dataset-closure.js";

type Db = Database.Database;

/** ftl_meta keys: the dropped indexes' definitions; set while the closure is left to the end of the load. */
export const BULK_INDEXES = "bulk_indexes";
export const BULK_CLOSURE = "bulk_closure";

const ROWS_PER_INSERT = 200;

/** Inserts rows of `width` values through statements of up to 200 rows each. */
export class RowInserter {
  private readonly values: unknown[] = [];
  private readonly many: Database.Statement;

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly width: number,
  ) {
    this.many = db.prepare(this.sql(ROWS_PER_INSERT));
  }

  private sql(rows: number): string {
    const one = `(${new Array(this.width).fill("?").join(", ")})`;
    return `INSERT INTO ${this.table} VALUES ${new Array(rows).fill(one).join(", ")}`;
  }

  add(...row: unknown[]): void {
    for (const v of row) this.values.push(v);
    if (this.values.length === ROWS_PER_INSERT * this.width) {
      this.many.run(this.values);
      this.values.length = 0;
    }
  }

  flush(): void {
    if (this.values.length === 0) return;
    this.db.prepare(this.sql(this.values.length / this.width)).run(this.values);
    this.values.length = 0;
  }
}

function pending(db: Db, key: string): string | undefined {
  const row = db.prepare("SELECT value FROM ftl_meta WHERE key = ?").get(key) as
    | { value: string }
    | undefined;
  return row?.value;
}

/**
 * Closure rows for every model with edges, from memory where it can; returns the models left to the walk up
 * (all of them, as `"all"`, when the in-memory pass would hold too many rows).
 */
function insertClosure(db: Db): { fallback: number[] | "all"; counts?: (insert: RowInserter) => void } {
  db.exec("DELETE FROM closure");
  const collector = new EdgeCollector();
  const read = db.prepare("SELECT parent, child, relation, bits FROM edge").raw(true);
  for (const row of read.iterate() as IterableIterator<[number, number, number, number]>)
    collector.add(row[0], row[1], row[2], row[3]);
  const max = db.prepare("SELECT max(id) AS id FROM model").get() as { id: number | null };
  const closure = bulkClosure(collector.edges(), (max.id ?? 0) + 1);
  if (closure === undefined) return { fallback: "all" };
  const insert = new RowInserter(db, "closure (descendant, ancestor, depth, relation, mask)", 5);
  closure.forEachRow((d, a, depth, relation, mask) => insert.add(d, a, depth, relation, mask));
  insert.flush();
  if (closure.fallback.length > 0) return { fallback: closure.fallback };
  return {
    fallback: [],
    counts: (counts) => closure.forEachCount((model, code, n) => counts.add(model, code, n)),
  };
}

/**
 * Ends a bulk load inside the caller's transaction: closure and counts (when the load left them to the end),
 * then the dropped indexes. Does nothing when no bulk load is pending.
 */
export function finishBulkLoad(db: Db): void {
  const indexes = pending(db, BULK_INDEXES);
  if (indexes === undefined) return;
  const built = pending(db, BULK_CLOSURE) !== undefined ? insertClosure(db) : undefined;
  for (const index of JSON.parse(indexes) as { name: string; sql: string }[])
    db.exec(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, "CREATE $1INDEX IF NOT EXISTS "));
  if (built?.fallback === "all") db.exec(walkUpSql("sqlite", "SELECT DISTINCT child FROM edge"));
  else if (built !== undefined && built.fallback.length > 0)
    db.prepare(walkUpSql("sqlite", "SELECT value FROM json_each(?)")).run(JSON.stringify(built.fallback));
  if (built?.counts !== undefined) {
    db.exec("DELETE FROM tree_count");
    const counts = new RowInserter(db, "tree_count (model, relation, n)", 3);
    built.counts(counts);
    counts.flush();
    db.prepare(
      `INSERT INTO ftl_meta (key, value) VALUES ('tree_count_version', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(COUNTS_VERSION);
  } else for (const sql of RECOUNT_STATEMENTS) db.exec(sql);
  // The closure per dataset (schema 6) follows the closure built here, set-wise.
  if (built !== undefined) for (const sql of datasetRebuildStatements("sqlite")) db.exec(sql);
  db.prepare("DELETE FROM ftl_meta WHERE key IN (?, ?)").run(BULK_INDEXES, BULK_CLOSURE);
}

/**
 * The end of an SQLite bulk load (see sqlite-store.ts): the closure and the counts of the whole graph, built
 * once from `edge` (bulk-closure.ts) instead of batch by batch, then the secondary indexes the load dropped,
 * rebuilt sorted. Runs inside the caller's transaction; the same code finishes a load that a kill -9
 * interrupted (the committed batches have their edges but no closure rows yet).
 */
import type Database from "better-sqlite3";
import { bulkClosure, EdgeCollector } from "./bulk-closure.js";
import { datasetClosure, stepDatasets } from "./bulk-dataset-closure.js";
import { COUNTS_VERSION, RECOUNT_STATEMENTS, walkUpSql } from "./closure.js";
import { DATASET_RECOUNT_STATEMENTS, datasetRebuildStatements, datasetRowsSql } from "./dataset-closure.js";

type Db = Database.Database;

/** ftl_meta keys: the dropped indexes' definitions; set while the closure is left to the end of the load. */
export const BULK_INDEXES = "bulk_indexes";
export const BULK_CLOSURE = "bulk_closure";

const ROWS_PER_INSERT = 200;

/** Inserts rows of `width` values through statements of up to 200 rows each. */
export class RowInserter {
  /** The values of the rows collected so far, reused statement after statement (no array per row). */
  private readonly values: unknown[];
  private used = 0;
  private readonly many: Database.Statement;

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly width: number,
  ) {
    this.many = db.prepare(this.sql(ROWS_PER_INSERT));
    this.values = new Array<unknown>(ROWS_PER_INSERT * width).fill(null);
  }

  private sql(rows: number): string {
    const one = `(${new Array(this.width).fill("?").join(", ")})`;
    return `INSERT INTO ${this.table} VALUES ${new Array(rows).fill(one).join(", ")}`;
  }

  add(...row: unknown[]): void {
    for (let i = 0; i < row.length; i++) this.values[this.used++] = row[i];
    if (this.used === this.values.length) {
      this.many.run(this.values);
      this.used = 0;
    }
  }

  flush(): void {
    if (this.used === 0) return;
    this.db.prepare(this.sql(this.used / this.width)).run(this.values.slice(0, this.used));
    this.used = 0;
  }
}

function pending(db: Db, key: string): string | undefined {
  const row = db.prepare("SELECT value FROM ftl_meta WHERE key = ?").get(key) as
    | { value: string }
    | undefined;
  return row?.value;
}

/** What the in-memory pass built; counts it leaves out (absent) are recounted by SQL. */
interface Built {
  fallback: number[] | "all";
  counts?: (insert: RowInserter) => void;
  datasetCounts?: (insert: RowInserter) => void;
}

/**
 * Closure rows, and the closure per dataset, for every model with edges, from memory where it can; returns
 * the models left to the walk up (all of them, as `"all"`, when the in-memory pass would hold too many rows).
 */
function insertClosure(db: Db): Built {
  db.exec("DELETE FROM closure");
  db.exec("DELETE FROM closure_dataset");
  const collector = new EdgeCollector();
  const read = db.prepare("SELECT parent, child, relation, bits, step FROM edge").raw(true);
  for (const row of read.iterate() as IterableIterator<[number, number, number, number, number]>)
    collector.add(row[0], row[1], row[2], row[3], row[4]);
  const max = db.prepare("SELECT max(id) AS id FROM model").get() as { id: number | null };
  const size = (max.id ?? 0) + 1;
  const closure = bulkClosure(collector.edges(), size);
  if (closure === undefined) return { fallback: "all" };
  const insert = new RowInserter(db, "closure (descendant, ancestor, depth, relation, mask)", 5);
  closure.forEachRow((d, a, depth, relation, mask) => insert.add(d, a, depth, relation, mask));
  insert.flush();
  const pairs = db.prepare("SELECT step, dataset FROM step_dataset").raw(true).iterate() as Iterable<
    [number, number]
  >;
  const perDataset = datasetClosure(closure.graph, collector.edges(), stepDatasets(pairs), size);
  const rows = new RowInserter(db, "closure_dataset (descendant, ancestor, dataset, depth, relation)", 5);
  perDataset.forEachRow((d, a, x, depth, relation) => rows.add(d, a, x, depth, relation));
  rows.flush();
  if (closure.fallback.length > 0) return { fallback: closure.fallback };
  return {
    fallback: [],
    counts: (counts) => closure.forEachCount((model, code, n) => counts.add(model, code, n)),
    datasetCounts: (counts) => perDataset.forEachCount((m, x, relation, n) => counts.add(m, x, relation, n)),
  };
}

/** The walk up, and the closure per dataset by SQL, for the models the in-memory pass left out. */
function walkLeftOut(db: Db, built: Built): void {
  if (built.fallback === "all") {
    db.exec(walkUpSql("sqlite", "SELECT DISTINCT child FROM edge"));
    for (const sql of datasetRebuildStatements("sqlite")) db.exec(sql);
  } else if (built.fallback.length > 0) {
    const list = JSON.stringify(built.fallback);
    db.prepare(walkUpSql("sqlite", "SELECT value FROM json_each(?)")).run(list);
    db.prepare(datasetRowsSql("sqlite", "SELECT value AS model FROM json_each(?)")).run(list, list);
  }
}

/** Writes counts made in memory into an emptied table. */
function writeCounts(db: Db, table: string, width: number, fill: (insert: RowInserter) => void): void {
  db.exec(`DELETE FROM ${table.slice(0, table.indexOf(" "))}`);
  const insert = new RowInserter(db, table, width);
  fill(insert);
  insert.flush();
}

/**
 * Ends a bulk load inside the caller's transaction: closure, closure per dataset and counts (when the load
 * left them to the end), then the dropped indexes. Does nothing when no bulk load is pending.
 */
export function finishBulkLoad(db: Db): void {
  const indexes = pending(db, BULK_INDEXES);
  if (indexes === undefined) return;
  const built = pending(db, BULK_CLOSURE) !== undefined ? insertClosure(db) : undefined;
  for (const index of JSON.parse(indexes) as { name: string; sql: string }[])
    db.exec(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, "CREATE $1INDEX IF NOT EXISTS "));
  if (built !== undefined) walkLeftOut(db, built);
  if (built?.counts !== undefined) {
    writeCounts(db, "tree_count (model, relation, n)", 3, built.counts);
    db.prepare(
      `INSERT INTO ftl_meta (key, value) VALUES ('tree_count_version', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(COUNTS_VERSION);
  } else for (const sql of RECOUNT_STATEMENTS) db.exec(sql);
  if (built?.datasetCounts !== undefined)
    writeCounts(db, "dataset_count (model, dataset, relation, n)", 4, built.datasetCounts);
  else if (built !== undefined && built.fallback !== "all")
    for (const sql of DATASET_RECOUNT_STATEMENTS) db.exec(sql);
  db.prepare("DELETE FROM ftl_meta WHERE key IN (?, ?)").run(BULK_INDEXES, BULK_CLOSURE);
}

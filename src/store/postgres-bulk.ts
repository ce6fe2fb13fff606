/**
 * Bulk mode on PostgreSQL: the first batch written into an empty registry drops the secondary indexes, and
 * the primary keys and unique constraints of the tables the load fills, in its own transaction, noting their
 * definitions in ftl_meta (`bulk_indexes`, `bulk_constraints`). While it lasts, the writer assigns ids itself
 * and sends each batch's rows with COPY FROM STDIN (postgres-bulk-writer.ts; one transaction per batch, as
 * always); the closure, the closure per dataset and their counts are left to the end (`bulk_closure`), where
 * they are built once from `edge` in memory (bulk-closure.ts, bulk-dataset-closure.ts) and copied in, the
 * constraints and indexes are rebuilt and the id sequences moved past the ids used. A batch that repeats a subject or a content hash, another writer, a
 * failed batch, the first query, optimize() or close() end bulk mode; a registry opened with a bulk load
 * pending (kill -9) is finished when opened.
 */
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { type BulkClosure, bulkClosure, EdgeCollector } from "./bulk-closure.js";
import {
  type DatasetClosure,
  datasetClosure,
  type StepDatasets,
  stepDatasets,
} from "./bulk-dataset-closure.js";
import { COUNTS_VERSION, RECOUNT_STATEMENTS, walkUpSql } from "./closure.js";
import { DATASET_RECOUNT_STATEMENTS, datasetRebuildStatements, datasetRowsSql } from "./dataset-closure.js";
import { CopyRows } from "./pg-copy.js";
import { PgBulk } from "./postgres-bulk-writer.js";

const PENDING = "SELECT value FROM ftl_meta WHERE key = 'bulk_indexes'";

/**
 * Tables the bulk writer fills: their primary keys and unique constraints are dropped too while it lasts (the
 * writer assigns every id and name itself, so nothing can collide) and added back, each index built once,
 * sorted, when the load ends (noted in ftl_meta `bulk_constraints`).
 */
const BULK_TABLES = [
  "model",
  "dataset",
  "document",
  "document_body",
  "step",
  "edge",
  "step_dataset",
  "document_signature",
  "closure",
  "closure_dataset",
  "tree_count",
  "dataset_count",
];

interface Constraint {
  table: string;
  name: string;
  def: string;
}

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Is a bulk load pending in this schema (this writer's or an interrupted one)? */
export async function bulkPending(client: pg.PoolClient): Promise<boolean> {
  return (await client.query(PENDING)).rows.length > 0;
}

/** Calls `row` with the numbers of every row of a COPY TO STDOUT (far cheaper than a result set of 1.6M rows). */
async function copyNumbers(
  client: pg.PoolClient,
  sql: string,
  row: (values: number[]) => void,
): Promise<void> {
  let rest = "";
  const take = (text: string): void => {
    const lines = (rest + text).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) row(line.split("\t").map(Number));
  };
  const stream = client.query(copyTo(sql));
  await pipeline(stream, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) take(chunk.toString("utf8"));
  });
  if (rest.length > 0) take("\n");
}

async function readEdges(client: pg.PoolClient): Promise<EdgeCollector> {
  const collector = new EdgeCollector();
  await copyNumbers(client, "COPY edge (parent, child, relation, bits, step) TO STDOUT", (v) =>
    collector.add(v[0] as number, v[1] as number, v[2] as number, v[3] as number, v[4] as number),
  );
  return collector;
}

async function readStepDatasets(client: pg.PoolClient): Promise<StepDatasets> {
  const steps: number[] = [];
  const datasets: number[] = [];
  await copyNumbers(client, "COPY step_dataset (step, dataset) TO STDOUT", (v) => {
    steps.push(v[0] as number);
    datasets.push(v[1] as number);
  });
  function* pairs(): Generator<[number, number]> {
    for (let i = 0; i < steps.length; i++) yield [steps[i] as number, datasets[i] as number];
  }
  return stepDatasets(pairs());
}

/** Descendants per COPY of closure rows: the rows of a slice are held as text until sent, not all at once. */
const COPY_SLICE = 100_000;

/** Sends rows that `emit` gives for descendants `from` … `to - 1`, slice by slice, each as one COPY. */
async function copySlices(
  client: pg.PoolClient,
  table: string,
  size: number,
  emit: (rows: CopyRows, from: number, to: number) => void,
): Promise<void> {
  for (let from = 0; from < size; from += COPY_SLICE) {
    const rows = new CopyRows(table);
    emit(rows, from, from + COPY_SLICE);
    await rows.send(client);
  }
}

/** Writes counts made in memory, and notes the version of `tree_count`'s codes. */
async function copyCounts(
  client: pg.PoolClient,
  closure: BulkClosure,
  perDataset: DatasetClosure,
): Promise<void> {
  await client.query("TRUNCATE tree_count, dataset_count");
  const counts = new CopyRows("tree_count (model, relation, n)");
  closure.forEachCount((model, code, n) => counts.add(model, code, n));
  await counts.send(client);
  const byDataset = new CopyRows("dataset_count (model, dataset, relation, n)");
  perDataset.forEachCount((model, x, relation, n) => byDataset.add(model, x, relation, n));
  await byDataset.send(client);
  await client.query(
    `INSERT INTO ftl_meta (key, value) VALUES ('tree_count_version', $1)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [COUNTS_VERSION],
  );
}

/**
 * The closure, the closure per dataset and their counts for the whole graph, from memory; returns the models
 * left to the walk (and to SQL for the rest), with "all" when the in-memory pass would hold too many rows.
 */
async function copyClosure(client: pg.PoolClient): Promise<{ fallback: number[] | "all" }> {
  await client.query("TRUNCATE closure, closure_dataset");
  const edges = await readEdges(client);
  const max = await client.query<{ id: number | null }>("SELECT max(id) AS id FROM model");
  const size = (max.rows[0]?.id ?? 0) + 1;
  const closure = bulkClosure(edges.edges(), size);
  if (closure === undefined) return { fallback: "all" };
  await copySlices(client, "closure (descendant, ancestor, depth, relation, mask)", size, (rows, from, to) =>
    closure.forEachRow((d, a, depth, relation, mask) => rows.add(d, a, depth, relation, mask), from, to),
  );
  const perDataset = datasetClosure(closure.graph, edges.edges(), await readStepDatasets(client), size);
  const table = "closure_dataset (descendant, ancestor, dataset, depth, relation)";
  await copySlices(client, table, size, (rows, from, to) =>
    perDataset.forEachRow((d, a, x, depth, relation) => rows.add(d, a, x, depth, relation), from, to),
  );
  if (closure.fallback.length > 0) return { fallback: closure.fallback };
  await copyCounts(client, closure, perDataset);
  return { fallback: [] };
}

/**
 * Ends a bulk load inside the caller's transaction (which holds the write lock): closure and counts, the
 * dropped indexes, the id sequences. Does nothing when none is pending.
 */
export async function finishPgBulk(client: pg.PoolClient): Promise<void> {
  const pending = await client.query<{ value: string }>(PENDING);
  const indexes = pending.rows[0]?.value;
  if (indexes === undefined) return;
  const closure = await client.query("SELECT 1 FROM ftl_meta WHERE key = 'bulk_closure'");
  const built = closure.rows.length > 0 ? await copyClosure(client) : undefined;
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  const constraints = await client.query<{ value: string }>(
    "SELECT value FROM ftl_meta WHERE key = 'bulk_constraints'",
  );
  for (const c of JSON.parse(constraints.rows[0]?.value ?? "[]") as Constraint[])
    await client.query(`ALTER TABLE ${quoted(c.table)} ADD CONSTRAINT ${quoted(c.name)} ${c.def}`);
  for (const index of JSON.parse(indexes) as { name: string; sql: string }[]) await client.query(index.sql);
  if (built?.fallback === "all") {
    await client.query(walkUpSql("postgres", "SELECT DISTINCT child FROM edge"));
    for (const sql of datasetRebuildStatements("postgres")) await client.query(sql);
  } else if (built !== undefined && built.fallback.length > 0) {
    await client.query(walkUpSql("postgres", "SELECT unnest($1::integer[])"), [built.fallback]);
    await client.query(datasetRowsSql("postgres", "SELECT unnest($1::integer[]) AS model"), [built.fallback]);
  }
  // Counts the in-memory pass did not make (it makes them only when it covered every model).
  if (built === undefined || built.fallback === "all" || built.fallback.length > 0) {
    for (const sql of RECOUNT_STATEMENTS) await client.query(sql);
    if (built !== undefined && built.fallback !== "all")
      for (const sql of DATASET_RECOUNT_STATEMENTS) await client.query(sql);
  }
  for (const table of ["model", "dataset", "document", "step"])
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false)`,
    );
  await client.query(
    "DELETE FROM ftl_meta WHERE key IN ('bulk_indexes', 'bulk_closure', 'bulk_constraints')",
  );
}

/** Enters bulk mode if the registry is empty (inside the first batch's transaction); else undefined. */
export async function enterPgBulk(client: pg.PoolClient): Promise<PgBulk | undefined> {
  const used = await client.query(
    "SELECT 1 FROM document UNION ALL SELECT 1 FROM model UNION ALL SELECT 1 FROM dataset LIMIT 1",
  );
  if (used.rows.length > 0) return undefined;
  const indexes = await client.query<{ name: string; sql: string }>(
    `SELECT indexname AS name, indexdef AS sql FROM pg_indexes i WHERE schemaname = current_schema()
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname
       AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))
     ORDER BY indexname`,
  );
  const constraints = await client.query<Constraint>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
       AND c.contype IN ('p', 'u') AND t.relname = ANY($1) ORDER BY t.relname, c.conname`,
    [BULK_TABLES],
  );
  await client.query(
    `INSERT INTO ftl_meta (key, value) VALUES ('bulk_indexes', $1), ('bulk_closure', '1'),
     ('bulk_constraints', $2)`,
    [JSON.stringify(indexes.rows), JSON.stringify(constraints.rows)],
  );
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  for (const c of constraints.rows)
    await client.query(`ALTER TABLE ${quoted(c.table)} DROP CONSTRAINT ${quoted(c.name)}`);
  return new PgBulk();
}

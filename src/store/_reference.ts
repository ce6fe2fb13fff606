/**
 * Test support (not exported): the closure recomputed from scratch by bare recursive SQL, one walk down from
 * every model over `edge` (the way the registry answered before schema 3), aggregated in JavaScript. The
 * property and crash tests compare the maintained `closure` and `tree_count` with it.
 */
import { CLOSURE_DEPTH, countCode, MASK_BITS } from "./closure.js";
import type { Executor } from "./sql.js";

/** One closure row by names: `ancestor > descendant` → depth, relation code, mask. */
export type ClosureByName = Map<string, { depth: number; relation: number; mask: number }>;

const num = (v: unknown): number => Number(v);

/** Every (ancestor, descendant) pair by a walk down from each model, within the closure's depth limit. */
export async function referenceClosure(ex: Executor): Promise<ClosureByName> {
  const rows = await ex.all<{ start: string; node: string; depth: number; rel: number; hit: number }>(
    `WITH RECURSIVE walk(start, node, depth, rel, hit) AS (
  SELECT id, id, 0, -1, 0 FROM model
  UNION
  SELECT w.start, e.child, w.depth + 1, e.relation, w.hit | e.bits FROM walk w JOIN edge e ON e.parent = w.node
  WHERE w.depth < ${CLOSURE_DEPTH}
) SELECT s.name AS start, n.name AS node, w.depth AS depth, w.rel AS rel, w.hit AS hit
FROM walk w JOIN model s ON s.id = w.start JOIN model n ON n.id = w.node WHERE w.node <> w.start`,
    [],
  );
  const out: ClosureByName = new Map();
  for (const r of rows) {
    const key = `${r.start} > ${r.node}`;
    const row = out.get(key);
    if (row === undefined) out.set(key, { depth: num(r.depth), relation: num(r.rel), mask: num(r.hit) });
    else {
      row.depth = Math.min(row.depth, num(r.depth));
      row.relation = Math.min(row.relation, num(r.rel));
      row.mask |= num(r.hit);
    }
  }
  return out;
}

/** The maintained closure, by names. */
export async function storedClosure(ex: Executor): Promise<ClosureByName> {
  const rows = await ex.all<{ a: string; d: string; depth: number; relation: number; mask: number }>(
    `SELECT a.name AS a, d.name AS d, c.depth AS depth, c.relation AS relation, c.mask AS mask
FROM closure c JOIN model a ON a.id = c.ancestor JOIN model d ON d.id = c.descendant`,
    [],
  );
  return new Map(
    rows.map((r) => [
      `${r.a} > ${r.d}`,
      { depth: num(r.depth), relation: num(r.relation), mask: num(r.mask) },
    ]),
  );
}

/** Sorted `ancestor relation n` lines: from `tree_count` (n > 0), or counted from a closure. */
export async function storedCounts(ex: Executor): Promise<string[]> {
  const rows = await ex.all<{ name: string; relation: number; n: number }>(
    "SELECT m.name AS name, t.relation AS relation, t.n AS n FROM tree_count t JOIN model m ON m.id = t.model WHERE t.n <> 0",
    [],
  );
  return rows.map((r) => `${r.name} ${num(r.relation)} ${num(r.n)}`).sort();
}

/** The `tree_count` lines a closure should give: plain counts, and per bit of the mask (closure.ts). */
export function countsOf(closure: ClosureByName): string[] {
  const counts = new Map<string, number>();
  const add = (k: string): void => {
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const [key, row] of closure) {
    const ancestor = key.split(" > ")[0];
    add(`${ancestor} ${row.relation}`);
    for (let bit = 0; bit < MASK_BITS; bit++)
      if ((row.mask & (1 << bit)) !== 0) add(`${ancestor} ${countCode(bit, row.relation)}`);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).sort();
}

/** Sorted entries, for comparisons with readable diffs. */
export function sortedEntries(closure: ClosureByName): string[] {
  return [...closure].map(([k, r]) => `${k} depth ${r.depth} rel ${r.relation} mask ${r.mask}`).sort();
}

/** One `closure_dataset` row by names (schema 6, dataset-closure.ts). */
export interface DatasetRow {
  ancestor: string;
  descendant: string;
  dataset: string;
  depth: number;
  relation: number;
}

/**
 * Every (ancestor, descendant, dataset) with the dataset used by a step on a path between them, by a walk
 * down from each model that carries one dataset of the path per row (or none: -1); depth and relation from
 * the reference closure. Without a depth bound (the set of states is finite): the same as the closure's
 * 256-step limit for graphs whose paths are shorter, which the tests' are.
 */
export async function referenceDatasetRows(ex: Executor, closure: ClosureByName): Promise<DatasetRow[]> {
  const rows = await ex.all<{ start: string; node: string; dataset: string }>(
    `WITH RECURSIVE walk(start, node, ds) AS (
  SELECT id, id, -1 FROM model
  UNION
  SELECT w.start, e.child, CASE WHEN k.v = 0 THEN w.ds ELSE sd.dataset END
  FROM walk w JOIN edge e ON e.parent = w.node CROSS JOIN (SELECT 0 AS v UNION ALL SELECT 1) k
  LEFT JOIN step_dataset sd ON sd.step = e.step
  WHERE k.v = 0 OR sd.dataset IS NOT NULL
) SELECT DISTINCT s.name AS start, n.name AS node, d.name AS dataset
FROM walk w JOIN model s ON s.id = w.start JOIN model n ON n.id = w.node JOIN dataset d ON d.id = w.ds
WHERE w.node <> w.start`,
    [],
  );
  return rows.map((r) => {
    const row = closure.get(`${r.start} > ${r.node}`);
    return {
      ancestor: r.start,
      descendant: r.node,
      dataset: r.dataset,
      depth: row?.depth ?? -1,
      relation: row?.relation ?? -1,
    };
  });
}

/** The maintained `closure_dataset`, by names. */
export async function storedDatasetRows(ex: Executor): Promise<DatasetRow[]> {
  const rows = await ex.all<DatasetRow>(
    `SELECT a.name AS ancestor, d.name AS descendant, ds.name AS dataset, c.depth AS depth, c.relation AS relation
FROM closure_dataset c JOIN model a ON a.id = c.ancestor JOIN model d ON d.id = c.descendant
JOIN dataset ds ON ds.id = c.dataset`,
    [],
  );
  return rows.map((r) => ({ ...r, depth: num(r.depth), relation: num(r.relation) }));
}

/** Sorted lines, for comparisons with readable diffs. */
export function sortedDatasetRows(rows: readonly DatasetRow[]): string[] {
  return rows
    .map((r) => `${r.ancestor} > ${r.descendant} ~ ${r.dataset} depth ${r.depth} rel ${r.relation}`)
    .sort();
}

/** Sorted `ancestor dataset relation n` lines: from `dataset_count` (n > 0), or counted from rows. */
export async function storedDatasetCounts(ex: Executor): Promise<string[]> {
  const rows = await ex.all<{ model: string; dataset: string; relation: number; n: number }>(
    `SELECT m.name AS model, ds.name AS dataset, t.relation AS relation, t.n AS n FROM dataset_count t
JOIN model m ON m.id = t.model JOIN dataset ds ON ds.id = t.dataset WHERE t.n <> 0`,
    [],
  );
  return rows.map((r) => `${r.model} ${r.dataset} ${num(r.relation)} ${num(r.n)}`).sort();
}

export function datasetCountsOf(rows: readonly DatasetRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.ancestor} ${r.dataset} ${r.relation}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).sort();
}

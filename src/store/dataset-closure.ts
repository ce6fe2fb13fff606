/**
 * The closure per dataset (schema 6), so that the model-tree view filtered by a dataset (`--dataset X`) is an
 * index range like the unfiltered one, whatever the size of the subtree or the popularity of the dataset:
 *
 * - `closure_dataset(descendant, ancestor, dataset, depth, relation)`: one row per row (descendant, ancestor)
 *   of `closure` and per dataset used by a step on a path between them — a step that made a model at or above
 *   the descendant from a parent at or below the ancestor (the meaning of `--dataset` since schema 3). `depth`
 *   and `relation` are the closure row's. Primary key (descendant, ancestor, dataset), the side its
 *   maintenance deletes by; `closure_dataset_down (ancestor, dataset, depth, descendant)` covering `relation`
 *   gives pages nearest first.
 * - `dataset_count(model, dataset, relation, n)`: how many rows of `closure_dataset` have that ancestor,
 *   dataset and relation: the counts of the filtered view without a scan. Rows whose count fell to 0 after
 *   a replacement stay (as in `tree_count`).
 *
 * Derived data like the closure: the rows of a descendant are a function of the edges above it, so they are
 * recomputed for the same set of models (closure_dirty, closure.ts), after their closure rows.
 */

/**
 * Inserts the `closure_dataset` rows of every model in `dirty` (SQL yielding model ids; undefined: every
 * model), from `closure`, `edge` and `step_dataset` (the closure rows of those models must be current).
 * A dataset enters at an edge p → m whose step used it, with m the descendant or one of its ancestors; it
 * then holds under p and every ancestor of p.
 */
export function datasetRowsSql(dialect: "sqlite" | "postgres", dirty?: string): string {
  const cross = dialect === "sqlite" ? "CROSS JOIN" : "JOIN";
  const above =
    dirty === undefined
      ? "SELECT DISTINCT child, child FROM edge UNION ALL SELECT descendant, ancestor FROM closure"
      : `SELECT model, model FROM (${dirty}) AS dirty
  UNION ALL SELECT u.descendant, u.ancestor FROM closure u WHERE u.descendant IN (${dirty})`;
  return `WITH above(d, m) AS (
  ${above}
),
hit(d, p, x) AS (
  SELECT a.d, e.parent, sd.dataset FROM above a ${cross} edge e ON e.child = a.m ${cross} step_dataset sd ON sd.step = e.step
),
pair(d, a, x) AS (
  SELECT d, p, x FROM hit
  UNION
  SELECT h.d, v.ancestor, h.x FROM hit h ${cross} closure v ON v.descendant = h.p
)
INSERT INTO closure_dataset (descendant, ancestor, dataset, depth, relation)
SELECT c.descendant, c.ancestor, pair.x, c.depth, c.relation
FROM pair ${cross} closure c ON c.descendant = pair.d AND c.ancestor = pair.a`;
}

/** Adds (sign +1) or takes away (sign -1) the `closure_dataset` rows of a set of descendants from the counts. */
export function datasetCountDeltaSql(descendants: string, sign: 1 | -1): string {
  return `INSERT INTO dataset_count (model, dataset, relation, n)
SELECT ancestor, dataset, relation, ${sign < 0 ? "-" : ""}COUNT(*) FROM closure_dataset
WHERE descendant IN (${descendants}) GROUP BY ancestor, dataset, relation
ON CONFLICT (model, dataset, relation) DO UPDATE SET n = dataset_count.n + excluded.n`;
}

/** Recounts `dataset_count` from `closure_dataset` (after a bulk load). */
export const DATASET_RECOUNT_STATEMENTS: readonly string[] = [
  "DELETE FROM dataset_count",
  `INSERT INTO dataset_count (model, dataset, relation, n)
SELECT ancestor, dataset, relation, COUNT(*) FROM closure_dataset GROUP BY ancestor, dataset, relation`,
];

/**
 * Rebuilds `closure_dataset` and `dataset_count` from `closure`, `edge` and `step_dataset`, set-wise (for a
 * bulk load that filled `closure` without them). No parameters; run them in order, in one transaction.
 */
export function datasetRebuildStatements(dialect: "sqlite" | "postgres"): string[] {
  return ["DELETE FROM closure_dataset", datasetRowsSql(dialect), ...DATASET_RECOUNT_STATEMENTS];
}

/**
 * The maintenance after a batch, for the models of the temporary table `closure_dirty` (closure.ts): run
 * the first two before their closure rows are recomputed, or after (they only read `closure_dataset`), and
 * the last two once the closure rows are current.
 */
export function datasetRecomputeStatements(dialect: "sqlite" | "postgres", dirty: string): string[] {
  return [
    datasetCountDeltaSql(dirty, -1),
    `DELETE FROM closure_dataset WHERE descendant IN (${dirty})`,
    datasetRowsSql(dialect, dirty),
    datasetCountDeltaSql(dirty, 1),
  ];
}

/**
 * The closure of the model graph (schema 3), kept beside `edge` so that the model-tree view never walks:
 *
 * - `closure(descendant, ancestor, depth, relation, mask)`: one row per pair of models joined by a path of
 *   current edges (the model itself excluded, also on a cycle), within {@link CLOSURE_DEPTH} steps.
 *   `depth` is the shortest path; `relation` the relation the descendant shows under the ancestor (the lowest
 *   code among its edges from the ancestor or from the ancestor's descendants: merge > quantized > adapter >
 *   finetune); `mask` the objectives and parameterisations of the steps on any path between the two
 *   (bits from {@link stepBits}).
 * - `tree_count(model, relation, n)`: how many rows of `closure` have that ancestor and relation.
 * - `edge.bits`: the step's own bits, so that the closure is computed from `edge` alone.
 *
 * It is derived data: the rows of a descendant are a function of the edges above it. After a batch changes
 * the edges into a set of models C, the rows of C and of everything below C are recomputed by a walk up
 * from each of them ({@link recomputeStatements}), inside the batch's own transaction.
 */
/** Paths longer than this are not in the closure (the walks' default depth limit). */
export const CLOSURE_DEPTH = 256;

/**
 * Objective and parameterisation values by bit. Append only: stored masks depend on the positions (schema 3
 * computed them with these lists).
 */
export const OBJECTIVE_BITS = [
  "sft",
  "dpo",
  "ipo",
  "kto",
  "orpo",
  "simpo",
  "cpo",
  "rlhf-ppo",
  "grpo",
  "rloo",
  "reward-model",
  "continued-pretraining",
  "distillation",
  "other",
] as const;
export const PARAMETERIZATION_BITS = [
  "full",
  "lora",
  "qlora",
  "dora",
  "ia3",
  "prefix-tuning",
  "prompt-tuning",
  "other",
] as const;
const PARAMETERIZATION_SHIFT = 14;

/** The bit of an objective, or undefined for a value outside the vocabulary (a trusted import may hold one). */
export function objectiveBit(objective: string): number | undefined {
  const i = (OBJECTIVE_BITS as readonly string[]).indexOf(objective);
  return i < 0 ? undefined : 1 << i;
}

export function parameterizationBit(parameterization: string): number | undefined {
  const i = (PARAMETERIZATION_BITS as readonly string[]).indexOf(parameterization);
  return i < 0 ? undefined : 1 << (PARAMETERIZATION_SHIFT + i);
}

/** A step's bits: its objective and its parameterisation, if any (and known). */
export function stepBits(step: { objective?: string; parameterization?: string }): number {
  let bits = 0;
  if (step.objective !== undefined) bits |= objectiveBit(step.objective) ?? 0;
  if (step.parameterization !== undefined) bits |= parameterizationBit(step.parameterization) ?? 0;
  return bits;
}

/** The same as {@link stepBits}, as SQL over a `step` row aliased `s` (for the schema 3 backfill). */
export function stepBitsSql(): string {
  const cases = (column: string, values: readonly string[], shift: number): string =>
    `(CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${2 ** (shift + i)}`).join(" ")} ELSE 0 END)`;
  return `${cases("s.objective", OBJECTIVE_BITS, 0)} | ${cases("s.parameterization", PARAMETERIZATION_BITS, PARAMETERIZATION_SHIFT)}`;
}

/**
 * A walk up from every model of a set (the `origins` SQL, one column), giving each of its closure rows:
 * `origin, node, depth, rel, mask` grouped by (origin, node). `bit_or` is PostgreSQL's aggregate; SQLite
 * registers one of the same name (sqlite-open.ts).
 */
export function walkUpSql(dialect: "sqlite" | "postgres", origins: string): string {
  const cross = dialect === "sqlite" ? "CROSS JOIN" : "JOIN";
  return `WITH RECURSIVE up(origin, node, depth, rel, mask) AS (
  SELECT e.child, e.parent, 1, e.relation, e.bits FROM edge e WHERE e.child IN (${origins})
  UNION
  SELECT u.origin, e.parent, u.depth + 1, u.rel, u.mask | e.bits FROM up u ${cross} edge e ON e.child = u.node
  WHERE u.depth < ${CLOSURE_DEPTH}
)
INSERT INTO closure (descendant, ancestor, depth, relation, mask)
SELECT origin, node, MIN(depth), MIN(rel), bit_or(mask) FROM up WHERE node <> origin GROUP BY origin, node`;
}

/** Adds (sign +1) or takes away (sign -1) the closure rows of a set of descendants from `tree_count`. */
export function countDeltaSql(descendants: string, sign: 1 | -1): string {
  return `INSERT INTO tree_count (model, relation, n)
SELECT ancestor, relation, ${sign < 0 ? "-" : ""}COUNT(*) FROM closure WHERE descendant IN (${descendants})
GROUP BY ancestor, relation
ON CONFLICT (model, relation) DO UPDATE SET n = tree_count.n + excluded.n`;
}

/**
 * The statements that bring the closure and the counts up to date after the edges into some models changed
 * (`changed`: SQL yielding their ids as column `value`, with one list parameter): the set of those models and every model
 * below them is kept in the temporary table `closure_dirty`; its rows leave the counts, are deleted, are
 * recomputed by a walk up, and join the counts again. Only the third statement takes the parameter.
 */
export function recomputeStatements(dialect: "sqlite" | "postgres", changed: string): string[] {
  const dirty = "SELECT model FROM closure_dirty";
  return [
    dialect === "sqlite"
      ? "CREATE TEMP TABLE IF NOT EXISTS closure_dirty (model INTEGER PRIMARY KEY)"
      : "CREATE TEMP TABLE IF NOT EXISTS closure_dirty (model integer PRIMARY KEY)",
    // PostgreSQL never vacuums temporary tables: DELETE would leave every batch's rows behind as dead tuples.
    dialect === "sqlite" ? "DELETE FROM closure_dirty" : "TRUNCATE closure_dirty",
    `INSERT INTO closure_dirty (model) SELECT DISTINCT changed.value FROM (${changed}) AS changed WHERE true`,
    `INSERT INTO closure_dirty (model) SELECT DISTINCT descendant FROM closure WHERE ancestor IN (${dirty})
ON CONFLICT DO NOTHING`,
    countDeltaSql(dirty, -1),
    `DELETE FROM closure WHERE descendant IN (${dirty})`,
    walkUpSql(dialect, dirty),
    countDeltaSql(dirty, 1),
  ];
}

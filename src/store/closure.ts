/**
 * The closure of the model graph (schema 3), kept beside `edge` so that the model-tree view never walks:
 *
 * - `closure(descendant, ancestor, depth, relation, mask)`: one row per pair of models joined by a path of
 *   current edges (the model itself excluded, also on a cycle), within {@link CLOSURE_DEPTH} steps.
 *   `depth` is the shortest path; `relation` the relation the descendant shows under the ancestor (the lowest
 *   code among its edges from the ancestor or from the ancestor's descendants: merge > quantized > adapter >
 *   finetune); `mask` the objectives and parameterisations of the steps on any path between the two
 *   (bits from {@link stepBits}).
 * - `tree_count(model, relation, n)`: how many rows of `closure` have that ancestor and relation (codes 0–3),
 *   and, with code {@link countCode}(bit, relation), how many of those also have that bit in their mask, so
 *   that a view filtered by one objective or one parameterisation is counted without a scan. Registries whose
 *   counts predate the bit rows are recounted when opened ({@link COUNTS_VERSION}).
 * - `edge.bits`: the step's own bits, so that the closure is computed from `edge` alone.
 *
 * It is derived data: the rows of a descendant are a function of the edges above it. After a batch changes
 * the edges into a set of models C, the rows of C and of everything below C are recomputed by a walk up
 * from each of them ({@link recomputeStatements}), inside the batch's own transaction.
 */
import { DATASET_RECOUNT_STATEMENTS, datasetRecomputeStatements } from "./dataset-closure.js";

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
/** Bits a mask can hold (objectives, then parameterisations). */
export const MASK_BITS = PARAMETERIZATION_SHIFT + PARAMETERIZATION_BITS.length;

/** ftl_meta `tree_count_version`: 2 = with the per-bit rows. */
export const COUNTS_VERSION = "2";

/** The `tree_count.relation` code of "descendants of this relation whose mask has bit `bit`". */
export function countCode(bit: number, relation: number): number {
  return 4 + bit * 4 + relation;
}

/** Index of a single-bit mask (0–21). */
export function bitIndex(bit: number): number {
  return Math.round(Math.log2(bit));
}

/** -1 (the plain count) and every bit index, as a one-column table `b(i)`. */
const BIT_ROWS = `(SELECT -1 AS i${Array.from({ length: MASK_BITS }, (_, i) => ` UNION ALL SELECT ${i}`).join("")})`;

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

/** Counts rows of `closure` (those matching `where`) into `tree_count` codes, plain and per bit. */
function countsSelect(where: string, sign: 1 | -1): string {
  return `SELECT c.ancestor, CASE WHEN b.i < 0 THEN c.relation ELSE 4 + b.i * 4 + c.relation END, ${sign < 0 ? "-" : ""}COUNT(*)
FROM closure c CROSS JOIN ${BIT_ROWS} b
WHERE ${where} AND (b.i < 0 OR (c.mask & (1 << b.i)) <> 0)
GROUP BY 1, 2`;
}

/** Adds (sign +1) or takes away (sign -1) the closure rows of a set of descendants from `tree_count`. */
export function countDeltaSql(descendants: string, sign: 1 | -1): string {
  return `INSERT INTO tree_count (model, relation, n)
${countsSelect(`c.descendant IN (${descendants})`, sign)}
ON CONFLICT (model, relation) DO UPDATE SET n = tree_count.n + excluded.n`;
}

/**
 * Recounts `tree_count` from the whole closure, and `dataset_count` from `closure_dataset` (after a bulk
 * load, or for registries with older counts).
 */
export const RECOUNT_STATEMENTS: readonly string[] = [
  ...DATASET_RECOUNT_STATEMENTS,
  "DELETE FROM tree_count",
  `INSERT INTO tree_count (model, relation, n) ${countsSelect("true", 1)}`,
  `INSERT INTO ftl_meta (key, value) VALUES ('tree_count_version', '${COUNTS_VERSION}')
ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
];

/**
 * The statements that bring the closure and the counts up to date after the edges into some models changed
 * (`changed`: SQL yielding their ids as column `value`, with one list parameter): the set of those models and every model
 * below them is kept in the temporary table `closure_dirty`; its rows leave the counts, are deleted, are
 * recomputed by a walk up, and join the counts again; then the same for their rows of `closure_dataset`
 * (dataset-closure.ts). Only the third statement takes the parameter.
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
    ...datasetRecomputeStatements(dialect, dirty),
  ];
}

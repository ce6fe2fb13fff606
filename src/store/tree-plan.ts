/**
 * The model-tree view's query plan (tree-queries.ts): which closure rows of one ancestor match the filters
 * (`objective`, `parameterization`, `relation`, `dataset`, `maxDepth`), and whether the counts can be read
 * from `tree_count` / `dataset_count` instead of counted.
 */
import { bitIndex, CLOSURE_DEPTH, objectiveBit, parameterizationBit } from "./closure.js";
import { RELATION_CODES } from "./plan.js";
import { datasetId, depthLimit, modelId } from "./query-helpers.js";
import type { Executor } from "./sql.js";
import type { DescendantsOptions } from "./store.js";

export type Filters = Omit<DescendantsOptions, "limit" | "withParents">;

/** Closure rows `c` of one ancestor that match the filters: `SELECT … FROM from WHERE where`. */
export interface Plan {
  start: number;
  maxDepth: number;
  /**
   * No depth bound and at most one objective or parameterisation, without a dataset (then the counts are rows
   * of `tree_count`, plain or of that bit: `bit`), or a dataset alone (rows of `dataset_count`); `relation`
   * is kept only when one is asked for.
   */
  tableCounts: boolean;
  bit?: number;
  relation?: number;
  /** The dataset filter: rows come from `closure_dataset` (schema 6) instead of `closure`. */
  dataset?: number;
  from: string;
  where: string;
  params: unknown[];
}

export type Compiled = { kind: "empty" } | { kind: "walk" } | { kind: "closure"; plan: Plan };

/** The mask the objective and parameterisation filters need (0: none), or undefined outside the vocabulary. */
function maskOf(options: Filters): number | undefined {
  let need = 0;
  for (const bit of [
    options.objective === undefined ? 0 : objectiveBit(options.objective),
    options.parameterization === undefined ? 0 : parameterizationBit(options.parameterization),
  ]) {
    if (bit === undefined) return undefined;
    need |= bit;
  }
  return need;
}

export async function compile(ex: Executor, id: string, options: Filters): Promise<Compiled> {
  const maxDepth = depthLimit(options);
  const need = maskOf(options);
  if (maxDepth > CLOSURE_DEPTH || need === undefined) return { kind: "walk" };
  const start = await modelId(ex, id);
  if (start === undefined) return { kind: "empty" };
  // A dataset the registry does not know matches nothing (id -1), but whether the walk is complete still says.
  const dataset = options.dataset === undefined ? undefined : ((await datasetId(ex, options.dataset)) ?? -1);
  const oneBit = need !== 0 && (need & (need - 1)) === 0;
  const where = dataset === undefined ? ["c.ancestor = ?"] : ["c.ancestor = ?", "c.dataset = ?"];
  const params: unknown[] = dataset === undefined ? [start] : [start, dataset];
  if (maxDepth < CLOSURE_DEPTH) {
    where.push("c.depth <= ?");
    params.push(maxDepth);
  }
  if (need !== 0) {
    // `closure_dataset` has no mask: its rows are those of `closure` with the same pair.
    where.push(
      dataset === undefined
        ? "(c.mask & ?) = ?"
        : "EXISTS (SELECT 1 FROM closure k WHERE k.descendant = c.descendant AND k.ancestor = c.ancestor AND (k.mask & ?) = ?)",
    );
    params.push(need, need);
  }
  if (options.relation !== undefined) {
    where.push("c.relation = ?");
    params.push(RELATION_CODES[options.relation]);
  }
  const plan: Plan = {
    start,
    maxDepth,
    tableCounts: maxDepth === CLOSURE_DEPTH && (dataset === undefined ? need === 0 || oneBit : need === 0),
    ...(oneBit ? { bit: bitIndex(need) } : {}),
    ...(options.relation !== undefined ? { relation: RELATION_CODES[options.relation] } : {}),
    ...(dataset !== undefined ? { dataset } : {}),
    from: dataset === undefined ? "closure c" : "closure_dataset c",
    where: where.join(" AND "),
    params,
  };
  return { kind: "closure", plan };
}

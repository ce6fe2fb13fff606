/**
 * Descendants from the closure (closure.ts): the model-tree view (counts by relation and a page of
 * descendants, nearest first, with a cursor), whole answers streamed a page at a time, and the `descendants`
 * result of the Store contract. No walk: counts come from `tree_count`, pages from the `closure_down` index;
 * with a dataset, from `dataset_count` and `closure_dataset_down` (dataset-closure.ts).
 *
 * Filters: `objective` and `parameterization` hold when a step of that kind lies on any path from the model
 * to the descendant (the closure row's mask), `relation` is the descendant's own relation, `dataset` holds
 * when a step on such a path used the dataset, and `maxDepth` bounds the descendant's nearest distance.
 */
import { CLOSURE_DEPTH, countCode } from "./closure.js";
import { RELATION_BY_CODE } from "./plan.js";
import { crossJoin, num, zeroCounts } from "./query-helpers.js";
import { type Executor, inList, listParam } from "./sql.js";
import type {
  Descendant,
  DescendantsOptions,
  DescendantsPage,
  DescendantsPageOptions,
  DescendantsResult,
  Relation,
} from "./store.js";
import { compile, type Filters, type Plan } from "./tree-plan.js";
import { walkDescendants } from "./walk-descendants.js";

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;
/** Rows per query while streaming. */
const STREAM_CHUNK = 1000;

/** The counts' rows `rel, n` from `tree_count` or `dataset_count`. */
function tableCountRows(ex: Executor, plan: Plan): Promise<{ rel: number; n: number }[]> {
  if (plan.dataset !== undefined)
    return ex.all("SELECT relation AS rel, n FROM dataset_count WHERE model = ? AND dataset = ?", [
      plan.start,
      plan.dataset,
    ]);
  const base = plan.bit === undefined ? 0 : countCode(plan.bit, 0);
  return ex.all(
    "SELECT relation - ? AS rel, n FROM tree_count WHERE model = ? AND relation >= ? AND relation < ?",
    [base, plan.start, base, base + 4],
  );
}

async function countsOf(ex: Executor, plan: Plan): Promise<Record<Relation, number>> {
  const rows = plan.tableCounts
    ? await tableCountRows(ex, plan)
    : await ex.all<{ rel: number; n: number }>(
        `SELECT c.relation AS rel, COUNT(*) AS n FROM ${plan.from} WHERE ${plan.where} GROUP BY c.relation`,
        plan.params,
      );
  const counts = zeroCounts();
  for (const row of rows) {
    if (plan.tableCounts && plan.relation !== undefined && num(row.rel) !== plan.relation) continue;
    const relation = RELATION_BY_CODE[num(row.rel)];
    if (relation !== undefined) counts[relation] += num(row.n);
  }
  return counts;
}

/** Is there a descendant beyond the depth limit? */
async function beyond(ex: Executor, plan: Plan): Promise<boolean> {
  if (plan.maxDepth < CLOSURE_DEPTH) {
    const rows = await ex.all("SELECT 1 AS one FROM closure WHERE ancestor = ? AND depth > ? LIMIT 1", [
      plan.start,
      plan.maxDepth,
    ]);
    return rows.length > 0;
  }
  // The closure stops at CLOSURE_DEPTH: look one step past its deepest rows.
  const rows = await ex.all(
    `SELECT 1 AS one FROM closure c ${crossJoin(ex)} edge e ON e.parent = c.descendant
WHERE c.ancestor = ? AND c.depth = ? AND e.child <> ?
AND NOT EXISTS (SELECT 1 FROM closure k WHERE k.descendant = e.child AND k.ancestor = ?) LIMIT 1`,
    [plan.start, CLOSURE_DEPTH, plan.start, plan.start],
  );
  return rows.length > 0;
}

interface Row {
  node: number;
  depth: number;
  rel: number;
  name: string;
}

/** Matching rows after `after` (depth, model id), in page order. */
async function rowsAfter(
  ex: Executor,
  plan: Plan,
  after: { depth: number; node: number } | undefined,
  limit: number,
): Promise<Row[]> {
  // A row-value comparison, which both databases turn into a seek into closure_down (the equivalent OR form
  // made SQLite scan the model's rows from the start for every page: 4.2 vs 0.4 ms deep into 114k rows).
  const keyset = after === undefined ? "" : " AND (c.depth, c.descendant) > (?, ?)";
  // Names are joined after the limit: only the page's rows visit `model`.
  return ex.all<Row>(
    `SELECT x.node AS node, x.depth AS depth, x.rel AS rel, m.name AS name FROM (
  SELECT c.descendant AS node, c.depth AS depth, c.relation AS rel FROM ${plan.from}
  WHERE ${plan.where}${keyset} ORDER BY c.depth, c.descendant LIMIT ?
) x ${crossJoin(ex)} model m ON m.id = x.node ORDER BY x.depth, x.node`,
    [...plan.params, ...(after === undefined ? [] : [after.depth, after.node]), limit],
  );
}

/** Parents of each listed model that are the start or lie below it (within the depth limit), by name. */
async function parentsOf(ex: Executor, plan: Plan, nodes: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (nodes.length === 0) return out;
  const rows = await ex.all<{ child: number; name: string }>(
    `SELECT DISTINCT e.child AS child, pm.name AS name FROM edge e JOIN model pm ON pm.id = e.parent
WHERE e.child IN (${inList(ex, "int")})
AND (e.parent = ? OR EXISTS (SELECT 1 FROM closure k WHERE k.descendant = e.parent AND k.ancestor = ? AND k.depth <= ?))
ORDER BY pm.name`,
    [listParam(ex, nodes), plan.start, plan.start, plan.maxDepth],
  );
  for (const row of rows) out.set(row.child, [...(out.get(row.child) ?? []), row.name]);
  return out;
}

const toDescendant = (row: Row, parents: Map<number, string[]> | undefined): Descendant => ({
  id: row.name,
  depth: num(row.depth),
  relation: RELATION_BY_CODE[num(row.rel)] ?? "finetune",
  parents: parents?.get(row.node) ?? [],
});

export function encodeCursor(depth: number, node: number): string {
  return Buffer.from(`${depth}.${node}`).toString("base64url");
}

export function decodeCursor(cursor: string): { depth: number; node: number } {
  const match = /^(\d{1,4})\.(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (match === null) throw new RangeError(`${JSON.stringify(cursor)} is not a cursor of this registry`);
  return { depth: Number(match[1]), node: Number(match[2]) };
}

function pageLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE)
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_PAGE}, got ${n}`);
  return n;
}

const total = (counts: Record<Relation, number>): number =>
  counts.finetune + counts.adapter + counts.merge + counts.quantized;

export async function descendantsPage(
  ex: Executor,
  id: string,
  options: DescendantsPageOptions = {},
): Promise<DescendantsPage> {
  const limit = pageLimit(options.limit);
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const compiled = await compile(ex, id, options);
  if (compiled.kind === "empty")
    return { id, total: 0, counts: zeroCounts(), models: [], next: null, complete: true };
  if (compiled.kind === "walk") {
    // Outside the closure's vocabulary: one walk, paged in memory (names order, cursor = position).
    const all = await walkDescendants(ex, id, { ...options, limit: undefined });
    const from = after === undefined ? 0 : after.node;
    const models = all.models.slice(from, from + limit);
    const next = from + limit < all.models.length ? encodeCursor(0, from + limit) : null;
    return { id, total: all.total, counts: all.counts, models, next, complete: all.complete };
  }
  const { plan } = compiled;
  const [counts, rows, deeper] = await Promise.all([
    countsOf(ex, plan),
    rowsAfter(ex, plan, after, limit + 1),
    beyond(ex, plan),
  ]);
  const kept = rows.slice(0, limit);
  const parents =
    options.withParents === true
      ? await parentsOf(
          ex,
          plan,
          kept.map((r) => r.node),
        )
      : undefined;
  const last = kept.at(-1);
  return {
    id,
    total: total(counts),
    counts,
    models: kept.map((r) => toDescendant(r, parents)),
    next: rows.length > limit && last !== undefined ? encodeCursor(num(last.depth), last.node) : null,
    complete: !deeper,
  };
}

export async function* streamDescendants(
  ex: Executor,
  id: string,
  options: Filters = {},
): AsyncGenerator<Descendant> {
  const compiled = await compile(ex, id, options);
  if (compiled.kind === "empty") return;
  if (compiled.kind === "walk") {
    yield* (await walkDescendants(ex, id, options)).models;
    return;
  }
  let after: { depth: number; node: number } | undefined;
  for (;;) {
    const rows = await rowsAfter(ex, compiled.plan, after, STREAM_CHUNK);
    for (const row of rows) yield toDescendant(row, undefined);
    const last = rows.at(-1);
    if (rows.length < STREAM_CHUNK || last === undefined) return;
    after = { depth: num(last.depth), node: last.node };
  }
}

export async function descendants(
  ex: Executor,
  id: string,
  options: DescendantsOptions = {},
): Promise<DescendantsResult> {
  const compiled = await compile(ex, id, options);
  if (compiled.kind === "empty")
    return { id, total: 0, counts: zeroCounts(), models: [], truncated: false, complete: true };
  if (compiled.kind === "walk") return walkDescendants(ex, id, options);
  const { plan } = compiled;
  const limit = options.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
    throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);
  const [counts, rows, deeper] = await Promise.all([
    countsOf(ex, plan),
    limit === 0
      ? Promise.resolve([] as Row[])
      : ex.all<Row>(
          `SELECT c.descendant AS node, c.depth AS depth, c.relation AS rel, m.name AS name
FROM ${plan.from} ${crossJoin(ex)} model m ON m.id = c.descendant
WHERE ${plan.where} ORDER BY c.depth, m.name${limit === undefined ? "" : " LIMIT ?"}`,
          [...plan.params, ...(limit === undefined ? [] : [limit])],
        ),
    beyond(ex, plan),
  ]);
  const parents =
    options.withParents === true
      ? await parentsOf(
          ex,
          plan,
          rows.map((r) => r.node),
        )
      : undefined;
  const models = rows.map((r) => toDescendant(r, parents));
  const all = total(counts);
  return { id, total: all, counts, models, truncated: models.length < all, complete: !deeper };
}

export async function descendantCounts(
  ex: Executor,
  id: string,
  options?: DescendantsOptions,
): Promise<{ total: number; counts: Record<Relation, number> }> {
  const result = await descendants(ex, id, { ...options, limit: 0 });
  return { total: result.total, counts: result.counts };
}

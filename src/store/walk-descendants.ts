/**
 * The descendants of a model by a recursive walk down `edge` (how the registry answered before schema 3).
 * Used when a filter names an objective or parameterisation outside the vocabulary (stored by a trusted
 * import), which the closure's masks cannot express; the closure answers everything else (tree-queries.ts).
 */
import { RELATION_BY_CODE, RELATION_CODES } from "./plan.js";
import { crossJoin, datasetId, depthLimit, frontierOpen, modelId, num, zeroCounts } from "./query-helpers.js";
import { type Executor, inList, listParam } from "./sql.js";
import type { Descendant, DescendantsOptions, DescendantsResult, Relation } from "./store.js";

interface GroupRow {
  node: number;
  name: string;
  depth: number;
  deepest: number;
  rel: number;
  hit?: number;
  wanted?: number;
}

export async function walkDescendants(
  ex: Executor,
  id: string,
  options: DescendantsOptions & { names?: boolean } = {},
): Promise<DescendantsResult> {
  const maxDepth = depthLimit(options);
  const empty: DescendantsResult = {
    id,
    total: 0,
    counts: zeroCounts(),
    models: [],
    truncated: false,
    complete: true,
  };
  const start = await modelId(ex, id);
  if (start === undefined) return empty;
  const bits: string[] = [];
  const bitParams: unknown[] = [];
  let need = 0;
  if (options.objective !== undefined) {
    bits.push("CASE WHEN s.objective = ? THEN 1 ELSE 0 END");
    bitParams.push(options.objective);
    need |= 1;
  }
  if (options.parameterization !== undefined) {
    bits.push("CASE WHEN s.parameterization = ? THEN 2 ELSE 0 END");
    bitParams.push(options.parameterization);
    need |= 2;
  }
  if (options.dataset !== undefined) {
    const ds = await datasetId(ex, options.dataset);
    if (ds === undefined) return empty;
    bits.push(
      "CASE WHEN EXISTS (SELECT 1 FROM step_dataset sd WHERE sd.step = e.step AND sd.dataset = ?) THEN 4 ELSE 0 END",
    );
    bitParams.push(ds);
    need |= 4;
  }
  const cj = crossJoin(ex);
  const join = need & 3 ? `${cj} step s ON s.id = e.step` : "";
  const hit = bits.length > 0 ? `(w.hit | ${bits.map((b) => `(${b})`).join(" | ")})` : "0";
  const withNames = options.names !== false;
  const wanted = options.relation !== undefined ? RELATION_CODES[options.relation] : undefined;
  // Grouped in SQL (one row per model); the OR of the filter bits is spelled with MAX per bit.
  const rows = await ex.all<GroupRow>(
    `WITH RECURSIVE walk(node, depth, rel${need > 0 ? ", hit" : ""}) AS (
  SELECT CAST(? AS INTEGER), 0, -1${need > 0 ? ", 0" : ""}
  UNION
  SELECT e.child, w.depth + 1, e.relation${need > 0 ? `, ${hit}` : ""} FROM walk w ${cj} edge e ON e.parent = w.node ${join} WHERE w.depth < ?
),
nodes AS (
  SELECT node, MIN(depth) AS depth, MAX(depth) AS deepest, MIN(rel) AS rel,
    ${need > 0 ? "MAX(hit & 1) | MAX(hit & 2) | MAX(hit & 4)" : "0"} AS hit,
    ${wanted !== undefined ? "MAX(CASE WHEN rel = ? THEN 1 ELSE 0 END)" : "1"} AS wanted
  FROM walk WHERE node <> ? GROUP BY node
)
SELECT n.node AS node, ${withNames ? "m.name" : "''"} AS name, n.depth AS depth, n.deepest AS deepest, n.rel AS rel
  ${need > 0 ? ", n.hit AS hit" : ""}${wanted !== undefined ? ", n.wanted AS wanted" : ""}
FROM nodes n ${withNames ? `${cj} model m ON m.id = n.node ORDER BY n.depth, m.name` : ""}`,
    [start, ...bitParams, maxDepth, ...(wanted !== undefined ? [wanted] : []), start],
  );
  const counts = zeroCounts();
  const matched: { node: number; name: string; depth: number; relation: Relation }[] = [];
  const frontier: number[] = [];
  for (const row of rows) {
    if (row.deepest >= maxDepth) frontier.push(row.node);
    if (need > 0 && (num(row.hit) & need) !== need) continue;
    if (wanted !== undefined && num(row.wanted) !== 1) continue;
    const relation = RELATION_BY_CODE[row.rel] ?? "finetune";
    counts[relation]++;
    matched.push({ node: row.node, name: row.name, depth: row.depth, relation });
  }
  const visited = (): number[] => [start, ...rows.map((r) => r.node)];
  const complete = frontier.length === 0 || !(await frontierOpen(ex, "down", frontier, visited()));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const kept = matched.slice(0, Math.max(0, limit));
  const parentsOf = new Map<number, string[]>();
  if (options.withParents === true && kept.length > 0) {
    const inWalk = new Set(visited());
    const parentRows = await ex.all<{ child: number; parent: number; parent_name: string }>(
      `SELECT DISTINCT e.child AS child, e.parent AS parent, pm.name AS parent_name FROM edge e JOIN model pm ON pm.id = e.parent
WHERE e.child IN (${inList(ex, "int")}) ORDER BY pm.name`,
      [
        listParam(
          ex,
          kept.map((m) => m.node),
        ),
      ],
    );
    for (const row of parentRows) {
      if (!inWalk.has(row.parent)) continue;
      const list = parentsOf.get(row.child) ?? [];
      list.push(row.parent_name);
      parentsOf.set(row.child, list);
    }
  }
  const models: Descendant[] = kept.map((m) => ({
    id: m.name,
    depth: m.depth,
    relation: m.relation,
    parents: parentsOf.get(m.node) ?? [],
  }));
  return { id, total: matched.length, counts, models, truncated: kept.length < matched.length, complete };
}

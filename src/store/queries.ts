/**
 * Read queries over the registry tables, written once for both stores. Graph walks are recursive CTEs over
 * `edge` (indexed both ways); `UNION` drops repeated (node, depth) rows and every walk stops at a depth limit,
 * so a cycle in bad data costs at most `maxDepth` extra rows and never hangs a query. Descendants are read
 * from the closure instead (tree-queries.ts), and so are ancestors (ancestors.ts).
 */
import type { LineageDocument } from "../schema/lineage.js";
import { ancestorsOf, ancestorWalk } from "./ancestors.js";
import { hashKey, planDocument } from "./plan.js";
import { crossJoin, datasetId, depthLimit, frontierOpen, num } from "./query-helpers.js";
import { type Executor, inList, listParam } from "./sql.js";
import {
  type CommonResult,
  type DatasetsResult,
  type DocumentsResult,
  type LicenseClaim,
  type LicensesResult,
  type ModelInfo,
  RELATIONS,
  type StepEdge,
  type StoredDocument,
  type StoreStats,
  type TrainedOnResult,
  type WalkOptions,
} from "./store.js";

export async function trainedOn(
  ex: Executor,
  dataset: string,
  options: WalkOptions & { limit?: number } = {},
): Promise<TrainedOnResult> {
  const maxDepth = depthLimit(options);
  const ds = await datasetId(ex, dataset);
  if (ds === undefined)
    return { dataset, known: false, total: 0, models: [], truncated: false, complete: true };
  const rows = await ex.all<{ node: number; name: string; depth: number; deepest: number }>(
    `WITH RECURSIVE walk(node, depth) AS (
  SELECT s.output, 0 FROM step_dataset sd JOIN step s ON s.id = sd.step WHERE sd.dataset = ?
  UNION
  SELECT e.child, w.depth + 1 FROM walk w ${crossJoin(ex)} edge e ON e.parent = w.node WHERE w.depth < ?
),
nodes AS (SELECT node, MIN(depth) AS depth, MAX(depth) AS deepest FROM walk GROUP BY node)
SELECT n.node AS node, m.name AS name, n.depth AS depth, n.deepest AS deepest
FROM nodes n ${crossJoin(ex)} model m ON m.id = n.node`,
    [ds, maxDepth],
  );
  const all = rows
    .map((r) => ({ node: r.node, id: r.name, depth: num(r.depth), deepest: num(r.deepest) }))
    .sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const frontier = all.filter((r) => r.deepest >= maxDepth).map((r) => r.node);
  const complete =
    frontier.length === 0 ||
    !(await frontierOpen(
      ex,
      "down",
      frontier,
      all.map((r) => r.node),
    ));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const models = all.slice(0, Math.max(0, limit)).map((r) => ({ id: r.id, depth: r.depth }));
  return { dataset, known: true, total: all.length, models, truncated: models.length < all.length, complete };
}

export async function datasetsOf(ex: Executor, id: string, options?: WalkOptions): Promise<DatasetsResult> {
  const maxDepth = depthLimit(options);
  const nodes = await ex.all<{ node: number; depth: number; deepest: number }>(
    `${ancestorWalk(ex)} SELECT node, MIN(depth) AS depth, MAX(depth) AS deepest FROM walk GROUP BY node`,
    [id, maxDepth],
  );
  if (nodes.length === 0) return { id, datasets: [], complete: true };
  const visited = nodes.map((n) => n.node);
  const depthOf = new Map(nodes.map((n) => [n.node, num(n.depth)]));
  const rows = await ex.all<{ dataset: string; node: number; model: string }>(
    `SELECT DISTINCT ds.name AS dataset, s.output AS node, m.name AS model
FROM step s JOIN step_dataset sd ON sd.step = s.id JOIN dataset ds ON ds.id = sd.dataset JOIN model m ON m.id = s.output
WHERE s.output IN (${inList(ex, "int")})`,
    [listParam(ex, visited)],
  );
  const byDataset = new Map<string, { depth: number; models: Set<string> }>();
  for (const row of rows) {
    const depth = depthOf.get(row.node) ?? 0;
    const entry = byDataset.get(row.dataset) ?? { depth, models: new Set<string>() };
    entry.depth = Math.min(entry.depth, depth);
    entry.models.add(row.model);
    byDataset.set(row.dataset, entry);
  }
  const datasets = [...byDataset]
    .map(([name, e]) => ({ id: name, depth: e.depth, models: [...e.models].sort() }))
    .sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const frontier = nodes.filter((n) => num(n.deepest) >= maxDepth).map((n) => n.node);
  const complete = frontier.length === 0 || !(await frontierOpen(ex, "up", frontier, visited));
  return { id, datasets, complete };
}

/** The steps on one shortest path from `top` down to `bottom`, using the edges of an ancestors result. */
function pathDown(top: string, bottom: string, steps: readonly StepEdge[]): StepEdge[] {
  if (top === bottom) return [];
  const byChild = new Map<string, StepEdge[]>();
  for (const s of steps) byChild.set(s.child, [...(byChild.get(s.child) ?? []), s]);
  const via = new Map<string, StepEdge>();
  const queue = [bottom];
  const seen = new Set([bottom]);
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node === top) break;
    for (const s of byChild.get(node) ?? []) {
      if (seen.has(s.parent)) continue;
      seen.add(s.parent);
      via.set(s.parent, s);
      queue.push(s.parent);
    }
  }
  const path: StepEdge[] = [];
  let at = top;
  while (at !== bottom) {
    const s = via.get(at);
    if (s === undefined) return [];
    path.push(s);
    at = s.child;
  }
  return path;
}

export async function common(
  ex: Executor,
  a: string,
  b: string,
  options?: WalkOptions,
): Promise<CommonResult> {
  const [oa, ob] = await Promise.all([ancestorsOf(ex, a, options), ancestorsOf(ex, b, options)]);
  const [ua, ub] = [oa.result, ob.result];
  const da = new Map(ua.models.map((m) => [m.id, m.depth]));
  const db = new Map(ub.models.map((m) => [m.id, m.depth]));
  if (oa.found) da.set(a, 0);
  if (ob.found) db.set(b, 0);
  const shared = [...da]
    .filter(([name]) => db.has(name))
    .map(([name, d]) => ({ name, total: d + (db.get(name) ?? 0) }))
    .sort((x, y) => x.total - y.total || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const best = shared[0];
  if (best === undefined)
    return { a, b, nearest: null, alsoNearest: [], pathA: [], pathB: [], direct: false };
  return {
    a,
    b,
    nearest: best.name,
    alsoNearest: shared.filter((s) => s.total === best.total && s.name !== best.name).map((s) => s.name),
    pathA: pathDown(best.name, a, ua.steps),
    pathB: pathDown(best.name, b, ub.steps),
    direct: best.name === a || best.name === b,
  };
}

export async function documentsFor(ex: Executor, id: string): Promise<DocumentsResult> {
  const rows = await ex.all<{
    hash: string;
    source: string;
    added_at: string;
    current: number;
    body: string;
  }>(
    `SELECT d.hash AS hash, d.source AS source, d.added_at AS added_at, d.current AS current, b.body AS body
FROM document d JOIN model m ON m.id = d.subject JOIN document_body b ON b.id = d.id WHERE m.name = ? ORDER BY d.id`,
    [id],
  );
  const documents: StoredDocument[] = rows.map((r) => ({
    hash: r.hash,
    source: r.source,
    addedAt: r.added_at,
    current: num(r.current) === 1,
    document: JSON.parse(r.body) as LineageDocument,
  }));
  const current = documents.filter((d) => d.current);
  const disagreements: DocumentsResult["disagreements"] = [];
  if (new Set(current.map((d) => d.hash)).size > 1) {
    const claims = current.map((d) => ({
      source: d.source,
      hash: d.hash,
      value: planDocument(d.document).parents,
    }));
    const parentSets = new Set(claims.map((c) => JSON.stringify(c.value)));
    if (parentSets.size > 1) disagreements.push({ about: "parents", claims });
    else disagreements.push({ about: "content", claims: claims.map((c) => ({ ...c, value: [c.hash] })) });
  }
  return { id, documents, disagreements };
}

export async function model(ex: Executor, id: string): Promise<ModelInfo | undefined> {
  const rows = await ex.all<{ id: number; anonymous: number }>(
    "SELECT id, anonymous FROM model WHERE name = ?",
    [id],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const [parents, children, documents] = await Promise.all([
    ex.all<{ name: string }>(
      "SELECT DISTINCT pm.name AS name FROM edge e JOIN model pm ON pm.id = e.parent WHERE e.child = ? ORDER BY pm.name",
      [row.id],
    ),
    ex.all<{ n: number }>("SELECT COUNT(DISTINCT child) AS n FROM edge WHERE parent = ?", [row.id]),
    ex.all<{ n: number }>("SELECT COUNT(*) AS n FROM document WHERE subject = ?", [row.id]),
  ]);
  return {
    id,
    anonymous: num(row.anonymous) === 1,
    parents: parents.map((p) => p.name),
    children: num(children[0]?.n ?? 0),
    documents: num(documents[0]?.n ?? 0),
  };
}

export async function licenses(
  ex: Executor,
  refs: { models?: readonly string[]; datasets?: readonly string[] },
): Promise<LicensesResult> {
  const result: LicensesResult = { models: {}, datasets: {} };
  for (const [kind, names, table, target] of [
    [0, refs.models ?? [], "model", result.models],
    [1, refs.datasets ?? [], "dataset", result.datasets],
  ] as const) {
    if (names.length === 0) continue;
    for (const name of names) target[name] = [];
    const rows = await ex.all<{
      entity: string;
      license: string;
      license_name: string | null;
      license_link: string | null;
      source: string;
    }>(
      `SELECT DISTINCT t.name AS entity, c.license AS license, c.license_name AS license_name, c.license_link AS license_link, d.source AS source
FROM license_claim c JOIN ${table} t ON t.id = c.entity JOIN document d ON d.id = c.document
WHERE c.kind = ? AND t.name IN (${inList(ex, "text")}) ORDER BY t.name, c.license, d.source`,
      [kind, listParam(ex, names)],
    );
    for (const row of rows) {
      const claims = target[row.entity] ?? [];
      let claim = claims.find(
        (c) =>
          c.license === row.license &&
          (c.licenseName ?? null) === row.license_name &&
          (c.licenseLink ?? null) === row.license_link,
      );
      if (claim === undefined) {
        claim = { license: row.license, sources: [] } satisfies LicenseClaim;
        if (row.license_name !== null) claim.licenseName = row.license_name;
        if (row.license_link !== null) claim.licenseLink = row.license_link;
        claims.push(claim);
      }
      if (!claim.sources.includes(row.source)) claim.sources.push(row.source);
      target[row.entity] = claims;
    }
  }
  return result;
}

export async function hasDocument(ex: Executor, hash: string, source: string): Promise<boolean> {
  const rows = await ex.all("SELECT 1 AS one FROM document WHERE hkey = ? AND hash = ? AND source = ?", [
    hashKey(hash),
    hash,
    source,
  ]);
  return rows.length > 0;
}

export async function stats(ex: Executor, schemaVersion: number): Promise<StoreStats> {
  const rows = await ex.all<Record<string, unknown>>(
    `SELECT (SELECT COUNT(*) FROM model) AS models, (SELECT COUNT(*) FROM dataset) AS datasets,
(SELECT COUNT(*) FROM document) AS documents, (SELECT COUNT(*) FROM document WHERE current = 1) AS current_documents,
(SELECT COUNT(*) FROM step) AS steps, (SELECT COUNT(*) FROM edge) AS edges`,
    [],
  );
  const r = rows[0] ?? {};
  return {
    models: num(r.models ?? 0),
    datasets: num(r.datasets ?? 0),
    documents: num(r.documents ?? 0),
    currentDocuments: num(r.current_documents ?? 0),
    steps: num(r.steps ?? 0),
    edges: num(r.edges ?? 0),
    schemaVersion,
  };
}

export { ancestors } from "./ancestors.js";
export { RELATIONS };

/**
 * Ancestors of a model with the steps between them, read from the closure (schema 3) in one statement: the
 * model and its ancestors, each with the edges into it and their step, document and datasets. Parent and
 * child names come from the nodes themselves (a parent outside them marks the answer incomplete), and the
 * order is made in JavaScript, so the statement joins no more than it reads (issue 13: ancestors within 1.5x
 * of a bare walk).
 */
import { CLOSURE_DEPTH } from "./closure.js";
import { RELATION_BY_CODE } from "./plan.js";
import { crossJoin, depthLimit, num } from "./query-helpers.js";
import { type Executor, rowsOf } from "./sql.js";
import type { AncestorsResult, StepEdge, WalkOptions } from "./store.js";

/** Walk up from the model named by the first parameter (no rows if there is no such model). */
export const ancestorWalk = (ex: Executor): string => `WITH RECURSIVE walk(node, depth) AS (
  SELECT id, 0 FROM model WHERE name = ?
  UNION
  SELECT e.parent, w.depth + 1 FROM walk w ${crossJoin(ex)} edge e ON e.child = w.node WHERE w.depth < ?
)`;

/**
 * The model named by the first parameter (depth 0) and its ancestors within the depth limit, with their
 * names: from the closure (two index range reads), or by a walk beyond the closure's depth.
 */
function ancestorNodes(ex: Executor, walk: boolean): string {
  const cross = crossJoin(ex);
  if (walk)
    return `${ancestorWalk(ex)}, nodes AS (
  SELECT x.node, x.depth, m.name FROM (SELECT node, MIN(depth) AS depth FROM walk GROUP BY node) x ${cross} model m ON m.id = x.node
)`;
  return `WITH nodes AS (
  SELECT m.id AS node, 0 AS depth, m.name AS name FROM model m WHERE m.name = ?
  UNION ALL
  SELECT c.ancestor, c.depth, am.name FROM model m ${cross} closure c ON c.descendant = m.id ${cross} model am ON am.id = c.ancestor
  WHERE m.name = ? AND c.depth <= ?
)`;
}

/** The statement, built once per dialect and kind (the same string object: its prepared form is found at once). */
const statements = new Map<string, string>();

export function ancestorsSql(ex: Executor, walk: boolean): string {
  const key = `${ex.dialect}:${walk}`;
  let sql = statements.get(key);
  if (sql === undefined) {
    // Columns in the order of `C` below; rows come as arrays (Executor.rows), not objects. One row per edge
    // and dataset of its step (a correlated list per edge cost SQLite half the statement's time).
    sql = `${ancestorNodes(ex, walk)}
SELECT n.node, n.depth, n.name, e.parent, s.step_id, s.kind, e.relation, s.name, s.objective,
  s.parameterization, s.method, s.hyperparameters, d.source, d.hash, ds.name, s.id
FROM nodes n
LEFT JOIN edge e ON e.child = n.node
LEFT JOIN step s ON s.id = e.step
LEFT JOIN document d ON d.id = s.document
LEFT JOIN step_dataset sd ON sd.step = s.id
LEFT JOIN dataset ds ON ds.id = sd.dataset`;
    statements.set(key, sql);
  }
  return sql;
}

/** Column positions in a row of {@link ancestorsSql}. */
const C = {
  node: 0,
  depth: 1,
  nodeName: 2,
  parent: 3,
  stepId: 4,
  kind: 5,
  relation: 6,
  name: 7,
  objective: 8,
  parameterization: 9,
  method: 10,
  hyperparameters: 11,
  source: 12,
  hash: 13,
  dataset: 14,
  stepRow: 15,
} as const;

/**
 * Orders strings by code point: the byte order of their UTF-8 (SQLite's BINARY collation, PostgreSQL's "C"),
 * which differs from JavaScript's `<` (UTF-16 code units) only where a character beyond U+FFFF meets one
 * from U+E000 to U+FFFF.
 */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const text = (row: unknown[], i: number): string | null => (row[i] ?? null) as string | null;

function toStepEdge(row: unknown[], parent: string): StepEdge {
  const edge: StepEdge = {
    parent,
    child: row[C.nodeName] as string,
    stepId: row[C.stepId] as string,
    kind: row[C.kind] as StepEdge["kind"],
    relation: RELATION_BY_CODE[num(row[C.relation])] ?? "finetune",
    datasets: [],
    source: row[C.source] as string,
    document: row[C.hash] as string,
  };
  const name = text(row, C.name);
  const objective = text(row, C.objective);
  const parameterization = text(row, C.parameterization);
  const method = text(row, C.method);
  const hyperparameters = text(row, C.hyperparameters);
  if (name !== null) edge.name = name;
  if (objective !== null) edge.objective = objective;
  if (parameterization !== null) edge.parameterization = parameterization;
  if (method !== null) edge.method = method;
  if (hyperparameters !== null) edge.hyperparameters = JSON.parse(hyperparameters);
  return edge;
}

/** Steps into one model: by parent name, document, step id (the rest of the order SQL used to make). */
function compareSteps(a: StepEdge, b: StepEdge): number {
  return (
    byCodePoint(a.parent, b.parent) || byCodePoint(a.document, b.document) || byCodePoint(a.stepId, b.stepId)
  );
}

interface Node {
  id: number;
  name: string;
  depth: number;
  hasParent: boolean;
  steps: StepEdge[];
}

/** Ancestors, and whether the model exists at all. */
export async function ancestorsOf(
  ex: Executor,
  id: string,
  options?: WalkOptions,
): Promise<{ result: AncestorsResult; found: boolean }> {
  const maxDepth = depthLimit(options);
  const walk = maxDepth > CLOSURE_DEPTH;
  const rows = await rowsOf(ex, ancestorsSql(ex, walk), walk ? [id, maxDepth] : [id, id, maxDepth]);
  const nodes = new Map<number, Node>();
  let start: Node | undefined;
  for (const row of rows) {
    const key = num(row[C.node]);
    if (nodes.has(key)) continue;
    const node: Node = {
      id: key,
      name: row[C.nodeName] as string,
      depth: num(row[C.depth]),
      hasParent: false,
      steps: [],
    };
    nodes.set(key, node);
    if (node.depth === 0) start = node;
  }
  if (start === undefined)
    return { result: { id, models: [], steps: [], roots: [], complete: true }, found: false };
  let complete = true;
  // An edge comes once per dataset of its step: the first of its rows makes it, the others add a dataset.
  const edges = new Map<string, StepEdge>();
  for (const row of rows) {
    if (row[C.parent] === null) continue;
    const node = nodes.get(num(row[C.node])) as Node;
    node.hasParent = true;
    const parent = nodes.get(num(row[C.parent]));
    if (parent === undefined) {
      complete = false;
      continue;
    }
    const key = `${node.id} ${parent.id} ${num(row[C.stepRow])}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = toStepEdge(row, parent.name);
      edges.set(key, edge);
      node.steps.push(edge);
    }
    const dataset = row[C.dataset];
    if (typeof dataset === "string") edge.datasets.push(dataset);
  }
  for (const edge of edges.values()) if (edge.datasets.length > 1) edge.datasets.sort();
  // Models by depth then name; steps by their model's place in that order (the start first), then within it.
  const ranked: Node[] = [];
  for (const node of nodes.values()) if (node !== start) ranked.push(node);
  ranked.sort((a, b) => a.depth - b.depth || byCodePoint(a.name, b.name));
  const steps: StepEdge[] = [];
  const models: { id: string; depth: number }[] = [];
  const roots: string[] = [];
  for (const node of [start, ...ranked]) {
    if (node.steps.length > 1) node.steps.sort(compareSteps);
    steps.push(...node.steps);
    if (node === start) continue;
    models.push({ id: node.name, depth: node.depth });
    if (!node.hasParent) roots.push(node.name);
  }
  return { result: { id, models, steps, roots: roots.sort(), complete }, found: true };
}

export async function ancestors(ex: Executor, id: string, options?: WalkOptions): Promise<AncestorsResult> {
  return (await ancestorsOf(ex, id, options)).result;
}

/**
 * Ancestors of a model with the steps between them, read from the closure (schema 3) in one statement: the
 * model and its ancestors, each with the edges into it and their step. The step row holds its document's
 * hash and source and its datasets' names (schema 8), so nothing else is joined. Parent and child names come
 * from the nodes themselves (a parent outside them marks the answer incomplete), and the order is made in
 * JavaScript, so the statement joins no more than it reads (issue 13: ancestors within 1.5x of a bare walk).
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

/** The statement per dialect, [within the closure, beyond it]: the same string object each time (its prepared form is found at once). */
const statements = { sqlite: ["", ""], postgres: ["", ""] };

export function ancestorsSql(ex: Executor, walk: boolean): string {
  const cached = statements[ex.dialect];
  const kind = walk ? 1 : 0;
  let sql = cached[kind] as string;
  if (sql === "") {
    // Columns in the order of `C` below; rows come as arrays (Executor.rows), not objects: one row per node
    // without parents, one per edge otherwise. Reading the document and the datasets from the step row (schema
    // 8) instead of joining `document` and listing `step_dataset` took the statement from 1.72-2.06x to
    // 1.34-1.38x of the bare walk (200k, SQLite; docs/bench.md).
    sql = `${ancestorNodes(ex, walk)}
SELECT n.node, n.depth, n.name, e.parent, s.step_id, s.kind, e.relation, s.name, s.objective,
  s.parameterization, s.method, s.hyperparameters, s.doc_source, s.doc_hash, s.dataset_names
FROM nodes n
LEFT JOIN edge e ON e.child = n.node
LEFT JOIN step s ON s.id = e.step`;
    cached[kind] = sql;
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
  /** The step's dataset names as a JSON array, or null for none. */
  datasets: 14,
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

/** A JSON array of names (a step's datasets), null or "[]" for none. */
function datasetList(value: unknown): string[] {
  return typeof value === "string" && value.length > 2 ? (JSON.parse(value) as string[]) : [];
}

function toStepEdge(row: unknown[], parent: string): StepEdge {
  const edge: StepEdge = {
    parent,
    child: row[C.nodeName] as string,
    stepId: row[C.stepId] as string,
    kind: row[C.kind] as StepEdge["kind"],
    relation: RELATION_BY_CODE[num(row[C.relation])] ?? "finetune",
    datasets: datasetList(row[C.datasets]),
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

/** The model and its ancestors, from the first row of each (a node's rows come together). */
function nodesOf(rows: readonly unknown[][]): { nodes: Map<number, Node>; start: Node | undefined } {
  const nodes = new Map<number, Node>();
  let start: Node | undefined;
  let last: Node | undefined;
  for (const row of rows) {
    const id = num(row[C.node]);
    if (last?.id === id) continue;
    last = nodes.get(id);
    if (last !== undefined) continue;
    const depth = num(row[C.depth]);
    last = { id, name: row[C.nodeName] as string, depth, hasParent: false, steps: [] };
    nodes.set(id, last);
    if (depth === 0) start = last;
  }
  return { nodes, start };
}

/** Puts each row's edge into its node's steps; false if a parent is outside the nodes (the depth limit cut the walk). */
function addEdges(rows: readonly unknown[][], nodes: Map<number, Node>): boolean {
  let complete = true;
  let last: Node | undefined;
  for (const row of rows) {
    const parentId = row[C.parent];
    if (parentId === null) continue;
    const id = num(row[C.node]);
    const node = last?.id === id ? last : (nodes.get(id) as Node);
    last = node;
    node.hasParent = true;
    const parent = nodes.get(num(parentId));
    if (parent === undefined) {
      complete = false;
      continue;
    }
    node.steps.push(toStepEdge(row, parent.name));
  }
  return complete;
}

/** A node's steps in their order, each step's datasets sorted. */
function addSteps(node: Node, steps: StepEdge[]): void {
  const own = node.steps;
  if (own.length > 1) own.sort(compareSteps);
  for (const edge of own) {
    if (edge.datasets.length > 1) edge.datasets.sort();
    steps.push(edge);
  }
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
  const { nodes, start } = nodesOf(rows);
  if (start === undefined)
    return { result: { id, models: [], steps: [], roots: [], complete: true }, found: false };
  const complete = addEdges(rows, nodes);
  // Models by depth then name; steps by their model's place in that order (the start first), then within it.
  const ranked: Node[] = [];
  for (const node of nodes.values()) if (node !== start) ranked.push(node);
  if (ranked.length > 1) ranked.sort((a, b) => a.depth - b.depth || byCodePoint(a.name, b.name));
  const steps: StepEdge[] = [];
  const models: { id: string; depth: number }[] = [];
  const roots: string[] = [];
  addSteps(start, steps);
  for (const node of ranked) {
    addSteps(node, steps);
    models.push({ id: node.name, depth: node.depth });
    if (!node.hasParent) roots.push(node.name);
  }
  return { result: { id, models, steps, roots: roots.sort(), complete }, found: true };
}

export async function ancestors(ex: Executor, id: string, options?: WalkOptions): Promise<AncestorsResult> {
  return (await ancestorsOf(ex, id, options)).result;
}

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

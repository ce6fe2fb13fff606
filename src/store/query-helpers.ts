/** Small pieces shared by the read queries of both stores (queries.ts, tree-queries.ts, walk-descendants.ts). */
import { type Executor, inList, listParam } from "./sql.js";
import { DEFAULT_MAX_DEPTH, type Relation, type WalkOptions } from "./store.js";

export function depthLimit(options: WalkOptions | undefined): number {
  const d = options?.maxDepth;
  if (d === undefined) return DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(d) || d < 0) throw new RangeError(`maxDepth must be a whole number ≥ 0, got ${d}`);
  return d;
}

export const zeroCounts = (): Record<Relation, number> => ({
  finetune: 0,
  adapter: 0,
  merge: 0,
  quantized: 0,
});
export const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));

export async function modelId(ex: Executor, name: string): Promise<number | undefined> {
  const rows = await ex.all<{ id: number }>("SELECT id FROM model WHERE name = ?", [name]);
  return rows[0]?.id;
}

export async function datasetId(ex: Executor, name: string): Promise<number | undefined> {
  const rows = await ex.all<{ id: number }>("SELECT id FROM dataset WHERE name = ?", [name]);
  return rows[0]?.id;
}

/** Do any of these frontier nodes have children (or parents, going up) outside the visited set? */
export async function frontierOpen(
  ex: Executor,
  direction: "down" | "up",
  frontier: readonly number[],
  visited: readonly number[],
): Promise<boolean> {
  if (frontier.length === 0) return false;
  const [from, to] = direction === "down" ? ["parent", "child"] : ["child", "parent"];
  const rows = await ex.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM edge WHERE ${from} IN (${inList(ex, "int")}) AND ${to} NOT IN (${inList(ex, "int")})`,
    [listParam(ex, frontier), listParam(ex, visited)],
  );
  return num(rows[0]?.n ?? 0) > 0;
}

/** SQLite runs `CROSS JOIN` in the order written (walk first, then index lookups), whatever its statistics say. */
export function crossJoin(ex: Executor): string {
  return ex.dialect === "sqlite" ? "CROSS JOIN" : "JOIN";
}

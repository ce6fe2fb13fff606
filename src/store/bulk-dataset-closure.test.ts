import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { above } from "./_test-graph.js";
import { bulkClosure, EdgeCollector } from "./bulk-closure.js";
import { datasetClosure, stepDatasets } from "./bulk-dataset-closure.js";

/** parent, child, relation, step (each edge its own step here; step s used datasets `used[s]`). */
type Edge = [parent: number, child: number, relation: number];

/** Models at or above v (v included), by any path. */
const atOrAbove = (edges: readonly Edge[], v: number): Set<number> => new Set([v, ...above(edges, v)]);

/**
 * dataset-closure.ts's definition, directly: (d, a) holds x when an edge p → m whose step used x has m at
 * or above d and a at or above p.
 */
function expectedRows(edges: readonly Edge[], used: readonly number[][], d: number, a: number): number[] {
  const upD = atOrAbove(edges, d);
  const out = new Set<number>();
  edges.forEach((e, s) => {
    if (upD.has(e[1]) && atOrAbove(edges, e[0]).has(a)) for (const x of used[s] ?? []) out.add(x);
  });
  return [...out].sort((x, y) => x - y);
}

const dags = fc
  .integer({ min: 2, max: 18 })
  .chain((size) =>
    fc.tuple(
      fc.constant(size),
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: size - 1 }),
          fc.integer({ min: 0, max: size - 1 }),
          fc.integer({ min: 0, max: 3 }),
          fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
        ),
        { maxLength: 40 },
      ),
    ),
  );

describe("datasetClosure", () => {
  it("gives every closure row the datasets of the steps on its paths, and counts them", () => {
    fc.assert(
      fc.property(dags, ([size, raw]) => {
        const kept = raw
          .filter(([a, b]) => a !== b)
          .map(([a, b, r, xs]) => ({ e: [Math.min(a, b), Math.max(a, b), r] as Edge, xs }));
        const edges = kept.map((k) => k.e);
        const used = kept.map((k) => k.xs);
        const collector = new EdgeCollector();
        for (const [s, e] of edges.entries()) collector.add(e[0], e[1], e[2], 0, s);
        const closure = bulkClosure(collector.edges(), size);
        if (closure === undefined) throw new Error("over the row limit");
        const pairs = used.flatMap((xs, s) => xs.map((x) => [s, x] as const));
        const perDataset = datasetClosure(closure.graph, collector.edges(), stepDatasets(pairs), size);
        const rows: string[] = [];
        perDataset.forEachRow((d, a, x, depth, relation) => rows.push(`${d} ${a} ${x} ${depth} ${relation}`));
        const expected: string[] = [];
        const counts = new Map<string, number>();
        closure.forEachRow((d, a, depth, relation) => {
          for (const x of expectedRows(edges, used, d, a)) {
            expected.push(`${d} ${a} ${x} ${depth} ${relation}`);
            counts.set(`${a} ${x} ${relation}`, (counts.get(`${a} ${x} ${relation}`) ?? 0) + 1);
          }
        });
        expect(rows).toEqual(expected);
        expect(perDataset.rows).toBe(expected.length);
        // Written slice by slice (PostgreSQL's COPY of a bulk load), the rows are the same, in the same order.
        const sliced: string[] = [];
        const closureSliced: string[] = [];
        for (let from = 0; from < size; from += 3) {
          perDataset.forEachRow(
            (d, a, x, depth, relation) => sliced.push(`${d} ${a} ${x} ${depth} ${relation}`),
            from,
            from + 3,
          );
          closure.forEachRow((d, a) => closureSliced.push(`${d} ${a}`), from, from + 3);
        }
        expect(sliced).toEqual(rows);
        const whole: string[] = [];
        closure.forEachRow((d, a) => whole.push(`${d} ${a}`));
        expect(closureSliced).toEqual(whole);
        const got: string[] = [];
        perDataset.forEachCount((m, x, relation, n) => got.push(`${m} ${x} ${relation} ${n}`));
        const want = [...counts]
          .map(([k, n]) => [...k.split(" ").map(Number), n] as number[])
          .sort(
            (p, q) =>
              (p[0] as number) - (q[0] as number) ||
              (p[1] as number) - (q[1] as number) ||
              (p[2] as number) - (q[2] as number),
          )
          .map((v) => v.join(" "));
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it("reads steps without datasets, and steps past the last one that has any", () => {
    const used = stepDatasets([
      [2, 7],
      [2, 5],
    ]);
    expect([...used.start]).toEqual([0, 0, 0, 2]);
    const collector = new EdgeCollector();
    collector.add(0, 1, 3, 0, 2);
    collector.add(1, 2, 3, 0, 9);
    collector.add(2, 3, 3, 0);
    const closure = bulkClosure(collector.edges(), 4);
    const rows: string[] = [];
    datasetClosure(
      closure?.graph as NonNullable<typeof closure>["graph"],
      collector.edges(),
      used,
      4,
    ).forEachRow((d, a, x) => rows.push(`${d} ${a} ${x}`));
    expect(rows).toEqual(["1 0 5", "1 0 7", "2 0 5", "2 0 7", "3 0 5", "3 0 7"]);
  });
});

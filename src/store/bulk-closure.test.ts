import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { above } from "./_test-graph.js";
import { bulkClosure, EdgeCollector } from "./bulk-closure.js";
import { CLOSURE_DEPTH, countCode, MASK_BITS } from "./closure.js";
import { copyValue } from "./pg-copy.js";

type Edge = [parent: number, child: number, relation: number, bits: number];

/** The walk up of closure.ts `walkUpSql`, in JavaScript: every (node, depth, rel, mask) state, deduplicated. */
function walkUp(
  edges: readonly Edge[],
  origin: number,
): Map<number, { depth: number; relation: number; mask: number }> {
  const seen = new Set<string>();
  let frontier = edges
    .filter((e) => e[1] === origin)
    .map((e) => ({ node: e[0], depth: 1, rel: e[2], mask: e[3] }));
  const all: typeof frontier = [];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const s of frontier) {
      const key = `${s.node} ${s.depth} ${s.rel} ${s.mask}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(s);
      if (s.depth < CLOSURE_DEPTH)
        for (const e of edges)
          if (e[1] === s.node) next.push({ node: e[0], depth: s.depth + 1, rel: s.rel, mask: s.mask | e[3] });
    }
    frontier = next;
  }
  const rows = new Map<number, { depth: number; relation: number; mask: number }>();
  for (const s of all) {
    if (s.node === origin) continue;
    const row = rows.get(s.node);
    if (row === undefined) rows.set(s.node, { depth: s.depth, relation: s.rel, mask: s.mask });
    else {
      row.depth = Math.min(row.depth, s.depth);
      row.relation = Math.min(row.relation, s.rel);
      row.mask |= s.mask;
    }
  }
  return rows;
}

function closureOf(edges: readonly Edge[], size: number) {
  const collector = new EdgeCollector();
  for (const e of edges) collector.add(...e);
  const closure = bulkClosure(collector.edges(), size);
  if (closure === undefined) throw new Error("over the row limit");
  const rows: string[] = [];
  closure.forEachRow((d, a, depth, relation, mask) => rows.push(`${d} ${a} ${depth} ${relation} ${mask}`));
  const counts: string[] = [];
  closure.forEachCount((m, code, n) => counts.push(`${m} ${code} ${n}`));
  return { rows, counts, fallback: closure.fallback };
}

const graph = fc
  .integer({ min: 2, max: 25 })
  .chain((size) =>
    fc.tuple(
      fc.constant(size),
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: size - 1 }),
          fc.integer({ min: 0, max: size - 1 }),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: (1 << MASK_BITS) - 1 }),
          fc.boolean(),
        ),
        { maxLength: 50 },
      ),
    ),
  );

describe("bulkClosure", () => {
  it("gives the walk up's rows, in (descendant, ancestor) order, and leaves cycles to the walk", () => {
    fc.assert(
      fc.property(graph, ([size, raw]) => {
        // Mostly a DAG (parent below child), sometimes an edge back (a cycle); no self-loops, as planned.
        const edges: Edge[] = raw
          .filter(([a, b]) => a !== b)
          .map(([a, b, r, bits, back]) => (back || a < b ? [a, b, r, bits] : [b, a, r, bits]));
        const { rows, counts, fallback } = closureOf(edges, size);
        const expected: string[] = [];
        const expectedCounts = new Map<string, number>();
        const skipped = new Set(fallback);
        for (let d = 0; d < size; d++) {
          if (skipped.has(d)) continue;
          const up = [...walkUp(edges, d)].sort((x, y) => x[0] - y[0]);
          for (const [a, r] of up) {
            expected.push(`${d} ${a} ${r.depth} ${r.relation} ${r.mask}`);
            const add = (code: number): void => {
              expectedCounts.set(`${a} ${code}`, (expectedCounts.get(`${a} ${code}`) ?? 0) + 1);
            };
            add(r.relation);
            for (let b = 0; b < MASK_BITS; b++) if ((r.mask & (1 << b)) !== 0) add(countCode(b, r.relation));
          }
        }
        expect(rows).toEqual(expected);
        // Left to the walk: exactly the models on a cycle or below one (no path here nears the depth limit).
        const onCycle = (v: number): boolean => above(edges, v).has(v);
        const expectedFallback = Array.from({ length: size }, (_, v) => v).filter(
          (v) => onCycle(v) || [...above(edges, v)].some(onCycle),
        );
        expect(fallback).toEqual(expectedFallback);
        if (fallback.length === 0) {
          const sorted = [...expectedCounts]
            .map(([k, n]) => {
              const [m, code] = k.split(" ").map(Number) as [number, number];
              return { m, code, n };
            })
            .sort((x, y) => x.m - y.m || x.code - y.code)
            .map((x) => `${x.m} ${x.code} ${x.n}`);
          expect(counts).toEqual(sorted);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("leaves the models below a path longer than the depth limit to the walk", () => {
    const chain: Edge[] = Array.from({ length: CLOSURE_DEPTH + 5 }, (_, i) => [i, i + 1, 3, 1]);
    const { fallback, rows } = closureOf(chain, CLOSURE_DEPTH + 6);
    expect(fallback).toEqual([
      CLOSURE_DEPTH + 1,
      CLOSURE_DEPTH + 2,
      CLOSURE_DEPTH + 3,
      CLOSURE_DEPTH + 4,
      CLOSURE_DEPTH + 5,
    ]);
    expect(rows.length).toBe((CLOSURE_DEPTH * (CLOSURE_DEPTH + 1)) / 2);
  });

  it("gives up past its row limit", () => {
    const collector = new EdgeCollector();
    for (let i = 0; i < 100; i++) collector.add(i, i + 1, 3, 0);
    expect(bulkClosure(collector.edges(), 101, 1000)).toBeUndefined();
    expect(bulkClosure(collector.edges(), 101, 10_000)).toBeDefined();
  });
});

describe("copyValue", () => {
  it("escapes COPY's text format", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(12)).toBe("12");
    expect(copyValue('{"a":"x\\"y"}')).toBe('{"a":"x\\\\"y"}');
    expect(copyValue("a\tb\nc\rd")).toBe("a\\tb\\nc\\rd");
    expect(copyValue("\\N")).toBe("\\\\N");
  });
});

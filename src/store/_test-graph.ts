/**
 * Test helper for the in-memory closure tests: the models above one model, by a plain walk over an edge list
 * (the reference the closure is checked against).
 */

/** Every model with a path to `v` over `edges` ([parent, child, …]); `v` itself only when it is on a cycle. */
export function above(edges: readonly (readonly [number, number, ...number[]])[], v: number): Set<number> {
  const out = new Set<number>();
  const todo = [v];
  while (todo.length > 0) {
    const n = todo.pop() as number;
    for (const e of edges)
      if (e[1] === n && !out.has(e[0])) {
        out.add(e[0]);
        todo.push(e[0]);
      }
  }
  return out;
}

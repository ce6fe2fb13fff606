/** Timing ftl against its floor, pair by pair, alternating which of the two runs first. */

/** Wall milliseconds per call, and this process's CPU milliseconds per call (on SQLite, the query's own work). */
export interface Timings {
  ftl: number[];
  floor: number[];
  ftlCpu: number[];
  floorCpu: number[];
}

/** Times `ftl` and `floor` on every sample, alternating which goes first; returns both timing lists. */
export async function timePairs<T>(
  items: readonly T[],
  ftl: (item: T) => Promise<unknown>,
  floor: (item: T) => Promise<unknown>,
): Promise<Timings> {
  const out: Timings = { ftl: [], floor: [], ftlCpu: [], floorCpu: [] };
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const runs = i % 2 === 0 ? ([ftl, floor] as const) : ([floor, ftl] as const);
    for (const run of runs) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await run(item);
      const wall = performance.now() - t;
      const used = process.cpuUsage(cpu);
      (run === ftl ? out.ftl : out.floor).push(wall);
      (run === ftl ? out.ftlCpu : out.floorCpu).push((used.user + used.system) / 1000);
    }
  }
  return out;
}

/**
 * The registry benchmark's model-tree, stream and search figures (issue 13), each timed beside its floor:
 * the tree view (counts + first page of 50) of the widest bases and of a sample of models, the next page,
 * filtered views, the whole answer streamed, and prefix search. Used by bench/registry.ts.
 */
import type { Store } from "../../src/store/index.js";
import { prefixUpperBound } from "../../src/store/search.js";
import type { Floor } from "./floor.js";
import { type Timings, timePairs } from "./pairs.js";

export interface TreeTargets {
  /** The widest bases to time one by one (the first is the widest). */
  wide: { id: string; descendants: number }[];
  /** Models for the "any model" sample. */
  sample: string[];
  /** Prefixes to search for. */
  prefixes: string[];
  /** A dataset used by many steps, and one from the generator's random sample. */
  datasets: string[];
  reps: number;
}

/** Sample prefixes: the first 2–12 characters of model ids. */
export function prefixesOf(ids: readonly string[], count: number): string[] {
  return ids.slice(0, count).map((id, i) => id.slice(0, 2 + (i % 11)));
}

async function count(iterable: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of iterable) n++;
  return n;
}

const searchFloor = async (floor: Floor, prefix: string): Promise<string[][]> => {
  const upper = prefixUpperBound(prefix) ?? "\u{10FFFF}";
  return Promise.all([
    floor.run("searchModels", [prefix, upper]),
    floor.run("searchDatasets", [prefix, upper]),
  ]);
};

/** One-time checks: each returns a mismatch name or undefined. */
export async function checkTree(store: Store, floor: Floor, t: TreeTargets): Promise<string[]> {
  const bad: string[] = [];
  for (const base of t.wide) {
    const page = await store.descendantsPage(base.id);
    if (page.total !== base.descendants || page.models.length !== Math.min(50, base.descendants))
      bad.push(`tree view ${base.id}`);
    const [streamed, walked] = await Promise.all([
      count(store.streamDescendants(base.id)),
      floor.run("descendantCount", [base.id]),
    ]);
    if (streamed !== Number(walked[0])) bad.push(`stream ${base.id}`);
  }
  for (const prefix of t.prefixes.slice(0, 100)) {
    const [found, [models, datasets]] = await Promise.all([store.search(prefix), searchFloor(floor, prefix)]);
    // The floor lists anonymous checkpoints too (ftl leaves them out): compare named ones.
    const named = (models ?? []).filter((m) => !m.includes("#"));
    if (JSON.stringify(found.models) !== JSON.stringify(named.slice(0, found.models.length)))
      bad.push("search models");
    if (JSON.stringify(found.datasets) !== JSON.stringify(datasets)) bad.push("search datasets");
  }
  return bad;
}

/** One round of every figure, as [name, timings]. */
export async function treeRound(store: Store, floor: Floor, t: TreeTargets): Promise<[string, Timings][]> {
  const out: [string, Timings][] = [];
  const firstPageFloor = (id: string) => floor.run("firstPage", [id]);
  const widest = t.wide[0];
  for (const base of t.wide) {
    const reps = Array.from({ length: t.reps * 4 }, () => base.id);
    out.push([
      `tree view ${base.id}`,
      await timePairs(reps, (id) => store.descendantsPage(id), firstPageFloor),
    ]);
    const next = (await store.descendantsPage(base.id)).next;
    if (next !== null)
      out.push([
        `tree view next page ${base.id}`,
        await timePairs(reps, (id) => store.descendantsPage(id, { cursor: next }), firstPageFloor),
      ]);
  }
  if (widest !== undefined) {
    const reps = Array.from({ length: t.reps * 4 }, () => widest.id);
    const filters: [string, Parameters<Store["descendantsPage"]>[1]][] = [
      ["--objective dpo", { objective: "dpo" }],
      ["--param lora", { parameterization: "lora" }],
      ...t.datasets.map((d, i): [string, { dataset: string }] => [
        `--dataset (${i === 0 ? "most used" : "sampled"})`,
        { dataset: d },
      ]),
    ];
    for (const [name, filter] of filters)
      out.push([
        `tree view ${name} ${widest.id}`,
        await timePairs(reps, (id) => store.descendantsPage(id, filter), firstPageFloor),
      ]);
    const popular = t.datasets[0];
    if (popular !== undefined) {
      const next = (await store.descendantsPage(widest.id, { dataset: popular })).next;
      if (next !== null)
        out.push([
          `tree view --dataset (most used) next page ${widest.id}`,
          await timePairs(
            reps,
            (id) => store.descendantsPage(id, { dataset: popular, cursor: next }),
            firstPageFloor,
          ),
        ]);
    }
    out.push([
      `stream all ${widest.id}`,
      await timePairs(
        Array.from({ length: t.reps }, () => widest.id),
        (id) => count(store.streamDescendants(id)),
        (id) => floor.run("descendants", [id]),
      ),
    ]);
  }
  out.push([
    "tree view (sample)",
    await timePairs(t.sample, (id) => store.descendantsPage(id), firstPageFloor),
  ]);
  const popular = t.datasets[0];
  if (popular !== undefined)
    out.push([
      "tree view --dataset (most used) (sample)",
      await timePairs(t.sample, (id) => store.descendantsPage(id, { dataset: popular }), firstPageFloor),
    ]);
  out.push([
    "search",
    await timePairs(
      t.prefixes,
      (p) => store.search(p),
      (p) => searchFloor(floor, p),
    ),
  ]);
  out.push([
    "search ignoring case",
    await timePairs(
      t.prefixes.map((p) => p.toLowerCase()),
      (p) => store.search(p, { ignoreCase: true }),
      (p) => searchFloor(floor, p),
    ),
  ]);
  return out;
}

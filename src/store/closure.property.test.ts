/**
 * Property: after every batch of a random sequence of adds, replacements (a newer document for the same
 * subject and source), re-adds of older documents and edges that close cycles, on both stores, every count
 * and page of the model-tree view equals a recomputation from scratch by bare recursive SQL: the walk the
 * registry used before schema 3 (walkDescendants) for every model and filter, and a walk down from every
 * model for the stored closure and counts, and for the closure per dataset and its counts (schema 6).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  countsOf,
  datasetCountsOf,
  referenceClosure,
  referenceDatasetRows,
  sortedDatasetRows,
  sortedEntries,
  storedClosure,
  storedCounts,
  storedDatasetCounts,
  storedDatasetRows,
} from "./_reference.js";
import { oneStep, storeKinds, type TestRegistry } from "./_test-stores.js";
import { openStore } from "./index.js";
import type { Executor } from "./sql.js";
import type { AddInput, Descendant, DescendantsOptions, DescendantsResult, Store } from "./store.js";
import { walkDescendants } from "./walk-descendants.js";

const MODELS = ["m/0", "m/1", "m/2", "m/3", "m/4", "m/5", "m/6"];
const FILTERS: DescendantsOptions[] = [
  {},
  { objective: "dpo" },
  { parameterization: "lora" },
  { objective: "sft", parameterization: "lora" },
  { dataset: "d/1" },
  { dataset: "d/0" },
  { dataset: "d/1", relation: "merge" },
  { dataset: "d/0", objective: "dpo" },
  { dataset: "d/1", maxDepth: 1 },
  { relation: "merge" },
  { maxDepth: 1 },
];
/** Checked after every batch (all of FILTERS after the last one). */
const EVERY_BATCH: DescendantsOptions[] = [{}, { dataset: "d/1" }];

const docArb = fc
  .record({
    subject: fc.integer({ min: 1, max: MODELS.length - 1 }),
    parents: fc.uniqueArray(fc.integer({ min: 0, max: MODELS.length - 1 }), { maxLength: 2 }),
    kind: fc.constantFrom("fine-tune", "merge", "quantization"),
    objective: fc.constantFrom("sft", "dpo", undefined),
    parameterization: fc.constantFrom("lora", "full", undefined),
    datasets: fc.subarray(["d/0", "d/1"]),
    source: fc.constantFrom("a", "b"),
  })
  .map((d): AddInput => {
    const parents = d.parents.filter((p) => p !== d.subject).map((p) => MODELS[p] as string);
    const kind = d.kind as "fine-tune" | "merge" | "quantization";
    return {
      source: d.source,
      document: oneStep(MODELS[d.subject] as string, parents, {
        kind,
        ...(kind === "fine-tune" && d.objective ? { objective: d.objective } : {}),
        ...(kind === "fine-tune" && d.parameterization ? { parameterization: d.parameterization } : {}),
        ...(kind !== "fine-tune" ? { method: kind === "merge" ? "slerp" : "gguf" } : {}),
        datasets: d.datasets,
      }),
    };
  });

/** A batch: new documents, or an earlier one again (which must not become current again). */
const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(docArb, { minLength: 1, maxLength: 3 }).map((docs) => ({ docs })) },
  { weight: 1, arbitrary: fc.nat().map((again) => ({ again })) },
);

const executor = (store: Store): Executor => (store as unknown as { ex: Executor }).ex;
const brief = (m: Descendant) => `${m.id}@${m.depth}:${m.relation}`;

/**
 * The walk's answer. A depth limit bounds the nearest distance of the descendants listed, while their
 * relation and the filters look at every path (the closure's meaning): the walk runs to the default limit,
 * its models are cut at the depth, and completeness is that of a walk stopped there.
 */
async function walkReference(
  ex: Executor,
  id: string,
  filter: DescendantsOptions,
): Promise<DescendantsResult> {
  if (filter.maxDepth === undefined) return walkDescendants(ex, id, filter);
  const { maxDepth, ...rest } = filter;
  const all = await walkDescendants(ex, id, rest);
  const models = all.models.filter((m) => m.depth <= maxDepth);
  const counts = { finetune: 0, adapter: 0, merge: 0, quantized: 0 };
  for (const m of models) counts[m.relation]++;
  const { complete } = await walkDescendants(ex, id, { maxDepth });
  return { id, total: models.length, counts, models, truncated: false, complete };
}

/** Every model, every filter: the closure's answers against the walk's. */
async function check(store: Store, filters: readonly DescendantsOptions[]): Promise<void> {
  const ex = executor(store);
  const reference = await referenceClosure(ex);
  expect(sortedEntries(await storedClosure(ex))).toEqual(sortedEntries(reference));
  expect(await storedCounts(ex)).toEqual(countsOf(reference));
  // Schema 6: the closure per dataset and its counts.
  const datasetRows = await referenceDatasetRows(ex, reference);
  expect(sortedDatasetRows(await storedDatasetRows(ex))).toEqual(sortedDatasetRows(datasetRows));
  expect(await storedDatasetCounts(ex)).toEqual(datasetCountsOf(datasetRows));
  const ids = new Map(
    (await ex.all<{ id: number; name: string }>("SELECT id, name FROM model", [])).map((r) => [r.name, r.id]),
  );
  for (const id of MODELS) {
    if (!ids.has(id)) continue;
    for (const filter of filters) {
      const walked = await walkReference(ex, id, filter);
      const got = await store.descendants(id, filter);
      expect({ ...got, models: got.models.map(brief) }).toEqual({
        ...walked,
        models: walked.models.map(brief),
      });
      // The pages, followed by cursor, list the same models, nearest first then by registration.
      const paged: Descendant[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.descendantsPage(id, { ...filter, limit: 2, ...(cursor ? { cursor } : {}) });
        expect([page.total, page.counts, page.complete]).toEqual([
          walked.total,
          walked.counts,
          walked.complete,
        ]);
        paged.push(...page.models);
        cursor = page.next ?? undefined;
      } while (cursor !== undefined);
      const order = (m: Descendant) => m.depth * 1e9 + (ids.get(m.id) ?? 0);
      expect(paged.map(brief)).toEqual([...walked.models].sort((a, b) => order(a) - order(b)).map(brief));
    }
  }
}

// Runs per store: PostgreSQL's batches are slower, so it gets fewer.
const kinds = (await storeKinds("closure property test")).map(
  ([name, make]) => [name, make, name === "SQLite" ? 40 : 6] as [string, () => TestRegistry, number],
);

const registries: TestRegistry[] = [];
afterAll(async () => {
  for (const r of registries) await r.cleanup();
});

describe.each(kinds)("the closure under random changes (%s)", (_name, make, runs) => {
  it("gives the walk's counts and pages after every batch", { timeout: 300_000 }, async () => {
    const registry = make();
    registries.push(registry);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const store = await openStore(registry.fresh());
        try {
          const added: AddInput[] = [];
          for (const [i, op] of ops.entries()) {
            if ("docs" in op) {
              await store.addDocuments(op.docs);
              added.push(...op.docs);
            } else {
              const earlier = added[op.again % Math.max(1, added.length)];
              if (earlier === undefined) continue;
              const result = await store.addDocuments([earlier]);
              expect(result.results[0]?.status).toBe("duplicate");
            }
            // Every filter after the last batch; the plain and one dataset view after each one (keeps the test fast).
            await check(store, i === ops.length - 1 ? FILTERS : EVERY_BATCH);
          }
        } finally {
          await store.close();
        }
      }),
      // FTL_PROPERTY_RUNS multiplies the runs, for a longer search than npm test affords.
      { numRuns: runs * Number(process.env.FTL_PROPERTY_RUNS ?? 1) },
    );
  });
});

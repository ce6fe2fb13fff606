/**
 * Upgrading a version 5 registry: the closure per dataset and its counts (schema 6) are computed from its
 * closure, edges and step datasets, and its answers are those of a registry written at version 6. A version 5
 * registry is a version 6 one without the two tables version 6 added, so it is made from a current one.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  datasetCountsOf,
  referenceClosure,
  referenceDatasetRows,
  sortedDatasetRows,
  storedDatasetCounts,
  storedDatasetRows,
} from "./_reference.js";
import { runOn, UNDO_V7, UNDO_V8 } from "./_test-downgrade.js";
import { executorOf as ex, oneStep, storeKinds, trackedRegistries } from "./_test-stores.js";
import { openStore } from "./index.js";
import { ingest } from "./ingest.js";
import { SCHEMA_VERSION } from "./migrations.js";
import type { Store } from "./store.js";

const SMALL = join(import.meta.dirname, "../../test/fixtures/store/small.jsonl");
const DOWNGRADE = [
  ...UNDO_V8,
  ...UNDO_V7,
  "DROP TABLE closure_dataset",
  "DROP TABLE dataset_count",
  "UPDATE ftl_meta SET value = '5' WHERE key = 'schema_version'",
];

/** Turns the registry at `location` into a version 5 one. */
const downgrade = (kind: "sqlite" | "postgres", location: string): Promise<void> =>
  runOn(kind, location, DOWNGRADE);

/** What the dataset view answers, for comparisons before and after the upgrade. */
async function answers(store: Store): Promise<unknown[]> {
  return [
    await store.descendantsPage("acme/base-7b", { dataset: "data/chat-cc" }),
    await store.descendantsPage("acme/base-7b", { dataset: "data/prefs", limit: 1 }),
    await store.descendants("acme/chat-7b", { dataset: "data/prefs" }),
    await store.descendantsPage("org/a", { dataset: "data/x", relation: "merge" }),
  ];
}

const kinds = await storeKinds("upgrade test");

const track = trackedRegistries();

describe.each(kinds)("upgrading a version 5 registry (%s)", (name, make) => {
  it("computes the closure per dataset and its counts", async () => {
    const registry = track(make);
    const location = registry.fresh();
    const store = await openStore(location);
    await ingest(store, [SMALL]);
    // A merge of two models trained on one dataset, below a replaced document (the dataset changes).
    await store.addDocuments([
      { source: "t", document: oneStep("org/b", ["org/a"], { datasets: ["data/y"] }) },
      { source: "t", document: oneStep("org/c", ["org/a"], { datasets: ["data/x"] }) },
      { source: "t", document: oneStep("org/m", ["org/b", "org/c"], { kind: "merge", method: "slerp" }) },
    ]);
    await store.addDocuments([
      { source: "t", document: oneStep("org/b", ["org/a"], { datasets: ["data/x"] }) },
    ]);
    const rows = sortedDatasetRows(await storedDatasetRows(ex(store)));
    const counts = await storedDatasetCounts(ex(store));
    const before = await answers(store);
    await store.close();

    await downgrade(name === "SQLite" ? "sqlite" : "postgres", location);
    const upgraded = await openStore(location);
    try {
      expect((await upgraded.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      expect(rows.length).toBeGreaterThan(10);
      expect(sortedDatasetRows(await storedDatasetRows(ex(upgraded)))).toEqual(rows);
      expect(await storedDatasetCounts(ex(upgraded))).toEqual(counts);
      const reference = await referenceDatasetRows(ex(upgraded), await referenceClosure(ex(upgraded)));
      expect(sortedDatasetRows(reference)).toEqual(rows);
      expect(datasetCountsOf(reference)).toEqual(counts);
      expect(await answers(upgraded)).toEqual(before);
      const merged = (await upgraded.descendantsPage("org/a", { dataset: "data/x" })).models.map((m) => m.id);
      expect(merged).toEqual(["org/b", "org/c", "org/m"]);
    } finally {
      await upgraded.close();
    }
  });
});

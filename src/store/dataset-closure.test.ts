/**
 * The set-wise rebuild of the closure per dataset (for a bulk loader that fills `closure` by other means)
 * gives the rows and counts that the maintenance kept, on both stores.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sortedDatasetRows, storedDatasetCounts, storedDatasetRows } from "./_reference.js";
import { executorOf as ex, oneStep, storeKinds, trackedRegistries } from "./_test-stores.js";
import { datasetRebuildStatements } from "./dataset-closure.js";
import { openStore } from "./index.js";
import type { AddInput } from "./store.js";

/** A small forest with merges, several datasets per step, a replaced document and a cycle. */
function documents(): AddInput[][] {
  const doc = (subject: string, parents: string[], datasets: string[], kind?: "merge") => ({
    source: "t",
    document: oneStep(subject, parents, kind ? { kind, method: "slerp", datasets } : { datasets }),
  });
  return [
    [
      doc("o/a", ["o/root"], ["d/1", "d/2"]),
      doc("o/b", ["o/a"], ["d/2"]),
      doc("o/c", ["o/a"], []),
      doc("o/m", ["o/b", "o/c"], ["d/3"], "merge"),
      doc("o/q", ["o/m"], []),
    ],
    [doc("o/b", ["o/root"], ["d/4"]), doc("o/x", ["o/q"], ["d/1"]), doc("o/root", ["o/x"], ["d/5"])],
  ];
}

const kinds = await storeKinds("dataset-closure test");

const track = trackedRegistries();

describe.each(kinds)("datasetRebuildStatements (%s)", (name, make) => {
  it("rebuilds what the maintenance kept", async () => {
    const registry = track(make);
    const location = registry.fresh();
    const store = await openStore(location);
    for (const batch of documents()) await store.addDocuments(batch);
    const rows = sortedDatasetRows(await storedDatasetRows(ex(store)));
    const counts = await storedDatasetCounts(ex(store));
    expect(rows.length).toBeGreaterThan(20);
    if (name === "SQLite") {
      await store.close();
      const db = new Database(location);
      db.transaction(() => {
        for (const sql of datasetRebuildStatements("sqlite")) db.exec(sql);
      })();
      db.close();
    } else {
      // pg runs each statement through the pool (each writes, none returns rows).
      for (const sql of datasetRebuildStatements("postgres")) await ex(store).all(sql, []);
      await store.close();
    }
    const rebuilt = await openStore(location);
    try {
      expect(sortedDatasetRows(await storedDatasetRows(ex(rebuilt)))).toEqual(rows);
      expect(await storedDatasetCounts(ex(rebuilt))).toEqual(counts);
    } finally {
      await rebuilt.close();
    }
  });
});

/**
 * Upgrading a version 7 registry to version 8 (a step's document and dataset names on its row,
 * migration-8.ts), on both stores: the columns are filled from `document` and `step_dataset`, and every
 * answer is the same as before. A version 7 registry is made from a current one by dropping the columns.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runOn, UNDO_V8 } from "./_test-downgrade.js";
import { executorOf as ex, oneStep, storeKinds, trackedRegistries } from "./_test-stores.js";
import { openStore } from "./index.js";
import { ingest } from "./ingest.js";
import { SCHEMA_VERSION } from "./migrations.js";
import type { Store } from "./store.js";

const SMALL = join(import.meta.dirname, "../../test/fixtures/store/small.jsonl");

/** What the registry answers about chains, for comparisons before and after the upgrade. */
async function answers(store: Store): Promise<unknown[]> {
  return [
    await store.ancestors("org/m"),
    await store.ancestors("org/b"),
    await store.ancestors("acme/chat-7b"),
    await store.documentsFor("org/b"),
    await store.stats(),
  ];
}

interface StepCopy {
  doc_hash: string | null;
  doc_source: string | null;
  dataset_names: string | null;
}

const kinds = await storeKinds("upgrade test");
const track = trackedRegistries();

describe.each(kinds)("upgrading a version 7 registry (%s)", (name, make) => {
  it("fills every step's document and datasets from the tables and answers as before", async () => {
    const registry = track(make);
    const location = registry.fresh();
    const store = await openStore(location);
    await ingest(store, [SMALL]);
    await store.addDocuments([
      { source: "t", document: oneStep("org/b", ["org/a"], { datasets: ["data/y", "data/x", "data/y"] }) },
      { source: "u", document: oneStep("org/m", ["org/b", "org/c"], { kind: "merge", method: "slerp" }) },
    ]);
    const before = await answers(store);
    const written = await ex(store).all<StepCopy>(
      "SELECT doc_hash, doc_source, dataset_names FROM step ORDER BY id",
      [],
    );
    await store.close();

    await runOn(name === "SQLite" ? "sqlite" : "postgres", location, [
      ...UNDO_V8,
      "UPDATE ftl_meta SET value = '7' WHERE key = 'schema_version'",
    ]);
    const upgraded = await openStore(location);
    try {
      expect((await upgraded.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      expect(await answers(upgraded)).toEqual(before);
      const filled = await ex(upgraded).all<StepCopy>(
        "SELECT doc_hash, doc_source, dataset_names FROM step ORDER BY id",
        [],
      );
      // The upgrade gives what the writers write (dataset lists compared as lists: PostgreSQL spaces them).
      const parsed = (rows: StepCopy[]) =>
        rows.map((r) => ({
          ...r,
          dataset_names: r.dataset_names === null ? null : JSON.parse(r.dataset_names),
        }));
      expect(parsed(filled)).toEqual(parsed(written));
      expect(parsed(filled)).toContainEqual(expect.objectContaining({ dataset_names: ["data/x", "data/y"] }));
      expect(filled.every((r) => r.doc_hash !== null && r.doc_source !== null)).toBe(true);
    } finally {
      await upgraded.close();
    }
  });
});

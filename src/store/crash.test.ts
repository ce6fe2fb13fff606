/**
 * A bulk import killed with SIGKILL keeps every committed batch and no part of the batch in flight; running
 * the import again resumes and ends in exactly the state of an uninterrupted import. The closure and the
 * descendant counts (schema 3), and the closure per dataset with its counts (schema 6), are checked against a
 * recomputation from scratch after the crash and after.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { ingest } from "./ingest.js";
import type { Executor } from "./sql.js";

const DOCS = 6000;
const BATCH = 300;
const dir = mkdtempSync(join(tmpdir(), "ftl-crash-"));
const file = join(dir, "registry.jsonl");
{
  const lines: string[] = [];
  for (let i = 0; i < DOCS; i++) {
    // A forest of bases with trees under them (about 8 levels, as on the Hub); every 50th document restates
    // an earlier model with another parent, replacing its document when it comes from the same source.
    const restated = i % 50 === 49 ? i - 40 : undefined;
    const subject = `org/m${restated ?? i}`;
    const parent =
      i < 20
        ? `base/b${i}`
        : `org/m${restated === undefined ? Math.floor(i / 3) : Math.floor(restated / 3) + 1}`;
    const document = oneStep(subject, [parent], {
      objective: i % 3 === 0 ? "dpo" : "sft",
      datasets: [`data/d${i % 97}`],
      license: i % 2 === 0 ? "mit" : "apache-2.0",
    });
    lines.push(JSON.stringify({ source: i % 7 === 0 ? "crawler" : "hub", document }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Everything a registry holds, by names (ids and times differ between runs), sorted. */
async function dump(location: string): Promise<Record<string, unknown[]>> {
  const store = await openStore(location);
  const ex = (store as unknown as { ex: Executor }).ex;
  const q = (sql: string) => ex.all<Record<string, unknown>>(sql, []);
  const result = {
    models: await q("SELECT name, anonymous FROM model ORDER BY name"),
    datasets: await q("SELECT name FROM dataset ORDER BY name"),
    documents: await q(
      "SELECT d.hash, d.source, d.current, m.name AS subject FROM document d JOIN model m ON m.id = d.subject ORDER BY d.hash, d.source",
    ),
    edges: await q(`SELECT p.name AS parent, c.name AS child, s.step_id, e.relation, d.hash FROM edge e
      JOIN model p ON p.id = e.parent JOIN model c ON c.id = e.child JOIN step s ON s.id = e.step
      JOIN document d ON d.id = s.document ORDER BY p.name, c.name, d.hash`),
    stepDatasets: await q(`SELECT d.hash, ds.name FROM step_dataset sd JOIN step s ON s.id = sd.step
      JOIN document d ON d.id = s.document JOIN dataset ds ON ds.id = sd.dataset ORDER BY d.hash, ds.name`),
    licenses:
      await q(`SELECT c.kind, c.license, d.hash FROM license_claim c JOIN document d ON d.id = c.document
      ORDER BY d.hash, c.kind, c.license`),
    orphanDocuments: await q(
      "SELECT d.hash FROM document d WHERE d.current = 1 AND NOT EXISTS (SELECT 1 FROM step s WHERE s.document = d.id)",
    ),
    closure: sortedEntries(await storedClosure(ex)),
    counts: await storedCounts(ex),
    datasetRows: sortedDatasetRows(await storedDatasetRows(ex)),
    datasetCounts: await storedDatasetCounts(ex),
  };
  // The maintained closure, closure per dataset and counts are what a walk from scratch gives.
  const reference = await referenceClosure(ex);
  expect(result.closure).toEqual(sortedEntries(reference));
  expect(result.counts).toEqual(countsOf(reference));
  const datasetRows = await referenceDatasetRows(ex, reference);
  expect(result.datasetRows.length).toBeGreaterThan(result.closure.length / 2);
  expect(result.datasetRows).toEqual(sortedDatasetRows(datasetRows));
  expect(result.datasetCounts).toEqual(datasetCountsOf(datasetRows));
  await store.close();
  return result;
}

function runChild(location: string): Promise<{ committed: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "_ingest-child.ts"), location, file, String(BATCH)],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let committed = 0;
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    child.stdout.on("data", (chunk) => {
      for (const m of String(chunk).matchAll(/committed (\d+)/g))
        committed = Math.max(committed, Number(m[1]));
      if (committed >= BATCH * 2) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ committed, signal });
    });
  });
}

const kinds = await storeKinds("crash test");

const registries: TestRegistry[] = [];
afterAll(async () => {
  for (const r of registries) await r.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(kinds)("kill -9 in the middle of an import (%s)", (_name, make) => {
  it("keeps whole batches only, and a re-run ends where an uninterrupted run ends", {
    timeout: 180_000,
  }, async () => {
    const registry = make();
    registries.push(registry);
    const crashed = registry.fresh();
    const { committed, signal } = await runChild(crashed);
    expect(signal).toBe("SIGKILL");

    const afterCrash = await dump(crashed);
    const stored = afterCrash.documents?.length ?? 0;
    expect(stored).toBeGreaterThanOrEqual(committed);
    expect(stored).toBeLessThan(DOCS);
    expect(stored % BATCH).toBe(0); // no half-written batch
    expect(afterCrash.orphanDocuments).toEqual([]); // no document without its steps

    const store = await openStore(crashed);
    const resumed = await ingest(store, [file], { batchSize: BATCH });
    await store.close();
    expect(resumed.duplicates).toBe(stored);
    expect(resumed.added).toBe(DOCS - stored);

    const clean = registry.fresh();
    const cleanStore = await openStore(clean);
    await ingest(cleanStore, [file], { batchSize: 1000 });
    await cleanStore.close();
    expect(await dump(crashed)).toEqual(await dump(clean));
  });
});

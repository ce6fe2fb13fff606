/**
 * The bulk load (an ingest into an empty registry: ids in memory, closure and counts built at the end, rows
 * by multi-row INSERT on SQLite and COPY on PostgreSQL, lines planned in worker threads) leaves exactly what
 * the incremental path leaves, on both stores; and a kill -9 in the middle of it leaves a registry that
 * reopens consistent and resumes to the same end.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { countsOf, referenceClosure, sortedEntries, storedClosure, storedCounts } from "./_reference.js";
import { oneStep, storeKinds, type TestRegistry } from "./_test-stores.js";
import { openStore } from "./index.js";
import { ingest } from "./ingest.js";
import type { Executor } from "./sql.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-bulk-"));
const OBJECTIVES = ["sft", "dpo", "orpo", undefined] as const;
const PARAMS = ["full", "lora", "qlora", undefined] as const;

/** A Hub-like forest with merges, quantisations, datasets and licences; `extra` adds a cycle and a long chain. */
function writeRegistry(name: string, docs: number, extra: boolean): string {
  const lines: string[] = [];
  const push = (document: unknown, source = "gen"): void => {
    lines.push(JSON.stringify({ source, document }));
  };
  for (let i = 0; i < docs; i++) {
    const parent = i < 10 ? `base/b${i}` : `org/m${Math.floor((((i * 2654435761) % 1000) / 1000) * i)}`;
    const merge = i % 11 === 0 && i > 20;
    const parents = merge ? [parent, `org/m${i - 3}`] : [parent];
    const kind = merge ? "merge" : i % 13 === 0 ? "quantization" : "fine-tune";
    push(
      oneStep(`org/m${i}`, parents, {
        kind,
        ...(kind === "fine-tune" && OBJECTIVES[i % 4] ? { objective: OBJECTIVES[i % 4] } : {}),
        ...(kind === "fine-tune" && PARAMS[i % 3] ? { parameterization: PARAMS[i % 3] } : {}),
        ...(kind === "merge" ? { method: "slerp" } : kind === "quantization" ? { method: "gguf" } : {}),
        datasets: kind === "fine-tune" ? [`data/d${i % 37}`, `data/d${(i * 5) % 41}`] : [],
        ...(i % 3 === 0 ? { license: "mit" } : {}),
      }),
      i % 9 === 0 ? "crawler" : "gen",
    );
  }
  if (extra) {
    push(oneStep("loop/a", ["loop/b"]));
    push(oneStep("loop/b", ["loop/a"]));
    push(oneStep("loop/c", ["loop/b"]));
    for (let i = 1; i <= 300; i++) push(oneStep(`chain/c${i}`, [`chain/c${i - 1}`], { objective: "sft" }));
  }
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Everything a registry holds, by names (ids and times may differ between paths), sorted. */
async function dump(location: string): Promise<Record<string, unknown[]>> {
  const store = await openStore(location);
  const ex = (store as unknown as { ex: Executor }).ex;
  const q = (sql: string) => ex.all<Record<string, unknown>>(sql, []);
  // Writing after the load works: new ids come after the load's (sequences, rowids moved past them).
  await store.addDocuments([{ document: oneStep("after/x", ["org/m1", "after/new"]), source: "after" }]);
  const result = {
    models: await q("SELECT name, anonymous FROM model ORDER BY name"),
    datasets: await q("SELECT name FROM dataset ORDER BY name"),
    documents: await q(`SELECT d.hash, d.hkey, d.source, d.current, m.name AS subject, b.body FROM document d
      JOIN model m ON m.id = d.subject JOIN document_body b ON b.id = d.id ORDER BY d.hash, d.source`),
    steps: await q(`SELECT d.hash, s.step_id, s.kind, s.name, s.objective, s.parameterization, s.method,
      s.hyperparameters, m.name AS output FROM step s JOIN document d ON d.id = s.document
      JOIN model m ON m.id = s.output ORDER BY d.hash, s.step_id`),
    edges:
      await q(`SELECT p.name AS parent, c.name AS child, s.step_id, e.relation, e.bits, d.hash FROM edge e
      JOIN model p ON p.id = e.parent JOIN model c ON c.id = e.child JOIN step s ON s.id = e.step
      JOIN document d ON d.id = s.document ORDER BY p.name, c.name, d.hash`),
    stepDatasets: await q(`SELECT d.hash, ds.name FROM step_dataset sd JOIN step s ON s.id = sd.step
      JOIN document d ON d.id = s.document JOIN dataset ds ON ds.id = sd.dataset ORDER BY d.hash, ds.name`),
    licenses: await q(`SELECT c.kind, c.license, c.license_name, c.license_link, d.hash,
      CASE c.kind WHEN 0 THEN (SELECT name FROM model WHERE id = c.entity) ELSE (SELECT name FROM dataset WHERE id = c.entity) END AS entity
      FROM license_claim c JOIN document d ON d.id = c.document ORDER BY d.hash, c.kind, c.license`),
    meta: await q("SELECT key, value FROM ftl_meta WHERE key NOT LIKE 'ingest:%' ORDER BY key"),
    // Every index and constraint the load dropped is back, as the schema defines it.
    schema: await q(
      ex.dialect === "sqlite"
        ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        : `SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.conrelid
           WHERE c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
           UNION ALL SELECT tablename, indexname, replace(indexdef, ' ON ' || schemaname || '.', ' ON ')
           FROM pg_indexes WHERE schemaname = current_schema()
           ORDER BY 1, 2, 3`,
    ),
    closureDataset:
      await q(`SELECT d.name AS descendant, a.name AS ancestor, x.name AS dataset, c.depth, c.relation
      FROM closure_dataset c JOIN model d ON d.id = c.descendant JOIN model a ON a.id = c.ancestor
      JOIN dataset x ON x.id = c.dataset ORDER BY d.name, a.name, x.name`),
    datasetCounts: await q(`SELECT m.name AS model, x.name AS dataset, c.relation, c.n FROM dataset_count c
      JOIN model m ON m.id = c.model JOIN dataset x ON x.id = c.dataset WHERE c.n > 0
      ORDER BY m.name, x.name, c.relation`),
    closure: sortedEntries(await storedClosure(ex)),
    counts: await storedCounts(ex),
  };
  const reference = await referenceClosure(ex);
  expect(result.closure).toEqual(sortedEntries(reference));
  expect(result.counts).toEqual(countsOf(reference));
  await store.close();
  return result;
}

const kinds = await storeKinds("bulk-load test");

const registries: TestRegistry[] = [];
afterAll(async () => {
  for (const r of registries) await r.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const seed = { document: oneStep("seed/s", ["seed/base"]), source: "seed" };

describe.each(kinds)("bulk load (%s)", (_name, make) => {
  it("leaves what the incremental path leaves (workers, closure at the end, cycles, a 300-link chain)", async () => {
    const registry = make();
    registries.push(registry);
    const file = writeRegistry(`forest-${_name}.jsonl`, 2500, true);
    // Bulk: an empty registry; the seed document comes after.
    const bulk = registry.fresh();
    let store = await openStore(bulk);
    const summary = await ingest(store, [file], { batchSize: 400, validation: "trusted", workers: 2 });
    expect(summary.invalid).toBe(0);
    await store.addDocuments([seed]);
    await store.close();
    // Incremental: the seed document first, so the registry is not empty and no bulk mode starts.
    const incremental = registry.fresh();
    store = await openStore(incremental);
    await store.addDocuments([seed]);
    await ingest(store, [file], { batchSize: 400, validation: "trusted", workers: 0 });
    await store.close();
    expect(await dump(bulk)).toEqual(await dump(incremental));
  });

  it("reopens consistent after a kill -9 in the middle of a bulk load, and resumes to the same end", async () => {
    const registry = make();
    registries.push(registry);
    const file = writeRegistry(`crash-${_name}.jsonl`, 6000, false);
    const crashed = registry.fresh();
    const committed = await killAfter(crashed, file, 2);
    expect(committed).toBeGreaterThanOrEqual(600);
    if (registry.kind === "sqlite") {
      // Killed in bulk mode: the closure and the indexes were still left to the end of the load.
      const db = new Database(crashed, { readonly: true });
      expect(db.prepare("SELECT key FROM ftl_meta WHERE key LIKE 'bulk_%' ORDER BY key").all()).toEqual([
        { key: "bulk_closure" },
        { key: "bulk_indexes" },
      ]);
      expect(db.prepare("SELECT count(*) AS n FROM closure").get()).toEqual({ n: 0 });
      db.close();
    }
    const afterCrash = await dump(crashed);
    // Whole batches only (the one document more is the dump's own `after/x`).
    expect(((afterCrash.documents?.length ?? 0) - 1) % 300).toBe(0);
    const store = await openStore(crashed);
    await ingest(store, [file], { batchSize: 300 });
    await store.close();
    const clean = registry.fresh();
    const cleanStore = await openStore(clean);
    await ingest(cleanStore, [file], { batchSize: 1000 });
    await cleanStore.close();
    const a = await dump(crashed);
    const b = await dump(clean);
    expect(a).toEqual(b);
  });
});

/** Runs an ingest (batches of 300) in a child process and kills it with SIGKILL after `batches` batches. */
function killAfter(location: string, file: string, batches: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "_ingest-child.ts"), location, file, "300"],
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
      if (committed >= 300 * batches) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`child was not killed (${code}): ${stderr}`));
      else resolve(committed);
    });
  });
}

/** The registry commands end to end, in process: add, ingest, query …, tree, on SQLite (and PostgreSQL). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, postgresProblem, postgresRegistry } from "../../store/_test-stores.js";
import { openStore } from "../../store/index.js";
import { SCHEMA_VERSION } from "../../store/migrations.js";
import { ftl } from "../test-io.js";

const ROOT = join(import.meta.dirname, "../../..");
const EXAMPLES = [
  "zephyr-7b-beta.lineage.json",
  "zephyr-7b-beta-gguf.lineage.json",
  "openhermes-neural-chat-slerp.lineage.json",
  "seed-mistral-safety-chain.lineage.json",
].map((f) => join(ROOT, "examples", f));
const SMALL = join(ROOT, "test/fixtures/store/small.jsonl");
const dir = mkdtempSync(join(tmpdir(), "ftl-cli-registry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = (): string => join(dir, `r${++n}.db`);

describe("ftl add", () => {
  it("adds valid documents, reports unchanged ones, and creates the registry", async () => {
    const db = freshDb();
    const first = await ftl(["add", ...EXAMPLES, "--db", db]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("4 added, 0 unchanged");
    const again = await ftl(["add", EXAMPLES[0] as string, "--db", db, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([
      expect.objectContaining({
        status: "duplicate",
        subject: "HuggingFaceH4/zephyr-7b-beta",
        superseded: 0,
      }),
    ]);
  });

  it("uses FTL_DB and the working directory's .ftl/registry.db", async () => {
    const cwd = mkdtempSync(join(dir, "cwd-"));
    expect((await ftl(["add", EXAMPLES[0] as string], { cwd })).code).toBe(0);
    expect((await ftl(["query", "ancestors", "HuggingFaceH4/zephyr-7b-beta"], { cwd })).code).toBe(0);
    const db = join(dir, "env.db");
    expect((await ftl(["add", EXAMPLES[1] as string], { env: { FTL_DB: db } })).code).toBe(0);
    expect((await ftl(["query", "ancestors", "TheBloke/zephyr-7B-beta-GGUF", "--db", db])).code).toBe(0);
  });

  it("leaves out invalid files (exit 1) and stops on unreadable ones (exit 2)", async () => {
    const db = freshDb();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "ftl/v1", subject: { id: "x" } }));
    const result = await ftl(["add", EXAMPLES[0] as string, bad, "--db", db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.json: not added");
    expect(result.stdout).toContain("1 added");
    const missing = await ftl(["add", join(dir, "nope.json"), "--db", db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });
});

describe("ftl ingest", () => {
  it("imports JSONL in batches, reports bad lines, and skips what is stored on a re-run", async () => {
    const db = freshDb();
    const first = await ftl(["ingest", SMALL, "--db", db, "--batch-size", "3", "--json"]);
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ read: 13, added: 11, duplicates: 0, invalid: 2, batches: 4 });
    expect(summary.problems.map((p: { line: number }) => p.line)).toEqual([13, 14]);
    expect(summary.problems[1].message).toMatch(/^malformed JSON/);
    const again = await ftl(["ingest", SMALL, "--db", db]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("11 skipped: already stored");
    expect(again.stdout).toMatch(/small\.jsonl:13: not a valid ftl\/v1 document/);
  });

  it("reads folders and takes --trusted for generated data", async () => {
    const db = freshDb();
    const result = await ftl([
      "ingest",
      join(ROOT, "test/fixtures/store"),
      "--db",
      db,
      "--trusted",
      "--json",
    ]);
    // --trusted checks only the shape the registry needs; line 13 (no bases, no steps) fails even that.
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ files: 1, added: 11, invalid: 2 });
    expect(summary.problems[0].message).toBe("bases: expected a list");
  });

  it("refuses a missing path and a bad --batch-size", async () => {
    expect((await ftl(["ingest", join(dir, "none.jsonl"), "--db", freshDb()])).code).toBe(2);
    expect((await ftl(["ingest", SMALL, "--batch-size", "0", "--db", freshDb()])).stderr).toContain(
      "expected a whole number ≥ 1",
    );
  });
});

describe("ftl query and ftl tree", () => {
  const db = freshDb();
  beforeAll(async () => {
    await ftl(["add", ...EXAMPLES, "--db", db]);
    await ftl(["ingest", SMALL, "--db", db]);
  });

  it("ancestors: text, JSON, unknown model, missing registry", async () => {
    const text = await ftl(["query", "ancestors", "TheBloke/zephyr-7B-beta-GGUF", "--db", db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "← mistralai/Mistral-7B-v0.1 [root]  (by SFT · full · HuggingFaceH4/ultrachat_200k",
    );
    expect(text.stdout).toContain("3 ancestors, 1 root");
    const json = JSON.parse((await ftl(["query", "ancestors", "fan/merge-7b", "--db", db, "--json"])).stdout);
    expect(json.roots).toEqual(["acme/base-7b"]);
    const unknown = await ftl(["query", "ancestors", "no/such", "--db", db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no/such: no such model in the registry");
    const none = await ftl(["query", "ancestors", "x", "--db", join(dir, "absent.db")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no registry here");
  });

  it("descendants: filters, counts, limit, bad values", async () => {
    const result = await ftl([
      "query",
      "descendants",
      "acme/base-7b",
      "--db",
      db,
      "--objective",
      "dpo",
      "--limit",
      "2",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "acme/base-7b: 5 descendants — 1 finetune, 1 adapter, 1 merge, 2 quantized",
    );
    expect(result.stdout).toMatch(/… more: --cursor \S+ for the next page, --limit all for all/);
    const json = JSON.parse(
      (
        await ftl([
          "query",
          "descendants",
          "acme/base-7b",
          "--db",
          db,
          "--relation",
          "adapter",
          "--limit",
          "all",
          "--json",
        ])
      ).stdout,
    );
    expect(json.models.map((m: { id: string }) => m.id)).toEqual([
      "other/instruct-7b",
      "fan/chat-7b-lora",
      "fan/merge-7b-dpo",
    ]);
    const bad = await ftl(["query", "descendants", "acme/base-7b", "--db", db, "--relation", "lora"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("expected one of finetune, adapter, merge, quantized");
    expect(
      (await ftl(["query", "descendants", "acme/base-7b", "--db", db, "--param", "LoRA"])).stdout,
    ).toContain("fan/chat-7b-lora");
  });

  it("trained-on, datasets, common, documents", async () => {
    const trained = await ftl(["query", "trained-on", "data/prefs", "--db", db]);
    expect(trained.stdout).toContain("data/prefs: 5 models in whose lineage it was used");
    expect(trained.stdout).toContain("2 directly, 3 through an ancestor");
    expect((await ftl(["query", "trained-on", "no/data", "--db", db])).code).toBe(2);
    const datasets = await ftl(["query", "datasets", "fan/merge-7b-dpo", "--db", db]);
    expect(datasets.stdout).toContain("data/chat-cc  (2 steps up: acme/chat-7b, other/instruct-7b)");
    const common = await ftl(["query", "common", "fan/chat-7b-dpo-gguf", "fan/chat-7b-lora", "--db", db]);
    expect(common.stdout).toContain("nearest common ancestor: acme/chat-7b");
    expect(common.stdout).toContain("→ fan/chat-7b-dpo-gguf  quantization · gguf");
    const docs = await ftl(["query", "documents", "loop/a", "--db", db, "--json"]);
    expect(JSON.parse(docs.stdout).documents[0]).toMatchObject({ source: "bad", current: true });
  });

  it("tree: folded where wide, nested JSON", async () => {
    const text = await ftl(["tree", "acme/base-7b", "--db", db, "--width", "1"]);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n").slice(0, 4)).toEqual([
      "acme/base-7b  (8 descendants)",
      "├─ acme/chat-7b [finetune]  (6)",
      "│  ├─ acme/chat-7b-dpo [finetune]  (4)",
      "│  │  ├─ fan/merge-7b [merge]  (1)",
    ]);
    expect(text.stdout).toContain("└─ … 1 more (1 adapter)");
    const json = JSON.parse((await ftl(["tree", "acme/chat-7b-dpo", "--db", db, "--json"])).stdout);
    expect(json.children.map((c: { id: string }) => c.id)).toEqual([
      "fan/merge-7b",
      "fan/chat-7b-dpo-awq",
      "fan/chat-7b-dpo-gguf",
    ]);
  });

  it("exits 5 when a walk stops at the default depth limit, 0 when the limit was asked for", async () => {
    const deep = freshDb();
    const store = await openStore(deep);
    await store.addDocuments(chain("deep", 260));
    await store.close();
    expect((await ftl(["query", "ancestors", "deep/m260", "--db", deep])).code).toBe(5);
    expect((await ftl(["query", "ancestors", "deep/m260", "--db", deep, "--max-depth", "3"])).code).toBe(0);
    expect((await ftl(["query", "descendants", "deep/root", "--db", deep, "--max-depth", "300"])).code).toBe(
      0,
    );
  });

  it("refuses a registry written by a newer ftl", async () => {
    const newer = freshDb();
    await ftl(["add", EXAMPLES[0] as string, "--db", newer]);
    const raw = new Database(newer);
    const next = SCHEMA_VERSION + 1;
    raw.prepare("UPDATE ftl_meta SET value = ? WHERE key = 'schema_version'").run(String(next));
    raw.close();
    const result = await ftl(["query", "ancestors", "HuggingFaceH4/zephyr-7b-beta", "--db", newer]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `registry schema version ${next} is newer than this ftl understands (up to ${SCHEMA_VERSION})`,
    );
  });
});

const pgProblem = await postgresProblem();
describe.skipIf(pgProblem !== undefined && process.env.CI !== "true")(
  "the same commands on PostgreSQL",
  () => {
    it("adds and queries through --db postgres://", async () => {
      if (pgProblem !== undefined) throw new Error(`PostgreSQL is required in CI: ${pgProblem}`);
      const registry = postgresRegistry();
      try {
        const db = registry.fresh();
        expect((await ftl(["add", ...EXAMPLES, "--db", db])).code).toBe(0);
        const result = await ftl(["query", "descendants", "mistralai/Mistral-7B-v0.1", "--db", db, "--json"]);
        expect(JSON.parse(result.stdout).counts).toEqual({ finetune: 2, adapter: 0, merge: 1, quantized: 1 });
        expect((await ftl(["ingest", SMALL, "--db", db])).code).toBe(1);
        expect((await ftl(["tree", "acme/base-7b", "--db", db])).stdout).toContain(
          "acme/base-7b  (8 descendants)",
        );
      } finally {
        await registry.cleanup();
      }
    });
  },
);
if (pgProblem !== undefined && process.env.CI !== "true")
  console.warn(`\n⚠ PostgreSQL CLI test SKIPPED: ${pgProblem}\n`);

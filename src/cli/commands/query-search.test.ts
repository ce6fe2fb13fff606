/** `ftl query search` end to end on SQLite: smart case, kinds, limits, JSON, usage errors. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneStep } from "../../store/_test-stores.js";
import { openStore } from "../../store/index.js";
import { ftl } from "../test-io.js";
import { ignoresCase } from "./query-search.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-cli-search-"));
const db = join(dir, "r.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const store = await openStore(db);
  await store.addDocuments(
    ["meta-llama/Llama-2-7b", "meta-llama/Meta-Llama-3-8B", "llama-fan/mix", "qwen/Qwen2-7B"].map((id) => ({
      document: oneStep(id, ["base/root"], { datasets: ["llama-data/chat"] }),
      source: "test",
    })),
  );
  await store.close();
});

describe("ftl query search", () => {
  it("is case-insensitive for a lower-case prefix and exact otherwise", async () => {
    expect(ignoresCase("llama", false)).toBe(true);
    expect(ignoresCase("Llama", false)).toBe(false);
    expect(ignoresCase("llama", true)).toBe(false);
    const loose = await ftl(["query", "search", "meta-llama/l", "--db", db, "--json"]);
    expect(loose.code).toBe(0);
    expect(JSON.parse(loose.stdout)).toEqual({ models: ["meta-llama/Llama-2-7b"], datasets: [] });
    const exact = await ftl(["query", "search", "meta-llama/l", "--exact-case", "--db", db, "--json"]);
    expect(JSON.parse(exact.stdout)).toEqual({ models: [], datasets: [] });
  });

  it("prints both kinds, says when the list goes on, and takes --kind", async () => {
    const text = await ftl(["query", "search", "", "--limit", "2", "--db", db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("models (first 2; --limit N for more):\n  base/root\n  llama-fan/mix");
    expect(text.stdout).toContain("datasets:\n  llama-data/chat");
    const datasets = await ftl(["query", "search", "llama", "--kind", "dataset", "--db", db]);
    expect(datasets.stdout).toBe("datasets:\n  llama-data/chat\n");
    const none = await ftl(["query", "search", "zzz", "--kind", "model", "--db", db]);
    expect(none.stdout).toBe('no models start with "zzz"\n');
  });

  it("refuses a bad --limit or --kind (exit 2)", async () => {
    expect((await ftl(["query", "search", "x", "--limit", "-1", "--db", db])).code).toBe(2);
    expect((await ftl(["query", "search", "x", "--limit", "5000", "--db", db])).code).toBe(2);
    expect((await ftl(["query", "search", "x", "--kind", "space", "--db", db])).code).toBe(2);
  });
});

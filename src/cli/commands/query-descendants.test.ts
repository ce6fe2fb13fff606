/** `ftl query descendants`: pages followed by cursor, the stream, and their agreement with --limit all. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../test-io.js";

const ROOT = join(import.meta.dirname, "../../..");
const SMALL = join(ROOT, "test/fixtures/store/small.jsonl");
const dir = mkdtempSync(join(tmpdir(), "ftl-cli-descendants-"));
const db = join(dir, "r.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await ftl(["ingest", SMALL, "--db", db]);
});

const query = (...args: string[]) => ftl(["query", "descendants", "acme/base-7b", "--db", db, ...args]);

describe("ftl query descendants", () => {
  it("pages by cursor through what --limit all lists, nearest first", async () => {
    const all = JSON.parse((await query("--limit", "all", "--json")).stdout);
    const seen: { id: string; depth: number }[] = [];
    let cursor: string | null = null;
    do {
      const out = await query("--limit", "3", "--json", ...(cursor ? ["--cursor", cursor] : []));
      expect(out.code).toBe(0);
      const page = JSON.parse(out.stdout);
      expect(page.total).toBe(all.total);
      expect(page.counts).toEqual(all.counts);
      expect(page.models.length).toBeLessThanOrEqual(3);
      seen.push(...page.models);
      cursor = page.next;
    } while (cursor !== null);
    expect(seen.map((m) => m.id).sort()).toEqual(all.models.map((m: { id: string }) => m.id).sort());
    expect(seen.map((m) => m.depth)).toEqual([...seen.map((m) => m.depth)].sort((a, b) => a - b));
  });

  it("streams every descendant as JSON lines, or as text", async () => {
    const all = JSON.parse((await query("--limit", "all", "--json")).stdout);
    const out = await query("--stream", "--json", "--objective", "dpo");
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const dpo = JSON.parse((await query("--limit", "all", "--json", "--objective", "dpo")).stdout);
    expect(lines.map((l) => l.id).sort()).toEqual(dpo.models.map((m: { id: string }) => m.id).sort());
    expect(lines[0]).toEqual({ id: "acme/chat-7b-dpo", depth: 2, relation: "finetune" });
    const text = await query("--stream");
    expect(text.stdout.trim().split("\n")).toHaveLength(all.total);
  });

  it("refuses a cursor it did not give (exit 2)", async () => {
    const bad = await query("--cursor", "not-a-cursor");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not a cursor of this registry");
  });
});

/** Opening registries: where they are, and what is refused (SQLite specifics; the rest is the contract suite). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { chain } from "./_test-stores.js";
import { openStore, resolveLocation, StoreError } from "./index.js";
import { planDocument } from "./plan.js";
import type { AddInput, Store } from "./store.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-open-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A batch as `ingest` adds it: planned, with a bulk load allowed. */
const bulkAdd = (store: Store, batch: readonly AddInput[]) =>
  store.addPlanned(
    batch.map((input) => ({ plan: planDocument(input.document), source: input.source })),
    { bulk: true },
  );

describe("resolveLocation", () => {
  it("takes --db, then FTL_DB, then ./.ftl/registry.db", () => {
    expect(resolveLocation("r.db", { cwd: "/w", env: { FTL_DB: "/x.db" } })).toEqual({
      kind: "sqlite",
      path: "/w/r.db",
    });
    expect(resolveLocation(undefined, { cwd: "/w", env: { FTL_DB: "/x.db" } })).toEqual({
      kind: "sqlite",
      path: "/x.db",
    });
    expect(resolveLocation(undefined, { cwd: "/w", env: {} })).toEqual({
      kind: "sqlite",
      path: "/w/.ftl/registry.db",
    });
  });
  it("reads postgres:// URLs with an optional schema and hides passwords", () => {
    expect(resolveLocation("postgres://u:secret@h:5432/db?schema=ftl_1", { env: {} })).toEqual({
      kind: "postgres",
      url: "postgres://u:secret@h:5432/db",
      schema: "ftl_1",
      display: "postgres://u:***@h:5432/db?schema=ftl_1",
    });
    expect(() => resolveLocation("postgres://h/db?schema=a-b", { env: {} })).toThrow(
      /schema "a-b" must be letters/,
    );
    expect(() => resolveLocation("mysql://h/db", { env: {} })).toThrow(/unsupported registry location/);
  });
});

describe("opening SQLite files", () => {
  it("refuses a database that is not a registry, without changing it", async () => {
    const path = join(dir, "other.db");
    const other = new Database(path);
    other.exec("CREATE TABLE people (name TEXT)");
    other.close();
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("not-a-registry");
    const again = new Database(path);
    expect(again.pragma("journal_mode", { simple: true })).toBe("delete");
    again.close();
  });

  it("refuses a file that is not a database, and a missing one when it must exist", async () => {
    const text = join(dir, "notes.db");
    writeFileSync(text, "these are notes, not a database\n".repeat(200));
    await expect(openStore(text)).rejects.toMatchObject({ code: "not-a-registry" });
    await expect(openStore(join(dir, "missing.db"), { mustExist: true })).rejects.toMatchObject({
      code: "cannot-open",
      message: expect.stringContaining("no registry here"),
    });
  });

  it("creates the folder of a new registry", async () => {
    const store = await openStore(join(dir, "deep", "er", "r.db"));
    expect((await store.stats()).documents).toBe(0);
    await store.close();
  });
});

describe("bulk mode (the first batch into an empty registry)", () => {
  const indexes = (path: string): { names: string[]; pending: boolean } => {
    const db = new Database(path, { readonly: true });
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    const pending = db.prepare("SELECT 1 FROM ftl_meta WHERE key = 'bulk_indexes'").get() !== undefined;
    db.close();
    return { names, pending };
  };

  it("never starts a bulk load for a plain add (ftl add, ftl serve): other processes see it at once", async () => {
    const path = join(dir, "plain.db");
    const store = await openStore(path);
    const all = indexes(path).names;
    await store.addDocuments(chain("p", 3));
    expect(indexes(path)).toEqual({ names: all, pending: false });
    await store.close();
  });

  it("drops the secondary indexes while loading and rebuilds them before the first query", async () => {
    const path = join(dir, "bulk.db");
    const store = await openStore(path);
    const all = indexes(path).names;
    expect(all).toContain("model_name");
    await bulkAdd(store, chain("b", 5));
    expect(indexes(path)).toEqual({ names: [], pending: true });
    await bulkAdd(store, chain("c", 3));
    expect((await store.ancestors("b/m5")).models).toHaveLength(5);
    expect(indexes(path)).toEqual({ names: all, pending: false });
    await store.close();
  });

  it("rebuilds them on open when a bulk load was interrupted", async () => {
    const path = join(dir, "interrupted.db");
    const store = await openStore(path);
    await bulkAdd(store, chain("i", 4));
    // Another process opens the registry in the middle of the load (as after a kill -9 of the loader).
    const other = await openStore(path);
    expect(indexes(path).pending).toBe(false);
    expect((await other.ancestors("i/m4")).models).toHaveLength(4);
    await other.addDocuments(chain("j", 2));
    await other.close();
    // The loader notices the other writer's documents and leaves bulk mode; names stay unique.
    const more = await bulkAdd(store, [...chain("i", 6), ...chain("k", 2)]);
    expect(more).toMatchObject({ added: 4, duplicates: 4 });
    await store.close();
    const again = await openStore(path);
    expect(await again.stats()).toMatchObject({ models: 13, documents: 10 });
    expect((await again.ancestors("i/m6")).models).toHaveLength(6);
    await again.close();
  });
});

describe("hostile registry files (issue 15): a clear error naming the file, never an internal error", () => {
  const made = async (name: string): Promise<string> => {
    const path = join(dir, name);
    const store = await openStore(path);
    await store.addDocuments(chain("h", 40));
    await store.close();
    return path;
  };

  it("names a truncated registry as damaged", async () => {
    const path = await made("truncated.db");
    writeFileSync(path, readFileSync(path).subarray(0, 20_000));
    await expect(openStore(path, { mustExist: true })).rejects.toMatchObject({
      code: "damaged",
      message: expect.stringMatching(new RegExp(`^${path}: the registry file is damaged`)),
    });
  });

  it("names a garbled registry as damaged when a query reads the bad pages", async () => {
    const path = await made("garbled.db");
    const bytes = readFileSync(path);
    for (let i = 16384; i < bytes.length; i += 7) bytes[i] = 0x5a;
    writeFileSync(path, bytes);
    const error = await (async () => {
      const store = await openStore(path, { mustExist: true });
      try {
        await store.ancestors("h/m40");
      } finally {
        await store.close().catch(() => undefined);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain(path);
  });

  it("refuses a registry with no schema version row instead of re-running its migrations", async () => {
    const path = await made("no-version.db");
    const db = new Database(path);
    db.prepare("DELETE FROM ftl_meta WHERE key = 'schema_version'").run();
    db.close();
    await expect(openStore(path)).rejects.toMatchObject({
      code: "damaged",
      message: expect.stringContaining("without a valid schema version"),
    });
  });

  it("does not turn a 0-byte file into a registry when one must exist (query)", async () => {
    const path = join(dir, "empty.db");
    writeFileSync(path, "");
    await expect(openStore(path, { mustExist: true })).rejects.toMatchObject({
      code: "not-a-registry",
      message: expect.stringContaining("an empty file, not an ftl registry"),
    });
    expect(statSync(path).size).toBe(0);
  });

  it("names a registry that cannot be written (immutable file)", async (ctx) => {
    const path = await made("read-only.db");
    try {
      execFileSync("chattr", ["+i", path], { stdio: "ignore" });
    } catch {
      ctx.skip();
    }
    try {
      const store = await openStore(path).catch((e: unknown) => e);
      const error =
        store instanceof StoreError
          ? store
          : await (store as Awaited<ReturnType<typeof openStore>>)
              .addDocuments(chain("w", 1))
              .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "read-only", message: expect.stringContaining(path) });
    } finally {
      execFileSync("chattr", ["-i", path]);
    }
  });

  it("lets two writers load a new file together: the second ends the first's bulk mode", async () => {
    const path = join(dir, "together.db");
    const a = await openStore(path);
    const b = await openStore(path);
    await bulkAdd(a, chain("a", 3)); // a enters bulk mode: model_name dropped
    await bulkAdd(b, [...chain("b", 3), ...chain("a", 2)]); // needed ON CONFLICT (name): exit 70 before
    await bulkAdd(a, chain("a", 5));
    await a.close();
    await b.close();
    const check = await openStore(path, { mustExist: true });
    expect(await check.stats()).toMatchObject({ documents: 8 });
    expect((await check.ancestors("a/m5")).models).toHaveLength(5);
    await check.close();
  });
});

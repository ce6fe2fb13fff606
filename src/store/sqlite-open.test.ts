/**
 * A new registry file opened by two processes at once: SQLite answers the switch to WAL with SQLITE_BUSY at once
 * (its busy handler is not called for it), so two `ftl ingest` runs into one new file could fail with "the registry is
 * locked" (seen in `hardening.test.ts` on a loaded machine; 5 of 40 simultaneous opens of a new file). Here another
 * process holds a write lock on the new file (the lock that made the switch fail at once; a read lock is waited for
 * by SQLite itself) while this one switches it: the switch waits for it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tune } from "./sqlite-open.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-wal-race-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Another process that opens `path` (still in rollback-journal mode), holds a write lock for `ms` as a process
 * setting up the same new file does, then exits; resolves once it holds it.
 */
function holdWriteLock(path: string, ms: number): Promise<{ done: Promise<void> }> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const script = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(path)});
    db.exec("CREATE TABLE IF NOT EXISTS t (x)"); db.exec("BEGIN IMMEDIATE");
    process.stdout.write("held\\n"); setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      if (String(d).includes("held")) resolve({ done });
    });
    child.on("exit", (code) => reject(new Error(`the lock holder exited (${code}) before holding the lock`)));
  });
}

describe("switching a new registry file to WAL while another process writes it", () => {
  it("waits for the other process instead of failing with SQLITE_BUSY", async () => {
    const path = join(dir, "new.db");
    const holder = await holdWriteLock(path, 400);
    const db = new Database(path);
    try {
      const start = Date.now();
      tune(db);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      // It did wait: the switch could only happen once the other process let go.
      expect(Date.now() - start).toBeGreaterThan(100);
    } finally {
      db.close();
      await holder.done;
    }
  });
});

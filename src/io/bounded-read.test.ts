/** Bounded reads: limits hold while streaming, non-regular files are refused by name, stdin only for `-`. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBounded, readBoundedText } from "./bounded-read.js";
import { readInput } from "./read-input.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runner = new URL("../../test/fixtures/hardening/run-ftl.ts", import.meta.url).pathname;
const root = new URL("../..", import.meta.url).pathname;

describe("bounded reads", () => {
  it("refuses /dev/zero by name without reading it", () => {
    const read = readBounded("/dev/zero");
    expect(read).toMatchObject({ ok: false, kind: "usage" });
    expect(read.ok ? "" : read.message).toBe("/dev/zero: is a character device; expected a regular file");
    expect(readInput("/dev/zero")).toMatchObject({ ok: false, kind: "usage", message: /character device/ });
  });

  it("refuses a FIFO by name instead of blocking on it", () => {
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    expect(readInput(fifo)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/named pipe \(FIFO\)/),
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("stops a file at the limit while reading and says so", () => {
    const path = join(dir, "big.json");
    writeFileSync(path, "x".repeat(2000));
    expect(readBounded(path, { maxBytes: 1000 })).toMatchObject({ ok: false, kind: "too-large" });
    expect(readBounded(path, { maxBytes: 2000 })).toMatchObject({ ok: true });
    expect(() => readBoundedText(path, { maxBytes: 10 })).toThrow(/big\.json: 2000 bytes is over/);
  });

  it("treats '-' as a file name when standard input is not allowed", () => {
    expect(readBounded("-", { allowStdin: false })).toMatchObject({ ok: false, message: "-: no such file" });
  });

  it("names a missing file as the caller asks", () => {
    const missing = join(dir, "absent.pem");
    expect(readBounded(missing, { missingName: "key file" })).toMatchObject({
      ok: false,
      message: `${missing}: no such key file`,
    });
  });

  it("`yes '{' | ftl validate -` stops at the 64 MiB limit with exit 1", () => {
    const result = spawnSync("sh", ["-c", `yes '{' | node --import tsx ${runner} validate -`], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/<stdin>: more than 67108864 bytes is over the 64 MiB limit/);
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashPath } from "../../integrity/hash/index.js";
import { ftl } from "../test-io.js";
import { parseShardSize } from "./hash.js";

const REFERENCE = join(import.meta.dirname, "../../../test/fixtures/integrity/reference-signed");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "ftl-hash-cli-"));
  dirs.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

describe("ftl hash", () => {
  it("prints the reference root digest of a signed folder, ignore paths taken from the cwd or the folder", async () => {
    const dir = join(REFERENCE, "v1.1.0-elliptic-key");
    const expected = "92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4";
    const fromCwd = await ftl(["hash", dir, "--ignore-paths", join(dir, "ignore-me")]);
    expect(fromCwd.code).toBe(0);
    expect(fromCwd.stdout).toContain(`root digest: sha256:${expected}`);
    expect(fromCwd.stdout).toMatch(/folder, 2 files, 17 bytes/);
    const relative = await ftl(["hash", dir, "--ignore-paths", "ignore-me", "--json"]);
    expect(JSON.parse(relative.stdout).rootDigest).toBe(expected);
    const without = await ftl(["hash", dir, "--json"]);
    expect(JSON.parse(without.stdout).resources.map((r: { name: string }) => r.name)).toEqual([
      "ignore-me",
      "signme-1",
      "signme-2",
    ]);
  });

  it("--json prints the manifest hashPath returns; --shard-size names shards", async () => {
    const root = folder({ "w.safetensors": "0123456789", "config.json": "{}" });
    const json = await ftl(["hash", root, "--json", "--shard-size", "4"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(await hashPath(root, { shardSize: 4 }));
    const text = await ftl(["hash", join(root, "w.safetensors"), "--shard-size", "4"]);
    expect(text.stdout).toMatch(/file, 3 shards of 4 bytes, 10 bytes/);
    expect(text.stdout).toMatch(/\.:8:10\n/);
  });

  it("exits 2 with a clear message for a missing path, an empty folder, a symlink, a bad shard size", async () => {
    const root = folder({ ".gitignore": "x" });
    const missing = await ftl(["hash", join(root, "nope")]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("no such file or folder")]);
    const empty = await ftl(["hash", root]);
    expect([empty.code, empty.stderr]).toEqual([2, expect.stringContaining("no file to hash")]);
    writeFileSync(join(root, "real.bin"), "w");
    symlinkSync(join(root, "real.bin"), join(root, "link.bin"));
    const link = await ftl(["hash", root]);
    expect([link.code, link.stderr]).toEqual([2, expect.stringContaining("--allow-symlinks")]);
    expect((await ftl(["hash", root, "--allow-symlinks"])).code).toBe(0);
    const bad = await ftl(["hash", root, "--allow-symlinks", "--shard-size", "-4"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--shard-size")]);
    expect(`${link.stderr}${bad.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("reads shard sizes with units", () => {
    expect(parseShardSize("1G")).toBe(1e9);
    expect(parseShardSize("64MiB")).toBe(2 ** 26);
    expect(parseShardSize("1000")).toBe(1000);
    expect(parseShardSize("2kb")).toBe(2000);
    expect(() => parseShardSize("1.5G")).toThrow(/--shard-size/);
    expect(() => parseShardSize("0")).toThrow(/--shard-size/);
  });
});

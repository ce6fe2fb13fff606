import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HashError, hashPath } from "./index.js";

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder holding `files` (name → content; a name ending in `/` is an empty folder). */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "ftl-hash-"));
  dirs.push(root);
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith("/")) mkdirSync(join(root, name), { recursive: true });
    else {
      mkdirSync(join(root, name, ".."), { recursive: true });
      writeFileSync(join(root, name), content);
    }
  }
  return root;
}

async function hashError(promise: Promise<unknown>): Promise<HashError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HashError);
  return error as HashError;
}

describe("hashPath: files serialization", () => {
  it("names files by relative POSIX path, ordered by component then code point", async () => {
    // "a/b" before "a-b" (component order, not string order); U+FF5E before U+1F600 (code point, not UTF-16).
    const names = ["😀", "ab", "a-b", "a/b", "B", "～", "é", "a/c/d"];
    const root = folder(Object.fromEntries(names.map((n) => [n, `content of ${n}`])));
    const m = await hashPath(root);
    expect(m.resources.map((r) => r.name)).toEqual(["B", "a/b", "a/c/d", "a-b", "ab", "é", "～", "😀"]);
    for (const r of m.resources) {
      expect(r.digest).toBe(sha(`content of ${r.name}`));
      expect(r.size).toBe(Buffer.byteLength(`content of ${r.name}`));
    }
    const raw = Buffer.concat(m.resources.map((r) => Buffer.from(r.digest, "hex")));
    expect(m.rootDigest).toBe(sha(raw));
    expect(m.kind).toBe("folder");
    expect(m.serialization).toMatchObject({ method: "files", hashType: "sha256", allowSymlinks: false });
  });

  it("leaves out the reference's default paths at the top only, and the given ignore paths", async () => {
    const root = folder({
      ".git/HEAD": "x",
      ".github/workflows/ci.yml": "x",
      ".gitattributes": "x",
      ".gitignore": "x",
      "model.sig": "x",
      ".gitfoo": "kept: not a default path",
      "sub/.gitignore": "kept: defaults are relative to the top",
      "logs/run.txt": "x",
      "notes.txt": "x",
      "w.safetensors": "x",
    });
    const m = await hashPath(root, {
      ignorePaths: ["logs/", "./notes.txt", join(root, "nothing"), "/elsewhere"],
    });
    expect(m.resources.map((r) => r.name)).toEqual([".gitfoo", "sub/.gitignore", "w.safetensors"]);
    expect(m.serialization.ignorePaths).toEqual([
      "logs",
      "notes.txt",
      "nothing",
      "model.sig",
      ".git",
      ".gitattributes",
      ".github",
      ".gitignore",
    ]);
    const all = await hashPath(root, { ignoreDefaults: false });
    expect(all.resources.map((r) => r.name)).toContain(".git/HEAD");
    expect(all.resources.map((r) => r.name)).toContain("model.sig");
  });

  it("refuses symbolic links unless allowed; an allowed link is hashed under its own name", async () => {
    const root = folder({ "real.bin": "weights", "sub/x": "in a folder" });
    symlinkSync(join(root, "real.bin"), join(root, "link.bin"));
    const refused = await hashError(hashPath(root));
    expect(refused.code).toBe("symlink");
    expect(refused.message).toContain("link.bin");
    const m = await hashPath(root, { allowSymlinks: true });
    expect(m.resources.map((r) => [r.name, r.digest])).toEqual([
      ["link.bin", sha("weights")],
      ["real.bin", sha("weights")],
      ["sub/x", sha("in a folder")],
    ]);
    expect(m.serialization.allowSymlinks).toBe(true);
    // A linked folder is not descended into (as Python's glob("**/*")); a dangling link is an error.
    symlinkSync(join(root, "sub"), join(root, "linked-dir"));
    expect((await hashPath(root, { allowSymlinks: true })).resources).toHaveLength(3);
    symlinkSync(join(root, "missing"), join(root, "dangling"));
    expect((await hashError(hashPath(root, { allowSymlinks: true }))).code).toBe("special-file");
    // An ignored link is never looked at.
    expect(
      (await hashPath(root, { ignorePaths: ["link.bin", "linked-dir", "dangling"] })).resources,
    ).toHaveLength(2);
  });

  it("names a single-file model '.'", async () => {
    const root = folder({ "model.gguf": "gguf bytes" });
    const m = await hashPath(join(root, "model.gguf"));
    expect(m).toMatchObject({ kind: "file", name: "model.gguf" });
    expect(m.resources).toEqual([{ name: ".", size: 10, digest: sha("gguf bytes") }]);
    expect(m.rootDigest).toBe(sha(Buffer.from(sha("gguf bytes"), "hex")));
  });

  it("fails on an empty folder, a missing path and a bad shard size; allowEmpty gives an empty manifest", async () => {
    const root = folder({ ".gitignore": "only an ignored file" });
    const empty = await hashError(hashPath(root));
    expect(empty.code).toBe("empty");
    const m = await hashPath(root, { allowEmpty: true });
    expect(m.resources).toEqual([]);
    expect(m.rootDigest).toBe(sha(""));
    expect((await hashError(hashPath(join(root, "nope")))).code).toBe("not-found");
    expect((await hashError(hashPath(root, { shardSize: 0 }))).code).toBe("bad-option");
    expect((await hashError(hashPath(root, { shardSize: 1.5 }))).code).toBe("bad-option");
  });
});

describe("hashPath: shards serialization", () => {
  it("names shards name:start:end, ordered by path then start as numbers; empty files have none", async () => {
    const root = folder({ "a.bin": "0123456789ab", "b/c.bin": "xyz", "empty.bin": "" });
    const m = await hashPath(root, { shardSize: 5 });
    expect(m.resources.map((r) => [r.name, r.size, r.digest])).toEqual([
      ["a.bin:0:5", 5, sha("01234")],
      ["a.bin:5:10", 5, sha("56789")],
      ["a.bin:10:12", 2, sha("ab")],
      ["b/c.bin:0:3", 3, sha("xyz")],
    ]);
    expect(m.serialization).toMatchObject({ method: "shards", shardSize: 5 });
    const single = await hashPath(join(root, "a.bin"), { shardSize: 1 });
    expect(single.resources.slice(1, 3).map((r) => r.name)).toEqual([".:1:2", ".:2:3"]);
    expect(single.resources.at(-1)?.name).toBe(".:11:12");
  });
});

describe("hashPath: large files", () => {
  const MiB = 1 << 20;

  /** A 64 MiB sparse file with a few written bytes, and its SHA-256 computed by streaming node crypto. */
  async function sparseFile(): Promise<{ path: string; digest: string }> {
    const root = folder({});
    const path = join(root, "big.safetensors");
    const handle = await open(path, "w");
    await handle.truncate(64 * MiB);
    for (const at of [0, MiB - 1, 17 * MiB + 3, 64 * MiB - 5])
      await handle.write(Buffer.from("mark!"), 0, 5, at);
    await handle.close();
    const hash = createHash("sha256");
    const fh = await open(path, "r");
    for await (const chunk of fh.createReadStream()) hash.update(chunk as Buffer);
    return { path, digest: hash.digest("hex") };
  }

  it("streams a 64 MiB file through a bounded buffer (calling thread) and matches node crypto", async () => {
    const { path, digest } = await sparseFile();
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const progress: number[] = [];
    const m = await hashPath(path, {
      workers: 0,
      onProgress: (done, total) => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
        progress.push(done);
        expect(total).toBe(64 * MiB);
      },
    });
    expect(m.resources[0]?.digest).toBe(digest);
    expect(peak).toBeLessThan(16 * MiB);
    expect(progress.at(-1)).toBe(64 * MiB);
    expect(progress.length).toBeGreaterThan(8);
  });

  it("gives the same digests on worker threads, for files and for shards", async () => {
    const { path, digest } = await sparseFile();
    const pooled = await hashPath(path, { workers: 2 });
    expect(pooled.resources[0]?.digest).toBe(digest);
    const shards = await hashPath(path, { workers: 2, shardSize: 20 * MiB });
    const inline = await hashPath(path, { workers: 0, shardSize: 20 * MiB });
    expect(shards.resources.map((r) => r.name)).toEqual([
      `.:0:${20 * MiB}`,
      `.:${20 * MiB}:${40 * MiB}`,
      `.:${40 * MiB}:${60 * MiB}`,
      `.:${60 * MiB}:${64 * MiB}`,
    ]);
    expect(shards).toEqual(inline);
  });
});

/** Reading JSONL and folders: wrappers, sources, BOM and CRLF, bad lines as data. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { oneStep } from "./_test-stores.js";
import { openStore } from "./index.js";
import { ingest, ingestFiles, parseJsonlLine } from "./ingest.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parseJsonlLine", () => {
  const doc = oneStep("a/b", ["a/base"]);
  it("reads bare documents and {source, document} wrappers", () => {
    expect(parseJsonlLine(JSON.stringify(doc), "file.jsonl", "schema")).toEqual({
      input: { document: doc, source: "file.jsonl" },
    });
    expect(parseJsonlLine(JSON.stringify({ source: "hub", document: doc }), "f", "schema")).toEqual({
      input: { document: doc, source: "hub" },
    });
  });
  it("says why a line is not a document", () => {
    expect(parseJsonlLine("{oops", "f", "schema")).toMatchObject({
      message: expect.stringMatching(/^malformed JSON/),
    });
    expect(parseJsonlLine(JSON.stringify({ source: "", document: doc }), "f", "schema")).toEqual({
      message: "source: expected a non-empty string",
    });
    expect(parseJsonlLine("[1]", "f", "trusted")).toEqual({ message: "expected a JSON object" });
    expect(parseJsonlLine(JSON.stringify({ ...doc, format: "ftl/v9" }), "f", "schema")).toMatchObject({
      message: expect.stringContaining('"ftl/v9" is not supported'),
    });
  });
});

describe("ingest", () => {
  it("reads a folder recursively: JSONL (BOM, CRLF), JSON and YAML files; skips hidden entries", async () => {
    const root = join(dir, "tree");
    mkdirSync(join(root, "sub"), { recursive: true });
    mkdirSync(join(root, ".hidden"), { recursive: true });
    writeFileSync(
      join(root, "a.jsonl"),
      `\ufeff${JSON.stringify(oneStep("x/one", ["x/base"]))}\r\n\r\n${JSON.stringify({ source: "s", document: oneStep("x/two", ["x/one"]) })}\r\n`,
    );
    writeFileSync(join(root, "sub", "b.json"), JSON.stringify(oneStep("x/three", ["x/two"])));
    writeFileSync(
      join(root, "sub", "c.yaml"),
      "format: ftl/v1\nsubject: {id: x/four}\nbases: [{id: x/three}]\nsteps: []\n",
    );
    writeFileSync(join(root, ".hidden", "d.json"), "not read");
    writeFileSync(join(root, "notes.txt"), "not read");
    expect(ingestFiles(root).map((f) => f.slice(root.length + 1))).toEqual([
      "a.jsonl",
      "sub/b.json",
      "sub/c.yaml",
    ]);
    const store = await openStore(join(dir, "r.db"));
    const progress: number[] = [];
    const summary = await ingest(store, [root], { batchSize: 2, onProgress: (p) => progress.push(p.added) });
    expect(summary).toMatchObject({ files: 3, read: 4, added: 4, invalid: 0, batches: 2 });
    expect(progress).toEqual([2, 4]);
    expect((await store.ancestors("x/three")).models.map((m) => m.id)).toEqual(["x/two", "x/one", "x/base"]);
    expect((await store.documentsFor("x/two")).documents[0]?.source).toBe("s");
    expect((await store.model("x/four"))?.documents).toBe(1);
    await store.close();
  });

  it("skips hostile lines and files with a reason, and stores the rest (issue 15)", async () => {
    const root = join(dir, "hostile");
    mkdirSync(root, { recursive: true });
    const good = JSON.stringify(oneStep("h/good", ["h/base"]));
    const deep = JSON.stringify(oneStep("h/deep", ["h/base"])).replace(
      '"s1"',
      `"s1","hyperparameters":{"other":{"x":${"[".repeat(1200)}${"]".repeat(1200)}}}`,
    );
    const badUtf8 = Buffer.concat([
      Buffer.from('{"format":"ftl/v1","subject":{"id":"h/'),
      Buffer.from([0xff]),
      Buffer.from('"}}'),
    ]);
    const nul = JSON.stringify(oneStep("h/a\u0000b", ["h/base"]));
    const dup = good.replace('{"format":"ftl/v1"', '{"format":"ftl/v1","format":"ftl/v1"');
    writeFileSync(
      join(root, "a.jsonl"),
      Buffer.concat([Buffer.from(`${deep}\n`), badUtf8, Buffer.from(`\n${nul}\n${dup}\n${good}\n`)]),
    );
    execFileSync("mkfifo", [join(root, "b.jsonl")]);
    const store = await openStore(join(dir, "hostile.db"));
    const summary = await ingest(store, [root]);
    await store.close();
    expect(summary).toMatchObject({ read: 6, added: 1, invalid: 5 });
    expect(summary.problems.map((p) => `${p.line ?? "-"} ${p.message}`)).toEqual([
      expect.stringMatching(/^1 .*nested more than 64 levels deep/),
      "2 not valid UTF-8 (byte 39 of the line); save the file as UTF-8",
      expect.stringMatching(/^3 .*subject\.id: contains a NUL character/),
      '4 malformed JSON: the key "format" appears twice in one object',
      "- is a named pipe (FIFO), not a regular file; skipped",
    ]);
  });

  it("skips a JSONL line over the limit while streaming", async () => {
    const { lineReader } = await import("../io/read-lines.js");
    const path = join(dir, "long.jsonl");
    writeFileSync(path, `${"x".repeat(5000)}\nshort\r\n${"y".repeat(3000)}`);
    const seen: string[] = [];
    for await (const l of lineReader(path, 100).lines())
      seen.push(l.tooLong ? `${l.line}: too long` : `${l.line}: ${l.bytes.toString()}`);
    expect(seen).toEqual(["1: too long", "2: short", "3: too long"]);
  });
});

describe("ingesting the same file again", () => {
  it("skips an unchanged file it read whole, and reads a changed one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-reingest-"));
    const file = join(dir, "r.jsonl");
    const line = (id: string) => JSON.stringify({ source: "s", document: oneStep(id, ["base/x"]) });
    writeFileSync(file, `${line("a/1")}\n{bad\n${line("a/2")}\n`);
    const store = await openStore(join(dir, "r.db"));
    try {
      const first = await ingest(store, [file]);
      expect(first).toMatchObject({ read: 3, added: 2, duplicates: 0, invalid: 1 });
      const again = await ingest(store, [file]);
      // Skipped whole: no batch at all, the same counts as a line-by-line re-read would give.
      expect(again).toMatchObject({ read: 3, added: 0, duplicates: 2, invalid: 1, batches: 0 });
      expect(again.problems).toEqual(first.problems);
      // Another source is another ingest.
      expect(await ingest(store, [file], { source: "other" })).toMatchObject({ added: 0, batches: 1 });
      // Same size, other bytes: read again.
      writeFileSync(file, `${line("a/3")}\n{bad\n${line("a/2")}\n`);
      expect(await ingest(store, [file])).toMatchObject({ read: 3, added: 1, duplicates: 1, batches: 1 });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8, parseBytes, readInput } from "./read-input.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-read-"));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const message = (result: ReturnType<typeof readInput>): string =>
  result.ok ? "" : result.kind === "usage" ? result.message : (result.issues[0]?.message ?? "");

describe("reading documents", () => {
  it("reads JSON and YAML, and strips a byte-order mark", () => {
    expect(readInput(file("a.json", '\uFEFF{"format":"ftl/v1"}'))).toMatchObject({
      ok: true,
      syntax: "json",
      value: { format: "ftl/v1" },
    });
    expect(readInput(file("a.yaml", "format: ftl/v1\nsteps: []\n"))).toMatchObject({
      ok: true,
      syntax: "yaml",
      value: { format: "ftl/v1", steps: [] },
    });
  });

  it("names the file, line and column of malformed JSON", () => {
    const path = file("bad.json", '{\n  "format": "ftl/v1",\n  "subject": }\n');
    expect(message(readInput(path))).toMatch(new RegExp(`^${path}:3:\\d+: malformed JSON`));
  });

  it("names the file and line of malformed YAML, including duplicate keys", () => {
    expect(message(readInput(file("bad.yaml", "format: ftl/v1\nsubject: [unclosed\n")))).toMatch(
      /bad\.yaml:\d+:\d+: malformed YAML/,
    );
    expect(message(readInput(file("dup.yaml", "format: a\nformat: b\n")))).toMatch(
      /dup\.yaml:2:1: malformed YAML: Map keys must be unique/,
    );
  });

  it("refuses empty, binary and non-UTF-8 files with specific messages", () => {
    expect(message(readInput(file("empty.json", "  \n")))).toMatch(/empty\.json: the file is empty/);
    expect(message(readInput(file("bin.json", new Uint8Array([0x7b, 0x00, 0x7d]))))).toMatch(
      /bin\.json: binary data \(a NUL byte at offset 1\)/,
    );
    expect(message(readInput(file("latin1.json", new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]))))).toMatch(
      /latin1\.json: not valid UTF-8 \(byte offset 2\)/,
    );
  });

  it("reports UTF-16 files as UTF-16, not as binary", () => {
    const le = Buffer.from('\uFEFF{"format":"ftl/v1"}', "utf16le");
    expect(message(readInput(file("u16le.json", le)))).toMatch(
      /u16le\.json: UTF-16 \(little-endian\), not UTF-8/,
    );
    const noBom = Buffer.from('{"format":"ftl/v1"}', "utf16le");
    expect(message(readInput(file("u16nobom.json", noBom)))).toMatch(/UTF-16 \(little-endian\), not UTF-8/);
    const be = Buffer.from(noBom).swap16();
    expect(message(readInput(file("u16be.yaml", be)))).toMatch(/UTF-16 \(big-endian\), not UTF-8/);
  });

  it("rejects a JSON key repeated in one object, naming the key and its place", () => {
    const path = file("dup.json", '{\n  "format": "ftl/v1",\n  "format": "x"\n}');
    expect(message(readInput(path))).toBe(
      `${path}:3:3: malformed JSON: the key "format" appears twice in one object`,
    );
    expect(
      readInput(file("same-key-apart.json", '{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]}')).ok,
    ).toBe(true);
    expect(message(readInput(file("escaped.json", '{"a\\u0062": 1, "ab": 2}')))).toMatch(
      /the key "ab" appears twice/,
    );
  });

  it("refuses files over 64 MiB without reading them", () => {
    const path = file("huge.json", "");
    truncateSync(path, 64 * 1024 * 1024 + 1);
    expect(message(readInput(path))).toMatch(/huge\.json: 67108865 bytes is over the 64 MiB limit/);
  });

  it("treats missing files and folders as usage errors", () => {
    expect(readInput(join(dir, "nope.json"))).toMatchObject({
      ok: false,
      kind: "usage",
      message: expect.stringMatching(/no such file/),
    });
    expect(readInput(dir)).toMatchObject({
      ok: false,
      kind: "usage",
      message: expect.stringMatching(/is a folder/),
    });
  });

  it("detects invalid UTF-8 sequences precisely", () => {
    expect(firstInvalidUtf8(new TextEncoder().encode("héllo → 🤗"))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x82]))).toBe(0); // truncated
    expect(parseBytes(new Uint8Array([0x41, 0xff]), "x").ok).toBe(false);
  });
});

describe("locating JSON errors", async () => {
  const { jsonErrorOffset } = await import("./json-error-offset.js");
  it("agrees with JSON.parse on validity and points at the first bad character", () => {
    expect(jsonErrorOffset('{"a": [1, 2.5e-3, true, null, "x\\u00e9"]}')).toBe(-1);
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("[01]")).toBe(2);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });

  it("says -1 exactly when JSON.parse accepts the text", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(jsonErrorOffset(text) === -1).toBe(valid);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

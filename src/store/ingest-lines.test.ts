/** The trusted path's shortcut: a line of plain text skips valueIssues, with the same outcome as without. */
import { describe, expect, it } from "vitest";
import { oneStep } from "./_test-stores.js";
import { parseJsonlLine, toDocument } from "./ingest-lines.js";

/** What the line gives when every value check runs. */
function slow(text: string): unknown {
  const value = JSON.parse(text) as { document?: unknown; format?: unknown };
  const document = value.format === undefined && value.document !== undefined ? value.document : value;
  const result = toDocument(document, "trusted");
  return "document" in result ? { input: { document: result.document, source: "f" } } : result;
}

/** A document with an extra field nested `depth` deep (the document itself is depth 0). */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 1; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
  return { ...oneStep("a/b", ["a/base"]), extra: value };
}

describe("parseJsonlLine (trusted)", () => {
  it("rejects too-deep documents around the limit, bare or wrapped, as the full check does", () => {
    for (let depth = 60; depth <= 68; depth++) {
      const doc = nested(depth);
      for (const text of [JSON.stringify(doc), JSON.stringify({ document: doc })]) {
        const got = parseJsonlLine(text, "f", "trusted");
        expect(got).toEqual(slow(text));
        expect("message" in got).toBe(depth > 64);
      }
    }
  });

  it("rejects strings no store can hold, written escaped or raw, as the full check does", () => {
    const texts = ["\u0000", "\ud800", "x\udc00", "\u007f", "\u0085", "\u2028", "\n", "é", "ok"].flatMap(
      (s) => [
        JSON.stringify({ ...oneStep("a/b", ["a/base"]), note: s }),
        JSON.stringify(oneStep(`a/b${s}`, ["a/base"])),
        JSON.stringify({ ...oneStep("a/b", ["a/base"]), [`k${s}`]: 1 }),
        JSON.stringify({ document: { ...oneStep("a/b", ["a/base"]), note: s } }).replace(
          '"note"',
          '"n\\u006fte"',
        ),
      ],
    );
    for (const text of texts) expect(parseJsonlLine(text, "f", "trusted")).toEqual(slow(text));
    expect(parseJsonlLine(texts[0] as string, "f", "trusted")).toMatchObject({
      message: expect.stringContaining("NUL"),
    });
  });
});

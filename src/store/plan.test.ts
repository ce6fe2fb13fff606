import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJsonText } from "../io/json-keys.js";
import { canonicalJson, canonicalPlainJson } from "./plan.js";

/** Printable ASCII but the backslash (the quote comes in escaped, so it makes the text not plain). */
const ascii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 8,
});
const key = fc.oneof(ascii, fc.constantFrom("9", "10", "01", "-1", "a", "B", "__proto__", "toJSON"));
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 1e21, 1e-7, 5e-324, 2 ** 53 + 2));
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ascii,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("v")), { maxLength: 5 }).map((members) => {
      let text = "{";
      for (const [k, v] of members)
        text += `${text.length > 1 ? "," : ""}${JSON.stringify(k)}:${JSON.stringify(v)}`;
      return JSON.parse(`${text}}`) as unknown;
    }),
  ),
})).v;

describe("canonicalPlainJson", () => {
  it("is canonicalJson for any value parsed from plain text, keys in any order", () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v);
        const parsed = JSON.parse(text) as unknown;
        if (!scanJsonText(text).plain) return;
        expect(canonicalPlainJson(parsed)).toBe(canonicalJson(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes numbers as JSON does, out-of-range ones included", () => {
    const parsed = JSON.parse('{"b":[1e999,-1e999,-0,1.50,1e21,0.0000001],"a":{"z":1,"y":"x y"}}') as unknown;
    expect(canonicalPlainJson(parsed)).toBe(canonicalJson(parsed));
    expect(canonicalPlainJson(parsed)).toBe('{"a":{"y":"x y","z":1},"b":[null,null,0,1.5,1e+21,1e-7]}');
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstDuplicateKey, isPlainJson, scanJsonText } from "./json-keys.js";

describe("firstDuplicateKey", () => {
  it("finds a key repeated in one object, with the offset of its second quote", () => {
    expect(firstDuplicateKey('{"a":1,"a":2}')).toEqual({ key: "a", offset: 7 });
    expect(firstDuplicateKey('{"a":{"b":1},"c":[1,{"d":2}],"a":3}')?.key).toBe("a");
  });

  it("does not confuse keys of sibling or nested objects, or strings in lists", () => {
    expect(firstDuplicateKey('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(firstDuplicateKey('{"a":{"a":{"a":1}},"b":["a","a"]}')).toBeUndefined();
    expect(firstDuplicateKey('{"x":{"a":1,"b":2},"a":{"b":3}}')).toBeUndefined();
    expect(firstDuplicateKey('{"a":"a","b":"a"}')).toBeUndefined();
  });

  it("keeps the outer object's keys after a nested one closes", () => {
    expect(firstDuplicateKey('{"a":{"z":1},"b":[{"a":1}],"b":2}')?.key).toBe("b");
  });

  it("compares decoded keys and skips escaped quotes inside strings", () => {
    expect(firstDuplicateKey('{"\\u0061":1,"a":2}')?.key).toBe("a");
    expect(firstDuplicateKey('{"a\\"b":1,"a":2,"c":"x\\",\\"a\\":"}')).toBeUndefined();
  });

  it("checks objects with many keys (past the scan into a Set)", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`);
    expect(firstDuplicateKey(`{${keys.join(",")}}`)).toBeUndefined();
    expect(firstDuplicateKey(`{${keys.join(",")},"k3":0}`)?.key).toBe("k3");
    expect(firstDuplicateKey(`{${keys.join(",")},"k39":0}`)?.key).toBe("k39");
    expect(firstDuplicateKey(`{${keys.slice(0, 16).join(",")},"k15":0}`)?.key).toBe("k15");
  });

  it("walks any nesting depth without recursion", () => {
    const deep = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    expect(firstDuplicateKey(deep)).toBeUndefined();
  });
});

describe("scanJsonText", () => {
  it("tells the depth and whether the text is plain", () => {
    expect(scanJsonText('{"a":[1,{"b":2}]}')).toEqual({ duplicate: undefined, depth: 3, plain: true });
    expect(scanJsonText('{"a":"{[x]}"}').depth).toBe(1);
    expect(scanJsonText('{"a":"\\u0000"}').plain).toBe(false);
    expect(scanJsonText('{"a":"é"}').plain).toBe(false);
    expect(scanJsonText('{"a":"\u007f"}').plain).toBe(false);
    expect(scanJsonText('{"a":"\\\\"}').plain).toBe(false);
    expect(scanJsonText('{\t"a":\n1}').plain).toBe(true);
    for (const text of ['{"a":"\\u0000"}', '{"a":"é"}', '{"a":"\u007f"}', '{\t"a":1}', '{"a":"x"}'])
      expect(isPlainJson(Buffer.from(text))).toBe(scanJsonText(text).plain);
  });

  it("finds the same repeated key in plain text as in the same text escaped", () => {
    // Keys from a small alphabet, so repeats are common; `\\u0061` is `a` written with an escape.
    const key = fc.constantFrom("a", "b", "c", "ab", "[", "{", ",", ":");
    const json: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom("1", '"a"', '"x,\\"a\\":"', "null"),
        fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
        fc
          .array(fc.tuple(key, tie("value")), { maxLength: 4 })
          .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
      ),
    })).value;
    fc.assert(
      fc.property(json, (text) => {
        const plain = text.replaceAll('\\"', "'");
        const escaped = plain.replaceAll('"a"', '"\\u0061"');
        const value = JSON.parse(plain) as unknown;
        const a = scanJsonText(plain);
        const b = scanJsonText(escaped);
        expect(a.plain).toBe(true);
        expect(b.plain).toBe(escaped === plain);
        expect(a.duplicate?.key).toBe(b.duplicate?.key);
        expect(a.duplicate === undefined).toBe(JSON.stringify(value).length === plain.length);
        if (a.duplicate === undefined) expect(a.depth).toBe(b.depth);
      }),
      { numRuns: 500 },
    );
  });
});

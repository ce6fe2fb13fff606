import { describe, expect, it } from "vitest";
import { firstDuplicateKey } from "./json-keys.js";

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

import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./suggest.js";

describe("closest", () => {
  it("finds near misses and nothing for far ones", () => {
    expect(closest("sfft", ["sft", "dpo"])).toBe("sft");
    expect(closest("finetune", ["fine-tune", "merge"])).toBe("fine-tune");
    expect(closest("outt", ["out", "into", "format"])).toBe("out");
    expect(closest("mermiad", ["mermaid", "dot"])).toBe("mermaid");
    expect(closest("zzzz", ["sft", "dpo"])).toBeUndefined();
    expect(closest("x".repeat(100), ["x"])).toBeUndefined();
  });
  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("qurey", "query")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
  });
});

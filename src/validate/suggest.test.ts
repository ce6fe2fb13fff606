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

describe("unknown document fields get a suggestion", () => {
  it("subjct → subject", async () => {
    const { validateLineage } = await import("./validate.js");
    const report = validateLineage({
      format: "ftl/v1",
      subjct: { id: "a/b" },
      subject: { id: "a/b" },
      bases: [],
      steps: [],
    });
    expect(report.issues.map((i) => i.message)).toContain("subjct: unknown field (did you mean `subject`?)");
  });
});

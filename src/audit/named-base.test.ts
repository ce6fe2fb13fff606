/** A base the files only name (`name:…`, stop 34): its licence is read from the name as an inference, or unknown. */
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";

const quantised = (base: string): LineageDocument => ({
  format: "ftl/v1",
  subject: { id: "someone/Copy-GPTQ", license: "apache-2.0" },
  bases: [{ id: base }],
  steps: [{ id: "q", kind: "quantization", method: "gptq", inputs: { models: [{ id: base }] } }],
});

describe("a base named without an id", () => {
  it("with a name no family matches: unclear, and the finding says it is only a name", async () => {
    const report = await auditLineage(quantised("name:Some Model L2 13B"), {});
    expect(report.verdict.level).toBe("unclear");
    const unknown = report.findings.find((f) => f.code === "unknown-license");
    expect(unknown?.message).toContain("(named without a Hub id or a path) has no known licence");
  });

  it("with a family's name: its licence, as an inference", async () => {
    const report = await auditLineage(quantised("name:Llama 2 7B Chat"), {});
    expect(report.findings.some((f) => f.code === "unknown-license")).toBe(false);
    expect(report.findings.some((f) => f.code === "inferred-license" && f.message.includes("Llama 2"))).toBe(
      true,
    );
  });
});

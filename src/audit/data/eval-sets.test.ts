import { describe, expect, it } from "vitest";
import { auditLineage } from "../audit-lineage.js";
import { evaluationSet } from "./eval-sets.js";

describe("evaluation benchmarks listed as datasets", () => {
  it("knows benchmarks published for evaluation, by id or bare name", () => {
    expect(evaluationSet("flores-200")?.note).toMatch(/FLORES/);
    expect(evaluationSet("openai/openai_humaneval")).toBeDefined();
    expect(evaluationSet("truthfulqa/truthful_qa")).toBeDefined();
    // Sets with training splits stay training data.
    expect(evaluationSet("openai/gsm8k")).toBeUndefined();
    expect(evaluationSet("flores-200-train-mix")).toBeUndefined();
  });

  it("reports one as evaluation data, not as training data with an unknown licence", async () => {
    const report = await auditLineage({
      format: "ftl/v1",
      subject: { id: "org/nllb-ft", license: "cc-by-nc-4.0" },
      bases: [{ id: "facebook/nllb-200-distilled-600M" }],
      steps: [
        {
          id: "ft",
          kind: "fine-tune",
          inputs: { models: [{ id: "facebook/nllb-200-distilled-600M" }], datasets: [{ id: "flores-200" }] },
          output: { id: "org/nllb-ft" },
        },
      ],
    });
    const codes = report.findings.filter((f) => f.ancestor?.id === "flores-200").map((f) => f.code);
    expect(codes).toEqual(["evaluation-data"]);
  });
});

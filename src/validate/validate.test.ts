import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import type { ValidationIssue } from "./issue.js";
import { validateLineage } from "./validate.js";

const example = (name: string): LineageDocument =>
  JSON.parse(readFileSync(new URL(`../../examples/${name}.lineage.json`, import.meta.url), "utf8"));

const codes = (issues: ValidationIssue[]) => issues.map((i) => i.code);
const at = (issues: ValidationIssue[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => i.path);

const minimal = (steps: unknown[], extra: Record<string, unknown> = {}) => ({
  format: "ftl/v1",
  subject: { id: "org/final" },
  bases: [{ id: "org/base" }],
  steps,
  ...extra,
});

const completeSft = {
  id: "sft",
  kind: "fine-tune",
  objective: "sft",
  parameterization: "full",
  inputs: {
    models: [{ id: "org/base" }],
    datasets: [{ id: "org/data", size: { count: 10, unit: "examples" } }],
  },
  hyperparameters: { learningRate: 2e-5, epochs: 1, globalBatchSize: 64 },
  output: { id: "org/final" },
  framework: { name: "trl" },
};

describe("classification of the bundled examples", () => {
  it("Zephyr-7B-β (Mistral-7B-v0.1 → SFT on UltraChat → DPO on UltraFeedback) is lineage", () => {
    const report = validateLineage(example("zephyr-7b-beta"));
    expect(report).toMatchObject({ valid: true, class: "lineage" });
    expect(report.score).toBeGreaterThanOrEqual(90);
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("the slerp merge with weights, method and output is lineage", () => {
    expect(validateLineage(example("openhermes-neural-chat-slerp"))).toMatchObject({
      valid: true,
      class: "lineage",
    });
  });

  it("seed: 'SFT on 200k instruction pairs, then DPO on 50k preference pairs, LoRA rank 64' is partial, and says what is missing", () => {
    const report = validateLineage(example("seed-sft-then-dpo-lora"));
    expect(report).toMatchObject({ valid: true, class: "partial" });
    const warnings = report.issues.filter((i) => i.severity === "warning");
    expect(at(warnings, "missing.input")).toEqual(["steps[0].inputs.models"]);
    expect(at(warnings, "missing.datasets")).toEqual([
      "steps[0].inputs.datasets[0].id",
      "steps[1].inputs.datasets[0].id",
    ]);
    expect(at(warnings, "missing.learning-rate")).toEqual([
      "steps[0].hyperparameters.learningRate",
      "steps[1].hyperparameters.learningRate",
    ]);
    expect(at(warnings, "missing.output")).toEqual(["steps[0].output"]);
    expect(at(warnings, "missing.parameterization")).toEqual(["steps[0].parameterization"]);
    // the DPO step has its LoRA rank, so no adapter-rank complaint
    expect(at(warnings, "missing.adapter-rank")).toEqual([]);
  });

  it("seed: 'Mistral-7B -> instruction-SFT -> domain-SFT -> safety-DPO' is partial: no datasets, hyperparameters, or intermediate checkpoints", () => {
    const report = validateLineage(example("seed-mistral-safety-chain"));
    expect(report).toMatchObject({ valid: true, class: "partial" });
    expect(at(report.issues, "missing.datasets")).toEqual([
      "steps[0].inputs.datasets",
      "steps[1].inputs.datasets",
      "steps[2].inputs.datasets",
    ]);
    expect(at(report.issues, "missing.output")).toEqual(["steps[0].output", "steps[1].output"]);
    expect(at(report.issues, "missing.learning-rate")).toHaveLength(3);
    expect(at(report.issues, "missing.input")).toEqual([]);
  });

  it("a base-only model is not lineage", () => {
    const report = validateLineage(example("mistral-7b-base-only"));
    expect(report).toMatchObject({ valid: true, class: "not-lineage" });
    expect(codes(report.issues)).toContain("not-lineage.base-only");
    expect(report.score).toBeLessThanOrEqual(20);
  });

  it("'fine-tuned for our use case' with no procedure is not lineage", () => {
    const report = validateLineage(example("vague-use-case"));
    expect(report).toMatchObject({ valid: true, class: "not-lineage" });
    expect(report.issues.find((i) => i.code === "not-lineage.free-text")?.message).toContain(
      "fine-tuned for our use case",
    );
  });

  it("a quantised re-upload alone is not lineage (derivation without training)", () => {
    const report = validateLineage(example("zephyr-7b-beta-gguf"));
    expect(report).toMatchObject({ valid: true, class: "not-lineage" });
    expect(codes(report.issues)).toContain("not-lineage.no-training");
  });
});

describe("schema issues", () => {
  it("explains a wrong type with path, expectation and the value given", () => {
    const doc = minimal([{ ...completeSft, hyperparameters: { learningRate: "fast" } }]);
    const report = validateLineage(doc);
    expect(report.valid).toBe(false);
    expect(report.issues).toContainEqual({
      code: "schema.invalid-type",
      path: "steps[0].hyperparameters.learningRate",
      message: 'steps[0].hyperparameters.learningRate: expected a number, got "fast"',
      severity: "error",
    });
  });

  it("reports every problem, not just the first", () => {
    const doc = minimal(
      [
        { ...completeSft, objective: "SFT", hyperparameters: { learning_rate: 1e-5 } },
        { id: "x", kind: "finetune" },
      ],
      { colour: "blue" },
    );
    const report = validateLineage(doc);
    const messages = report.issues.map((i) => i.message);
    expect(messages).toContain(
      'steps[0].objective: expected one of "sft", "dpo", "ipo", "kto", "orpo", "simpo", "cpo", "rlhf-ppo", "grpo", "rloo", "reward-model", "continued-pretraining", "distillation", "other", got "SFT" (did you mean "sft"?)',
    );
    expect(messages).toContain(
      "steps[0].hyperparameters.learning_rate: unknown field (did you mean `learningRate`? other names go under `other`)",
    );
    expect(
      messages.some(
        (m) =>
          m.startsWith('steps[1].kind: expected one of "fine-tune"') &&
          m.includes('got "finetune" (did you mean "fine-tune"?)'),
      ),
    ).toBe(true);
    expect(messages).toContain("colour: unknown field");
  });

  it("requires the format marker and rejects future versions with a clear message", () => {
    expect(validateLineage({ subject: { id: "a" }, bases: [], steps: [] }).issues[0]?.path).toBe("format");
    expect(
      validateLineage({ format: "ftl/v2", subject: { id: "a" }, bases: [], steps: [] }).issues[0]?.message,
    ).toMatch(/not supported by this version/);
  });

  it("checks digest lengths and dataset identity", () => {
    const doc = minimal([
      {
        ...completeSft,
        inputs: { models: [{ id: "org/base" }], datasets: [{ size: { count: 1, unit: "examples" } }] },
        output: { id: "org/final", digest: { algorithm: "sha256", value: "abc" } },
      },
    ]);
    const messages = validateLineage(doc).issues.map((i) => i.message);
    expect(messages).toContain("steps[0].output.digest.value: a sha256 digest has 64 hex digits, got 3");
    expect(messages).toContain(
      "steps[0].inputs.datasets[0]: a dataset needs an `id` or at least a `description`",
    );
  });

  it("rejects a non-object top level", () => {
    expect(validateLineage([1, 2]).issues[0]?.message).toBe(
      "(document): expected an object at the top level, got a list",
    );
    expect(validateLineage("text").valid).toBe(false);
  });
});

describe("graph rules", () => {
  it("accepts a complete single step", () => {
    expect(validateLineage(minimal([completeSft]))).toMatchObject({
      valid: true,
      class: "lineage",
      score: 90,
    });
  });

  it("finds dangling references", () => {
    const report = validateLineage(
      minimal([{ ...completeSft, inputs: { models: [{ id: "org/nowhere" }] } }]),
    );
    expect(report.valid).toBe(false);
    expect(at(report.issues, "graph.dangling")).toEqual(["steps[0].inputs.models[0].id"]);
    const byStep = validateLineage(minimal([{ ...completeSft, inputs: { models: [{ step: "ghost" }] } }]));
    expect(at(byStep.issues, "graph.dangling")).toEqual(["steps[0].inputs.models[0].step"]);
  });

  it("finds cycles and never loops", () => {
    const a = { ...completeSft, id: "a", inputs: { models: [{ step: "b" }] }, output: { id: "org/a" } };
    const b = { ...completeSft, id: "b", inputs: { models: [{ step: "a" }] }, output: { id: "org/final" } };
    const report = validateLineage(minimal([a, b]));
    expect(report.valid).toBe(false);
    expect(report.issues.find((i) => i.code === "graph.cycle")?.message).toBe(
      'steps[0]: steps "a" → "b" → "a" form a cycle',
    );
    const self = validateLineage(minimal([{ ...completeSft, inputs: { models: [{ step: "sft" }] } }]));
    expect(codes(self.issues)).toContain("graph.cycle");
  });

  it("requires steps in the order they ran", () => {
    const a = {
      ...completeSft,
      id: "a",
      inputs: { models: [{ id: "org/mid" }] },
      output: { id: "org/final" },
    };
    const b = {
      ...completeSft,
      id: "b",
      inputs: { models: [{ id: "org/base" }] },
      output: { id: "org/mid" },
    };
    const report = validateLineage(minimal([a, b]));
    expect(codes(report.issues)).toContain("graph.order");
  });

  it("finds duplicate step ids and duplicate outputs", () => {
    const report = validateLineage(
      minimal([completeSft, { ...completeSft, inputs: { models: [{ step: "sft" }] } }]),
    );
    expect(codes(report.issues)).toEqual(
      expect.arrayContaining(["graph.duplicate-id", "graph.duplicate-output"]),
    );
  });

  it("requires two inputs for a merge and one for a fine-tune", () => {
    const merge = {
      id: "m",
      kind: "merge",
      method: "linear",
      inputs: { models: [{ id: "org/base" }] },
      output: { id: "org/final" },
    };
    expect(at(validateLineage(minimal([merge])).issues, "graph.merge-inputs")).toEqual([
      "steps[0].inputs.models",
    ]);
    const twoInputs = { ...completeSft, inputs: { models: [{ id: "org/base" }, { id: "org/other" }] } };
    const report = validateLineage(
      minimal([twoInputs], { bases: [{ id: "org/base" }, { id: "org/other" }] }),
    );
    expect(codes(report.issues)).toContain("graph.too-many-inputs");
  });

  it("requires the chain to end at the subject, at a single checkpoint", () => {
    const wrongEnd = validateLineage(minimal([{ ...completeSft, output: { id: "org/elsewhere" } }]));
    expect(wrongEnd.issues.find((i) => i.code === "graph.subject-mismatch")?.message).toBe(
      'steps[0].output.id: the chain ends at "org/elsewhere" but the subject is "org/final"',
    );
    const twoEnds = validateLineage(
      minimal([
        { ...completeSft, id: "a", output: { id: "org/a" } },
        { ...completeSft, id: "b", output: { id: "org/final" } },
      ]),
    );
    expect(codes(twoEnds.issues)).toContain("graph.multiple-ends");
  });

  it("takes the last step's missing output to be the subject, as information", () => {
    const { output: _output, ...noOutput } = completeSft;
    const report = validateLineage(minimal([noOutput]));
    expect(report.class).toBe("lineage");
    expect(codes(report.issues)).toContain("inferred.output");
  });

  it("needs the adapter rank for LoRA, QLoRA and DoRA", () => {
    const lora = { ...completeSft, parameterization: "qlora", adapter: { quantizationBits: 4 } };
    const report = validateLineage(minimal([lora]));
    expect(report.class).toBe("partial");
    expect(at(report.issues, "missing.adapter-rank")).toEqual(["steps[0].adapter.rank"]);
  });
});

describe("a model named without an id (`name:…`)", () => {
  it("as a step's input is said but not identified: the document is partial, with the name in the issue", () => {
    const named = {
      ...completeSft,
      inputs: { ...completeSft.inputs, models: [{ id: "name:Some Model 13B" }] },
    };
    const report = validateLineage(minimal([named], { bases: [{ id: "name:Some Model 13B" }] }));
    expect(report.class).toBe("partial");
    const issue = report.issues.find((i) => i.path === "steps[0].inputs.models[0].id");
    expect(issue?.message).toContain('"Some Model 13B" is named but not identified');
    expect(validateLineage(minimal([completeSft])).class).toBe("lineage");
  });
});

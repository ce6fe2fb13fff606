import { describe, expect, it } from "vitest";
import { HyperparametersSchema } from "../schema/lineage.js";
import { hyperparameterKeyFor, hyperparametersFromEntries, parseLooseValue } from "./hyperparameters.js";

describe("trainer hyperparameter names", () => {
  it("maps the names transformers, TRL, axolotl and LLaMA-Factory use", () => {
    expect(hyperparameterKeyFor("learning_rate")).toBe("learningRate");
    expect(hyperparameterKeyFor("num_train_epochs")).toBe("epochs");
    expect(hyperparameterKeyFor("per_device_train_batch_size")).toBe("perDeviceBatchSize");
    expect(hyperparameterKeyFor("total_train_batch_size")).toBe("globalBatchSize");
    expect(hyperparameterKeyFor("lr_scheduler_type")).toBe("scheduler");
    expect(hyperparameterKeyFor("cutoff_len")).toBe("maxSequenceLength");
    expect(hyperparameterKeyFor("sequence_len")).toBe("maxSequenceLength");
    expect(hyperparameterKeyFor("pref_beta")).toBe("beta");
    expect(hyperparameterKeyFor("Learning-Rate")).toBe("learningRate");
    expect(hyperparameterKeyFor("lora_r")).toBeUndefined();
  });

  it("parses loose values", () => {
    expect(parseLooseValue("2e-5")).toBe(2e-5);
    expect(parseLooseValue("1.0")).toBe(1);
    expect(parseLooseValue("True")).toBe(true);
    expect(parseLooseValue("None")).toBeNull();
    expect(parseLooseValue("cosine")).toBe("cosine");
    expect(parseLooseValue("1e")).toBe("1e");
  });

  it("builds typed hyperparameters that the schema accepts, keeping the rest under `other`", () => {
    const { hyperparameters, problems } = hyperparametersFromEntries({
      learning_rate: "5e-7",
      num_epochs: "3.0",
      train_batch_size: 2,
      lr_scheduler_type: "linear",
      bf16: "true",
      torch_dtype: "bfloat16",
      lora_r: "64",
    });
    expect(problems).toEqual([]);
    expect(hyperparameters).toEqual({
      learningRate: 5e-7,
      epochs: 3,
      perDeviceBatchSize: 2,
      scheduler: "linear",
      precision: "bf16",
      other: { torch_dtype: "bfloat16", lora_r: 64 },
    });
    expect(HyperparametersSchema.safeParse(hyperparameters).success).toBe(true);
  });

  it("reports values that do not fit their key", () => {
    const { problems } = hyperparametersFromEntries({
      learning_rate: "fast",
      max_steps: "1.5",
      precision: "fp7",
    });
    expect(problems.map((p) => p.message)).toEqual([
      'learning_rate: expected a number, got "fast"',
      'max_steps: expected a whole number, got "1.5"',
      'precision: expected one of fp32, tf32, fp16, bf16, fp8, mixed, other, got "fp7"',
    ]);
  });
});

describe("a count written with its unit (blind dev x2-int-mistralxgo-7b-unsloth-bnb4-go-lora)", () => {
  it("'2048 tokens' is a sequence length, '100 steps' max steps, '3 epochs' epochs", () => {
    const { hyperparameters, problems } = hyperparametersFromEntries({
      max_seq_length: "2048 tokens",
      max_steps: "100 steps",
      num_train_epochs: "3 epochs",
    });
    expect(hyperparameters).toMatchObject({ maxSequenceLength: 2048, maxSteps: 100, epochs: 3 });
    expect(problems).toEqual([]);
  });

  it("a unit of another kind is not taken: '3 epochs' is no max steps", () => {
    const { hyperparameters, problems } = hyperparametersFromEntries({ max_steps: "3 epochs" });
    expect(hyperparameters.maxSteps).toBeUndefined();
    expect(problems).toHaveLength(1);
  });
});

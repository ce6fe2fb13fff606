/** LLaMA-Factory v1 configs, written from the framework's own argument classes (not from its examples). */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const config = [
  "model: Qwen/Qwen3-4B-Instruct-2507",
  "trust_remote_code: true",
  "train_dataset: data/v1_dpo_demo.yaml",
  "peft_config:",
  "  name: lora",
  "  r: 16",
  "  lora_alpha: 32",
  "quant_config:",
  "  name: bnb",
  "  quantization_bit: 4",
  "output_dir: outputs/qwen3-dpo",
  "micro_batch_size: 2",
  "global_batch_size: 16",
  "cutoff_len: 4096",
  "learning_rate: 5.0e-6",
  "num_train_epochs: 2",
  "lr_scheduler_config:",
  "  name: cosine",
  "",
].join("\n");

describe("LLaMA-Factory v1 configs", () => {
  it("reads the model, dataset, plugins and trainer settings", () => {
    const { document } = extractFromFiles([{ path: "qwen3_lora_dpo.yaml", text: config }]);
    const step = document.steps[0];
    expect(step?.kind).toBe("fine-tune");
    if (step?.kind !== "fine-tune") return;
    expect(step.inputs?.models?.[0]?.id).toBe("Qwen/Qwen3-4B-Instruct-2507");
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["data/v1_dpo_demo.yaml"]);
    expect(step.parameterization).toBe("qlora");
    expect(step.adapter).toMatchObject({ rank: 16, alpha: 32, quantizationBits: 4 });
    expect(step.hyperparameters).toMatchObject({
      perDeviceBatchSize: 2,
      globalBatchSize: 16,
      maxSequenceLength: 4096,
      learningRate: 5e-6,
      epochs: 2,
      scheduler: "cosine",
    });
    expect(step.output?.id).toBe("local:outputs/qwen3-dpo");
    // The command (sft/dpo/rm) is not in the file: the objective is inferred from the names, marked so.
    expect(step.objective).toBe("dpo");
    expect(step.sources?.objective).toMatchObject({ source: "inferred" });
  });

  it("no peft_config is full fine-tuning; no name that says the objective leaves it unknown", () => {
    const text =
      "model: Qwen/Qwen3-0.6B\ntrain_dataset: my_data.jsonl\nmicro_batch_size: 1\ncutoff_len: 2048\n";
    const step = extractFromFiles([{ path: "train.yaml", text }]).document.steps[0];
    expect(step?.kind === "fine-tune" && step.parameterization).toBe("full");
    expect(step?.kind === "fine-tune" && step.objective).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { flattenSections } from "./read-sectioned-config.js";

const sft = [
  "model:",
  "  name: Qwen/Qwen2.5-7B-Instruct",
  "  max_seq_length: 2048",
  "qlora:",
  "  r: 16",
  "  lora_alpha: 32",
  "quantization:",
  "  load_in_4bit: true",
  "training:",
  "  output_dir: checkpoints/sft",
  "  num_train_epochs: 3",
  "  learning_rate: 2.0e-4",
  "data:",
  "  train_path: data/sft_train.jsonl",
].join("\n");
const dpo = sft
  .replace("output_dir: checkpoints/sft", "sft_checkpoint: checkpoints/sft\n  output_dir: checkpoints/dpo")
  .replace("data/sft_train.jsonl", "data/dpo_pairs.jsonl")
  .concat("\ndpo:\n  beta: 0.1\n  loss_type: sigmoid\n");

describe("a project's training config in sections (dev s11-rcp-finreason, s11-rcp-ethics, s11-rcp-barista)", () => {
  it("reads model, adapter, quantisation, training and data sections as one recipe, with no framework", () => {
    const { document } = extractFromFiles([{ path: "sft.yaml", text: sft }]);
    const step = document.steps[0];
    expect(step?.kind === "fine-tune" && [step.objective, step.parameterization]).toEqual(["sft", "qlora"]);
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["data/sft_train.jsonl"]);
    expect(step?.hyperparameters).toMatchObject({ learningRate: 0.0002, epochs: 3, maxSequenceLength: 2048 });
    expect(step?.framework).toBeUndefined();
  });

  it("chains a DPO config that starts from the SFT config's checkpoint", () => {
    const { document } = extractFromFiles([
      { path: "sft.yaml", text: sft },
      { path: "dpo.yaml", text: dpo },
    ]);
    expect(document.steps.map((s) => s.kind === "fine-tune" && s.objective)).toEqual(["sft", "dpo"]);
    expect(document.steps[1]?.inputs?.models?.map((m) => m.id)).toEqual(["local:checkpoints/sft"]);
  });

  it("is not a sectioned config without a model section and training settings", () => {
    expect(flattenSections({ model: { name: "org/x" }, server: { port: 8000 } })).toBeUndefined();
    expect(flattenSections({ training: { learning_rate: 1e-4 } })).toBeUndefined();
  });
});

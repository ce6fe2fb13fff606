/** Oumi, Ludwig and NeMo configs, written in each framework's published layout (values made up). */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const stepOf = (path: string, text: string) => {
  const step = extractFromFiles([{ path, text }]).document.steps[0];
  if (step?.kind !== "fine-tune") throw new Error(`no fine-tune step from ${path}`);
  return step;
};
const inputIds = (step: ReturnType<typeof stepOf>) =>
  step.inputs?.models?.map((m) => ("id" in m ? m.id : m.step));

describe("Oumi", () => {
  const config = (trainer: string, peft: string) => `model:
  model_name: "someorg/small-instruct"
  model_max_length: 4096
data:
  train:
    datasets:
      - dataset_name: "someorg/instructions"
training:
  trainer_type: "${trainer}"
  use_peft: True
  learning_rate: 2.0e-04
  num_train_epochs: 2
  output_dir: "output/small.lora"
peft:
${peft}
  lora_r: 16
  lora_alpha: 32
`;

  it("reads the model, data, trainer type, PEFT and the trainer's arguments", () => {
    const step = stepOf("train.yaml", config("TRL_SFT", "  q_lora: True"));
    expect([step.objective, step.parameterization, step.adapter?.rank]).toEqual(["sft", "qlora", 16]);
    expect(inputIds(step)).toEqual(["someorg/small-instruct"]);
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["someorg/instructions"]);
    expect([step.hyperparameters?.learningRate, step.hyperparameters?.epochs]).toEqual([2e-4, 2]);
    expect(step.framework?.name).toBe("oumi");
  });

  it("maps Oumi's trainer types to objectives, and LoRA without q_lora", () => {
    const step = stepOf("dpo.yaml", config("TRL_DPO", "  q_lora: False"));
    expect([step.objective, step.parameterization]).toEqual(["dpo", "lora"]);
  });
});

describe("Ludwig", () => {
  const config = (adapter: string) => `model_type: llm
base_model: someorg/base-7b
${adapter}
input_features:
  - name: instruction
    type: text
output_features:
  - name: output
    type: text
trainer:
  type: finetune
  learning_rate: 0.0001
  batch_size: 1
  epochs: 3
`;

  it("reads a LoRA over a 4-bit base as QLoRA, with Ludwig's trainer settings", () => {
    const step = stepOf("model.yaml", config("adapter:\n  type: lora\n  r: 8\nquantization:\n  bits: 4"));
    expect([step.objective, step.parameterization, step.adapter?.rank]).toEqual(["sft", "qlora", 8]);
    expect(inputIds(step)).toEqual(["someorg/base-7b"]);
    expect([step.hyperparameters?.learningRate, step.hyperparameters?.epochs]).toEqual([1e-4, 3]);
    expect(step.framework?.name).toBe("ludwig");
  });

  it("is full fine-tuning without an adapter, and never taken for axolotl", () => {
    const step = stepOf("model.yaml", config(""));
    expect([step.parameterization, step.framework?.name]).toEqual(["full", "ludwig"]);
  });
});

describe("NeMo", () => {
  const config = (extra: string) => `name: megatron_gpt_peft_lora_tuning
trainer:
  devices: 1
  max_epochs: 9999
  max_steps: 5000
model:
  restore_from_path: /models/base-7b.nemo
  peft:
    peft_scheme: "lora"
    lora_tuning:
      adapter_dim: 16
  data:
    train_ds:
      file_names:
        - /data/train.jsonl
      global_batch_size: 64
      micro_batch_size: 1
  optim:
    name: fused_adam
    lr: 1e-4
${extra}`;

  it("reads the restored checkpoint, the PEFT scheme and rank, the data files and the optimiser", () => {
    const step = stepOf("finetune.yaml", config(""));
    expect([step.objective, step.parameterization, step.adapter?.rank]).toEqual(["sft", "lora", 16]);
    expect(inputIds(step)).toEqual(["local:/models/base-7b.nemo"]);
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["/data/train.jsonl"]);
    expect([
      step.hyperparameters?.learningRate,
      step.hyperparameters?.maxSteps,
      step.hyperparameters?.epochs,
    ]).toEqual([1e-4, 5000, undefined]);
  });

  it("takes NeMo-Aligner's DPO section as the objective", () => {
    expect(stepOf("dpo.yaml", config("  dpo:\n    ref_policy_kl_penalty: 0.1\n")).objective).toBe("dpo");
  });
});

describe("torchtune's cross-entropy losses", () => {
  const recipe = (loss: string, dataset: string) => `model:
  _component_: torchtune.models.llama3.lora_llama3_8b
  lora_rank: 8
checkpointer:
  _component_: torchtune.training.FullModelHFCheckpointer
  checkpoint_dir: /tmp/base-8b
dataset:
  _component_: ${dataset}
  source: someorg/data
loss:
  _component_: ${loss}
optimizer:
  lr: 3e-4
`;
  const objective = (loss: string, dataset = "torchtune.datasets.instruct_dataset") =>
    stepOf("8B_lora.yaml", recipe(loss, dataset)).objective;

  it("are SFT: the chunked default and the linear one too", () => {
    expect(objective("torchtune.modules.loss.CEWithChunkedOutputLoss")).toBe("sft");
    expect(objective("torchtune.modules.loss.LinearCrossEntropyLoss")).toBe("sft");
  });

  it("are continued pre-training over the text-completion builder", () => {
    expect(
      objective(
        "torchtune.modules.loss.CEWithChunkedOutputLoss",
        "torchtune.datasets.text_completion_dataset",
      ),
    ).toBe("continued-pretraining");
  });
});

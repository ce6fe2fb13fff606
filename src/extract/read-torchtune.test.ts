/** torchtune, EasyR1 / verl YAML configs, and commands in a card's code blocks; snippets from the dev corpus. */
import { describe, expect, it } from "vitest";
import type { CardState } from "./card-body.js";
import { readCommandBlocks } from "./evidence/commands.js";
import type { StepFacts } from "./facts.js";
import { readSourceFile } from "./read-file.js";

const hp = (s: StepFacts | undefined) =>
  Object.fromEntries(Object.entries(s?.hyperparameters ?? {}).map(([k, f]) => [k, f.value]));

const DORA = `# Config for single device DoRA finetuning in lora_finetune_single_device.py
# using a Llama3 8B Instruct model
#
# This config assumes that you've run the following command before launching
# this run:
#   tune download meta-llama/Meta-Llama-3-8B-Instruct --output-dir /tmp/Meta-Llama-3-8B-Instruct --ignore-patterns "original/consolidated.00.pth" --hf-token <HF_TOKEN>

output_dir: /tmp/torchtune/llama3_8B/dora_single_device # /tmp may be deleted by your system.

# Model Arguments
model:
  _component_: torchtune.models.llama3.lora_llama3_8b
  lora_attn_modules: ['q_proj', 'v_proj', 'output_proj']
  lora_rank: 8  # higher increases accuracy and memory
  lora_alpha: 16  # usually alpha=2*rank
  use_dora: True

checkpointer:
  _component_: torchtune.training.FullModelHFCheckpointer
  checkpoint_dir: /tmp/Meta-Llama-3-8B-Instruct/

dataset:
  _component_: torchtune.datasets.alpaca_cleaned_dataset
  packed: False  # True increases speed
seed: null
batch_size: 2

optimizer:
  _component_: torch.optim.AdamW
  lr: 3e-4
lr_scheduler:
  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup
  num_warmup_steps: 100

loss:
  _component_: torchtune.modules.loss.LinearCrossEntropyLoss

epochs: 1
max_steps_per_epoch: null
gradient_accumulation_steps: 8  # Use to increase effective batch size
`;

describe("torchtune", () => {
  it("reads a DoRA recipe; the Hub id only from the file's own tune download line (dev: 8B_dora_single_device)", () => {
    const f = readSourceFile({ path: "8B_dora_single_device.yaml", text: DORA });
    expect(f.kind).toBe("torchtune");
    const s = f.steps[0];
    expect(s?.parameterization?.value).toBe("dora");
    expect(s?.adapter.rank?.value).toBe(8);
    expect(s?.adapter.rank?.source.line).toBe(14);
    expect(s?.inputs[0]?.value.id).toBe("meta-llama/Meta-Llama-3-8B-Instruct");
    expect(s?.inputs[0]?.source).toMatchObject({ line: 6, confidence: 0.9 });
    expect(s?.objective?.value).toBe("sft");
    expect(s?.datasets.map((d) => d.value.id)).toEqual(["torchtune.datasets.alpaca_cleaned_dataset"]);
    expect(hp(s)).toMatchObject({
      learningRate: 3e-4,
      epochs: 1,
      perDeviceBatchSize: 2,
      gradientAccumulationSteps: 8,
      warmupSteps: 100,
      scheduler: "cosine",
    });
    expect(s?.output?.value).toBe("/tmp/torchtune/llama3_8B/dora_single_device");
    expect(s?.recipe).toBe(true);
  });

  it("keeps a local checkpoint_dir as written when no download line names it (dev: dev/3B_full_grpo)", () => {
    const text = `#   tune download Qwen/Qwen2.5-3B --output-dir /tmp/Qwen2.5-3B\nname: grpo_llama3b\n\noutput_dir: /tmp/checkpoints/\${name}\nbase_model_path: /tmp/llama3B_gsm8k_sft_part0/epoch_0\n\nmodel:\n  _component_: torchtune.models.llama3_2.llama3_2_3b\n\ncheckpointer:\n  _component_: torchtune.training.FullModelHFCheckpointer\n  checkpoint_dir: \${base_model_path}\n\nnum_steps: 200\nloss:\n  _component_: torchtune.dev.grpo.loss.GRPOSimpleLoss\n  kl_coeff: 0.01\n`;
    const s = readSourceFile({ path: "3B_full_grpo.yaml", text }).steps[0];
    expect(s?.inputs[0]?.value.id).toBe("/tmp/llama3B_gsm8k_sft_part0/epoch_0");
    expect(s?.objective?.value).toBe("grpo");
    expect(s?.parameterization?.value).toBe("full");
    expect(s?.output?.value).toBe("/tmp/checkpoints/grpo_llama3b");
    expect(hp(s)).toEqual({ maxSteps: 200 });
  });

  it("takes a generic builder's data from source and data_files, never the builder's name (dev t10-rcp-torchtune-llama3-8b-instruct-lora-medical-local-json)", () => {
    const data = (dataset: string) =>
      readSourceFile({
        path: "8B_lora_single_device.yaml",
        text: `model:\n  _component_: torchtune.models.llama3.lora_llama3_8b\n  lora_rank: 8\n${dataset}epochs: 1\n`,
      }).steps[0]?.datasets.map((d) => d.value.id);
    expect(
      data(
        "dataset:\n  _component_: torchtune.datasets.instruct_dataset\n  source: json\n  data_files: /data/train.json\n  split: train\n",
      ),
    ).toEqual(["local:/data/train.json"]);
    expect(data("dataset:\n  _component_: torchtune.datasets.chat_dataset\n  source: org/chats\n")).toEqual([
      "org/chats",
    ]);
    expect(data("dataset:\n  _component_: torchtune.datasets.alpaca_cleaned_dataset\n")).toEqual([
      "torchtune.datasets.alpaca_cleaned_dataset",
    ]);
  });
});

describe("EasyR1 config", () => {
  it("reads nested worker/algorithm/data keys with their lines (dev: EasyR1 examples/config.yaml)", () => {
    const text = `data:\n  train_files: hiyouga/math12k@train\n  val_files: hiyouga/math12k@test\n  seed: 1\n\nalgorithm:\n  adv_estimator: grpo\n\nworker:\n  actor:\n    model:\n      model_path: Qwen/Qwen2.5-7B-Instruct\n      lora:\n        rank: 0  # Set to a positive integer to enable LoRA\n        alpha: 64  # LoRA scaling factor\n    optim:\n      lr: 1.0e-6\n      lr_warmup_ratio: 0.0\n\ntrainer:\n  total_epochs: 15\n  max_steps: null\n`;
    const f = readSourceFile({ path: "config.yaml", text });
    expect(f.kind).toBe("easyr1");
    const s = f.steps[0];
    expect(s?.objective?.value).toBe("grpo");
    expect(s?.objective?.source.line).toBe(7);
    expect(s?.inputs[0]?.value.id).toBe("Qwen/Qwen2.5-7B-Instruct");
    expect(s?.inputs[0]?.source.line).toBe(12);
    expect(s?.datasets.map((d) => [d.value.id, d.value.split])).toEqual([["hiyouga/math12k", "train"]]);
    expect(s?.parameterization?.value).toBe("full");
    expect(s?.adapter).toEqual({});
    expect(hp(s)).toEqual({ learningRate: 1e-6, warmupRatio: 0, seed: 1, epochs: 15 });
    expect(f.warnings).toEqual([]);
  });
});

describe("commands in a card", () => {
  it("reads a command in a code block with the card's line numbers (dev: open-instruct docs/olmo2.md)", () => {
    const code = `accelerate launch \\\n    --mixed_precision bf16 \\\n    --deepspeed_multinode_launcher standard \\\n    open_instruct/finetune.py \\\n    --model_name_or_path allenai/OLMo-2-0425-1B \\\n    --learning_rate 3e-5 \\\n    --dataset_mixer_list allenai/tulu-3-sft-olmo-2-mixture-0225 1.0`;
    const state = { file: "olmo2.md", out: { warnings: [] }, embedded: [] } as unknown as CardState;
    readCommandBlocks([{ type: "code", text: code, line: 61, headings: ["SFT"], lang: "" }], state);
    const s = state.embedded[0]?.steps[0];
    expect(s?.objective?.value).toBe("sft");
    expect(s?.inputs[0]?.source.line).toBe(65);
    expect(s?.datasets[0]?.value.id).toBe("allenai/tulu-3-sft-olmo-2-mixture-0225");
  });
  it("reads a knowledge-distillation recipe: kd_loss distils; tune download without --output-dir saves to /tmp/<name> (dev r-rcp-torchtune-qwen25-14b-to-7b-kd-lora)", () => {
    const text = `#   tune download Qwen/Qwen2.5-14B-Instruct
#   tune download Qwen/Qwen2.5-7B-Instruct
output_dir: /tmp/kd_7B
model:
  _component_: torchtune.models.qwen2_5.lora_qwen2_5_7b
  lora_rank: 64
checkpointer:
  _component_: torchtune.training.FullModelHFCheckpointer
  checkpoint_dir: /tmp/Qwen2.5-7B-Instruct
teacher_checkpointer:
  _component_: torchtune.training.FullModelHFCheckpointer
  checkpoint_dir: /tmp/Qwen2.5-14B-Instruct
loss:
  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss
kd_loss:
  _component_: torchtune.modules.loss.ForwardKLWithChunkedOutputLoss
kd_ratio: 0.5
epochs: 5
`;
    const s = readSourceFile({ path: "14B_to_7B_KD_lora_single_device.yaml", text }).steps[0];
    expect(s?.objective?.value).toBe("distillation");
    expect(s?.objective?.source.field).toBe("kd_loss._component_");
    expect(s?.inputs.map((i) => i.value.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
  });
});

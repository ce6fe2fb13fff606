/** Training commands in shell scripts and card code blocks; snippets from the dev corpus. */
import { describe, expect, it } from "vitest";
import type { StepFacts } from "./facts.js";
import { objectiveOfEntry, readCommands } from "./read-command.js";
import { readSourceFile } from "./read-file.js";
import { shellCommands } from "./shell-words.js";

const hp = (s: StepFacts) =>
  Object.fromEntries(Object.entries(s.hyperparameters).map(([k, f]) => [k, f.value]));
const one = (text: string, file = "run.sh"): StepFacts => {
  const steps = readCommands(text, file);
  expect(steps).toHaveLength(1);
  return steps[0] as StepFacts;
};

describe("shell words", () => {
  it("joins continuations, drops comments, expands the script's own variables and keeps $HOME", () => {
    const text = `set -x\nMODEL_PATH=Qwen/Qwen3-4B  # replace it\n\npython3 -m verl.trainer.main \\\n    worker.actor.model.model_path=\${MODEL_PATH} \\\n    data.train_files=$HOME/data/train.parquet \\\n    trainer.total_epochs=15 $@\n\n    # data.train_batch_size=1024 \\\n`;
    const cmds = shellCommands(text);
    expect(cmds.map((c) => c.words[0]?.text)).toEqual(["set", "python3"]);
    const words = cmds[1]?.words ?? [];
    expect(words.map((w) => w.text)).toContain("worker.actor.model.model_path=Qwen/Qwen3-4B");
    expect(words.map((w) => w.text)).toContain("data.train_files=$HOME/data/train.parquet");
    expect(words.find((w) => w.text.startsWith("trainer."))?.line).toBe(7);
    expect(words.at(-1)?.unknown).toBe(true);
  });

  it("splits an unquoted list variable into words, takes a one-value for loop, and leaves $(...) unrun", () => {
    const text = `DATASETS="allenai/Dolci-RLZero-Math-7B 1.0"\nfor LR in 1e-6\ndo\n  uv run open_instruct/grpo_fast.py --dataset_mixer_list $DATASETS --learning_rate $LR --exp_name "x-$(date +%s)"\ndone\n`;
    const words = shellCommands(text)[0]?.words.map((w) => w.text) ?? [];
    expect(words).toContain("allenai/Dolci-RLZero-Math-7B");
    expect(words).toContain("1e-6");
    expect(words).toContain("x-$(date +%s)");
  });

  it("does not stall on a non-breaking space", () => {
    expect(shellCommands("python train.py\u00a0--lr 1\n").length).toBe(1);
  });
});

describe("open-instruct commands", () => {
  it("reads the inner command of a mason.py wrapper (dev: open-instruct debug dpo single_gpu.sh)", () => {
    const text = `#!/bin/bash\nBEAKER_IMAGE="\${1:-nathanl/open_instruct_auto}"\n\nuv run python mason.py \\\n    --cluster ai2/saturn \\\n    --image "$BEAKER_IMAGE" \\\n    --gpus 1 -- torchrun --nproc_per_node=1 open_instruct/dpo.py \\\n    --model_name_or_path allenai/OLMo-2-0425-1B \\\n    --max_seq_length 1024 \\\n    --learning_rate 5e-07 \\\n    --num_epochs 3 \\\n    --output_dir output/dpo_olmo_core_debug/ \\\n    --mixer_list allenai/tulu-3-wildchat-reused-on-policy-8b 100 \\\n    --seed 123 \\\n    --with_tracking\n`;
    const s = one(text);
    expect(s.objective?.value).toBe("dpo");
    expect(s.objective?.source.source).toBe("inferred");
    expect(s.inputs[0]?.value.id).toBe("allenai/OLMo-2-0425-1B");
    expect(s.inputs[0]?.source.line).toBe(8);
    expect(s.datasets.map((d) => [d.value.id, d.value.weight])).toEqual([
      ["allenai/tulu-3-wildchat-reused-on-policy-8b", 100],
    ]);
    expect(hp(s)).toMatchObject({ learningRate: 5e-7, epochs: 3, maxSequenceLength: 1024, seed: 123 });
    expect(s.output?.value).toBe("output/dpo_olmo_core_debug/");
    expect(s.parameterization?.value).toBe("full");
    expect(s.framework?.value.name).toBe("open-instruct");
  });

  it("takes GRPO from grpo_fast.py, not DPO from a KL --beta (dev: olmo3 7b_rlzero_math.sh)", () => {
    const text = `MODEL_NAME_OR_PATH="allenai/Olmo-3-1025-7B"\nDATASETS="allenai/Dolci-RLZero-Math-7B 1.0"\nuv run mason.py \\\n    --gpus 8 \\\n    -- source configs/beaker_configs/ray_node_setup.sh \\\n\\&\\& uv run open_instruct/grpo_fast.py \\\n    --beta 0.0 \\\n    --learning_rate 1e-6 \\\n    --dataset_mixer_list $DATASETS \\\n    --model_name_or_path \${MODEL_NAME_OR_PATH} \\\n    --lr_scheduler_type constant \\\n    --oe_eval_gpu_multiplier 4 "$@"\n`;
    const s = one(text);
    expect(s.objective?.value).toBe("grpo");
    expect(s.inputs[0]?.value.id).toBe("allenai/Olmo-3-1025-7B");
    expect(s.datasets.map((d) => d.value.id)).toEqual(["allenai/Dolci-RLZero-Math-7B"]);
    expect(hp(s)).toMatchObject({ beta: 0, learningRate: 1e-6, scheduler: "constant" });
  });
});

describe("other trainers", () => {
  it("reads a llamafactory-cli command after an env prefix, without a placeholder dataset (dev: ScaleBench)", () => {
    const text = `export NCCL_P2P_DISABLE=1\nCUDA_VISIBLE_DEVICES=3 llamafactory-cli train \\\n    --stage sft \\\n    --model_name_or_path meta-llama/Llama-3.2-11B-Vision-Instruct \\\n    --finetuning_type lora \\\n    --dataset your_dataset \\\n    --cutoff_len 2048 \\\n    --learning_rate 2e-05 \\\n    --output_dir Llama-3.2-11B \\\n    --lora_rank 32 \\\n    --lora_target all`;
    const warnings: { code: string }[] = [];
    const s = readCommands(text, "Llama-3.2-Vision.sh", 0, warnings as never)[0] as StepFacts;
    expect(s.objective?.value).toBe("sft");
    expect(s.objective?.source.field).toBe("stage");
    expect(s.parameterization?.value).toBe("lora");
    expect(s.adapter.rank?.value).toBe(32);
    expect(s.datasets).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain("extract.placeholder");
    expect(hp(s)).toMatchObject({ maxSequenceLength: 2048, learningRate: 2e-5 });
  });

  it("reads verl main_ppo overrides: adv_estimator, model, data, lr, LoRA rank (dev: verl grpo lora)", () => {
    const text = `set -x\n\npython3 -m verl.trainer.main_ppo \\\n    algorithm.adv_estimator=grpo \\\n    data.train_files=$HOME/data/gsm8k/train.parquet \\\n    actor_rollout_ref.model.path=Qwen/Qwen2.5-3B-Instruct \\\n    actor_rollout_ref.model.lora_rank=64 \\\n    actor_rollout_ref.model.lora_alpha=32 \\\n    actor_rollout_ref.actor.optim.lr=3e-6 \\\n    trainer.project_name='verl_grpo_example_gsm8k' \\\n    trainer.total_epochs=15 $@\n`;
    const s = one(text);
    expect(s.objective?.value).toBe("grpo");
    expect(s.objective?.source.field).toBe("algorithm.adv_estimator");
    expect(s.inputs[0]?.value.id).toBe("Qwen/Qwen2.5-3B-Instruct");
    expect(s.datasets.map((d) => d.value.id)).toEqual(["$HOME/data/gsm8k/train.parquet"]);
    expect(s.parameterization?.value).toBe("lora");
    expect(s.adapter.rank?.value).toBe(64);
    expect(s.adapter.rank?.source.field).toBe("actor_rollout_ref.model.lora_rank");
    expect(hp(s)).toEqual({ learningRate: 3e-6, epochs: 15 });
    expect(s.output).toBeUndefined();
  });

  it("keeps reinforce_plus_plus by name and expands a quoted list of paths (dev: verl reinforce++)", () => {
    const text = `gsm8k_train_path=$HOME/data/gsm8k/train.parquet\nmath_train_path=$HOME/data/math/train.parquet\ntrain_files="['$gsm8k_train_path', '$math_train_path']"\npython3 -m verl.trainer.main_ppo \\\n    algorithm.adv_estimator=reinforce_plus_plus \\\n    data.train_files="$train_files" \\\n    actor_rollout_ref.model.path=Qwen/Qwen2-7B-Instruct \\\n    actor_rollout_ref.actor.optim.lr=3e-6\n`;
    const s = one(text);
    expect(s.objective?.value).toBe("other");
    expect(s.notes).toContain("algorithm.adv_estimator: reinforce_plus_plus");
    expect(s.datasets.map((d) => d.value.id)).toEqual([
      "$HOME/data/gsm8k/train.parquet",
      "$HOME/data/math/train.parquet",
    ]);
    expect(s.parameterization?.value).toBe("full");
  });

  it("drops an output that is a script argument (dev: verl sft peft)", () => {
    const text = `nproc_per_node=$1\nsave_path=$2\ntorchrun --standalone --nnodes=1 --nproc_per_node=$nproc_per_node \\\n     -m verl.trainer.fsdp_sft_trainer \\\n    data.train_files=$HOME/data/gsm8k/train.parquet \\\n    optim.lr=1e-4 \\\n    data.micro_batch_size_per_gpu=4 \\\n    model.partial_pretrain=Qwen/Qwen2.5-0.5B-Instruct \\\n    trainer.default_local_dir=$save_path \\\n    trainer.total_epochs=1 $@ \\\n    model.lora_rank=32\\\n    model.lora_alpha=16\n`;
    const s = one(text);
    expect(s.objective?.value).toBe("sft");
    expect(s.output).toBeUndefined();
    expect(s.adapter.rank?.value).toBe(32);
    expect(hp(s)).toEqual({ learningRate: 1e-4, epochs: 1, perDeviceBatchSize: 4 });
  });

  it("drops back-quoted comments and keeps $(...) unrun in an assignment (dev: Anima run_dpo_training.sh)", () => {
    const text = `run_id=$(date +%s)\nROOT_DIR_BASE=./Anima_run\nOUTPUT_PATH=$ROOT_DIR_BASE/output_$run_id\n\npython qlora_dpo.py --dataset="lyogavin/Anima33B_rlhf_belle_eval_1k" \`# rlhf dataset\` \\\n    --learning_rate 0.0001 \`# QLoRA paper appendix B Table 9 \`\\\n    --max_steps 100 \`# run 100 steps\`\\\n    --model_name_or_path "lyogavin/Anima33B-merged" \`# the base model to train on\` \\\n    --output_dir $OUTPUT_PATH \\\n    --lora_r 256 \\\n    --beta 0.1 \`# Temperature parameter for the DPO loss\`\n    #--debug_mode \`# only set when it's debug mode\` \\\n`;
    const s = one(text);
    expect(s.objective?.value).toBe("dpo");
    expect(s.parameterization?.value).toBe("qlora");
    expect(s.parameterization?.source.source).toBe("inferred");
    expect(s.inputs[0]?.value.id).toBe("lyogavin/Anima33B-merged");
    expect(s.output?.value).toBe("./Anima_run/output_$(date +%s)");
    expect(s.adapter.rank?.value).toBe(256);
    expect(hp(s)).toEqual({ learningRate: 1e-4, maxSteps: 100, beta: 0.1 });
    expect(s.framework).toBeUndefined();
  });

  it("names objectives from scripts and modules", () => {
    expect(objectiveOfEntry("open_instruct/dpo_tune_cache.py")).toBe("dpo");
    expect(objectiveOfEntry("open_instruct/finetune.py")).toBe("sft");
    expect(objectiveOfEntry("verl.trainer.main_ppo")).toBe("rlhf-ppo");
    expect(objectiveOfEntry("openrlhf.cli.train_rm")).toBe("reward-model");
    expect(objectiveOfEntry("verl.trainer.main")).toBeUndefined();
  });

  it("skips commands that train nothing", () => {
    expect(
      readCommands(
        "python demo/gradio_demo.py --base_model path_to_llama_hf_dir --lora_model x\n",
        "README.md",
      ),
    ).toEqual([]);
  });
});

describe("read-file", () => {
  it("reads a .sh file starting with a comment as a script, not a card", () => {
    const text = `# Tested with 2 & 4 GPUs\n\nset -x\ntorchrun -m verl.trainer.fsdp_sft_trainer model.partial_pretrain=Qwen/Qwen2.5-0.5B-Instruct optim.lr=1e-4 data.train_files=a.parquet\n`;
    const f = readSourceFile({ path: "run_qwen_05_peft.sh", text });
    expect(f.kind).toBe("shell-script");
    expect(f.steps[0]?.recipe).toBe(true);
    expect(f.steps[0]?.origin.line).toBe(4);
  });
});

describe("words that every object inherits", () => {
  it("are shell words, not trainer CLIs (constructor, toString, __proto__ once made extraction throw)", async () => {
    const text = "constructor foo\ntoString x\n__proto__ y\nhasOwnProperty z\nvalueOf --epochs 3\n";
    expect(readCommands(text, "run.sh")).toEqual([]);
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "ftl-proto-"));
    writeFileSync(join(dir, "README.md"), `# m\n\n\`\`\`sh\n${text}\`\`\`\n`);
    const { importGroups } = await import("./import-files.js");
    await expect(importGroups([join(dir, "README.md")])).resolves.toBeDefined();
  });
});

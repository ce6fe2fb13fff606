/**
 * Rules written from the first-run misses of the blind dev batches `g1-` and `g2-` (test/fixtures/corpus/dev,
 * labelled by helpers who never ran ftl, stop 28). Each case is rewritten from the layout of a batch file; each
 * was checked to fail without its rule. The training_args.bin reader has its own tests (training-args-bin.test.ts),
 * the `path/to` placeholder its own (model/refs.test.ts).
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;
const objectives = (text: string) =>
  docOf(text).steps.map((s) => ("objective" in s ? s.objective : undefined) ?? s.kind);

describe("'No SFT' is a negation (g1-co-simplerl-zero-ppo-from-qwen25-math-7b)", () => {
  it("a method right after 'no' is not a step; the one the sentence claims is", () => {
    const card = [
      "# SimpleRL",
      "",
      "Starting from Qwen2.5-Math-7B (base model), we perform RL on it directly with PPO. No SFT, no reward model, just 8K MATH examples.",
    ].join("\n");
    expect(objectives(card)).not.toContain("sft");
  });

  it("still reads SFT where the card claims it", () => {
    const card =
      "# M\n\nWe fine-tuned Qwen/Qwen2.5-Math-7B with SFT on 8K MATH examples. No reward model was used.";
    expect(objectives(card)).toContain("sft");
  });
});

describe("a value written in square brackets (g1-ld-huatuogpt-o1-8b-sft-then-ppo)", () => {
  it("`--data_path [org/name]` names the dataset org/name", () => {
    const card = [
      "# HuatuoGPT-o1",
      "",
      "## Training",
      "",
      "```bash",
      "accelerate launch train_sft.py \\",
      "    --model_name_or_path [meta-llama/Llama-3.1-8B-Instruct] \\",
      "    --dataset_name [FreedomIntelligence/medical-o1-reasoning-SFT] \\",
      "    --learning_rate 5e-6 \\",
      "    --output_dir ./ckpts",
      "```",
    ].join("\n");
    const doc = docOf(card);
    const ids = doc.steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => d.id));
    expect(ids).toContain("FreedomIntelligence/medical-o1-reasoning-SFT");
    expect(ids.some((id) => id?.includes("["))).toBe(false);
    expect(doc.bases.map((b) => b.id)).toContain("meta-llama/Llama-3.1-8B-Instruct");
  });
});

describe("nanotron configs (g1-rcp-smollm-finemath3plus-cpt-llama32-3b)", () => {
  const config = (resume: string) =>
    [
      "checkpoints:",
      "  checkpoints_path: checkpoints/finemath-3plus",
      `  resume_checkpoint_path: ${resume}`,
      "  load_optimizer: false",
      "data_stages:",
      "- data:",
      "    dataset:",
      "      dataset_folder:",
      "      - data/finemath-3-plus",
      "  name: stable phase",
      "general:",
      "  seed: 6",
      "optimizer:",
      "  learning_rate_scheduler:",
      "    learning_rate: 0.00005",
      "    lr_decay_style: linear",
      "    lr_warmup_steps: 1000",
      "  weight_decay: 0.01",
      "parallelism:",
      "  dp: 32",
      "tokens:",
      "  batch_accumulation_per_replica: 2",
      "  micro_batch_size: 4",
      "  sequence_length: 4096",
      "  train_steps: 60000",
    ].join("\n");

  it("a run resumed from a checkpoint is continued pre-training of it, with the stage's data and settings", () => {
    const doc = docOf(
      config("checkpoints/nanotron_pretrained_checkpoints/Nanotron-Llama-3.2-3B"),
      "finemath.yaml",
    );
    expect(doc.bases.map((b) => b.id)).toEqual([
      "local:checkpoints/nanotron_pretrained_checkpoints/Nanotron-Llama-3.2-3B",
    ]);
    const [step] = doc.steps;
    expect(step).toMatchObject({
      objective: "continued-pretraining",
      parameterization: "full",
      framework: { name: "nanotron" },
    });
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["local:data/finemath-3-plus"]);
    expect(step?.hyperparameters).toMatchObject({
      learningRate: 5e-5,
      maxSteps: 60000,
      perDeviceBatchSize: 4,
      gradientAccumulationSteps: 2,
      warmupSteps: 1000,
      scheduler: "linear",
      maxSequenceLength: 4096,
      seed: 6,
    });
  });

  it("a run that starts from nothing, or resumes itself with its optimizer, is pre-training: no step", () => {
    const text = config("x").replace("  resume_checkpoint_path: x\n", "");
    expect(docOf(text, "pretrain.yaml").steps).toEqual([]);
    const resumed = config("checkpoints/run1/10000").replace("  load_optimizer: false\n", "");
    expect(docOf(resumed, "pretrain.yaml").steps).toEqual([]);
  });
});

describe("a launch script that builds its arguments (g3-ne-zh-chinese-mixtral-8x7b-vocab-qlora-cpt)", () => {
  const script = [
    "#!/usr/bin/bash",
    "#SBATCH -N 4",
    'TRAIN_PARAMS=""',
    'TRAIN_PARAMS+=" --enable_lora"',
    'TRAIN_PARAMS+=" --lora_rank 64"',
    'TRAIN_PARAMS+=" --model_name_or_path mistralai/Mixtral-8x7B-v0.1"',
    'TRAIN_PARAMS+=" --num_train_epochs 1"',
    'TRAIN_PARAMS+=" --learning_rate 1e-5"',
    'TRAIN_PARAMS+=" --per_device_train_batch_size 16"',
    "TORCHRUN_PARAMS='--nproc_per_node 8'",
    'srun --label --export=ALL bash -c "',
    "    MASTER_PORT=55511;",
    "    torchrun $TORCHRUN_PARAMS train.py $TRAIN_PARAMS",
    '"',
  ].join("\n");

  it("reads bash's `+=` appends and the command a `bash -c` string runs", () => {
    const doc = docOf(script, "train-pt.sh");
    expect(doc.bases.map((b) => b.id)).toEqual(["mistralai/Mixtral-8x7B-v0.1"]);
    const [step] = doc.steps;
    expect(step?.hyperparameters).toMatchObject({ learningRate: 1e-5, epochs: 1, perDeviceBatchSize: 16 });
    expect(step && "adapter" in step ? step.adapter?.rank : undefined).toBe(64);
  });
});

describe("settings written as Python assignments in a .txt (g4-ac-ethicalai-llama2-7b-chat-qlora-r32)", () => {
  const settings = [
    'model_name = "NousResearch/llama-2-7b-chat-hf"',
    'dataset_name = "/content/train.jsonl"',
    "lora_r = 32",
    "use_4bit = True",
    "num_train_epochs = 1",
    "per_device_train_batch_size = 4",
    "learning_rate = 2e-4",
  ].join("\n");

  it("hyperparameters.txt is read as a settings module", () => {
    const r = extractFromFiles([{ path: "run/hyperparameters.txt", text: settings }]);
    expect(r.document.bases.map((b) => b.id)).toEqual(["NousResearch/llama-2-7b-chat-hf"]);
    expect(r.document.steps[0]?.hyperparameters).toMatchObject({
      learningRate: 2e-4,
      epochs: 1,
      perDeviceBatchSize: 4,
    });
  });

  it("a .txt of another name, or of prose, is not", () => {
    expect(extractFromFiles([{ path: "run/notes.txt", text: settings }]).document.steps).toEqual([]);
    const prose =
      "These are the hyperparameters we used.\nlearning_rate = 2e-4\nWe trained for a day.\nIt went well.";
    expect(extractFromFiles([{ path: "run/hyperparameters.txt", text: prose }]).document.steps).toEqual([]);
  });
});

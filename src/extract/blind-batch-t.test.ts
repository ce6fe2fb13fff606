/**
 * Rules written from the misses of the blind dev batches `t1-`…`t4-` (test/fixtures/corpus/dev, labelled by helpers
 * who never ran ftl, stop 26). Each case is rewritten from the layout of a batch file, as a user would pass it to
 * `ftl import`; each was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles, extractGroups } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;

describe("never a subject from a project's name or a link to a page (t1-ne-zh-aflow-roll, t4-ld-rlhf-from-scratch)", () => {
  it("a title naming two projects is not the id written with a slash between them", () => {
    const card = [
      "# AFlow + ROLL 深度融合项目",
      "",
      "- **ROLL (Alibaba)**: 强化学习框架，使用GRPO算法微调Qwen2.5-7B",
      "",
      "```",
      "integrated_aflow_roll/",
      "└── prepare_data.py            # 数据准备（从AFlow/ROLL提取）",
      "```",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });

  it("the text of a link to a page of the repository is not a Hub id", () => {
    const card = [
      "# RLHF from Scratch",
      "",
      "A from-scratch implementation of RLHF using PPO on Llama-3.2-1B for text summarization.",
      "",
      "For lessons learned, see [r/RLHF_from_Scratch](/docs/eval.md).",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });

  it("still reads the model of the title linked to the Hub", () => {
    const linked = [
      "# Support-Bot-7B",
      "",
      "A QLoRA fine-tune of mistralai/Mistral-7B-v0.1 on acme/tickets.",
      "",
      "Weights: [acme/Support-Bot-7B](https://huggingface.co/acme/Support-Bot-7B)",
    ].join("\n");
    expect(docOf(linked).subject.id).toBe("acme/Support-Bot-7B");
  });
});

describe("QLoRA a card states (t7-ic-unsloth-qwen25-7b-bnb4-qlora-vi-absa-adapter)", () => {
  const README = [
    "# Vietnamese ABSA using Instruction-Tuned Qwen2.5-7B",
    "",
    "We fine-tune the **Qwen2.5-7B-Instruct** model using **QLoRA** on the **UIT-ViSD4SA** dataset.",
    "",
    "- **Training Acceleration**: Quantized Low-Rank Adaptation (**QLoRA** in 4-bit) via the **Unsloth** framework.",
    "   - LoRA Rank (r) = 16, Alpha = 16.",
    "",
    "## Usage",
    "",
    "- Load the model, attach the LoRA adapters, and train.",
  ].join("\n");

  it("keeps QLoRA when later lines mention the LoRA adapters it trains", () => {
    const step = docOf(README).steps.find((s) => s.kind === "fine-tune");
    expect(step).toMatchObject({ parameterization: "qlora" });
  });

  it("joins the card with the adapter beneath it trained on the 4-bit copy of the model it names", () => {
    const adapter = JSON.stringify({
      base_model_name_or_path: "unsloth/qwen2.5-7b-instruct-bnb-4bit",
      peft_type: "LORA",
      r: 16,
    });
    const r = extractGroups([
      { path: "p/README.md", text: README },
      { path: "p/trained_model/adapter_config.json", text: adapter },
    ]);
    expect(r.documents).toHaveLength(1);
    // Another model's 4-bit copy stays apart.
    const other = JSON.stringify({
      base_model_name_or_path: "unsloth/llama-3-8b-bnb-4bit",
      peft_type: "LORA",
      r: 16,
    });
    const apart = extractGroups([
      { path: "p/README.md", text: README },
      { path: "p/trained_model/adapter_config.json", text: other },
    ]);
    expect(apart.documents).toHaveLength(2);
  });
});

describe("a subtitle that is a whole sentence (t4-nn-qwen25-7b-instruct-dpo-orca-pairs-qlora)", () => {
  it("reads the sentence a long heading states, and LoRA with 4-bit quantisation in it as QLoRA", () => {
    const card = [
      "# 🚀 DPO Fine-Tuning on Qwen2.5-7B-Instruct",
      "#### Fine-tune the powerful Qwen2.5-7B-Instruct model using Direct Preference Optimization (DPO) on the Intel/orca_dpo_pairs dataset with support for LoRA, 4-bit quantization, and W&B logging.",
      "",
      "### Run the main app",
      "```bash",
      "python main.py",
      "```",
    ].join("\n");
    const step = docOf(card).steps.find((s) => s.kind === "fine-tune");
    expect(step).toMatchObject({ objective: "dpo", parameterization: "qlora" });
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["Intel/orca_dpo_pairs"]);
  });

  it("does not read a short heading as a sentence", () => {
    const card = "# Notes\n\n## Fine-tuning on the Intel/orca_dpo_pairs dataset\n\nSee the notebook.\n";
    const steps = docOf(card).steps;
    expect(steps.flatMap((s) => (s.kind === "fine-tune" ? (s.inputs?.datasets ?? []) : []))).toEqual([]);
  });
});

describe("what a toolkit supports and what a method costs (t9-rcp-ko-gemma2-2b-it-lora-sft-ko-wikidata-qa)", () => {
  const objectives = (card: string) =>
    docOf(card).steps.flatMap((s) => (s.kind === "fine-tune" && s.objective ? [s.objective] : []));

  it("reads a features list of bare method names as a catalogue, not the model's steps", () => {
    const card = [
      "## What is this Project",
      "",
      "이 프로젝트는 개인용 MLOps 제작 프로젝트 입니다.",
      "",
      "## Features",
      "",
      "### Fine Tuning",
      "",
      "- Supervised Fine Tuning (SFT)",
      "- Direct Preference Optimization (DPO)",
    ].join("\n");
    expect(objectives(card)).toEqual([]);
    // A feature that says what was done stays a statement.
    expect(objectives("## Features\n\n- We fine-tuned Qwen/Qwen2.5-7B with DPO on org/prefs.\n")).toEqual([
      "dpo",
    ]);
  });

  it("reads a memory-usage caption as a measurement", () => {
    const card = [
      "We fine-tune google/gemma-2-2b-it with SFT on maywell/ko_wikidata_QA.",
      "",
      "**DPO GPU memory usage**",
      "",
      "| Model | LoRA | QLoRA |",
      "| --- | --- | --- |",
      "| google/gemma-2-2b-it (1024 tokens) | 43GB | 30GB |",
    ].join("\n");
    expect(objectives(card)).toEqual(["sft"]);
  });
});

describe("a publisher's card kept with its quantised copy (t2-qz-qwen25-7b-instruct-gptq-int4-vendored)", () => {
  it("reads the copy's words on the model and its series as no training of its own", () => {
    const card = [
      "---",
      "base_model: Qwen/Qwen2.5-7B-Instruct",
      "license: apache-2.0",
      "---",
      "# Qwen2.5-7B-Instruct-GPTQ-Int4",
      "",
      "Qwen2.5 is the latest series of Qwen large language models. For Qwen2.5, we release a number of base language models and instruction-tuned language models ranging from 0.5 to 72 billion parameters.",
      "",
      "**This repo contains the GPTQ-quantized 4-bit instruction-tuned 7B Qwen2.5 model**, which has the following features:",
      "- Quantization: GPTQ 4-bit",
    ].join("\n");
    const steps = docOf(card).steps;
    expect(steps.map((s) => s.kind)).toEqual(["quantization"]);
    expect(steps[0]?.inputs?.models?.[0]?.id).toBe("Qwen/Qwen2.5-7B-Instruct");
  });
});

describe("PPO's clipped loss inside another method (t1-ne-zh-aflow-roll-qwen25-7b-grpo-lora-workflows)", () => {
  it("reads 'PPO clip loss' and 'PPO裁剪损失' beside GRPO as GRPO's loss, not a PPO step", () => {
    const card = [
      "# Workflow generator",
      "",
      "我们使用GRPO算法微调Qwen/Qwen2.5-7B-Instruct（LoRA，rank=64）。",
      "",
      "**PPO裁剪损失**：ratio = exp(logp - old_logp)",
      "",
      "The update uses the PPO clip loss with epsilon 0.2.",
    ].join("\n");
    const objectives = docOf(card).steps.flatMap((s) =>
      s.kind === "fine-tune" && s.objective ? [s.objective] : [],
    );
    expect(objectives).toEqual(["grpo"]);
    expect(docOf("We fine-tuned Qwen/Qwen2.5-7B-Instruct with PPO on org/prompts.").steps[0]).toMatchObject({
      objective: "rlhf-ppo",
    });
  });
});

describe("what the reader will need to do (rel-u1-erax-llama31-8b-deepseek-mla-moe-mit, audit dev)", () => {
  it("reads 'You will need to … plus some serious GRPO' as advice, not a step", () => {
    const card =
      "We converted layers of meta-llama/Llama-3.1-8B. You will need to train the new model with 100k finetuning samples (or distilling from DeepSeek R1), plus some serious GRPO to use its full power.";
    expect(docOf(card).steps.some((s) => s.kind === "fine-tune" && s.objective === "grpo")).toBe(false);
  });
});

describe("a project's flat settings file (t1-ne-zh-aflow-roll-qwen25-7b-grpo-lora-workflows)", () => {
  it("reads the model, the training data and verl's adv_estimator beside the settings", () => {
    const yaml = [
      "# AFlow + ROLL 集成训练配置",
      'exp_name: "aflow_grpo_hybrid_prompts"',
      "max_steps: 500",
      'adv_estimator: "grpo"',
      'base_model: "/home/u/models/qwen/Qwen2___5-7B-Instruct"',
      "use_lora: true",
      "lora_rank: 64",
      "learning_rate: 1.0e-5",
      "gradient_accumulation_steps: 2",
      'data_dir: "data"',
      'train_dataset: "data/train/mixed_dataset.jsonl"',
    ].join("\n");
    const step = extractFromFiles([{ path: "training.yaml", text: yaml }]).document.steps[0];
    expect(step).toMatchObject({ kind: "fine-tune", objective: "grpo" });
    expect(step?.inputs?.models?.[0]?.id).toBe("local:/home/u/models/qwen/Qwen2___5-7B-Instruct");
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["local:data/train/mixed_dataset.jsonl"]);
    // A generic data folder names no dataset.
    const folder = yaml.replace('train_dataset: "data/train/mixed_dataset.jsonl"', 'data_path: "./data"');
    expect(
      extractFromFiles([{ path: "training.yaml", text: folder }]).document.steps[0]?.inputs?.datasets,
    ).toBeUndefined();
  });
});

/**
 * Rules written from the misses of the blind dev batch `s1-`/`s2-` (test/fixtures/corpus/dev, labelled by helpers who
 * never ran ftl; first run before these rules: base 9/14, hyperparameters 26/50, rank 6/10, datasets 5/6 right of
 * asserted). Each case is rewritten from the layout of a batch file, as a user would pass it to `ftl import`.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

/** A step's LoRA rank (on fine-tune steps only). */
const rankOf = (step: unknown): unknown =>
  (step as { adapter?: { rank?: unknown } } | undefined)?.adapter?.rank;

describe("settings tables (s2-card-gennx, s2-card-roymacias)", () => {
  it("reads a 'Setting | Value | Description' table, the description's settings included", () => {
    const card = [
      "# Tool calling adapter",
      "",
      "QLoRA fine-tune of Qwen/Qwen2.5-1.5B-Instruct.",
      "",
      "| Setting | Value | Description |",
      "|---------|-------|-------------|",
      "| LoRA rank | 8 (expandable to 16–32) | ~9.23M trainable parameters (0.6%) |",
      "| Learning rate | 2e-4, cosine scheduler | 5% warmup + cosine decay |",
      "| Batch size | 1 x 8 (gradient accumulation) | Effective batch size 8 |",
      "| Early Stopping | patience 3, threshold 0.01 | Based on eval_loss |",
    ].join("\n");
    const doc = extractFromFiles([{ path: "README.md", text: card }]).document;
    expect(doc.steps[0]?.hyperparameters).toMatchObject({
      learningRate: 0.0002,
      scheduler: "cosine",
      warmupRatio: 0.05,
      perDeviceBatchSize: 1,
      globalBatchSize: 8,
    });
    expect(rankOf(doc.steps[0])).toBe(8);
  });

  it("pairs 'Epochs / max length | 1 / 1024 tokens' and reads 'LoRA rank `r` / alpha | 16 / 32'", () => {
    const card = [
      "The fine-tune sits on top of `google/gemma-3-4b-it` with QLoRA.",
      "",
      "| Hyperparameter | Value |",
      "|---|---|",
      "| LoRA rank `r` / alpha | 16 / 32 |",
      "| Learning rate | `2e-4` with cosine schedule, 3 % warmup |",
      "| Effective batch size | 16 (`per_device=2` × `grad_accum=8`) |",
      "| Epochs / max length | 1 / 1024 tokens |",
    ].join("\n");
    const doc = extractFromFiles([{ path: "README.md", text: card }]).document;
    expect(doc.steps[0]?.hyperparameters).toMatchObject({
      learningRate: 0.0002,
      warmupRatio: 0.03,
      globalBatchSize: 16,
      perDeviceBatchSize: 2,
      gradientAccumulationSteps: 8,
      epochs: 1,
      maxSequenceLength: 1024,
    });
    expect(rankOf(doc.steps[0])).toBe(16);
  });
});

describe("a data table's role column (s2-card-roymacias)", () => {
  it("keeps the training row and leaves out the out-of-distribution evaluation row", () => {
    const card = [
      "QLoRA fine-tuning of google/gemma-3-4b-it.",
      "",
      "## Data",
      "",
      "| Dataset | Split used | Role |",
      "|---|---|---|",
      "| [`openlifescienceai/medmcqa`](https://huggingface.co/datasets/openlifescienceai/medmcqa) | `train` + `validation` | Training and in-distribution evaluation |",
      "| [`GBaker/MedQA-USMLE-4-options`](https://huggingface.co/datasets/GBaker/MedQA-USMLE-4-options) | `test` only | Out-of-distribution evaluation |",
    ].join("\n");
    const doc = extractFromFiles([{ path: "README.md", text: card }]).document;
    expect(doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual(["openlifescienceai/medmcqa"]);
  });
});

describe("the card's own model in its usage code and prose (s2-card-wkaski, s2-card-daria)", () => {
  const code = (vars: string) =>
    [
      "QLoRA adapter for Qwen/Qwen2.5-1.5B-Instruct.",
      "",
      "```python",
      vars,
      "tokenizer = AutoTokenizer.from_pretrained(BASE)",
      "model = AutoModelForCausalLM.from_pretrained(BASE)",
      "model = PeftModel.from_pretrained(model, ADAPTER)",
      "```",
    ].join("\n");

  it("reads an upper-case ADAPTER_ID constant and an adapter_repo variable", () => {
    for (const [vars, id] of [
      [
        'BASE_MODEL_ID = "Qwen/Qwen2.5-1.5B-Instruct"\nADAPTER_ID = "someone/qwen-sql-lora"',
        "someone/qwen-sql-lora",
      ],
      [
        'original_model = "Qwen/Qwen2.5-1.5B-Instruct"\nadapter_repo = "someone/qwen-dolly"',
        "someone/qwen-dolly",
      ],
    ] as const) {
      const doc = extractFromFiles([{ path: "README.md", text: code(vars) }]).document;
      expect(doc.subject.id).toBe(id);
    }
  });

  it("reads 'HuggingFace Hub: **org/name**' as the card naming itself", () => {
    const card =
      "This repository contains a QLoRA fine-tuned model based on mistralai/Mistral-7B-Instruct-v0.2, trained on databricks/databricks-dolly-15k.\n\n## Model Repository\n\nHuggingFace Hub: **someone/qlora-mistral-dolly**\n";
    expect(extractFromFiles([{ path: "README.md", text: card }]).document.subject.id).toBe(
      "someone/qlora-mistral-dolly",
    );
  });
});

describe("a command that hands its settings file by flag (s1-ne-zh-afac2024)", () => {
  const readme = [
    "## 训练流程",
    "",
    "```shell",
    "python train_qlora.py \\",
    "--train_args_json QLoRA.json \\",
    "--model_name_or_path ../../Model/THUDM/chatglm3-6b \\",
    "--train_data_path data/train.json \\",
    "--lora_rank 4",
    "```",
  ].join("\n");
  const args = JSON.stringify({
    output_dir: "output/run",
    learning_rate: 1e-4,
    num_train_epochs: 1,
    seed: 42,
  });

  it("reads the command and the file it loads as one run", () => {
    const { document } = extractFromFiles([
      { path: "readme.md", text: readme },
      { path: "QLoRA.json", text: args },
    ]);
    expect(document.steps).toHaveLength(1);
    const step = document.steps[0];
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["local:../../Model/THUDM/chatglm3-6b"]);
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["data/train.json"]);
    expect(rankOf(step)).toBe(4);
    expect(step?.hyperparameters).toMatchObject({ learningRate: 0.0001, epochs: 1, seed: 42 });
  });

  it("never takes a DeepSpeed config as the run's settings", () => {
    const cmd = readme.replace("--train_args_json QLoRA.json", "--deepspeed ds_config.json");
    const { document } = extractFromFiles([
      { path: "readme.md", text: cmd },
      { path: "ds_config.json", text: JSON.stringify({ train_micro_batch_size_per_gpu: 4 }) },
    ]);
    expect(document.steps.every((s) => s.hyperparameters?.learningRate === undefined)).toBe(true);
  });
});

describe("a model card saved as YAML, beside a README laying out the stages (s2-int-dylandeep)", () => {
  const card = [
    "---",
    "base_model: TIGER-Lab/Abel-7B-002",
    "library_name: transformers",
    "datasets:",
    "- gsm8k",
    "---",
    "",
    "# someone/Math-7B-DPO",
    "",
    "Trained with DPO.",
  ].join("\n");
  const readme = [
    "# Math 7B",
    "",
    "1. **SFT**: supervised fine-tuning on worked solutions.",
    "2. **DPO**: preference optimisation of the SFT model.",
  ].join("\n");

  it("reads model_card.yaml as a card, not as malformed YAML", () => {
    const { document, warnings } = extractFromFiles([{ path: "model_card.yaml", text: card }]);
    expect(warnings.map((w) => w.code)).not.toContain("file.syntax");
    expect(document.bases.map((b) => b.id)).toEqual(["TIGER-Lab/Abel-7B-002"]);
  });

  it("a training config that starts with '---' stays a config", () => {
    const yaml = "---\nmodel_name_or_path: org/base\nlearning_rate: 1.0e-5\n---\nnum_train_epochs: 2\n";
    const { warnings } = extractFromFiles([{ path: "config.yaml", text: yaml }]);
    expect(warnings.map((w) => w.code)).toContain("file.syntax");
  });

  it("chains the README's stages from the card's base instead of two runs from one model", () => {
    const { document } = extractFromFiles([
      { path: "README.md", text: readme },
      { path: "model_card.yaml", text: card },
    ]);
    expect(document.steps.map((s) => s.kind === "fine-tune" && s.objective)).toEqual(["sft", "dpo"]);
    expect(document.steps[0]?.inputs?.models?.map((m) => m.id)).toEqual(["TIGER-Lab/Abel-7B-002"]);
    expect(document.steps[1]?.inputs?.models?.map((m) => m.id)).not.toContain("TIGER-Lab/Abel-7B-002");
  });
});

describe("recipes and run folders (s3-)", () => {
  it("joins a trainer's adapter files and the one script beside them that loads the same base", () => {
    const adapter = JSON.stringify({
      base_model_name_or_path: "TinyLlama/TinyLlama-1.1B-Chat-v1.0",
      peft_type: "LORA",
      r: 8,
    });
    const state = JSON.stringify({ global_step: 45, max_steps: 45, num_train_epochs: 3, log_history: [] });
    const script = [
      "from transformers import AutoModelForCausalLM, Trainer, TrainingArguments",
      'MODEL = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"',
      "model = AutoModelForCausalLM.from_pretrained(MODEL)",
      'args = TrainingArguments(output_dir="lora-out", learning_rate=2e-4, num_train_epochs=3)',
      "trainer = Trainer(model=model, args=args)",
      "trainer.train()",
    ].join("\n");
    const { document } = extractFromFiles([
      { path: "adapter_config.json", text: adapter },
      { path: "trainer_state.json", text: state },
      { path: "train.py", text: script },
    ]);
    expect(document.steps).toHaveLength(1);
    expect(document.steps[0]?.hyperparameters).toMatchObject({ learningRate: 0.0002, epochs: 3 });
    expect(rankOf(document.steps[0])).toBe(8);
  });

  it("folds the YAML a training command loads under the command's own values", () => {
    const sh = [
      "accelerate launch --config_file accelerate_config/default_config.yaml \\",
      "finetune_dpo.py \\",
      "train_config/dpo_config.yaml \\",
      "--output_dir=output/qwen2-dpo \\",
      "--learning_rate=1e-5 \\",
      "--model_name_or_path=./model_hub/Qwen2-0.5B-Instruct \\",
      "--beta=0.1",
    ].join("\n");
    const yaml = [
      "model_name_or_path: ./model_hub/01ai/Yi-6B-Chat",
      "learning_rate: 5.0e-7",
      "beta: 0.1",
      "num_train_epochs: 2",
      "dataset_mixer:",
      "  org/prefs: 1.0",
    ].join("\n");
    const { document } = extractFromFiles([
      { path: "train.sh", text: sh },
      { path: "train_config/dpo_config.yaml", text: yaml },
    ]);
    expect(document.steps).toHaveLength(1);
    const step = document.steps[0];
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["local:./model_hub/Qwen2-0.5B-Instruct"]);
    expect(step?.hyperparameters).toMatchObject({ learningRate: 0.00001, epochs: 2 });
  });

  it("reads a CLI of dataclass groups (--base_config.model_name, --grpo_config.lr)", () => {
    const sh = [
      "python -m proj.training.train_rl \\",
      '    --base_config.model_name "Qwen/Qwen2.5-0.5B-Instruct" \\',
      '    --base_config.dataset_name "openai/gsm8k" \\',
      "    --base_config.seed 42 \\",
      "    --grpo_config.lr 5e-06",
    ].join("\n");
    const { document } = extractFromFiles([{ path: "grpo.sh", text: sh }]);
    const step = document.steps[0];
    expect(step?.kind === "fine-tune" && step.objective).toBe("grpo");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["Qwen/Qwen2.5-0.5B-Instruct"]);
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["openai/gsm8k"]);
    expect(step?.hyperparameters).toMatchObject({ learningRate: 0.000005, seed: 42 });
  });

  it("reads --model_name as the model only when it is an id or a path, not an architecture's name", () => {
    const run = (name: string) =>
      extractFromFiles([
        {
          path: "run.sh",
          text: `python train.py \\\n  --model_name ${name} \\\n  --dataset_name org/data \\\n  --learning_rate 2e-5`,
        },
      ]).document.steps[0]?.inputs?.models?.map((m) => m.id);
    expect(run("org/base-7b")).toEqual(["org/base-7b"]);
    expect(run("olmo2.5-7b-yarn")).toBeUndefined();
  });
});

describe("the Hub template filled in code spans and argument lists (s4-card-wac81)", () => {
  const card = [
    "---",
    "library_name: peft",
    "base_model: meta-llama/Meta-Llama-3-8B-Instruct",
    "---",
    "",
    "# Model Card for Model ID",
    "",
    "## Training Details",
    "",
    "### Training Data",
    "",
    "use data from this repo: ```someone/DPO-En-Zh-20k```",
    "",
    "#### Training Hyperparameters",
    "",
    "- **Training regime:** ",
    "```qlora/orpo```",
    "",
    "* orpo setup",
    "```",
    "    learning_rate=8e-6,  ",
    "    beta=0.1,  ",
    '    lr_scheduler_type="linear",  ',
    '    evaluation_strategy="steps",  ',
    "    num_train_epochs=1,  ",
    "```",
  ].join("\n");

  it("reads '```qlora/orpo```' as inline code, not as a fence that hides the rest of the card", () => {
    const doc = extractFromFiles([{ path: "README.md", text: card }]).document;
    expect(doc.steps[0]?.kind === "fine-tune" && doc.steps[0].objective).toBe("orpo");
  });

  it("reads a code block that is only a keyword-argument list of training settings", () => {
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.hyperparameters).toMatchObject({
      learningRate: 0.000008,
      beta: 0.1,
      scheduler: "linear",
      epochs: 1,
    });
    const generation = "Fine-tuned org/base.\n\n```\nmax_length=512,\ntemperature=0.7,\n```\n";
    const gen = extractFromFiles([{ path: "README.md", text: generation }]).document.steps[0];
    expect(gen?.hyperparameters?.maxSequenceLength).toBeUndefined();
  });

  it("reads a dataset id in code on a line about the data, in the section about the training data", () => {
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["someone/DPO-En-Zh-20k"]);
    const made = card.replace("use data from this repo:", "data generated with");
    const other = extractFromFiles([{ path: "README.md", text: made }]).document.steps[0];
    expect(other?.inputs?.datasets ?? []).toEqual([]);
  });
});

describe("a config quoted in a text block (s4-int-qwen05b)", () => {
  it("reads a recipe quoted as ```text like one quoted as ```yaml", () => {
    const card = (lang: string) =>
      `# Run report\n\n## Config\n\n\`\`\`${lang}\nbase_model: Qwen/Qwen2.5-0.5B-Instruct\nadapter: lora\nlora_r: 16\nlearning_rate: 5.0e-5\nnum_epochs: 1\n\`\`\`\n`;
    for (const lang of ["yaml", "text"]) {
      const step = extractFromFiles([{ path: "README.md", text: card(lang) }]).document.steps[0];
      expect(
        step?.inputs?.models?.map((m) => m.id),
        lang,
      ).toEqual(["Qwen/Qwen2.5-0.5B-Instruct"]);
      expect(rankOf(step), lang).toBe(16);
    }
  });
});

describe("cards of small projects (s6-, s7-)", () => {
  it("reads a 'LoRA Parameter | Value' table's 'Rank (r)' row", () => {
    const card =
      "Fine-tuned TinyLlama/TinyLlama-1.1B-Chat-v1.0 with LoRA.\n\n| LoRA Parameter | Value |\n|---|---|\n| Rank (r) | 16 |\n| Alpha | 32 |\n";
    expect(rankOf(extractFromFiles([{ path: "README.md", text: card }]).document.steps[0])).toBe(16);
  });

  it("reads '**Source:** `org/name`' under a heading that is only about the data", () => {
    const card =
      "Fine-tuned TinyLlama/TinyLlama-1.1B-Chat-v1.0 with LoRA.\n\n## 3. Dataset\n\n**Source:** `medalpaca/medical_meadow_medical_flashcards` (Hugging Face Datasets Hub)\n";
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["medalpaca/medical_meadow_medical_flashcards"]);
    const other = card.replace("## 3. Dataset", "## Deployment");
    expect(
      extractFromFiles([{ path: "README.md", text: other }]).document.steps[0]?.inputs?.datasets ?? [],
    ).toEqual([]);
  });

  it("reads the Unsloth template's label edited to '**Finetuned from dataset :**'", () => {
    const card =
      "# Uploaded model\n\n- **Developed by:** someone\n- **Finetuned from model :** unsloth/Qwen3-0.6B-unsloth-bnb-4bit\n- **Finetuned from dataset :** 5CD-AI/Vietnamese-Multi-turn-Chat-Alpaca\n";
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["5CD-AI/Vietnamese-Multi-turn-Chat-Alpaca"]);
  });

  it("reads LLaMA-Factory's notebook form, args = dict(stage=…, finetuning_type=…)", () => {
    const card = [
      "This project fine-tunes LLaMA3-8B with LLaMA-Factory.",
      "",
      "```python",
      "args = dict(",
      '  stage="sft",                        # do supervised fine-tuning',
      '  model_name_or_path="meta-llama/Meta-Llama-3-8B",',
      '  dataset="legal_qa_v1_train",',
      '  finetuning_type="lora",',
      "  learning_rate=1e-4,",
      "  num_train_epochs=10.0,",
      "  quantization_bit=8,",
      ")",
      'json.dump(args, open("train_llama3.json", "w", encoding="utf-8"), indent=2)',
      "```",
    ].join("\n");
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.kind === "fine-tune" && [step.objective, step.parameterization]).toEqual(["sft", "qlora"]);
    expect(step?.hyperparameters).toMatchObject({ learningRate: 0.0001, epochs: 10 });
  });
});

describe("a settings list led in by a line about settings (s9-ne-zh-zhangfirst)", () => {
  it("reads one pair to an item, a value's closing note included", () => {
    const card = [
      "我们基于 meta-llama/Meta-Llama-3-8B-Instruct 基座模型，利用 LoRA 微调。",
      "",
      "### 3. 启动训练",
      "",
      "核心训练参数配置：",
      "",
      "- `learning_rate`: 2e-4 (Cosine scheduler)",
      "- `batch_size`: 2 (per device)",
      "- `gradient_accumulation_steps`: 4",
    ].join("\n");
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.hyperparameters).toMatchObject({
      learningRate: 0.0002,
      scheduler: "cosine",
      perDeviceBatchSize: 2,
      gradientAccumulationSteps: 4,
    });
  });
});

describe("a LLaMA-Factory inference config (s9-ne-zh-qilv)", () => {
  it("is no training step: it loads an adapter and names no stage, dataset or do_train", () => {
    const chat =
      "model_name_or_path: C:/models/Qwen2-7B-Instruct-GPTQ-Int4\nadapter_name_or_path: C:/models/sft\ntemplate: qwen\nfinetuning_type: lora\n";
    const { document, warnings } = extractFromFiles([{ path: "llama3_lora_sft.yaml", text: chat }]);
    expect(document.steps).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain("extract.inference-config");
    // With a stage and data it trains, from the adapter (a run before it trained that adapter: resumed-adapter.ts).
    const train = `${chat}stage: sft\ndo_train: true\ndataset: poems\n`;
    const steps = extractFromFiles([{ path: "train.yaml", text: train }]).document.steps;
    expect(steps).toHaveLength(2);
    expect(steps[1]?.inputs?.models?.[0]?.id).toBe("local:C:/models/sft");
  });
});

describe("a method label in another language (s10-ne-ru-mistral-7b-v03-qlora)", () => {
  it("reads '**Метод:** QLoRA — …' as QLoRA, over the title's or a sentence's 'LoRA'", () => {
    const card = [
      "Учебный проект по дообучению `Mistral-7B-Instruct-v0.3` через LoRA на инструктивном датасете.",
      "",
      "## 2. Fine-tuning",
      "",
      "**Базовая модель:** `mistralai/Mistral-7B-Instruct-v0.3`",
      "**Метод:** QLoRA — 4-bit квантизация (NF4) через `BitsAndBytesConfig` + LoRA-адаптеры",
    ].join("\n");
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.kind === "fine-tune" && step.parameterization).toBe("qlora");
  });
});

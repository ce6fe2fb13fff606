/**
 * Rules written at stop 35 from the first run of the blind dev batches w1 and w2 (layouts rewritten, not copied).
 * Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { isRegistrableId, refKind } from "../model/refs.js";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;
const modelsOf = (text: string, path?: string) => {
  const doc = docOf(text, path);
  const inputs = doc.steps.flatMap((s) => (s.inputs?.models ?? []).map((m) => m.id));
  return [...doc.bases.map((b) => b.id), ...inputs];
};

describe("a settings, code or data file is never a model (w1-ne-zh-qwen25-05b-r1-distill-lora-sft)", () => {
  it("is not a Hub id, though shaped org/name", () => {
    for (const id of [
      "configs/qwen2.5-0.5B-lora-sft.yaml",
      "scripts/train.sh",
      "data/train.jsonl",
      "cfg/run.toml",
    ]) {
      expect(refKind(id), id).toBe("not-a-model");
      expect(isRegistrableId(id), id).toBe(false);
    }
    expect(refKind("Qwen/Qwen2.5-0.5B")).toBe("hub");
  });

  it("is not taken for the base in a sentence about fine-tuning", () => {
    const card = [
      "# 用 DeepSeek-R1 数据蒸馏 Qwen",
      "",
      "在`configs/qwen2.5-0.5B-lora-sft.yaml`文件中设置模型&数据集路径。",
      "",
      "使用如下命令开始运行 Qwen0.5B 的 LoRA 微调：",
      "",
      "```bash",
      "python train_sft.py --config configs/qwen2.5-0.5B-lora-sft.yaml",
      "```",
    ].join("\n");
    expect(modelsOf(card).filter((id) => id?.includes("yaml"))).toEqual([]);
  });
});

describe("an app's README that downloads one GGML copy (w2-qnt-llama2-7b-chat-ggml-cpu-app-noorg)", () => {
  it("is about that copy: a quantisation of the model its name gives", () => {
    const readme = [
      "# Llama 2 on a CPU machine",
      "",
      "Download the quantized model and keep it in the model directory:",
      "",
      "```ini",
      "llama-2-7b-chat.ggmlv3.q4_0.bin",
      "https://huggingface.co/TheBloke/Llama-2-7B-Chat-GGML/tree/main",
      "```",
    ].join("\n");
    const doc = docOf(readme);
    const step = doc.steps.find((s) => s.kind === "quantization");
    expect(step?.output?.id).toBe("TheBloke/Llama-2-7B-Chat-GGML");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["meta-llama/Llama-2-7b-chat-hf"]);
  });
});

describe("training commands' flags (w2 launchers)", () => {
  const stepOf = (text: string, path = "train.sh") => {
    const step = docOf(text, path).steps[0];
    return step?.kind === "fine-tune" ? step : undefined;
  };

  it("a LLaMA-Factory training run that also carries export flags is the training run (QLoRA from its flags)", () => {
    const script = [
      "#!/bin/bash",
      "llamafactory-cli train \\",
      "    --model_name_or_path /data/models/qwen2.5-7b-instruct \\",
      "    --stage sft \\",
      "    --dataset law_train \\",
      "    --finetuning_type lora \\",
      "    --lora_rank 8 \\",
      "    --quantization_bit 4 \\",
      "    --output_dir ./out \\",
      '    --export_dir "./out/merged_model" \\',
      "    --export_size 2",
    ].join("\n");
    const step = stepOf(script);
    expect(step?.objective).toBe("sft");
    expect(step?.parameterization).toBe("qlora");
  });

  it("FastChat's --q_lora True makes a LoRA run QLoRA", () => {
    const script = [
      "deepspeed fastchat/train/train_lora.py \\",
      "    --model_name_or_path meta-llama/Llama-2-7b-hf \\",
      "    --lora_r 8 \\",
      "    --lora_alpha 32 \\",
      "    --data_path data/train.json \\",
      "    --num_train_epochs 3 \\",
      "    --learning_rate 2e-5 \\",
      "    --q_lora True",
    ].join("\n");
    expect(stepOf(script)?.parameterization).toBe("qlora");
  });
});

describe("a folder a shell command enters is not the card's model (w1-ne-ja-fireedge-lfm25-vl-450m-lora-report)", () => {
  it("is not taken for the model of the title", () => {
    const card = [
      "# FireEdge — モデル技術レポート",
      "",
      "LoRA fine-tuning of LFM2.5-VL-450M on satellite imagery.",
      "",
      "```bash",
      "cd apps/fireedge",
      "python serve.py",
      "```",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });

  it("still takes the model of the title written as a Hub id", () => {
    const card = ["# FireEdge", "", "LoRA fine-tuning published as someone/FireEdge."].join("\n");
    expect(docOf(card).subject.id).toBe("someone/FireEdge");
  });
});

describe("a settings table's quantisation row in other languages (w1-ne-ja-llama32-3b-jcqa-qlora-sft-then-dpo)", () => {
  const card = (label: string) =>
    [
      "# JCommonsenseQA SFT",
      "",
      "meta-llama/Llama-3.2-3B-Instruct を LoRA で SFT します。",
      "",
      "## ハイパーパラメータ",
      "",
      "| 項目 | 値 |",
      "| --- | --- |",
      `| ${label} | 4bit (bitsandbytes) |`,
      "| LoRA R | 16 |",
      "| Epochs | 3 |",
    ].join("\n");

  it.each(["量子化", "量化", "양자화", "Квантизация"])("%s with 4 bits makes the LoRA run QLoRA", (label) => {
    const step = docOf(card(label)).steps[0];
    expect(step?.kind === "fine-tune" ? step.parameterization : undefined).toBe("qlora");
  });
});

describe("a settings table headed 'Component | Detail' (w3-card-diwash-mistral-7b-v02-chatdoctor-qlora)", () => {
  it("reads its max steps and effective batch size", () => {
    const card = [
      "# Medical QA fine-tuning (QLoRA)",
      "",
      "We fine-tuned mistralai/Mistral-7B-Instruct-v0.2 with QLoRA on patient-doctor conversations.",
      "",
      "## Model & Method",
      "",
      "| Component | Detail |",
      "|---|---|",
      "| Fine-tuning method | QLoRA (4-bit NF4 quantization + LoRA adapters) |",
      "| Max steps | 900 (~1 epoch over the 15k-example training subset) |",
      "| Effective batch size | 16 (per-device batch 8 × grad accumulation 2) |",
    ].join("\n");
    const step = docOf(card).steps[0];
    expect(step?.kind === "fine-tune" ? step.hyperparameters : undefined).toMatchObject({
      maxSteps: 900,
      globalBatchSize: 16,
    });
  });
});

describe("a card that names its base twice (w3-card-onurkan-llama2-7b-oasst1-qlora-sft-hf-card)", () => {
  const card = [
    "---",
    "base_model: meta-llama/Llama-2-7b-hf",
    "datasets:",
    "- OpenAssistant/oasst1",
    "---",
    "",
    "# Llama-2-7b fine-tuned on OpenAssistant",
    "",
    "This is a fine-tuned version of meta-llama/Llama-2-7b-hf trained on OpenAssistant/oasst1 using SFT with LoRA.",
    "",
    "- **Base Model**: Llama-2-7b",
    "",
    "**Training Hyperparameters**:",
    "- **Epochs**: 2",
    "- **Gradient Accumulation**: 4 steps",
  ].join("\n");

  it("has no step from the base to itself: the name without its org is the front matter's base", () => {
    const doc = docOf(card);
    expect(doc.steps).toHaveLength(1);
    expect(doc.steps[0]?.inputs?.models?.map((m) => m.id)).toEqual(["meta-llama/Llama-2-7b-hf"]);
  });

  it("reads a count of accumulation steps written with its unit", () => {
    const step = docOf(card).steps[0];
    expect(step?.kind === "fine-tune" ? step.hyperparameters?.gradientAccumulationSteps : undefined).toBe(4);
  });
});

describe("PEFT's template block on a card that does not name the adapter's type (w3-noorg-naveen-llama-7b-midjourney-peft-4bit-card)", () => {
  it("gives the adapter step its training bits and leaves the type unsaid", () => {
    const card = [
      "---",
      "library_name: peft",
      "base_model: huggyllama/llama-7b",
      "---",
      "",
      "The Llama-7B model is fine-tuned on our prompts dataset.",
      "",
      "## Training procedure",
      "",
      "The following `bitsandbytes` quantization config was used during training:",
      "- load_in_8bit: False",
      "- load_in_4bit: True",
      "- bnb_4bit_quant_type: nf4",
    ].join("\n");
    const step = docOf(card).steps[0];
    expect(step?.kind).toBe("fine-tune");
    if (step?.kind !== "fine-tune") return;
    expect(step.adapter?.quantizationBits).toBe(4);
    expect(step.parameterization).toBeUndefined();
  });
});

describe("the model an adapter is loaded onto is not the card's model (w3-card-huecodes-qwen25-15b-mlx-lora-training-report)", () => {
  it("is neither the --model of mlx_lm.fuse nor the model load() pairs with an adapter_path", () => {
    const card = [
      "# Qwen2.5-1.5B Fine-Tuning - Training Report",
      "",
      "**Base model:** Qwen/Qwen2.5-1.5B-Instruct, trained with LoRA.",
      "",
      "```python",
      "from mlx_lm import load, generate",
      'model, tokenizer = load("Qwen/Qwen2.5-1.5B-Instruct", adapter_path="./adapters")',
      "```",
      "",
      "```bash",
      "mlx_lm.fuse --model Qwen/Qwen2.5-1.5B-Instruct \\",
      "            --adapter-path ./adapters \\",
      "            --save-path ./merged",
      "```",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });
});

describe("a repository whose name says fine-tuning is not a sentence about fine-tuning (w4-ne-zh-llama3-8b-bnb4-law-lora-merged)", () => {
  it("does not make the card's own download link its base", () => {
    const card = [
      "# LLaMa3-Law",
      "基于LLaMa3-8B微调的法律大模型。",
      "",
      "## 关于模型",
      "",
      "本模型基于llama-3-8b-bnb-4bit大模型对法律数据集进行法律领域的lora微调。",
      "",
      "## 关于下载",
      "",
      "[Starxx/LLaMa3-Fine-Tuning-ChineseLaw-Merged at main (hf-mirror.com)](https://hf-mirror.com/Starxx/LLaMa3-Fine-Tuning-ChineseLaw-Merged/tree/main)",
    ].join("\n");
    const ids = docOf(card).bases.map((b) => b.id);
    expect(ids).not.toContain("Starxx/LLaMa3-Fine-Tuning-ChineseLaw-Merged");
  });
});

describe("a settings table's dataset row that names the data (audit dev cln-y2-sec-assistant-phi3-mini-finqa-qlora-mit)", () => {
  const card = (cell: string) =>
    [
      "# SEC assistant",
      "",
      "Fine-tuned microsoft/Phi-3-mini-4k-instruct for questions about SEC filings.",
      "",
      "| Component | Detail |",
      "|-----------|--------|",
      "| Method | QLoRA (r=16, α=32) |",
      `| Dataset | ${cell} |`,
    ].join("\n");
  const datasetsOf = (cell: string) =>
    docOf(card(cell)).steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => d.id));

  it("reads a dataset's name, with or without a gloss after it", () => {
    expect(datasetsOf("FinQA (SEC filing Q&A)")).toEqual(["FinQA"]);
    expect(datasetsOf("GSM8K")).toEqual(["GSM8K"]);
  });

  it("does not take a word about unnamed data for a name", () => {
    for (const cell of ["Custom", "in-house (600 examples)", "Proprietary data"])
      expect(datasetsOf(cell)).toEqual([]);
  });
});

/**
 * Settings tables ("parameter | value") and inline English setting labels in other-language text, on snippets
 * quoted from dev corpus cards (test/fixtures/corpus/dev/…, named beside each snippet).
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readMultilingual } from "./multilingual.js";

const read = (text: string): CardState => readWith(readMultilingual, text);

const hp = (s: CardState) => Object.fromEntries(s.hp.map((h) => [h.key, h.value]));
const methods = (s: CardState) =>
  s.prose.map((p) => [p.step.objective?.value, p.step.parameterization?.value]);

describe("settings tables", () => {
  it("zh: rows with values inside values and paired labels (dev j-ne-zh-twmed-gemma3-taide-qlora-card)", () => {
    const s = read(
      "## 訓練設定\n\n| 項目 | 設定 |\n| --- | --- |\n| 方法 | 4-bit QLoRA，response-only loss |\n| LoRA | rank 16、alpha 16、dropout 0 |\n| 有效 batch | 16（A100 40GB：per-device 4、gradient accumulation 4） |\n| Max sequence | 2,048 |\n| Learning rate | 5e-5，cosine，warmup ratio 0.03 |\n| Epoch / seed | 1 / 3407 |\n",
    );
    expect(hp(s)).toEqual({
      lora_r: "16",
      total_train_batch_size: "16",
      per_device_train_batch_size: "4",
      gradient_accumulation_steps: "4",
      max_seq_length: "2048",
      learning_rate: "5e-5",
      lr_scheduler_type: "cosine",
      warmup_ratio: "0.03",
      num_train_epochs: "1",
      seed: "3407",
    });
    expect(methods(s)).toEqual([[undefined, "qlora"]]);
    expect(s.quantizationBits?.value).toBe(4);
    expect(s.genericFineTune).toBe(3);
  });

  it("pt: base row, grouped digits and a scheduler beside the rate (dev j-ne-pt-lovelace-vicuna-7b-lora-table)", () => {
    const s = read(
      "## Treinamento (LoRA)\n| Param       | Valor                     |\n| ----------- | ------------------------- |\n| Base        | vicuna-7b-v1.5            |\n| Épocas      | **1**                     |\n| SeqLen      | 1 024                     |\n| Rank (LoRA) | 16                        |\n| LR          | 1e-4 (cosine)             |\n| HW          | i9-13900H · RTX 4060 8 GB |\n",
    );
    expect(s.proseBases.map((b) => b.value)).toEqual(["vicuna-7b-v1.5"]);
    expect(hp(s)).toEqual({
      num_train_epochs: "1",
      max_seq_length: "1024",
      lora_r: "16",
      learning_rate: "1e-4",
      lr_scheduler_type: "cosine",
    });
  });

  it("ru: method row naming the parameterisation and the objective (dev c-ne-ru-sxodim-qwen25-3b-sft-orpo)", () => {
    const s = read(
      "| Параметр | Значение |\n|----------|----------|\n| Base model | Qwen/Qwen2.5-3B |\n| Method | QLoRA + ORPO |\n| LoRA r | 32 |\n| SFT Dataset | 1443 Q&A пар |\n| Epochs | 3 |\n| Learning Rate | 2e-4 |\n",
    );
    expect(s.proseBases.map((b) => b.value)).toEqual(["Qwen/Qwen2.5-3B"]);
    expect(methods(s)).toEqual([["orpo", "qlora"]]);
    expect(hp(s)).toEqual({ lora_r: "32", num_train_epochs: "3", learning_rate: "2e-4" });
  });

  it("a two-column table under another header is not a settings table", () => {
    const s = read("| Model | Task |\n|---|---|\n| Learning rate | 5e-5 |\n| Epochs | 3 |\n");
    expect(s.hp).toEqual([]);
    expect(s.genericFineTune).toBeUndefined();
  });
});

describe("inline settings in other-language text", () => {
  it("zh: English labels in a settings line, and the count of epochs (dev j-ne-zh-twmed-gemma3-taide-qlora-readme)", () => {
    const s = read(
      "正式設定：4-bit NF4、rank/alpha `16/16`、learning rate `5e-5`、max sequence length `2048`、effective batch `16`、seed `3407`、1 epoch。最終採用 step 700。",
    );
    expect(hp(s)).toEqual({
      lora_r: "16",
      learning_rate: "5e-5",
      max_seq_length: "2048",
      total_train_batch_size: "16",
      seed: "3407",
      num_train_epochs: "1",
    });
  });

  it("zh: `LoRA rank=16` inside a method label (dev j-ne-zh-gzh-writing-qwen25-7b-qlora-readme)", () => {
    const s = read("- **微调方法**：QLoRA（4-bit NF4 量化 + LoRA rank=16），单卡 32GB 可行");
    expect(hp(s)).toMatchObject({ lora_r: "16" });
  });

  it("English prose is left to the English readers", () => {
    const s = read("We trained with a learning rate 5e-5 and seed 42 for one epoch.");
    expect(s.hp).toEqual([]);
  });
});

describe("settings as columns", () => {
  it("a table of several rows lists alternatives, not a run (dev j-other-zh-chatglm-cpu-trainer-tool-readme)", () => {
    const s = read(
      "| 内存配置 | 系统内存 | 量化方式 | 序列长度 | 样本数 | 批大小 | 梯度累积 |\n|----------|---------|---------|---------|--------|--------|---------|\n| 4GB      | <6GB    | 4-bit   | 32      | 30     | 1      | 32      |\n| 8GB      | <12GB   | 4-bit   | 64      | 200    | 1      | 16      |\n",
    );
    expect(s.hp).toEqual([]);
  });

  it("ko: a dataset column gives the Hub datasets linked in it (dev j-ne-ko-kwon-news-mistral-lora-table)", () => {
    const s = read(
      '| 모델 | 학습 데이터셋 1,2 | 모델 링크 (수정) |\n|------|----------------|------------|\n| **Mistral LoRA (16bit merged)** | <a href="https://huggingface.co/datasets/HaGPT/News-Orchestrator" target="_blank"><img src="https://img.shields.io/badge/HuggingFace-Dataset-orange?logo=huggingface" /></a> | <a href="https://huggingface.co/HaGPT/news-intelligence-chatbot" target="_blank">x</a> |\n',
    );
    expect(s.proseDatasets.map((d) => d.value)).toEqual(["HaGPT/News-Orchestrator"]);
  });
});

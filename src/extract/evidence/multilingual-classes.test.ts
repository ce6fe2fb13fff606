/**
 * The phrase and label classes of `ml-labels.ts` and `ml-base-phrases.ts`, on small synthetic sentences per language
 * written in the shapes read across public READMEs (the tables cite them), and the sentences they must not read.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readCard } from "../read-card.js";
import { readWith } from "./_test-card.js";
import { readMultilingual } from "./multilingual.js";

const read = (text: string): CardState => readWith(readMultilingual, text);
const bases = (text: string) => read(text).proseBases.map((b) => b.value);
const datasets = (text: string) => read(text).proseDatasets.map((d) => d.value);
const hp = (text: string) => Object.fromEntries(read(text).hp.map((h) => [h.key, h.value]));

describe("base-model labels of every language", () => {
  it.each([
    ["zh", "- 基座模型：`Qwen/Qwen3-ASR-1.7B`。", "Qwen/Qwen3-ASR-1.7B"],
    ["zh", "- 起步模型：`Qwen/Qwen3-0.6B`。", "Qwen/Qwen3-0.6B"],
    ["zh", "- 预训练模型: THUDM/chatglm3-6b", "THUDM/chatglm3-6b"],
    ["ja", "- **元モデル**: elyza/Llama-3-ELYZA-JP-8B", "elyza/Llama-3-ELYZA-JP-8B"],
    ["ko", "- 기본 모델: beomi/Llama-3-Open-Ko-8B", "beomi/Llama-3-Open-Ko-8B"],
    ["ru", "Исходная модель: Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct"],
    ["de", "Ausgangsmodell: meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B"],
    ["es", "- Modelo original: google/gemma-2-2b", "google/gemma-2-2b"],
    ["zh", "本项目使用 LoRA 微调。\n\n- base_model: Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct"],
  ])("%s: %s", (_lang, text, id) => {
    expect(bases(text)).toEqual([id]);
  });

  it("a Hub id right after a label needs no colon (zh: 从基座模型 `X` 开始微调)", () => {
    expect(bases("训练脚本将从基座模型 `Qwen/Qwen3-4B-Instruct-2507` 开始微调。")).toEqual([
      "Qwen/Qwen3-4B-Instruct-2507",
    ]);
    // Without a colon a name is not enough, nor a label followed by other words.
    expect(bases("我们对比了基础模型和微调后的模型。")).toEqual([]);
    expect(bases("基础模型 Qwen2.5-7B 的效果较差。")).toEqual([]);
  });

  it("a value under a project folder is a local path, not a Hub id (`models/Qwen2.5-1.5B-Instruct`)", () => {
    expect(bases("- 基座模型：`models/Qwen2.5-1.5B-Instruct`")).toEqual([]);
    expect(bases("- model_name_or_path: /root/autodl-tmp/Qwen2.5-7B")).toEqual([]);
  });

  it("the label 'model' alone opens its item under training, and nowhere else", () => {
    expect(bases("## 项目概述\n- **模型**：Qwen2-7B-Instruct\n- **方法**：LoRA 微调")).toEqual([
      "Qwen2-7B-Instruct",
    ]);
    expect(bases("## 部署\n- 模型：Qwen2-7B-Instruct")).toEqual([]);
    expect(bases("本项目使用 LoRA 微调。\n\n微调后模型：my-org/qwen-ft-7b")).toEqual([]);
  });
});

describe("a model as the object of a fine-tuning verb", () => {
  it.each([
    [
      "ja",
      "本モデルは Llama-3-ELYZA-JP-8B を LoRA でファインチューニングしたものです。",
      "Llama-3-ELYZA-JP-8B",
    ],
    [
      "ja",
      "Borea-Phi-3.5-mini-Instruct-JpモデルをSO8Tで再学習するスクリプトを実装",
      "Borea-Phi-3.5-mini-Instruct-Jp",
    ],
    ["ko", "이 모델은 beomi/Llama-3-Open-Ko-8B를 QLoRA로 파인튜닝한 모델입니다.", "beomi/Llama-3-Open-Ko-8B"],
    [
      "ru",
      "Мы дообучили модель на базе Qwen/Qwen2.5-7B-Instruct на русских диалогах.",
      "Qwen/Qwen2.5-7B-Instruct",
    ],
    [
      "de",
      "Das Modell wurde basierend auf meta-llama/Llama-3.1-8B mit LoRA feinabgestimmt.",
      "meta-llama/Llama-3.1-8B",
    ],
    [
      "fr",
      "Ce dépôt contient le fine-tuning de mistralai/Mistral-7B-v0.1 avec QLoRA.",
      "mistralai/Mistral-7B-v0.1",
    ],
    ["es", "Este proyecto realiza el fine-tuning del modelo Llama-3.2-1B usando Unsloth.", "Llama-3.2-1B"],
    ["pt", "Treinamos um modelo com base no Qwen2.5-0.5B-Instruct usando LoRA.", "Qwen2.5-0.5B-Instruct"],
    ["zh", "baseline采用glm4-8b-chat模型，直接进行lora微调", "glm4-8b-chat"],
    ["zh", "本模型在 Qwen2.5-7B-Instruct 上进行 LoRA 微调，数据来自医疗问答。", "Qwen2.5-7B-Instruct"],
    ["zh", "在 Baichuan2-7B-Chat 基础上进行了指令微调。", "Baichuan2-7B-Chat"],
    ["zh", "本模型是 internlm2-chat-7b 的微调版本。", "internlm2-chat-7b"],
    ["ja", "本モデルは Llama-3-ELYZA-JP-8B のファインチューニングモデルです。", "Llama-3-ELYZA-JP-8B"],
    [
      "ko",
      "이 모델은 beomi/Llama-3-Open-Ko-8B 기반의 한국어 챗봇으로, LoRA로 학습했습니다.",
      "beomi/Llama-3-Open-Ko-8B",
    ],
    ["es", "Modelo entrenado a partir de google/gemma-2-2b con LoRA.", "google/gemma-2-2b"],
  ])("%s: %s", (_lang, text, id) => {
    expect(bases(text)).toEqual([id]);
  });

  it.each([
    ["ja: data learnt is not a base", "databricks-dolly-15k-jaを学習データとして使用しました。"],
    ["ja: a model used to evaluate", "Qwen2.5-7B-Instructを用いて評価を行いました。"],
    ["ko: data learnt", "데이터를 학습하여 모델을 만들었습니다."],
    ["zh: a dataset named before 进行", "使用数据集 `tatsu-lab/alpaca` 进行指令微调。"],
    ["zh: a dataset after 在", "在 belle-2M 数据集上进行微调。"],
    ["zh: hardware after 在", "在 RTX-4090 上训练了 3 个小时。"],
    ["zh: an accelerator named like a model", "使用 A100-80G 进行 LoRA 微调。"],
  ])("%s", (_what, text) => {
    expect(bases(text)).toEqual([]);
  });
});

describe("datasets and settings", () => {
  it("a Hub id right after a dataset word, in a clause about training", () => {
    expect(datasets("使用数据集 `tatsu-lab/alpaca` 进行指令微调。")).toEqual(["tatsu-lab/alpaca"]);
    expect(datasets("Модель дообучена на датасете IlyaGusev/ru_turbo_saiga.")).toEqual([
      "IlyaGusev/ru_turbo_saiga",
    ]);
    expect(datasets("在测试集上评估，数据集 `x/y` 仅用于测试。")).toEqual([]);
  });

  it("a named item under a data heading, whose id holds 'test' (ko, find_string 26633229794 in shape)", () => {
    expect(
      datasets(
        "## 2. 데이터셋 (Dataset)\n\n 1) Name: ChuGyouk/PubMedQA-test-Ko\n\n 2) Type: 한국어 번역 버전",
      ),
    ).toEqual(["ChuGyouk/PubMedQA-test-Ko"]);
    expect(datasets("## 2. 데이터셋\n\n- 평가용 테스트 세트: x/y-eval")).toEqual([]);
  });

  it("a data-source label (zh: 数据来源)", () => {
    expect(datasets("- 数据来源：modelscope/self-cognition（阿里 ModelScope 平台）")).toEqual([
      "modelscope/self-cognition",
    ]);
  });

  it("settings tables under other languages' headers, with base, method and data rows", () => {
    const s = read(
      "| 항목 | 값 |\n|---|---|\n| 베이스 모델 | beomi/KoAlpaca-Polyglot-5.8B |\n| 학습 방법 | QLoRA |\n| 학습률 | 2e-4 |\n| 에폭 | 3 |",
    );
    expect(s.proseBases.map((b) => b.value)).toEqual(["beomi/KoAlpaca-Polyglot-5.8B"]);
    expect(s.prose.map((p) => p.step.parameterization?.value)).toEqual(["qlora"]);
    expect(Object.fromEntries(s.hp.map((h) => [h.key, h.value]))).toEqual({
      learning_rate: "2e-4",
      num_train_epochs: "3",
    });
    const zh = read(
      "| 属性 | 值 |\n|------|------|\n| 训练方法 | Multi-LoRA |\n| 基座模型 | microsoft/mdeberta-v3-base |\n| 数据源 | data_v2/train_SG.csv |",
    );
    expect(zh.proseBases.map((b) => b.value)).toEqual(["microsoft/mdeberta-v3-base"]);
    expect(zh.proseDatasets.map((d) => d.value)).toEqual(["data_v2/train_SG.csv"]);
  });

  it("ja: LoRA rank and step labels", () => {
    expect(hp("- **LoRA ランク**: 16\n- **最大ステップ**: 150")).toEqual({ lora_r: "16", max_steps: "150" });
  });
});

describe("traditional Chinese reads as the simplified phrases", () => {
  it("基於 / 為基座 / 基礎模型 / 訓練資料 / 學習率", () => {
    expect(bases("本專案基於 Qwen/Qwen2.5-7B-Instruct 進行 LoRA 微調。")).toEqual([
      "Qwen/Qwen2.5-7B-Instruct",
    ]);
    expect(bases("我們以 meta-llama/Llama-3.1-8B 為基座，進行指令微調。")).toEqual([
      "meta-llama/Llama-3.1-8B",
    ]);
    const s = read(
      "- 基礎模型：google/gemma-3-4b-it\n- 訓練資料：[x/tw-med](https://huggingface.co/datasets/x/tw-med)\n- 學習率：2e-4",
    );
    expect(s.proseBases.map((b) => b.value)).toEqual(["google/gemma-3-4b-it"]);
    expect(s.proseDatasets.map((d) => d.value)).toEqual(["x/tw-med"]);
    expect(Object.fromEntries(s.hp.map((h) => [h.key, h.value]))).toEqual({ learning_rate: "2e-4" });
  });

  it("Japanese kanji are left as written (学習率 stays a Japanese label)", () => {
    expect(hp("- **学習率**: 1e-4")).toEqual({ learning_rate: "1e-4" });
  });
});

describe("an adapter merged into its base", () => {
  const merge = (text: string) => read(text).adapterMerge;

  it.each([
    ["zh", "## 模型合并\n训练完成后，将 LoRA 适配器合并到基座模型，导出完整权重。"],
    ["ru", "Обучили LoRA-адаптер.\n\nСлияние LoRA-адаптера с базовой моделью выполнено скриптом merge.py."],
    ["ko", "QLoRA로 학습했습니다.\n\n베이스 모델과 LoRA 어댑터를 병합하여 저장했습니다."],
  ])("%s: after adapter training", (_lang, text) => {
    expect(merge(text)).toBeDefined();
  });

  it("not what LoRA allows in general, a merge of data, or without adapter training", () => {
    expect(merge("使用 LoRA 微调。适配器权重可以与基础模型合并，不会产生额外延迟。")).toBeUndefined();
    expect(merge("使用 LoRA 微调。我们合并了两个数据集。")).toBeUndefined();
    expect(merge("全参数微调。\n\n将 LoRA 合并到模型。")).toBeUndefined();
  });
});

describe("the card's steps", () => {
  it("an adapter merge stated in another language follows the adapter training, from the same base", () => {
    const facts = readCard(
      "# x\n\n本项目基于 Qwen/Qwen2.5-7B-Instruct 使用 LoRA 进行指令微调。\n\n训练完成后，将 LoRA 适配器合并到基座模型。\n",
      "README.md",
    );
    expect(facts.steps.map((s) => s.kind)).toEqual(["fine-tune", "adapter-merge"]);
    expect(facts.steps[1]?.inputs.map((i) => i.value.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
  });
});

describe("a whole card (zh, find_string 54487523322 in shape)", () => {
  it("a base named bare and as a Hub id is the id; the trainer's key names in other-language lists are read", () => {
    const s = read(
      "系统使用 ms-swift 框架对 Qwen3-ASR-1.7B 进行 LoRA 微调。\n\n本模型以 `Qwen/Qwen3-ASR-1.7B` 为基座，使用 ms-swift 进行监督微调。\n\n- batch 设置：`per_device_train_batch_size=16`，`gradient_accumulation_steps=8`。\n- 学习率：`1e-4`，cosine scheduler，`warmup_ratio=0.05`。",
    );
    expect(s.proseBases.map((b) => b.value)).toEqual(["Qwen/Qwen3-ASR-1.7B"]);
    expect(Object.fromEntries(s.hp.map((h) => [h.key, h.value]))).toMatchObject({
      per_device_train_batch_size: "16",
      gradient_accumulation_steps: "8",
      learning_rate: "1e-4",
      warmup_ratio: "0.05",
    });
  });
});

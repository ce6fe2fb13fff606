/**
 * Bases and datasets in other languages, on snippets quoted from the dev corpus items added for issue 10
 * (test/fixtures/corpus/dev/l3-…), each named beside its test.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readCard } from "../read-card.js";
import { readWith } from "./_test-card.js";
import { readPublishedSelf } from "./ml-self-id.js";
import { readMultilingual } from "./multilingual.js";

const read = (text: string): CardState => readWith(readMultilingual, text);
const bases = (s: CardState) => s.proseBases.map((b) => b.value);
const datasets = (s: CardState) => s.proseDatasets.map((d) => d.value);

describe("bases", () => {
  it("zh: 使用的模型是 X (l3-ne-zh-zeronlp-baichuan2-7b-chat-dpo-lora)", () => {
    expect(bases(read("2. 使用的模型是`baichuan2-7b-chat`\n"))).toEqual(["baichuan2-7b-chat"]);
  });

  it("ko: X 베이스 … 파인튜닝 모델 (l3-qnt-ko-qwen25-kowiki-gguf-ollama)", () => {
    expect(bases(read("- Qwen2.5 7B 베이스 한국어 파인튜닝 모델\n"))).toEqual(["Qwen2.5 7B"]);
  });

  it("ko: 베이스 with no training word says nothing", () => {
    expect(bases(read("- Qwen2.5 7B 베이스 서버 설정\n"))).toEqual([]);
  });

  it("en: scripts to fine-tune the X model (l3-card-leolm-7b-klexikon-lora-readme)", () => {
    const out = readCard(
      "# T\n\nThis repository contains scripts to fine-tune the LeoLM/leo-hessianai-7b model using articles.\n",
      "README.md",
    );
    expect(out.bases.map((b) => b.value)).toEqual(["LeoLM/leo-hessianai-7b"]);
  });
});

describe("datasets", () => {
  it("ja: データファイル label (l3-ne-ja-so8t-qwen25-ollama-finetune-report)", () => {
    expect(datasets(read("- **データファイル**: data/japanese_complex_dataset.jsonl\n"))).toEqual([
      "data/japanese_complex_dataset.jsonl",
    ]);
  });

  it("zh: the one dataset link of a paragraph under 数据介绍 (l3-ne-zh-zeronlp-internlm-7b-sft-lora)", () => {
    const s = read(
      "## 数据介绍\n\n这里分享一下我的数据[https://huggingface.co/datasets/yuanzhoulvpi/rename_robot](https://huggingface.co/datasets/yuanzhoulvpi/rename_robot)\n",
    );
    expect(datasets(s)).toEqual(["yuanzhoulvpi/rename_robot"]);
  });

  it("zh: an item with a short label under a dataset heading (l3-ne-zh-qwen3-06b-medical-modelscope)", () => {
    const s = read(
      "## 📊 数据集 (Dataset)\n本项目使用 ModelScope 上的开源医疗数据集：\n* **名称**: krisfu/delicate_medical_r1_data\n* **链接**: https://modelscope.cn/datasets/krisfu/delicate_medical_r1_data\n",
    );
    expect(datasets(s)).toEqual(["krisfu/delicate_medical_r1_data"]);
  });

  it("several links under an English Datasets heading are a list of resources, not read", () => {
    const s = read(
      "## Datasets\n\nSee [a](https://huggingface.co/datasets/x/a) and [b](https://huggingface.co/datasets/x/b).\n",
    );
    expect(datasets(s)).toEqual([]);
  });
});

describe("the published model", () => {
  it("zh: 经过sft之后的模型，可以在这里下载[…](Hub link) (l3-ne-zh-zeronlp-internlm-7b-sft-lora)", () => {
    const s = readWith(
      readPublishedSelf,
      "2. 经过sft之后的模型，可以在这里下载[yuanzhoulvpi/internlm-7b-lml-001](https://huggingface.co/yuanzhoulvpi/intermlm-7b-lml_001)\n",
    );
    expect(s.statedSubject?.value).toBe("yuanzhoulvpi/intermlm-7b-lml_001");
  });
});

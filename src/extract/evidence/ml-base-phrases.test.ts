/**
 * Base-model phrases added from dev corpus cards (test/fixtures/corpus/dev/…, named beside each snippet): the
 * verb before the model in Chinese, and `X 모델을 … 파인튜닝` in Korean.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readMultilingual } from "./multilingual.js";

const read = (text: string): CardState => readWith(readMultilingual, text);

const bases = (s: CardState) => s.proseBases.map((b) => b.value);

describe("base model phrases", () => {
  it("zh: 微调/训练 followed right by a model (dev j-ne-zh-chatglm3-6b-qlora-advertisegen)", () => {
    const s = read(
      "这个目录提供一个 `python` 脚本，可在 RTX-5080/256GB 的环境下微调 ChatGLM3-6B，满足课程要求。",
    );
    expect(bases(s)).toEqual(["ChatGLM3-6B"]);
    expect(s.genericFineTune).toBe(1);
  });

  it("zh: 训练 followed by data, or words before the model, names no base (dev j-ne-zh-chatglm3-6b-qlora-advertisegen)", () => {
    expect(bases(read("官方 `AdvertiseGen` 训练集来自 HuggingFace。"))).toEqual([]);
    expect(bases(read("使用 BitsAndBytes 4-bit + LoRA 训练之后的 ChatGLM3-6B 输出对比。"))).toEqual([]);
  });

  it("ko: X 모델을 … 파인튜닝 (dev j-ne-ko-ryukh-gpt2-small-lora-koalpaca)", () => {
    const s = read(
      "GPT-2 Small 모델을 LoRA(Low-Rank Adaptation)를 통해 효율적으로 파인튜닝하는 데모 프로젝트입니다.",
    );
    expect(bases(s)).toEqual(["GPT-2 Small"]);
  });

  it("ko: X 모델을 without a training word after it names no base", () => {
    expect(bases(read("Qwen2.5-7B 모델을 다운로드하세요."))).toEqual([]);
  });
});

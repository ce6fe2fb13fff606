/**
 * The model a card in another language says it published, on snippets quoted from dev corpus cards
 * (test/fixtures/corpus/dev/…, named beside each snippet).
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { extractFromFiles } from "../extract-from-files.js";
import { readWith } from "./_test-card.js";
import { readPublishedSelf } from "./ml-self-id.js";

const read = (text: string): CardState => readWith(readPublishedSelf, text);

describe("published model", () => {
  it("zh: 已发布至 HuggingFace：<link> (dev j-ne-zh-gzh-writing-qwen25-7b-qlora-readme)", () => {
    const s = read(
      "> 微调后的 LoRA 适配器已发布至 HuggingFace：**https://huggingface.co/junshengma/qwen2.5-7b-gzh-writing-qlora**",
    );
    expect(s.statedSubject?.value).toBe("junshengma/qwen2.5-7b-gzh-writing-qlora");
    expect(s.statedSubject?.source).toMatchObject({ line: 1, confidence: 0.85 });
  });

  it("ko: a link in the sentence (dev j-ne-ko-byeolki-llama-koempathy-lora)", () => {
    const s = read(
      "학습된 모델을 사용하시려면 [HuggingFace Hub](https://huggingface.co/byeolki/Llama-KoEmpathy)를 방문해주세요.",
    );
    expect(s.statedSubject?.value).toBe("byeolki/Llama-KoEmpathy");
  });

  it("ko: the link on the line after the label (dev c-ne-ko-denji-kanana-qlora-readme)", () => {
    const s = read(
      "☁️ HuggingFace LoRA 다운로드 주소\nhttps://huggingface.co/lds20456/denji-lora/tree/main/denji-lora\n",
    );
    expect(s.statedSubject?.value).toBe("lds20456/denji-lora");
  });

  it("ru: Моделька на huggingface: <link> (dev j-vague-ru-den4ikai-rugpt3-2ch-readme)", () => {
    const s = read("Моделька на huggingface: https://huggingface.co/Den4ikAI/rugpt3_2ch/");
    expect(s.statedSubject?.value).toBe("Den4ikAI/rugpt3_2ch");
  });

  it("a dataset link, or a phrase with no link beside it, names no model", () => {
    expect(
      read("数据集已发布至 HuggingFace：https://huggingface.co/datasets/org/data").statedSubject,
    ).toBeUndefined();
    expect(
      read("模型已发布至 HuggingFace，敬请期待。\n\n其他内容 https://huggingface.co/org/other").statedSubject,
    ).toBeUndefined();
  });

  it("resolution takes the published model as the subject, unless it is the card's base", () => {
    const card = (link: string) =>
      `# 写作模型\n\n用 QLoRA 微调 [Qwen/Qwen2.5-7B-Instruct](https://huggingface.co/Qwen/Qwen2.5-7B-Instruct)。\n\n> 微调后的 LoRA 适配器已发布至 HuggingFace：${link}\n`;
    const own = extractFromFiles([
      { path: "README.md", text: card("https://huggingface.co/me/writer-qlora") },
    ]);
    expect(own.document.subject.id).toBe("me/writer-qlora");
    const base = extractFromFiles([
      { path: "README.md", text: card("https://huggingface.co/Qwen/Qwen2.5-7B-Instruct") },
    ]);
    expect(base.document.subject.id).not.toBe("Qwen/Qwen2.5-7B-Instruct");
  });
});

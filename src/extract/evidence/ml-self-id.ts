/**
 * The model a card in another language says it published, with the Hub link beside the phrase: "微调后的 LoRA
 * 适配器已发布至 HuggingFace：https://huggingface.co/org/name", "학습된 모델을 사용하시려면 [HuggingFace
 * Hub](https://huggingface.co/org/name)를 방문해주세요", "Моделька на huggingface: https://huggingface.co/org/name",
 * "HuggingFace LoRA 다운로드 주소" over the link on the next line. The link must follow the phrase in the same block
 * (within 160 characters) or open the next block; a dataset link is not a model. Recorded as `statedSubject`
 * (0.85); resolution takes it unless it is one of the card's bases or datasets.
 */

import { hubRepo } from "../../model/hub-url.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";
import { matches, phraseRegex } from "./ml-text.js";

const PUBLISHED = phraseRegex([
  // zh — dev j-ne-zh-gzh-writing-qwen25-7b-qlora-readme: "微调后的 LoRA 适配器已发布至 HuggingFace：**https://huggingface.co/…**"
  "已发布至",
  "已发布到",
  // zh — dev l3-ne-zh-zeronlp-internlm-7b-sft-lora: "经过sft之后的模型，可以在这里下载[yuanzhoulvpi/…](https://huggingface.co/…)"
  "之后的模型，可以在这里下载",
  "后的模型，可以在这里下载",
  // zh — dev j-ne-zh-twmed-gemma3-taide-qlora-readme: "首次使用前須在[模型頁](https://huggingface.co/…)同意條款"
  "模型頁",
  "模型页",
  // ko — dev j-ne-ko-byeolki-llama-koempathy-lora: "학습된 모델을 사용하시려면 [HuggingFace Hub](https://huggingface.co/…)를 방문해주세요"
  "학습된 모델을 사용하시려면",
  // ko — dev c-ne-ko-denji-kanana-qlora-readme: "☁️ HuggingFace LoRA 다운로드 주소" over "https://huggingface.co/…"
  "다운로드 주소",
  // ru — dev j-vague-ru-den4ikai-rugpt3-2ch-readme: "Моделька на huggingface: https://huggingface.co/…"
  "моделька на huggingface",
  "модель на huggingface",
]);

/** The first Hub model link in `text` from `from`, within `span` characters. */
function modelLink(text: string, from: number, span: number): string | undefined {
  const window = text.slice(from, from + span);
  for (
    let at = window.indexOf("huggingface.co/");
    at !== -1;
    at = window.indexOf("huggingface.co/", at + 1)
  ) {
    let end = at;
    while (end < window.length && !/[\s"'<>)\]*`]/.test(window[end] ?? "")) end++;
    const hub = hubRepo(`https://${window.slice(at, end)}`);
    if (hub) return hub.kind === "model" ? hub.id : undefined;
  }
  return undefined;
}

export function readPublishedSelf(blocks: Block[], state: CardState): void {
  for (let b = 0; b < blocks.length && !state.statedSubject; b++) {
    const block = blocks[b] as Block;
    if (block.type === "code" || !/[\u0400-\u04ff\u3040-\u9fff\uac00-\ud7af]/.test(block.text)) continue;
    const lower = block.text.toLowerCase();
    if (lower.length !== block.text.length) continue;
    for (const m of matches(PUBLISHED, lower)) {
      const end = (m.index ?? 0) + m[0].length;
      const next = blocks[b + 1];
      const id =
        modelLink(block.text, end, 160) ??
        (block.text.length - end < 8 && next && next.line - block.line <= 2 && next.type !== "code"
          ? modelLink(next.text, 0, 40)
          : undefined);
      if (!id) continue;
      state.statedSubject = fact(
        id,
        extracted(state.file, {
          line: block.line,
          confidence: 0.85,
          note: `the card says it published this model ("${m[0]}")`,
        }),
      );
      break;
    }
  }
}

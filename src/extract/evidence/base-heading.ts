/**
 * A section headed as the base model, whose text links the model on the Hub: "### 大模型 / 百川7B /
 * https://huggingface.co/baichuan-inc/baichuan-7B" (blind dev v1-ne-zh-baichuan7b-qlora-belle-05m), "## Base model"
 * over a link. The heading must be the label alone; a link in its section's first block is the base.
 */

import { hubRepo } from "../../model/hub-url.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import { type Block, innerHeading } from "../markdown.js";

const BASE_HEADING =
  /^(?:base model|base models|parent model|original model|foundation model|pretrained model|pre-trained model|基座模型|基础模型|底座模型|基座|大模型|预训练模型|原始模型|ベースモデル|元モデル|베이스 모델|기반 모델|базовая модель|modelo base|modèle de base|basismodell)$/i;
const HUB_URL = /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/[\w.-]+(?:\/[\w.-]+)?/i;

/** The base a block gives as the first text under a base-model heading, if any. */
export function readBaseUnderHeading(block: Block, state: CardState, first: boolean): void {
  if (!first || state.proseBases.length > 0) return;
  const heading = innerHeading(block)
    .replace(/[*_`:：]/g, "")
    .trim();
  if (!BASE_HEADING.test(heading)) return;
  const url = HUB_URL.exec(block.text)?.[0];
  const hub = url ? hubRepo(url) : undefined;
  if (hub?.kind !== "model" || !hub.id.includes("/")) return;
  const note = `linked under the heading "${heading}"`;
  state.proseBases.push(fact(hub.id, extracted(state.file, { line: block.line, confidence: 0.8, note })));
}

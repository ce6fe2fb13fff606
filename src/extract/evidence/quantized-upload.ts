/**
 * Quantised re-uploads described in prose: "This repo contains GPTQ model files for [X](…)", "Llamacpp imatrix
 * Quantizations of X", "ExLlamaV2 quantizations of X … 4.0 bits per weight", "X converted to MLX", "Original
 * model: https://huggingface.co/X". Gives the source model, the method and the bits; `readCard` makes the
 * quantisation step over the named source.
 */
import { hasLineTerminator, isSpace, trimStart } from "../../model/trim.js";
import type { QuantizationMethod } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { extracted, type Fact, fact } from "../facts.js";
import { type Block, innerHeading } from "../markdown.js";
import { mentions } from "../read-prose.js";

export interface QuantEvidence {
  source?: Fact<string>;
  method?: Fact<QuantizationMethod>;
  bits?: Fact<number>;
}

const METHODS: readonly (readonly [RegExp, QuantizationMethod])[] = [
  [/\b(?:GGUF|GGML|llama\.?cpp)\b/i, "gguf"],
  [/\bGPTQ\b/i, "gptq"],
  [/\bAWQ\b/i, "awq"],
  [/\b(?:EXL2|ExLlamaV2)\b/i, "exl2"],
  [/\bHQQ\b/i, "hqq"],
  [/\b(?:bitsandbytes|bnb)\b/i, "bitsandbytes"],
  [/\b(?:MLX|FP8)\b/i, "other"],
];

/** "<method> model files for", "quantizations of", "quantised version of", "converted to MLX from". */
const SAYS_QUANTISED =
  /\b(?:model files|quantizations?|quantisations?|quants?|quantized version|quantised version|conversion|version)\s+(?:for|of)\b|\bconverted to (?:MLX|GGUF)\b/i;
const ORIGINAL = /^\**original model\**/i;

/**
 * `**Original model:** X` → `X`: what `/^\**original model\**\s*:?\**\s*(.*)$/i` captured (the markup, colon and
 * spaces after the label skipped, the rest kept when it is one line), without its ambiguous quantifiers.
 */
function originalModel(text: string): string | undefined {
  const label = ORIGINAL.exec(text);
  if (!label) return undefined;
  let rest = trimStart(text.slice(label[0].length), isSpace);
  if (rest.startsWith(":")) rest = rest.slice(1);
  rest = trimStart(trimStart(rest, "*"), isSpace);
  return hasLineTerminator(rest) ? undefined : rest;
}

function firstModel(text: string): string | undefined {
  const url = /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(?!datasets\/)([\w.-]+\/[\w.-]+)/i.exec(
    text,
  )?.[1];
  return mentions(text).find((m) => m.kind === "model")?.id ?? url;
}

export function readQuantizedUpload(blocks: Block[], state: CardState): void {
  const ev: QuantEvidence = {};
  for (const block of blocks) {
    if (block.type === "code" || block.text.length > 3000) continue;
    const at = (confidence: number) => extracted(state.file, { line: block.line, confidence });
    const original = originalModel(block.text.trim());
    if (original && !ev.source) {
      const id = firstModel(original);
      if (id) ev.source = fact(id, at(0.9));
    }
    // A heading can say it too ("Llamacpp imatrix Quantizations of X").
    const heading = innerHeading(block);
    if (!ev.method && SAYS_QUANTISED.test(heading)) {
      const m = METHODS.find(([re]) => re.test(heading))?.[1];
      if (m) ev.method = fact(m, at(0.85));
    }
    if (block.type !== "prose" || !SAYS_QUANTISED.test(block.text)) continue;
    const method = METHODS.find(([re]) => re.test(block.text))?.[1];
    if (!method) continue;
    ev.method ??= fact(method, at(0.85));
    const id = firstModel(block.text);
    if (id && !ev.source) ev.source = fact(id, at(0.85));
    const bpw = /\b(\d(?:\.\d+)?)\s*(?:bpw|bits per weight)\b/i.exec(block.text)?.[1];
    if (bpw && !ev.bits) ev.bits = fact(Number(bpw), at(0.85));
  }
  if (ev.method) state.quant = ev;
}

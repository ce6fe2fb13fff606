/**
 * A conversion the card's prose says followed its training: "precision reduction/quantization from safetensors to
 * GGUF was then completed for q8_0, q6_k, and q4_k_m models" (dev n-qnt-llama-jpsft-20-sft-then-gguf), "the merged
 * model was then converted to GGUF", "finally we quantized it to AWQ". Only a sentence that says it was done (then,
 * finally, completed, afterwards): "can be converted to GGUF" is a possibility, not a step. The copy it made is the
 * one Hub link of the card in that format (`org/x-GGUF`), when there is exactly one.
 */
import type { QuantizationMethod } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import { type Block, sentences } from "../markdown.js";
import { mentions } from "../mentions.js";
import { outOfScopeSection } from "../section-scope.js";

const FORMATS: Readonly<Record<string, QuantizationMethod>> = {
  gguf: "gguf",
  gptq: "gptq",
  awq: "awq",
  exl2: "exl2",
  mlx: "other",
};

/** "to GGUF", "into AWQ": where a conversion's format is named. */
const TO_FORMAT = /\b(?:to|into)\s+(GGUF|GPTQ|AWQ|EXL2|MLX)\b/gi;
const CONVERTED = /\b(?:quanti[sz](?:ation|ed)|convert(?:ed)?|conversion)\b/i;
const DONE_AFTER = /\b(?:then|completed|done|performed|afterwards|finally)\b/i;
const DONE_BEFORE = /\b(?:then|finally|afterwards|subsequently)\b/i;

/**
 * The format of a conversion a sentence says was done: a conversion word in the 70 characters before "to GGUF", and
 * "then/completed/finally" near it. Windows, not one expression: nested lazy gaps backtrack polynomially.
 */
function doneToFormat(sentence: string): string | undefined {
  for (const m of sentence.matchAll(TO_FORMAT)) {
    const at = m.index ?? 0;
    const before = sentence.slice(Math.max(0, at - 70), at);
    const after = sentence.slice(at + m[0].length, at + m[0].length + 50);
    if (!CONVERTED.test(before)) continue;
    if (DONE_AFTER.test(after) || DONE_BEFORE.test(before)) return m[1];
  }
  return undefined;
}
const POSSIBLE = /\b(?:can|could|may|might|you|optional(?:ly)?|if)\b/i;

export function readProseExport(blocks: Block[], state: CardState): void {
  if (state.quant) return;
  for (const block of blocks) {
    if ((block.type !== "prose" && block.type !== "item") || outOfScopeSection(block)) continue;
    for (const sentence of sentences(block.text)) {
      const found = doneToFormat(sentence);
      if (!found || POSSIBLE.test(sentence)) continue;
      const format = found.toLowerCase();
      const method = FORMATS[format];
      if (!method) continue;
      const at = extracted(state.file, {
        line: block.line,
        confidence: 0.7,
        note: "the card says it converted the model",
      });
      state.quant = { method: fact(method, at), exported: true };
      const copy = copiesIn(blocks, format);
      if (copy) state.quant.output = fact(copy, at);
      return;
    }
  }
}

/** The one Hub model the card names whose id ends in the format (`ai-net/Llama-JPSFT-2.0-GGUF`). */
function copiesIn(blocks: Block[], format: string): string | undefined {
  const ids = new Set<string>();
  const end = new RegExp(`[-_.]${format}$`, "i");
  for (const b of blocks)
    for (const m of mentions(b.text)) if (m.kind === "model" && end.test(m.id)) ids.add(m.id);
  return ids.size === 1 ? [...ids][0] : undefined;
}

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

/** Quantised or converted to a format, and said to be done. */
const DONE_TO_FORMAT =
  /\b(?:quanti[sz](?:ation|ed)|convert(?:ed)?|conversion)\b[^.!?]{0,60}?\b(?:to|into)\s+(GGUF|GPTQ|AWQ|EXL2|MLX)\b(?=[^.!?]{0,40}\b(?:then|completed|done|performed|afterwards|finally)\b)|\b(?:then|finally|afterwards|subsequently)\b[^.!?]{0,40}?\b(?:quanti[sz]ed|converted)\b[^.!?]{0,40}?\b(?:to|into)\s+(GGUF|GPTQ|AWQ|EXL2|MLX)\b/i;
const POSSIBLE = /\b(?:can|could|may|might|you|optional(?:ly)?|if)\b/i;

export function readProseExport(blocks: Block[], state: CardState): void {
  if (state.quant) return;
  for (const block of blocks) {
    if ((block.type !== "prose" && block.type !== "item") || outOfScopeSection(block)) continue;
    for (const sentence of sentences(block.text)) {
      const m = DONE_TO_FORMAT.exec(sentence);
      if (!m || POSSIBLE.test(sentence)) continue;
      const format = (m[1] ?? m[2] ?? "").toLowerCase();
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

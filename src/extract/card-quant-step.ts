/**
 * The quantisation step of a card that is a quantised copy: its source, method, format and bits from the card's
 * tags, title and words (`cardSteps` decides that the card is one). A source named only without an id
 * (`name:…`) is the last resort: a copy the card downloads names it better.
 */
import type { CardState } from "./card-body.js";
import type { CardMeta } from "./card-steps.js";
import { downloadedCopyStep } from "./evidence/quant-downloads.js";
import { emptyStep, extracted, type Fact, fact, type StepFacts } from "./facts.js";
import type { ParsedCard } from "./markdown.js";
import { GGUF_TYPE, QUANT_PATTERNS } from "./terms.js";

/** Tags of quantised re-uploads in formats outside the quantisation vocabulary (FP8, INT4 w4a16, NVFP4, …). */
export const OTHER_QUANT_TAG =
  /\b(quantized|quantised|fp8|int4|int8|w4a16|w8a8|w4a4|nvfp4|mxfp4|compressed-tensors|4-bit|8-bit)\b/i;

/** The quantisation step of a re-upload: its source, method, format and bits from tags, title and words. */
function quantStep(
  meta: CardMeta,
  card: ParsedCard,
  state: CardState,
  body: string,
  quantSource: readonly Fact<string>[],
): StepFacts {
  const { file, bases, at, relation, tags } = meta;
  const q = emptyStep("quantization", extracted(file, { field: relation ? "base_model_relation" : "tags" }));
  for (const b of bases) q.inputs.push(fact({ id: b }, at("base_model")));
  for (const s of quantSource) q.inputs.push(fact({ id: s.value }, s.source));
  const hay = `${card.title ?? ""} ${tags.join(" ")}`;
  const method =
    QUANT_PATTERNS.find(([re]) => re.test(hay))?.[1] ?? (OTHER_QUANT_TAG.test(hay) ? "other" : undefined);
  // The title's "Int4" says only "other"; the text's "quantised with GPTQ" is more precise.
  const stated = state.quant?.method;
  if (method && !(method === "other" && stated && stated.value !== "other"))
    q.quantMethod = fact(method, extracted(file, { field: "tags", confidence: 0.9 }));
  else if (stated) q.quantMethod = stated;
  if (state.quant?.bits) q.bits = state.quant.bits;
  if (state.quant?.output) q.output = state.quant.output;
  // A GGUF type in the text is the copy's format only when the copy is GGUF ("BF16" is also the unquantised
  // reference an NVFP4 study compares with).
  const gguf = q.quantMethod === undefined || q.quantMethod.value === "gguf";
  const format = GGUF_TYPE.exec(card.title ?? "")?.[1] ?? (gguf ? GGUF_TYPE.exec(body)?.[1] : undefined);
  const scheme = /\b(w4a16|w8a8|w4a4|nvfp4|mxfp4|fp8(?:[-_]dynamic)?|int4|int8)\b/i.exec(hay)?.[1];
  if (format) {
    q.format = fact(format, extracted(file, { field: "title", confidence: 0.8 }));
    const bits = /^I?Q(\d)/.exec(format)?.[1];
    if (bits) q.bits = fact(Number(bits), extracted(file, { field: "title", confidence: 0.8 }));
  } else if (scheme) {
    q.format = fact(scheme.toLowerCase(), extracted(file, { field: "tags", confidence: 0.8 }));
    const bits = /(?:w|fp|int)(\d)/i.exec(scheme)?.[1];
    if (bits) q.bits = fact(Number(bits), extracted(file, { field: "tags", confidence: 0.8 }));
  }
  return q;
}

/**
 * The quantisation step of a copy. When the files name its source only by a name without an id, a copy the card
 * downloads (whose file name the table of well-known models may resolve) comes first; else the step's input is
 * that name (`name:…`), said but not identified.
 */
export function namedCopy(
  text: string,
  meta: CardMeta,
  card: ParsedCard,
  state: CardState,
  body: string,
  quantSource: readonly Fact<string>[],
  named: Fact<string> | undefined,
): StepFacts[] {
  if (named === undefined) return [quantStep(meta, card, state, body, quantSource)];
  const copy = downloadedCopyStep(text, meta.file, card.title);
  if (copy && copy.inputs.length > 0) return [copy];
  const q = quantStep(meta, card, state, body, quantSource);
  if (q.inputs.length === 0) q.inputs.push(fact({ id: named.value }, named.source));
  return [q];
}

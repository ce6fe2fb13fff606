/**
 * Whether a card that looks like a quantised copy describes only the model it copies: its training words are the
 * copied model's (`copyDescribed`), or it names one base by a label and says nothing else of training
 * (`labelledSource`). Used by `card-steps.ts` to make the copy's quantisation step.
 */
import type { CardState } from "./card-body.js";
import type { Fact } from "./facts.js";
import { withoutModelIds } from "./markdown.js";

/**
 * A quantised copy whose only training words describe the model it copies, in the sentence that says it is the
 * copy ("This repo contains the GPTQ-quantized 4-bit instruction-tuned 7B Qwen2.5 model") or in the publisher's
 * words on the series ("we release a number of base language models and instruction-tuned language models"): the
 * official Qwen card kept in a project (dev t2-qz-qwen25-7b-instruct-gptq-int4-vendored). No data, no base, no
 * settings of its own.
 */
export function copyDescribed(text: string, state: CardState): boolean {
  if (state.hp.length > 0 || state.trainerObjective !== undefined || state.prose.length === 0) return false;
  const lines = text.split("\n");
  return state.prose.every((p) => {
    // The copy's words are the sentence's own, not a model id it links to: "a fine-tuned version of
    // [unsloth/qwen2.5-0.5b-instruct-unsloth-bnb-4bit](…)" trained over a 4-bit copy (blind dev
    // g6-fld-qwen25-05b-unsloth-ckpt60), it is not one.
    const line = withoutModelIds(lines[(p.step.origin.line ?? 0) - 1] ?? "");
    return (
      p.step.inputs.length === 0 &&
      p.step.datasets.length === 0 &&
      (COPY_WORDS.test(line) || SERIES_WORDS.test(line))
    );
  });
}
/** The publisher's words on the series the copied model belongs to ("we release a number of … instruction-tuned models"). */
const SERIES_WORDS =
  /\bwe (?:release|open-?source|publish)\s+(?:a number of|several|multiple|a (?:family|series|suite) of|the following|\d+)\b/i;
const COPY_WORDS = /\bquanti[sz]ed\b|\b(?:GPTQ|AWQ|GGUF|EXL2|MLX)\b|\b[48]-?bit\b|\bint[48]\b/i;

/** The one base a card names, when it says nothing else of training (no objective, method, data or settings). */
export function labelledSource(state: CardState): Fact<string> | undefined {
  if (state.proseBases.length !== 1 || state.hp.length > 0 || state.trainerObjective !== undefined) return;
  const base = state.proseBases[0];
  // The label itself counts as saying the model was tuned from the base; other training words do not come with it.
  const saidElsewhere = state.genericFineTune !== undefined && state.genericFineTune !== base?.source.line;
  if (state.proseDatasets.length > 0 || saidElsewhere) return;
  const bare = state.prose.every(
    (p) =>
      p.step.datasets.length === 0 && p.step.objective === undefined && p.step.parameterization === undefined,
  );
  return bare ? base : undefined;
}

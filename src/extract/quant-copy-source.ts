/**
 * Whether a card that looks like a quantised copy describes only the model it copies: its training words are the
 * copied model's (`copyDescribed`), or it names one base by a label and says nothing else of training
 * (`labelledSource`). Used by `card-steps.ts` to make the copy's quantisation step.
 */

import { refKind } from "../model/refs.js";
import { trimEnd } from "../model/trim.js";
import type { CardState } from "./card-body.js";
import { extracted, type Fact, fact } from "./facts.js";
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

/** A format word right after the source's name in a copy's title (`Qwen3.6-27B GGUF Quantization Pipeline`). */
const TITLE_FORMAT = /^[\s_-]{0,3}(?:GGUF|GGML|GPTQ|AWQ|EXL2|MLX|HQQ|FP8|NVFP4|INT[48]|bnb|[248]-?bit)\b/i;
const HUB_ID = /(?<![\w./-])([A-Za-z0-9][\w.-]{0,60})\/([A-Za-z0-9][\w.-]{0,100})/g;

/**
 * The model a quantised copy's title names, when the card also writes its Hub id: the title says "<name> GGUF"
 * (or another format) and exactly one Hub id in the card has that name (dev t2-qz-qwen36-27b-gguf-pipeline-readme:
 * "# QWEN36GGUF: Qwen3.6-27B GGUF Quantization Pipeline" with `--model-id Qwen/Qwen3.6-27B`). Extracted, 0.7.
 */
export function titledSource(
  title: string | undefined,
  text: string,
  file: string,
): Fact<string> | undefined {
  if (!title) return undefined;
  const lowerTitle = title.toLowerCase();
  const found = new Map<string, { id: string; line: number }>();
  text.split("\n").forEach((row, i) => {
    for (const m of row.matchAll(HUB_ID)) {
      const repo = trimEnd(m[2] ?? "", ".-");
      const name = repo.toLowerCase();
      if (name.length < 4) continue;
      for (let at = lowerTitle.indexOf(name); at >= 0; at = lowerTitle.indexOf(name, at + 1)) {
        if (/[\w.-]/.test(lowerTitle[at - 1] ?? " ")) continue;
        if (!TITLE_FORMAT.test(title.slice(at + name.length, at + name.length + 12))) continue;
        const id = `${m[1]}/${repo}`;
        if (refKind(id) !== "hub") break; // `models/Qwen3.6-27B`: a folder
        if (!found.has(id.toLowerCase())) found.set(id.toLowerCase(), { id, line: i + 1 });
        break;
      }
    }
  });
  const [only, ...more] = [...found.values()];
  if (!only || more.length > 0) return undefined;
  return fact(
    only.id,
    extracted(file, {
      line: only.line,
      confidence: 0.7,
      note: "the copy's title names it, and the card writes its id",
    }),
  );
}

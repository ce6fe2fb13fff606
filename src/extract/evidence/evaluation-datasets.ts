/**
 * Datasets a card's metadata lists that its own words reserve for evaluation: "TMMLU+ … 僅用於正式評估" (only used
 * for formal evaluation), "GSM8K is used only for evaluation", "held out for testing". Such a dataset is not
 * training data (LABELING.md), so it is left off the steps, with a warning that says why. A sentence must name the
 * dataset (its id or its name: `ikala/tmmluplus` is named `TMMLU+`, `+` read as "plus") and say evaluation only.
 */

import { type Block, sentences } from "../markdown.js";
import { foldTraditional } from "./ml-text.js";

/** Evaluation only, in the languages read: English, Chinese, Japanese, Korean, Russian, German, French, Spanish, Portuguese. */
const EVALUATION_ONLY =
  /\b(?:only|solely|exclusively|just) (?:used )?(?:for|as|in) (?:the )?(?:final |formal )?(?:evaluation|testing|benchmark)|\b(?:evaluation|test)[- ]only\b|\bheld[- ]out (?:for|as) (?:evaluation|testing)|\bnot used (?:for|in|during) (?:the )?(?:training|fine-?tuning)|\bnever (?:seen|used) (?:in|during|for) (?:the )?(?:training|fine-?tuning)|[仅僅只]用于(?:正式)?(?:评估|评测|测试)|[仅僅只]作(?:为)?(?:评估|评测|测试)|不(?:参与|用于|进入)(?:训练|微调)|評価(?:のみ|にのみ|専用)|평가(?:에만|용으로만|전용)|только для (?:оценки|тестирования)|nur (?:zur|für die) (?:evaluation|evaluierung|bewertung)|uniquement pour l'évaluation|(?:solo|sólo|únicamente) para (?:la )?evaluación|apenas para (?:a )?avaliação/i;

/** Letters and digits of a name, `+` read as "plus" (`TMMLU+` → `tmmluplus`). */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/\+/g, "plus")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Does the sentence name the dataset (its id, or its name part as a word)? */
function names(sentence: string, id: string): boolean {
  if (sentence.toLowerCase().includes(id.toLowerCase())) return true;
  const name = key(id.split("/").pop() ?? id);
  if (name.length < 3) return false;
  for (const m of sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}+._-]{1,60}/gu))
    if (key(m[0]) === name) return true;
  return false;
}

/** The metadata ids that a sentence of the card's prose or lists reserves for evaluation. */
export function evaluationOnlyDatasets(blocks: Block[], ids: string[]): string[] {
  if (ids.length === 0) return [];
  const out = new Set<string>();
  for (const block of blocks) {
    if (block.type === "code" || block.type === "table") continue;
    for (const line of block.text.split(/\n|[。；;]/))
      for (const sentence of sentences(line)) {
        if (sentence.length > 400 || !EVALUATION_ONLY.test(foldTraditional(sentence))) continue;
        for (const id of ids) if (names(sentence, id)) out.add(id);
      }
  }
  return [...out];
}

/** Leaves the metadata datasets a card reserves for evaluation off its steps, with a warning. */
export function dropEvaluationDatasets(
  blocks: Block[],
  ids: string[],
  out: { file: string; warnings: { code: string; message: string; file?: string; field?: string }[] },
): string[] {
  const evaluation = evaluationOnlyDatasets(blocks, ids);
  if (evaluation.length === 0) return ids;
  out.warnings.push({
    code: "card.evaluation-datasets",
    message: `${out.file}: datasets ${evaluation.join(", ")} are listed in the metadata but the card says they are used only for evaluation; not attributed to a training step`,
    file: out.file,
    field: "datasets",
  });
  return ids.filter((id) => !evaluation.includes(id));
}

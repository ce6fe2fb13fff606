/**
 * Bases named without an org in prose ("a fine-tuned version of Meta's LLaMA-3.1-8B model", "GPT-2 model
 * fine-tuned on …", "T5-base reranker fine-tuned on …"). The name is resolved through ftl's table of well-known
 * models and recorded as `inferred`, with the table's confidence and source; a name the table does not know, or
 * knows as several models, is left alone. Only a sentence that says the model was fine-tuned counts.
 */

import { KNOWN_MODEL_CONFIDENCE, knownModelSource, resolveKnownModel } from "../../model/known-models.js";
import { refKind } from "../../model/refs.js";
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { fact, inferred } from "../facts.js";
import { type Block, replaceLinks, sentences } from "../markdown.js";

/** Words that start a model family's name. */
const FAMILY =
  /\b(llama|mistral|mixtral|gpt-?2|t5|bert|distilbert|roberta|xlm-roberta|qwen|gemma|phi|falcon|tinyllama|smollm2?|yi|baichuan2?|chatglm[23]?|internlm2?|olmo|zephyr|bart)\b/gi;

const FINE_TUNED =
  /\bfine-?tun(?:ed|ing)\b|\bfinetun(?:ed|ing)\b|\bbased on\b|\bbuilt (?:on|upon)\b|\btrained on top of\b/i;

/**
 * A name given as an example of something else, not as this model's base: "such as the famous zephyr-7b-beta
 * recipe", "like Llama 2", "the Mistral 7B paper" (dev r-rcp-ah-gpt2-nl-cpt-sft-dpo README: "As other recipes,
 * such as the famous zephyr-7b-beta recipe, have shown, we can then teach our model … by finetuning it").
 */
const EXAMPLE_BEFORE =
  /\b(?:such as|like|e\.g\.,?|for example,?)(?: the)?(?: famous| well-known| popular)?$/i;
const EXAMPLE_AFTER = /^\s*(?:recipes?|examples?|papers?|reports?|scripts?|tutorials?|blog)\b/i;

function isMention(sentence: string, start: number, name: string): boolean {
  const end = start + name.length;
  return (
    EXAMPLE_BEFORE.test(sentence.slice(Math.max(0, start - 40), start).trimEnd()) ||
    EXAMPLE_AFTER.test(sentence.slice(end, end + 20))
  );
}

/** The longest run of up to six words from `start` that the table resolves. */
function resolveAt(text: string, start: number): { id: string; name: string } | undefined {
  const words = text
    .slice(start, start + 80)
    .split(/\s+/)
    .slice(0, 6);
  for (let n = words.length; n >= 1; n--) {
    const name = trimEnd(words.slice(0, n).join(" "), "),.;:!?'\"`*").replace(/'s$/, "");
    // A legacy root-level Hub id (`bert-base-uncased`) is a Hub id as written.
    if (n === 1 && refKind(name) === "hub") return { id: name, name };
    const id = resolveKnownModel(name);
    if (id) return { id, name };
  }
  return undefined;
}

/** Reads names of well-known bases from sentences that say the model was fine-tuned from them. */
export function readNamedBases(blocks: Block[], state: CardState): void {
  if (state.proseBases.length > 0 || state.out.bases.length > 0) return;
  for (const block of blocks) {
    if (block.type === "code" || block.type === "table") continue;
    for (const raw of sentences(block.text)) {
      const sentence = replaceLinks(raw, (label) => label).replace(/\*\*|__/g, "");
      if (sentence.length > 600 || !FINE_TUNED.test(sentence)) continue;
      for (const m of sentence.matchAll(FAMILY)) {
        const found = resolveAt(sentence, m.index ?? 0);
        if (!found || isMention(sentence, m.index ?? 0, found.name)) continue;
        state.proseBases.push(
          fact(
            found.id,
            inferred(
              state.file,
              `"${found.name}" named in prose without its org; resolved by ftl's table of well-known models (${knownModelSource(found.id)})`,
              KNOWN_MODEL_CONFIDENCE,
              `line ${block.line}`,
            ),
          ),
        );
        state.genericFineTune ??= block.line;
        return;
      }
    }
  }
}

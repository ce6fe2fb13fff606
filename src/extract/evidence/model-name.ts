/**
 * A model's name written in prose without an id: "GPTQ version of Gryphe's **MythoMax L2 13B** made by …",
 * "the Int4 quantized model of **CodeShell-7B-Chat**", "Original model: **Mistral Nemo 12B Instruct**". Read only
 * where a reader's own words say a model follows; the name is kept as `name:<name>` (model/refs.ts), never turned
 * into an id. A name must look like a model's: a word that starts with a letter, and a size or version (a digit)
 * within its first few words; a person, an organisation or a plain word ("The Bloke", "our model") is none.
 * Where ftl's table of well-known models knows the name, its id is given instead, as an inference
 * (`knownOriginal`, `knownAfter`); the name as written is the last resort (`namedOnly`).
 */
import { KNOWN_MODEL_CONFIDENCE, knownModelSource, resolveKnownModel } from "../../model/known-models.js";
import { namedRef } from "../../model/refs.js";
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { extracted, type Fact, fact, inferred } from "../facts.js";
import { replaceLinks } from "../markdown.js";
import { firstKnownName } from "./named-bases.js";

/** Words that end a name: what comes after it in the sentence ("made by", "from", "using", "with", …). */
const STOP = new Set([
  "made",
  "by",
  "from",
  "for",
  "with",
  "using",
  "via",
  "on",
  "in",
  "to",
  "and",
  "or",
  "which",
  "that",
  "created",
  "quantized",
  "quantised",
  "converted",
  "at",
  "as",
  "is",
  "was",
  "model",
  "models",
  "format",
  "files",
  "weights",
]);

/** Articles and the like before a name. */
const LEAD = /^(?:the|a|an)$/i;

/** One word of a name: letters, digits and the marks model names use (`L2`, `7B`, `v0.3`, `8x7B`, `Qwen2.5`). */
const WORD = /^[A-Za-z0-9][\w.+-]*$/;

/** At most this many words and characters. */
const MAX_WORDS = 6;
const MAX_LENGTH = 60;

/**
 * The model name at the start of `text` (after link labels are taken as text and markup dropped), or undefined.
 * A possessive before it names the author (`Gryphe's MythoMax L2 13B` → `MythoMax L2 13B`).
 *
 * @example modelNameAt(" Gryphe's MythoMax L2 13B made by The Bloke") // → "MythoMax L2 13B"
 */
export function modelNameAt(text: string): string | undefined {
  const plain = replaceLinks(text.slice(0, 200), (label) => label).replace(/[*_`"“”]/g, "");
  const line = plain.split(/[\n,;:()[\]|!?]|\.(?:\s|$)/)[0] ?? "";
  const words = line.trim().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < words.length && LEAD.test(words[i] ?? "")) i++;
  // "Gryphe's MythoMax …": the author, then the model.
  if (/^[A-Z][\w.-]*['’]s$/.test(words[i] ?? "")) i++;
  const name: string[] = [];
  for (; i < words.length && name.length < MAX_WORDS; i++) {
    const word = trimEnd(words[i] ?? "", ".");
    if (STOP.has(word.toLowerCase()) || !WORD.test(word)) break;
    name.push(word);
  }
  const joined = name.join(" ");
  if (name.length === 0 || joined.length > MAX_LENGTH) return undefined;
  // A model's name starts with a letter and carries a size or version: a digit in one of its words.
  if (!/^[A-Za-z]/.test(joined) || !/\d/.test(joined)) return undefined;
  // Bare sizes and quant words are not names ("4-bit", "Q4_K_M", "FP8", "INT4").
  if (/^(?:q\d\w*|fp\d+|int\d+|\d+-?bits?|w\d+a\d+|bf16|f16)$/i.test(joined)) return undefined;
  return joined;
}

/** `**Original Model:** \`Llama-2-7b-chat\`` with no org: the table of well-known models may know the name. */
export function knownOriginal(name: string, state: CardState, line: number): Fact<string> | undefined {
  const bare = name.replace(/[`*[\]]/g, "").trim();
  const id = bare.length <= 60 ? resolveKnownModel(bare) : undefined;
  if (!id) return undefined;
  const why = `"${bare}" given as the original model without its org; resolved by ftl's table of well-known models (${knownModelSource(id)})`;
  return fact(id, inferred(state.file, why, KNOWN_MODEL_CONFIDENCE, `line ${line}`));
}

/**
 * The text after the words that say a model follows, or undefined when it points at the card's own model ("GGUF
 * quants of this model", "… of our model"): what comes after then is a copy of it, not its source.
 */
export function textAfter(text: string, words: RegExpExecArray): string | undefined {
  const after = text.slice(words.index + words[0].length);
  return /^\W{0,3}(?:this|these|it|our|my)\b/i.test(after) ? undefined : after;
}

/** "GPTQ version of Gryphe's MythoMax L2 13B", "quantized version of Llama 2 7B Chat": a name the table knows. */
export function knownAfter(
  text: string,
  words: RegExpExecArray,
  state: CardState,
  line: number,
): Fact<string> | undefined {
  const after = textAfter(text, words)?.slice(0, 200);
  if (after === undefined) return undefined;
  const found = firstKnownName(after);
  if (!found) return undefined;
  const why = `"${found.name.trim()}" named as the quantised model without its org; resolved by ftl's table of well-known models (${knownModelSource(found.id)})`;
  return fact(found.id, inferred(state.file, why, KNOWN_MODEL_CONFIDENCE, `line ${line}`));
}

/** A name the table does not know, kept as written (`name:…`, model-name.ts), or undefined. */
export function namedOnly(
  text: string,
  state: CardState,
  line: number,
  role: string,
): Fact<string> | undefined {
  const name = modelNameAt(text);
  if (!name) return undefined;
  const note = `"${name}" ${role} without an id; kept as the name the file writes`;
  return fact(namedRef(name), extracted(state.file, { line, confidence: 0.75, note }));
}

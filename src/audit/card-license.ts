/**
 * The licence a card states only in words: its `License` section or a sentence saying what the model is
 * released under ("## License\n\n[MIT](LICENSE)", "OpenAlpaca is permissively licensed under the Apache 2.0
 * license"), for cards whose metadata declares none. Sentences about something else (the base, the data, the
 * code) and table rows are skipped. Pure.
 */
import { licensesInText } from "./license-text.js";

/** A licence read from a card's prose, with the words quoted. */
export interface ProseLicense {
  id: string;
  quote: string;
}

/** Sentences about another thing's licence: the base or parent model, the data, the code, the repository's files. */
const ABOUT_OTHER =
  /\b(?:base|original|parent|upstream|dataset|datasets|data|code|codebase|scripts?|software|tokenizer|library|repository|repo)\b/i;

/**
 * A sentence that releases the model itself under a licence ("We release the model under the FAIR Noncommercial
 * Research License found in the LICENSE file in the root directory of this repo"): about the model, whatever else it
 * mentions on the way.
 */
const RELEASES_MODEL =
  /\b(?:release|releases|released|distribute|distributes|distributed|publish|publishes|published|license|licenses|licensed)\s+(?:the|this|our)\s+(?:model|weights|checkpoints?)\s+under\b/i;

/** Licences written for models (Llama, Gemma, Qwen, RAIL): named in a card, they point at a base's terms. */
export const MODEL_TERMS: ReadonlySet<string> = new Set(["model-license", "responsible-ai", "terms-of-use"]);

/** A model licence named anywhere in a card ("Subject to original Llama-3 license terms", "Gemma Terms of Use"). */
const MODEL_TERMS_IN_TEXT =
  /(?<![\w/-])(?:Meta[\s-]+)?Llama[\s-]?(?:2|3(?:\.[1-3])?|4)\b[^.\n"<>/]{0,40}?\blicen[cs]e|\bGemma Terms of Use\b|\b(?:Qwen|Tongyi Qianwen)(?: Research)? Licen[cs]e|\bOpen ?RAIL\b/i;

/**
 * The one licence the card's licence lines state for the model itself: a general licence (Apache, MIT, GPL, CC …),
 * or a model licence named alone ("The **model weights** are under the **LFM Open License v1.0**", dev
 * cus-u1-lfm25-…). None when the lines name a model licence beside a general one (the weights then follow a base's
 * terms, and the general licence is the code's: "Apache 2.0 - See LICENSE" next to "Subject to original Llama-3
 * license terms"), when the card names a Llama, Gemma, Qwen or RAIL licence anywhere, or when the lines name more
 * than one licence for the model.
 */
export function proseLicense(lines: readonly string[], body = ""): ProseLicense | undefined {
  if (MODEL_TERMS_IN_TEXT.test(body) || lines.some((l) => MODEL_TERMS_IN_TEXT.test(l))) return undefined;
  const found = new Map<string, string>();
  const models = new Map<string, string>();
  for (const line of lines) {
    if (line.trimStart().startsWith("|")) continue;
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const named = licensesInText(sentence);
      const about = ABOUT_OTHER.test(sentence) && !RELEASES_MODEL.test(sentence);
      for (const hit of named) {
        const into = MODEL_TERMS.has(hit.entry.kind) ? models : about ? undefined : found;
        if (into && !into.has(hit.entry.id)) into.set(hit.entry.id, sentence.trim().slice(0, 200));
      }
    }
  }
  const only = models.size === 0 ? found : found.size === 0 ? models : new Map();
  if (only.size !== 1) return undefined;
  const [[id, quote]] = [...only.entries()] as [[string, string]];
  return { id, quote };
}

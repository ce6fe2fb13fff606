/**
 * Two licences for one model that both permit commercial use: the card's metadata says one (`license: apache-2.0`)
 * and its text releases the model under another ("The model weights are licensed under the MIT License"). Which
 * covers the weights is not said, so it is a finding, though not one that changes the verdict. Sentences about
 * something else's licence (the code, the data, the base) and licences written for models (a Llama or Gemma
 * licence named in a card points at a base's terms) are not a second licence. Pure.
 */

import { MODEL_TERMS } from "./card-license.js";
import { licensesInText } from "./license-text.js";
import type { AuditFinding } from "./report.js";
import { knownEntries, type ResolvedLicense } from "./resolve-license.js";

/** "… licensed / released under", after which the model must have been named. */
const UNDER = /\b(?:licensed|released|distributed|available)\s+under\b/i;
const MODEL_WORD = /\b(?:model|weights|checkpoints?)\b/i;
/** "we release the model under", "license this model under". */
const RELEASE_MODEL =
  /\b(?:release|publish|distribute|license)\s+(?:the|this|our)\s+(?:model|weights|checkpoints?)\s+under\b/i;

/** Is the model the thing licensed ("the model weights are licensed under", "we release the model under")? */
function modelLicensed(sentence: string): boolean {
  const under = UNDER.exec(sentence);
  if (under && MODEL_WORD.test(sentence.slice(Math.max(0, under.index - 60), under.index))) return true;
  return RELEASE_MODEL.test(sentence);
}
/** Words that put the sentence on another thing than the model. */
const OTHER_THING =
  /\b(?:code|codebase|software|scripts?|repository|repo|project|dataset|datasets|data|base|original|parent|upstream|tokenizer|library)\b/i;

/** A warning when the card's text releases the model under another licence than its metadata, both commercial. */
export function permissiveContradiction(
  declared: ResolvedLicense,
  lines: readonly string[],
): AuditFinding | undefined {
  const own = knownEntries(declared);
  for (const sentence of lines.flatMap((l) => l.split(/(?<=[.!?])\s+/))) {
    if (sentence.trimStart().startsWith("|") || !modelLicensed(sentence) || OTHER_THING.test(sentence))
      continue;
    const other = licensesInText(sentence).find(
      (t) => !own.includes(t.entry) && t.entry.commercial !== "not-allowed" && !MODEL_TERMS.has(t.entry.kind),
    );
    if (!other) continue;
    return {
      severity: "warning",
      code: "license-contradiction",
      message: `the card gives two licences: its metadata says ${declared.text}, its text says '${sentence.trim().slice(0, 200)}'; which covers the weights is not said (both permit commercial use)`,
      license: other.entry.id,
      source: other.entry.source,
    };
  }
  return undefined;
}

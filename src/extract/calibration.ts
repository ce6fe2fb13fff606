/**
 * Confidence rules set from measured precision on the dev corpus (`npm run accuracy -- --set dev
 * --confident-wrong`): a kind of fact ftl states at 0.9 or more must be right at least 97 % of the time. Each
 * rule names the kind, its measured precision and why it is less sure than the file's own wording suggests.
 */

import { LOCAL_PREFIX } from "../model/refs.js";
import type { Provenance } from "../schema/lineage.js";

/**
 * A root base that is a local path (`local:/tmp/llama3B_gsm8k_sft_part0/epoch_0`, `local:/mnt/c/…/kanana-8b`):
 * the path says where the weights were, not which model they are, and the files often name that model
 * elsewhere (a comment, the README). Dev, before this rule: 13 of 15 such bases right at 0.9 or more (0.87).
 */
export const LOCAL_BASE_CONFIDENCE = 0.85;

export function baseProvenance(id: string, source: Provenance | undefined): Provenance | undefined {
  if (!source || !id.startsWith(LOCAL_PREFIX) || (source.confidence ?? 1) <= LOCAL_BASE_CONFIDENCE)
    return source;
  return {
    ...source,
    confidence: LOCAL_BASE_CONFIDENCE,
    note: [source.note, "a local path: where the weights were, not which model they are"]
      .filter(Boolean)
      .join("; "),
  };
}

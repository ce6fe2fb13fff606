/**
 * Confidence rules set from measured precision on the dev corpus (`npm run accuracy -- --set dev
 * --confident-wrong`): a kind of fact ftl states at 0.9 or more must be right at least 97 % of the time. Each
 * rule names the kind, its measured precision and why it is less sure than the file's own wording suggests.
 */

import { LOCAL_PREFIX } from "../model/refs.js";
import type { LineageDocument, Provenance } from "../schema/lineage.js";

/**
 * A root base that is a local path (`local:/tmp/llama3B_gsm8k_sft_part0/epoch_0`, `local:/mnt/c/…/kanana-8b`):
 * the path says where the weights were, not which model they are, and the files often name that model
 * elsewhere (a comment, the README). Dev, before this rule: 13 of 15 such bases right at 0.9 or more (0.87).
 */
export const LOCAL_BASE_CONFIDENCE = 0.85;

/**
 * An objective ftl reads from a training script's or module's name (`dpo_tune_cache.py`, `verl.trainer.main_ppo`,
 * `run_sft.py`) when no flag states it. Dev, before this rule: 16 of 17 such objectives right at 0.9 (0.94).
 */
export const SCRIPT_NAME_OBJECTIVE_CONFIDENCE = 0.85;

/**
 * SFT as axolotl's default (a config with datasets and no `rl`): the file never says the word, and labellers who
 * read only the file leave the objective unsaid. Dev, before this rule: 8 of 9 right at 0.9 (0.89).
 */
export const AXOLOTL_DEFAULT_SFT_CONFIDENCE = 0.85;

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

/**
 * Every fact of a document made from one of several unrelated groups of files (a folder ftl split into lineages):
 * the grouping is ftl's reading of which files describe one run, and a wrong split leaves each document with part
 * of a run or with another run's facts. Dev, before this rule: 75 of 95 facts of split items right at 0.9 or more
 * (0.79), against 1,941 of 1,950 (0.995) where the files formed one lineage.
 */
export const SPLIT_GROUP_CONFIDENCE = 0.85;

const capped = (p: Provenance, cap: number): Provenance => {
  const c = p.confidence ?? (p.source === "inferred" ? 0.5 : 1);
  return c <= cap ? p : { ...p, confidence: cap };
};

/** A copy of `value` in which every `provenance` and every entry of `sources` is at most `cap`. */
function capAll(value: unknown, cap: number): unknown {
  if (Array.isArray(value)) return value.map((v) => capAll(v, cap));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "provenance" && v) out[k] = capped(v as Provenance, cap);
    else if (k === "sources" && v && typeof v === "object")
      out[k] = Object.fromEntries(Object.entries(v).map(([f, p]) => [f, capped(p as Provenance, cap)]));
    else out[k] = capAll(v, cap);
  }
  return out;
}

/** The document with no fact above `cap` (`SPLIT_GROUP_CONFIDENCE` for one group of a split). Pure. */
export function capConfidence(doc: LineageDocument, cap = SPLIT_GROUP_CONFIDENCE): LineageDocument {
  return capAll(doc, cap) as LineageDocument;
}

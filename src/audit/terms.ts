/**
 * The vocabulary of licence terms the audit reasons with: conditions a licence attaches to copies and
 * derivatives, how a derivative may be licensed, and whether commercial use is allowed. Lists are data;
 * their types are derived from them and every label table is checked with `satisfies`.
 */

/** Conditions a licence attaches to redistribution and derivatives. */
export const CONDITIONS = [
  "include-license",
  "attribution",
  "notice-file",
  "state-changes",
  "share-alike",
  "pass-on-license",
  "use-restrictions",
  "naming-prefix",
  "attribution-display",
  "user-threshold",
  "no-improving-other-models",
  "no-competing-models",
  "disclose-source",
  "network-source",
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const CONDITION_LABELS = {
  "include-license": "ship a copy of the licence with every copy or derivative",
  attribution: "keep copyright and attribution notices, credit the source",
  "notice-file": "keep the NOTICE file",
  "state-changes": "state the changes made",
  "share-alike": "share derivatives under the same licence",
  "pass-on-license": "derivatives stay under this licence: pass it on",
  "use-restrictions": "use restrictions (acceptable-use policy) bind every user and must be passed on",
  "naming-prefix": "derivative model names must start with a fixed prefix",
  "attribution-display": "display a 'Built with …' notice",
  "user-threshold": "a separate licence is needed above a number of monthly active users",
  "no-improving-other-models": "outputs may not be used to improve other model families",
  "no-competing-models": "outputs may not be used to develop competing models",
  "disclose-source": "derivatives must be distributed with their source",
  "network-source": "source must be offered to users over a network too",
} as const satisfies Record<Condition, string>;

/** How a derivative (a fine-tune, merge or quantisation) may be licensed. */
export const DERIVATIVE_RULES = ["any", "carry-restrictions", "same", "non-commercial", "none"] as const;
export type DerivativeRule = (typeof DERIVATIVE_RULES)[number];

export const DERIVATIVE_RULE_LABELS = {
  any: "derivatives may use another licence, the conditions still apply to the original",
  "carry-restrictions": "derivatives may use other terms only if they carry the use restrictions",
  same: "derivatives must stay under this licence",
  "non-commercial": "derivatives must not permit commercial use",
  none: "no derivatives may be shared",
} as const satisfies Record<DerivativeRule, string>;

/** Whether a licence allows commercial use. */
export const COMMERCIAL = ["allowed", "conditional", "not-allowed"] as const;
export type Commercial = (typeof COMMERCIAL)[number];

/** Broad kind of a licence, for people and for sorting. */
export const LICENSE_KINDS = [
  "public-domain",
  "permissive",
  "attribution",
  "share-alike",
  "copyleft",
  "model-license",
  "responsible-ai",
  "terms-of-use",
  "non-commercial",
  "no-derivatives",
] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

/** One reviewed licence of the knowledge base. */
export interface LicenseEntry {
  /** Canonical key: the Hub licence id, or the SPDX id in lower case. */
  id: string;
  name: string;
  /** The SPDX id when the licence has one. */
  spdx?: string;
  /** Other spellings seen on the Hub (`license_name` values, long names). Matched case-insensitively. */
  aliases?: readonly string[];
  kind: LicenseKind;
  /** Who grants it; licences of one licensor (the Llama licences) count as one family of models. */
  licensor?: string;
  commercial: Commercial;
  derivatives: DerivativeRule;
  conditions: readonly Condition[];
  /** Names of derivatives must start with this (Llama 3: "Llama 3", Llama 3.1 and later: "Llama"). */
  namePrefix?: string;
  /** Monthly active users above which a separate licence is needed. */
  userThreshold?: number;
  /** What the licence restricts, in short sentences. */
  limitations: readonly string[];
  /** Where the terms were read. */
  source: string;
  /** Remarks of the reviewer (uncertainty, history). */
  note?: string;
}

/** One well-known model family: which ids belong to it and the licence its official weights carry. */
export interface FamilyEntry {
  family: string;
  /** Regular expression over the model id (case-insensitive unless `caseSensitive`). */
  pattern: string;
  /** True when the family is told by its publisher's spelling (Meta wrote the first LLaMA so, later ones "Llama"). */
  caseSensitive?: boolean;
  /** Knowledge-base licence id. */
  license: string;
  /** True when the pattern names the licensor's own organisation (the table is authoritative). */
  official: boolean;
  source: string;
  /** Models these weights were themselves derived from (e.g. distillations onto another family's base). */
  upstream?: readonly { id: string; license: string; relation: string }[];
  note?: string;
}

/** One well-known dataset and its licence as its card states it. */
export interface DatasetEntry {
  id: string;
  license: string;
  /** Whose model outputs the data holds, when it is synthetic (their terms may apply too). */
  outputsOf?: string;
  /** Names a card's prose uses for it ("Databricks Dolly 15K"), distinctive enough to identify it. */
  names?: readonly string[];
  /**
   * Short names too common to read anywhere ("alpaca" is also a prompt format), read only right after "trained
   * on" or "fine-tuning … on" and not followed by "format", "style", "prompt" or "template".
   */
  trainedOnNames?: readonly string[];
  source: string;
  note?: string;
}

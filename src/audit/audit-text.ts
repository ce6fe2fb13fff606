/** Wording and small predicates shared by the audit's checks: step labels, paths, obligations, names. */
import type { AncestorRole, PathHop, StepRef } from "./report.js";
import { knownEntries, type ResolvedLicense } from "./resolve-license.js";
import { CONDITION_LABELS, type LicenseEntry } from "./terms.js";

export const ROLE_WORDS = {
  base: "base",
  "merge-parent": "merge parent",
  "merge-base": "merge base",
  intermediate: "intermediate checkpoint",
  upstream: "upstream model",
  dataset: "dataset",
  "data-terms": "dataset",
} as const;

/** Longer paths are shortened in messages (the finding's `path` keeps every hop). */
const MAX_PATH_HOPS = 6;

/** `step 2 (dpo)`, or `step 2 (dpo) of org/model` inside an upstream document. */
export function stepLabel(step: StepRef): string {
  const name = step.id === String(step.index) ? `step ${step.index}` : `step ${step.index} (${step.id})`;
  return step.document ? `${name} of ${step.document}` : name;
}

/** ` via step 1 (sft) → step 2 (dpo)`, or an empty string when the ancestor is a direct parent with no step. */
export function pathText(path: readonly PathHop[], subjectId: string): string {
  const hops = path.filter(
    (hop, i) => hop.step !== undefined || (i < path.length - 1 && hop.model !== subjectId),
  );
  if (hops.length === 0) return "";
  const text = (hop: PathHop) => (hop.step ? stepLabel(hop.step) : hop.model);
  if (hops.length <= MAX_PATH_HOPS) return ` via ${hops.map(text).join(" → ")}`;
  const head = hops.slice(0, 2).map(text);
  const tail = hops.slice(-2).map(text);
  return ` via ${[...head, `(${hops.length - 4} more steps)`, ...tail].join(" → ")}`;
}

/** What a licence asks of a derivative, as one clause. */
export function obligationSentence(entry: LicenseEntry): string {
  const parts: string[] = [];
  if (entry.derivatives === "same") parts.push(`the ${entry.name} must be passed on`);
  if (entry.derivatives === "carry-restrictions")
    parts.push(
      `the ${entry.name} must be passed on and its use restrictions carried into the derivative's terms`,
    );
  if (entry.derivatives === "none") parts.push(`the ${entry.name} allows no derivatives to be shared`);
  if (entry.commercial === "not-allowed") parts.push("non-commercial use only");
  if (entry.namePrefix) parts.push(`the name must start with '${entry.namePrefix}'`);
  if (parts.length === 0) {
    const conditions = entry.conditions.map((c) => CONDITION_LABELS[c]);
    parts.push(
      `the ${entry.name}'s conditions still apply to what is inherited (${conditions.join("; ") || "none"})`,
    );
  }
  return parts.join(" and ");
}

export const normaliseName = (name: string): string => name.toLowerCase().replace(/[\s_.-]+/g, "");

/**
 * Whether a model name meets a licence's name rule ("Llama 3", "Llama"). Meta's own names for the Llama
 * Materials begin "Meta Llama" ("Meta-Llama-3.1-8B-Instruct"): a re-upload or quantisation that keeps that
 * name still identifies the model as Llama and is treated as meeting the rule (see docs/audit.md).
 */
export function namedAs(name: string, prefix: string): boolean {
  const n = normaliseName(name);
  const p = normaliseName(prefix);
  return n.startsWith(p) || n.startsWith(`meta${p}`);
}

export function permitsCommercial(license: ResolvedLicense): boolean {
  return license.options.some((o) =>
    o.every((t) => t.kind === "known" && t.entry.commercial !== "not-allowed"),
  );
}

export function forbidsCommercial(license: ResolvedLicense): boolean {
  return license.options.every((o) =>
    o.some((t) => t.kind === "known" && t.entry.commercial === "not-allowed"),
  );
}

export function includes(license: ResolvedLicense, entry: LicenseEntry): boolean {
  return knownEntries(license).some((e) => e.id === entry.id);
}

/** The role of an ancestor, in words. */
export const roleWord = (role: AncestorRole): string => ROLE_WORDS[role];

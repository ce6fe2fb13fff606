/** The result of an audit: findings with their path through the chain, obligations, and a verdict. */
import type { LineageClass, Severity } from "../model/vocabulary.js";

/** What a finding is about. Policies name these codes. */
export const FINDING_CODES = [
  "license-conflict",
  "naming-rule",
  "non-commercial",
  "license-change",
  "license-drift",
  "license-mismatch",
  "combined-terms",
  "improve-other-models",
  "share-alike",
  "no-derivatives",
  "output-terms",
  "unknown-license",
  "undocumented-data",
  "undeclared-license",
  "unresolved-reference",
  "incomplete-lineage",
  "use-restrictions",
  "user-threshold",
  "attribution",
  "inferred-license",
  "unread-chain",
  "base-from-card",
  "naming-unchecked",
  "data-from-card",
  "evaluation-data",
  "license-contradiction",
  "same-licensor",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Commercial use of the subject, all things considered (`unknown` is the `unclear` level). */
export const COMMERCIAL_VERDICTS = ["allowed", "not-allowed", "unknown"] as const;
export type CommercialVerdict = (typeof COMMERCIAL_VERDICTS)[number];

/**
 * The verdict people act on. `allowed`: the chain was read and every model ancestor's licence permits commercial
 * use. `allowed-with-warnings`: the same, but some data has no known licence (listed in `warnings`).
 * `not-allowed`: a known term forbids it. `unclear`: a model's licence is unknown, or the chain was not read.
 */
export const VERDICT_LEVELS = ["allowed", "allowed-with-warnings", "not-allowed", "unclear"] as const;
export type VerdictLevel = (typeof VERDICT_LEVELS)[number];

export interface Verdict {
  commercialUse: CommercialVerdict;
  reasons: string[];
  level: VerdictLevel;
  /** What keeps an allowed verdict from being clean: data with no known licence, steps that name no data. */
  warnings: string[];
}

/** Where a licence value came from. */
export const LICENSE_ORIGINS = [
  "document",
  "supplied",
  "registry",
  "dataset-table",
  "family",
  "family-name",
  "none",
] as const;
export type LicenseOrigin = (typeof LICENSE_ORIGINS)[number];

/** A step of a document, numbered from 1 as people count. `document` names an upstream document's subject. */
export interface StepRef {
  index: number;
  id: string;
  document?: string;
}

/** One hop from an ancestor toward the subject: the step taken (if known) and the model it produced. */
export interface PathHop {
  step?: StepRef;
  model: string;
}

export type AncestorRole =
  | "base"
  | "merge-parent"
  | "merge-base"
  | "intermediate"
  | "upstream"
  | "dataset"
  | "data-terms";

/** An ancestor (model or dataset) whose licence reaches the subject. */
export interface Ancestor {
  kind: "model" | "dataset";
  id: string;
  role: AncestorRole;
  /** The step that used it (datasets) or consumed it first. */
  step?: StepRef;
  license?: string;
  licenseFrom: LicenseOrigin;
  /** How it reaches the subject when no step says so (e.g. "distilled onto, per the family table"). */
  via?: string;
  /** Source URL of the table entry the licence came from, if it came from a table. */
  licenseSource?: string;
  path: PathHop[];
}

export interface AuditFinding {
  severity: Severity;
  code: FindingCode;
  message: string;
  /** The ancestor the finding is about (its id and role), if any. */
  ancestor?: { kind: "model" | "dataset"; id: string; role: AncestorRole; step?: StepRef };
  /** The licence the finding is about (knowledge-base id or the text as written). */
  license?: string;
  path?: PathHop[];
  /** Where the licence terms the finding relies on were read. */
  source?: string;
}

/** Terms of one licence that reach the subject, and from which ancestors. */
export interface Obligation {
  license: string;
  name: string;
  from: string[];
  conditions: string[];
  limitations: string[];
  source: string;
}

export interface AuditReport {
  subject: { id: string; license?: string; licenseFrom: LicenseOrigin };
  verdict: Verdict;
  findings: AuditFinding[];
  obligations: Obligation[];
  ancestors: Ancestor[];
  lineageClass: LineageClass;
  counts: { error: number; warning: number; info: number };
}

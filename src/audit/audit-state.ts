/**
 * What an audit gathers while it walks the chain: findings, the licences that reach the subject (all, and those
 * of model ancestors), and the reasons behind the verdict. One value, filled by the finding passes in turn.
 */
import { ROLE_WORDS, stepLabel } from "./audit-text.js";
import type { Reach } from "./collect-ancestors.js";
import type { AuditFinding } from "./report.js";
import type { ResolvedLicense } from "./resolve-license.js";
import type { LicenseEntry } from "./terms.js";

export interface AuditState {
  subjectId: string;
  /** The licence the subject declares (undefined when none, or only inferred from its name). */
  declared: ResolvedLicense | undefined;
  findings: AuditFinding[];
  obligations: Map<string, { entry: LicenseEntry; from: Set<string> }>;
  modelEntries: Map<string, { entry: LicenseEntry; reaches: Reach[] }>;
  allEntries: Map<string, { entry: LicenseEntry; reaches: Reach[] }>;
  /** Why commercial use is forbidden, one sentence each. */
  notCommercial: string[];
  /** Why the verdict is unclear (a model ancestor's licence unknown, a reference unresolved). */
  unknownReasons: string[];
  /** What makes an allowed verdict "allowed, with warnings" (data without a known licence, provider terms). */
  dataWarnings: string[];
  /** The subject's own licence undeclared or unknown: unclear only when no ancestor was read either. */
  subjectUnknown: string[];
  /** True when an ancestor is the subject's own licensor's model. */
  ownLicensor: boolean;
  /** The Hub page a card links as its own (`org/name`), when the import could not give the subject an id. */
  ownHubId?: string;
}

export function newAuditState(subjectId: string, declared: ResolvedLicense | undefined): AuditState {
  return {
    subjectId,
    declared,
    findings: [],
    obligations: new Map(),
    modelEntries: new Map(),
    allEntries: new Map(),
    notCommercial: [],
    unknownReasons: [],
    dataWarnings: [],
    subjectUnknown: [],
    ownLicensor: false,
  };
}

/** `base meta-llama/Llama-2-7b-hf`, `dataset org/data at step 1 (sft)`. */
export function reachLabel(r: Reach): string {
  if (r.kind === "dataset") {
    const at = r.step ? ` at ${stepLabel(r.step)}` : "";
    return `dataset ${r.id}${at}`;
  }
  return `${ROLE_WORDS[r.role]} ${r.id}`;
}

/**
 * Terms a derivative must carry: the licence itself, its use restrictions, or its non-commercial limit (LLaMA 1,
 * CC BY-NC weights: a copy that declares no licence drops the limit its recipients are bound by).
 */
export function passOnFromModels(state: AuditState): LicenseEntry[] {
  return [...state.modelEntries.values()]
    .map((v) => v.entry)
    .filter(
      (e) =>
        e.derivatives === "same" ||
        e.derivatives === "carry-restrictions" ||
        e.derivatives === "non-commercial",
    );
}

export function inferredFinding(what: string, text: string, evidence: string): AuditFinding {
  return {
    severity: "info",
    code: "inferred-license",
    message: `${what}, '${text}', is not in the knowledge base; read as non-commercial from its wording: '${evidence}'`,
    license: text,
  };
}

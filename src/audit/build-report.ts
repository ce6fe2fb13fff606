/** The audit report from what the passes gathered: findings sorted by severity and deduplicated, obligations. */
import type { AuditState } from "./audit-state.js";
import type { Collected, ModelLicense } from "./collect-ancestors.js";
import type { AuditFinding, AuditReport, Obligation, Verdict } from "./report.js";
import { CONDITION_LABELS } from "./terms.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes, each in the order found; a finding said twice is kept once. */
function sortedUnique(findings: readonly AuditFinding[]): AuditFinding[] {
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const keys = new Set<string>();
  return sorted.filter((f) => {
    const key = `${f.code}\u0000${f.message}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

export function buildReport(
  state: AuditState,
  subjectLicense: ModelLicense,
  collected: Collected,
  verdict: Verdict,
  lineageClass: AuditReport["lineageClass"],
): AuditReport {
  const unique = sortedUnique(state.findings);
  const obligations: Obligation[] = [...state.obligations.values()].map(({ entry, from }) => ({
    license: entry.id,
    name: entry.name,
    from: [...from],
    conditions: entry.conditions.map((c) => CONDITION_LABELS[c]),
    limitations: [...entry.limitations],
    source: entry.source,
  }));
  const count = (severity: AuditFinding["severity"]) => unique.filter((f) => f.severity === severity).length;
  return {
    subject: {
      id: state.subjectId,
      ...(subjectLicense.resolved ? { license: subjectLicense.resolved.text } : {}),
      licenseFrom: subjectLicense.from,
    },
    verdict,
    findings: unique,
    obligations,
    ancestors: collected.reaches.map(
      ({ resolved: _r, family: _f, familyConflict: _c, ...ancestor }) => ancestor,
    ),
    lineageClass,
    counts: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}

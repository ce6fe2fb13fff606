/** Audit reports for people (pure: returns text). */
import type { PolicyResult } from "./policy.js";
import type { AuditFinding, AuditReport } from "./report.js";

const MARK = { error: "✗", warning: "!", info: "·" } as const;
const VERDICT = {
  allowed: "allowed",
  "allowed-with-warnings": "allowed, with warnings",
  "not-allowed": "NOT allowed",
  unclear: "unclear",
} as const;

export function formatFinding(finding: AuditFinding): string {
  return `  ${MARK[finding.severity]} ${finding.severity.padEnd(7)} ${finding.message}  [${finding.code}]`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * One audit as text: the subject and its licence, the verdict on commercial use with its reasons, the
 * findings (errors and warnings; notes too when `verbose`), the licences that reach the subject, and the
 * policy result when there is one.
 */
export function formatAudit(
  report: AuditReport,
  options: { verbose?: boolean; policy?: { file: string; result: PolicyResult } } = {},
): string {
  const { subject, verdict, counts } = report;
  const licence = !subject.license
    ? "declares no licence"
    : subject.licenseFrom === "family-name"
      ? `declares no licence (its name suggests ${subject.license}; not used as declared)`
      : `declares ${subject.license}${subject.licenseFrom === "document" ? "" : ` (${subject.licenseFrom})`}`;
  const lines = [`${subject.id} — ${licence}`];
  lines.push(
    `Commercial use: ${VERDICT[verdict.level]}${verdict.reasons.length > 0 ? ` — ${verdict.reasons.join("; ")}` : ""}`,
  );
  if (verdict.warnings.length > 0) lines.push(`  warnings: ${verdict.warnings.join("; ")}`);
  lines.push(
    `Findings: ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "note")} · ${plural(report.ancestors.length, "ancestor")} checked`,
  );
  const shown = report.findings.filter((f) => options.verbose || f.severity !== "info");
  if (shown.length > 0) lines.push("");
  for (const finding of shown) lines.push(formatFinding(finding));
  if (!options.verbose && counts.info > 0)
    lines.push(`  · ${plural(counts.info, "note")} (--verbose lists them)`);
  if (report.obligations.length > 0) {
    lines.push("", "Licences reaching the subject:");
    for (const o of report.obligations) {
      lines.push(`  ${o.license} — ${o.name}, from ${o.from.join(", ")}`);
      if (options.verbose) {
        for (const c of o.conditions) lines.push(`      · ${c}`);
        for (const l of o.limitations) lines.push(`      · ${l}`);
        lines.push(`      ${o.source}`);
      }
    }
  }
  if (options.policy) {
    const { file, result } = options.policy;
    lines.push("", `Policy ${file}: ${result.passed ? "passed" : "VIOLATED"}`);
    for (const v of result.violations) {
      lines.push(`  ✗ ${v.rule} — ${v.message}`);
      for (const f of v.findings.slice(0, 5)) lines.push(`      ${f}`);
      if (v.findings.length > 5) lines.push(`      … and ${v.findings.length - 5} more`);
    }
  }
  return lines.join("\n");
}

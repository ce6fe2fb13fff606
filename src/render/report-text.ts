/** Validation reports for people (pure: returns text). */
import type { ValidationIssue, ValidationReport } from "../validate/issue.js";

const MARK = { error: "✗", warning: "!", info: "·" } as const;

export function formatIssue(issue: ValidationIssue): string {
  return `  ${MARK[issue.severity]} ${issue.severity.padEnd(7)} ${issue.message}  [${issue.code}]`;
}

/**
 * One report as text: a headline (`file: partial · score 61/100`), then errors and warnings, then
 * suggestions (all of them when `verbose`, else a count).
 */
export function formatReport(name: string, report: ValidationReport, verbose = false): string {
  const verdict = report.valid
    ? `${report.class} · score ${report.score}/100`
    : `invalid (${report.class} as far as it can be read)`;
  const lines = [`${name}: ${verdict}`];
  const serious = report.issues.filter((i) => i.severity !== "info");
  const info = report.issues.filter((i) => i.severity === "info");
  for (const issue of serious) lines.push(formatIssue(issue));
  if (verbose) for (const issue of info) lines.push(formatIssue(issue));
  else if (info.length > 0)
    lines.push(`  · ${info.length} suggestion${info.length === 1 ? "" : "s"} (--verbose lists them)`);
  return lines.join("\n");
}

/**
 * An audit over files that describe several lineages that do not connect (a recipe folder with one config per
 * run, a card and the configs of the models it merges). Each lineage is audited; the result is one report whose
 * verdict is the strongest of theirs (`not-allowed` > `unclear` > `allowed-with-warnings` > `allowed`), so an
 * audit over a folder always says something about what it read, and says that the runs were not joined.
 */

import type { LineageDocument } from "../schema/lineage.js";
import { type AuditOptions, auditLineage } from "./audit-lineage.js";
import type { AuditFinding, AuditReport, Obligation, Verdict, VerdictLevel } from "./report.js";

/** One lineage of the files, with the files it was read from (for messages). */
export interface OneLineage {
  document: LineageDocument;
  files: string[];
}

const STRENGTH: Record<VerdictLevel, number> = {
  allowed: 0,
  "allowed-with-warnings": 1,
  unclear: 2,
  "not-allowed": 3,
};

/**
 * Audits each lineage and joins the reports. The card (`cardText`, `otherTexts`, `licenseFile`) belongs to the
 * first lineage, the subject's; the others are audited from their documents alone, and their findings and
 * reasons name the files they were read from.
 */
export async function auditSeveralLineages(
  lineages: readonly OneLineage[],
  options: AuditOptions,
): Promise<AuditReport> {
  const { cardText: _c, otherTexts: _o, licenseFile: _l, dataLicenseFile: _d, ...rest } = options;
  const reports: { report: AuditReport; label: string }[] = [];
  for (const [i, lineage] of lineages.entries()) {
    const report = await auditLineage(lineage.document, i === 0 ? options : rest);
    reports.push({ report, label: i === 0 ? "" : `the run in ${lineage.files.join(", ") || "(no file)"}` });
  }
  const [first] = reports;
  if (!first) throw new Error("auditSeveralLineages: no lineage");
  const findings: AuditFinding[] = [
    {
      severity: "warning",
      code: "incomplete-lineage",
      message: `the files describe ${lineages.length} lineages that do not connect (${lineages
        .map((l, i) => `(${i + 1}) ${l.files.join(", ") || "(no file)"}`)
        .join("; ")}): each was audited, and the verdict is the strongest of theirs`,
    },
  ];
  const seen = new Set<string>();
  for (const { report, label } of reports)
    for (const f of report.findings) {
      const message = label ? `${label}: ${f.message}` : f.message;
      const key = `${f.code}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ ...f, message });
    }
  const order = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    ...first.report,
    verdict: strongest(reports),
    findings,
    obligations: joinObligations(reports.map((r) => r.report.obligations)),
    ancestors: reports.flatMap((r) => r.report.ancestors),
    counts: {
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      info: findings.filter((f) => f.severity === "info").length,
    },
  };
}

/** The strongest verdict, with the reasons of every lineage at that level (each naming its run). */
function strongest(reports: readonly { report: AuditReport; label: string }[]): Verdict {
  const top = Math.max(...reports.map((r) => STRENGTH[r.report.verdict.level]));
  const at = reports.filter((r) => STRENGTH[r.report.verdict.level] === top);
  const verdict = at[0]!.report.verdict;
  const reasons = at.flatMap(({ report, label }) =>
    report.verdict.reasons.map((reason) => (label ? `${label}: ${reason}` : reason)),
  );
  const warnings = reports.flatMap(({ report, label }) =>
    report.verdict.warnings.map((w) => (label ? `${label}: ${w}` : w)),
  );
  return { ...verdict, reasons: [...new Set(reasons)], warnings: [...new Set(warnings)] };
}

function joinObligations(lists: readonly Obligation[][]): Obligation[] {
  const byId = new Map<string, Obligation>();
  for (const o of lists.flat()) {
    const had = byId.get(o.license);
    byId.set(o.license, had ? { ...had, from: [...new Set([...had.from, ...o.from])] } : o);
  }
  return [...byId.values()];
}

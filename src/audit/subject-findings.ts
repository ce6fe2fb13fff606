/** Findings about the licence the subject itself declares (or does not). */

import { type AuditState, inferredFinding } from "./audit-state.js";
import { forbidsCommercial, permitsCommercial } from "./audit-text.js";
import type { ModelLicense } from "./collect-ancestors.js";
import type { LicenseTerm } from "./resolve-license.js";

export function unknownTermMessage(term: LicenseTerm, what: string, link: string | undefined): string {
  const see = link ? ` (see ${link})` : "";
  if (term.kind === "spdx")
    return `${what}, ${term.spdx}, is a valid SPDX licence the knowledge base has not reviewed: its obligations are not checked${see}`;
  return `${what}, '${term.text}', is not in the knowledge base: its obligations are not checked${see}`;
}

/** The subject's declared licence: missing, inferred, unknown terms, non-commercial, or unlike its family's. */
export function subjectFindings(state: AuditState, subjectLicense: ModelLicense): void {
  const { subjectId, declared, findings } = state;
  if (declared === undefined) {
    findings.push({
      severity: "warning",
      code: "undeclared-license",
      message: `${subjectId} declares no licence: nothing grants rights to use it`,
    });
    state.subjectUnknown.push("the subject declares no licence");
  } else {
    if (subjectLicense.from === "family" && subjectLicense.family)
      findings.push({
        severity: "info",
        code: "inferred-license",
        message: `licence of ${subjectId} taken from the family table: ${subjectLicense.family.entry.family} is released under ${subjectLicense.family.license.id}`,
        license: subjectLicense.family.license.id,
        source: subjectLicense.family.entry.source,
      });
    if (declared.inferred)
      findings.push(
        inferredFinding(`the licence ${subjectId} declares`, declared.text, declared.inferred.evidence),
      );
    for (const term of declared.options.flat()) {
      if (term.kind === "known") continue;
      findings.push({
        severity: "warning",
        code: "unknown-license",
        message: unknownTermMessage(term, `the licence ${subjectId} declares`, declared.link),
        license: term.text,
      });
    }
    if (declared.status === "unknown" && !permitsCommercial(declared) && !forbidsCommercial(declared))
      state.subjectUnknown.push(`the subject's licence '${declared.text}' is not in the knowledge base`);
    if (forbidsCommercial(declared))
      state.notCommercial.push(
        `the subject's own licence ${declared.text}${declared.inferred ? ` (inferred from '${declared.inferred.evidence}')` : ""}`,
      );
  }
  if (subjectLicense.familyConflict) {
    const fam = subjectLicense.familyConflict;
    findings.push({
      severity: "warning",
      code: "license-mismatch",
      message: `${subjectId} declares ${declared?.text ?? "no licence"}, but ${fam.entry.family} is released under ${fam.license.id}`,
      license: fam.license.id,
      source: fam.entry.source,
    });
  }
}

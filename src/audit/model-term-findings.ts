/** What a model ancestor's known licence asks of the subject: its commercial limit and its derivative terms. */

import { type AuditState, reachLabel } from "./audit-state.js";
import { includes, obligationSentence, permitsCommercial } from "./audit-text.js";
import { sameLicensor } from "./chain-checks.js";
import type { ReachContext } from "./reach-findings.js";
import { knownEntries } from "./resolve-license.js";
import type { LicenseEntry } from "./terms.js";

/** A non-commercial model ancestor: a reason for the verdict and, unless it is the licensor's own, a finding. */
function nonCommercialFinding(
  state: AuditState,
  { r, where, common }: ReachContext,
  entry: LicenseEntry,
): void {
  if (entry.commercial !== "not-allowed" || !r.resolved) return;
  state.notCommercial.push(
    `${r.resolved.inferred ? `${r.resolved.text}, inferred from '${r.resolved.inferred.evidence}',` : entry.id} from ${r.id}`,
  );
  if (sameLicensor(state.subjectId, r)) return;
  state.findings.push({
    severity: "warning",
    code: "non-commercial",
    message: `${reachLabel(r)}${where()} is under ${entry.id}, which forbids commercial use: ${state.subjectId} inherits that term`,
    license: entry.id,
    source: entry.source,
    ...common,
  });
}

/**
 * The subject declares a licence other than one a model ancestor's terms reach it with: a conflict (the terms
 * must be kept), a change to check (restrictions carried by another licence, relicensing allowed), or nothing.
 */
export function modelTermFindings(
  state: AuditState,
  ctx: ReachContext,
  entry: LicenseEntry,
  declaresOtherPassOn: (entry: LicenseEntry) => boolean,
): void {
  nonCommercialFinding(state, ctx, entry);
  const { declared } = state;
  const { r, where, common } = ctx;
  if (!declared || declared.status === "unknown" || includes(declared, entry)) return;
  const inherits = `declares ${declared.text} but inherits ${entry.id} from ${r.id}${where()}`;
  const base = { license: entry.id, source: entry.source, ...common };
  const conflict = () =>
    state.findings.push({
      severity: "error",
      code: "license-conflict",
      message: `${inherits}; ${obligationSentence(entry)}`,
      ...base,
    });
  // Several pass-on licences reach the subject and it declares one of them: `combined-terms` says so.
  if (entry.derivatives === "same" && declaresOtherPassOn(entry)) return;
  if (entry.derivatives === "none" || entry.derivatives === "same") conflict();
  else if (entry.derivatives === "carry-restrictions") {
    const carries = knownEntries(declared).some((e) => e.conditions.includes("use-restrictions"));
    // A licence read only from its words ("research use only") may carry restrictions its words do not list.
    if (!carries && !declared.inferred) conflict();
    else
      state.findings.push({
        severity: "warning",
        code: "license-change",
        message: `${inherits}; check that ${declared.text} carries the use restrictions of the ${entry.name}`,
        ...base,
      });
  } else if (entry.derivatives === "non-commercial") {
    if (permitsCommercial(declared)) conflict();
  } else if (entry.kind !== "public-domain")
    state.findings.push({
      severity: "warning",
      code: "license-change",
      message: `${inherits}: relicensing is allowed, but ${obligationSentence(entry)}`,
      ...base,
    });
}

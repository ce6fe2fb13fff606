/** Findings about datasets (non-commercial, share-alike, output terms) and licences drifting along the chain. */
import { obligationSentence, pathText, permitsCommercial, ROLE_WORDS, stepLabel } from "./audit-text.js";
import type { Reach } from "./collect-ancestors.js";
import type { AuditFinding } from "./report.js";
import { knownEntries, mostPermissiveOption, type ResolvedLicense } from "./resolve-license.js";
import type { LicenseEntry } from "./terms.js";

/** The ancestor part of a finding. */
export function ancestorOf(r: Reach): NonNullable<AuditFinding["ancestor"]> {
  return { kind: r.kind, id: r.id, role: r.role, ...(r.step ? { step: r.step } : {}) };
}

/** What a dataset's licence means for a model trained on it. */
export function datasetFindings(
  r: Reach,
  entry: LicenseEntry,
  declared: ResolvedLicense | undefined,
  out: { add: (f: AuditFinding) => void; notCommercial: string[] },
): void {
  const { add, notCommercial } = out;
  const common = { ancestor: ancestorOf(r), path: r.path, license: entry.id, source: entry.source };
  const at = r.step ? ` at ${stepLabel(r.step)}` : "";
  if (r.role === "data-terms") {
    add({
      severity: "warning",
      code: "output-terms",
      message: `dataset ${r.id}${at} holds outputs of models under the ${entry.name}: ${entry.limitations.join("; ")}`,
      ...common,
    });
    return;
  }
  if (entry.commercial === "not-allowed") {
    notCommercial.push(`${entry.id} dataset ${r.id}${at}`);
    const clash =
      declared && permitsCommercial(declared)
        ? `, but the subject declares ${declared.text}, which permits it`
        : "";
    add({
      severity: "warning",
      code: "non-commercial",
      message: `trained on a ${entry.id} dataset ${r.id}${at}: non-commercial use only${clash}`,
      ...common,
    });
    // A non-commercial licence that is also share-alike or no-derivatives (CC BY-NC-SA, CC BY-NC-ND) binds both ways:
    // its derivative terms are a finding of their own.
    if (entry.derivatives !== "same" && entry.derivatives !== "none") return;
  }
  if (entry.kind === "model-license" || entry.kind === "terms-of-use") {
    add({
      severity: "warning",
      code: "output-terms",
      message: `dataset ${r.id}${at} is under the ${entry.name}: ${obligationSentence(entry)}`,
      ...common,
    });
    return;
  }
  if (entry.derivatives === "same") {
    add({
      severity: "warning",
      code: "share-alike",
      message: `trained on a ${entry.id} dataset ${r.id}${at}: if the model is an adaptation of the data, it must be shared under ${entry.id}`,
      ...common,
    });
  } else if (entry.derivatives === "none") {
    add({
      severity: "warning",
      code: "no-derivatives",
      message: `trained on a ${entry.id} dataset ${r.id}${at}: adaptations of the data may not be shared`,
      ...common,
    });
  } else if (entry.derivatives === "carry-restrictions") {
    add({
      severity: "warning",
      code: "use-restrictions",
      message: `trained on a ${entry.id} dataset ${r.id}${at}: its use restrictions may reach the model`,
      ...common,
    });
  } else if (entry.conditions.includes("attribution")) {
    add({
      severity: "info",
      code: "attribution",
      message: `credit dataset ${r.id}${at} (${entry.id})`,
      ...common,
    });
  }
}

/**
 * Licence drift: a model inside the chain whose own licence already breaks what reaches it. For each model
 * on a path, keep the first ancestor per restrictive licence (linear in the total path length).
 */
export function driftFindings(reaches: readonly Reach[], subjectId: string): AuditFinding[] {
  const found: AuditFinding[] = [];
  const reachingThrough = new Map<
    string,
    Map<string, { reach: Reach; index: number; entry: LicenseEntry }>
  >();
  for (const anc of reaches) {
    if (anc.kind !== "model" || !anc.resolved) continue;
    const entries = mostPermissiveOption(anc.resolved).flatMap((t) =>
      t.kind === "known" && t.entry.derivatives !== "any" ? [t.entry] : [],
    );
    if (entries.length === 0) continue;
    anc.path.forEach((hop, index) => {
      if (hop.model === subjectId || hop.model === anc.id) return;
      let byEntry = reachingThrough.get(hop.model);
      if (!byEntry) {
        byEntry = new Map();
        reachingThrough.set(hop.model, byEntry);
      }
      for (const entry of entries)
        if (!byEntry.has(entry.id)) byEntry.set(entry.id, { reach: anc, index, entry });
    });
  }
  for (const mid of reaches) {
    const own = mid.resolved;
    if (mid.kind !== "model" || mid.licenseFrom !== "document" || !own || own.status === "unknown") continue;
    const reaching = reachingThrough.get(mid.id);
    if (!reaching) continue;
    const ownEntries = knownEntries(own);
    const ownIds = new Set(ownEntries.map((e) => e.id));
    const carries = ownEntries.some((e) => e.conditions.includes("use-restrictions"));
    for (const { reach: anc, index, entry } of reaching.values()) {
      if (ownIds.has(entry.id)) continue;
      const breaks =
        entry.derivatives === "same" ||
        entry.derivatives === "none" ||
        (entry.derivatives === "carry-restrictions" && !carries) ||
        (entry.derivatives === "non-commercial" && permitsCommercial(own));
      if (!breaks) continue;
      const path = anc.path.slice(0, index + 1);
      found.push({
        severity: "warning",
        code: "license-drift",
        message: `${ROLE_WORDS[mid.role]} ${mid.id} declares ${own.text} but inherits ${entry.id} from ${anc.id}${pathText(path, mid.id)}: the licence drifted along the chain (${obligationSentence(entry)})`,
        ancestor: ancestorOf(mid),
        license: entry.id,
        path,
        source: entry.source,
      });
    }
  }
  return found;
}

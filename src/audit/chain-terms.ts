/**
 * Terms that apply across the whole chain rather than to one ancestor: name rules (Llama 3.x), "Built with …"
 * attribution, use restrictions, user thresholds, several pass-on licences at once, and the Llama 2/3 ban on
 * improving other models.
 */
import { namedAs } from "./audit-text.js";
import type { Reach } from "./collect-ancestors.js";
import type { AuditFinding } from "./report.js";
import type { LicenseEntry } from "./terms.js";

type Reaching = ReadonlyMap<string, { entry: LicenseEntry; reaches: Reach[] }>;

export interface ChainTermsInput {
  subjectId: string;
  /** The subject's names to judge (id without its organisation, display name); empty when it has none. */
  names: readonly string[];
  /** The licence of the subject's own official family (a licensor's own model meets its name rule). */
  ownLicense?: string;
  /** Every licence reaching the subject, from models and datasets. */
  allEntries: Reaching;
  /** Licences reaching the subject from models. */
  modelEntries: Reaching;
}

function nameFindings(input: ChainTermsInput, entry: LicenseEntry, from: string): AuditFinding[] {
  const prefix = entry.namePrefix;
  if (!prefix || input.ownLicense === entry.id) return [];
  const base = { code: "naming-rule" as const, license: entry.id, source: entry.source };
  if (input.names.length === 0)
    return [
      {
        severity: "info",
        ...base,
        // Not judged without a name: a note, not a naming-rule finding.
        code: "naming-unchecked",
        message: `the ${entry.name} (from ${from}) asks derivatives' names to start with '${prefix}'; the subject's name is not known, so it is not checked`,
      },
    ];
  if (input.names.some((n) => namedAs(n, prefix))) return [];
  return [
    {
      severity: "error",
      message: `the ${entry.name} requires models derived from ${from} to have names starting with '${prefix}'; '${input.names[0]}' does not`,
      ...base,
    },
  ];
}

function noteFindings(
  subjectId: string,
  entry: LicenseEntry,
  reaches: Reach[],
  from: string,
): AuditFinding[] {
  const out: AuditFinding[] = [];
  const base = { severity: "info" as const, license: entry.id, source: entry.source };
  const fromModel = reaches.some((r) => r.kind === "model");
  const display = entry.limitations.find((l) => l.startsWith("display "));
  if (entry.conditions.includes("attribution-display") && display && fromModel)
    out.push({
      code: "attribution",
      message: `the ${entry.name} (from ${from}) requires whoever distributes ${subjectId} to ${display} and ship a copy of the licence`,
      ...base,
    });
  if (entry.conditions.includes("use-restrictions") && fromModel)
    out.push({
      code: "use-restrictions",
      message: `the use restrictions of the ${entry.name} (from ${from}) bind every user of ${subjectId}`,
      ...base,
    });
  if (entry.userThreshold !== undefined)
    out.push({
      code: "user-threshold",
      message: `above ${entry.userThreshold.toLocaleString("en-US")} monthly active users the ${entry.name} (from ${from}) requires a separate licence`,
      ...base,
    });
  return out;
}

function combinationFindings(subjectId: string, modelEntries: Reaching): AuditFinding[] {
  const out: AuditFinding[] = [];
  const ids = (reaches: Reach[]) => [...new Set(reaches.map((r) => r.id))].join(", ");
  const passOn = [...modelEntries.values()].filter(
    (v) => v.entry.derivatives === "same" || v.entry.derivatives === "carry-restrictions",
  );
  if (passOn.length >= 2)
    out.push({
      severity: "warning",
      code: "combined-terms",
      message: `${subjectId} inherits several licences that must each be passed on: ${passOn.map((v) => `${v.entry.id} (from ${ids(v.reaches)})`).join(", ")}; all of them apply together`,
    });
  for (const { entry, reaches } of modelEntries.values()) {
    if (!entry.conditions.includes("no-improving-other-models")) continue;
    const others = [...modelEntries.values()].filter(
      (v) =>
        v.entry.id !== entry.id &&
        (entry.licensor === undefined || v.entry.licensor !== entry.licensor) &&
        v.reaches.some((r) => r.role !== "intermediate"),
    );
    if (others.length === 0) continue;
    out.push({
      severity: "warning",
      code: "improve-other-models",
      message: `combines ${entry.id} weights (from ${reaches.map((r) => r.id).join(", ")}) with ${others.map((o) => o.entry.id).join(", ")} weights; the ${entry.name} forbids using them to improve other large language models`,
      license: entry.id,
      source: entry.source,
    });
  }
  return out;
}

/** The findings of the terms that apply across the chain, in a stable order. */
export function chainTermFindings(input: ChainTermsInput): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const { entry, reaches } of input.allEntries.values()) {
    const from = [...new Set(reaches.map((r) => r.id))].join(", ");
    out.push(...nameFindings(input, entry, from), ...noteFindings(input.subjectId, entry, reaches, from));
  }
  out.push(...combinationFindings(input.subjectId, input.modelEntries));
  return out;
}

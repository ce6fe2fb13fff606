/**
 * Family inference for models whose chain was not read: a community re-upload or fine-tune whose id embeds a
 * family (`unsloth/Qwen2.5-3B-Instruct-bnb-4bit`) gets that family, of that generation and size, as an inferred
 * upstream, reported as inferred.
 */
import type { Reach } from "./collect-ancestors.js";
import type { FamilyMatch } from "./knowledge.js";
import { knownEntries, resolveLicense } from "./resolve-license.js";

/**
 * Ancestors with a licence of their own whose ids embed a family (`org/llama-3-8b-support`, apache-2.0) but
 * whose own ancestors were not read: that family stands in for their base, so a relabelled licence upstream
 * is still caught.
 */
export function impliedUpstreams(reaches: readonly Reach[]): Reach[] {
  const out: Reach[] = [];
  for (const r of reaches) {
    const family = r.family;
    if (r.kind !== "model" || !family || family.entry.official || r.licenseFrom === "family-name") continue;
    if (!r.resolved || knownEntries(r.resolved).some((e) => e.id === family.license.id)) continue;
    if (reaches.some((o) => o !== r && o.path.some((hop) => hop.model === r.id))) continue;
    const resolved = resolveLicense(family.license.id);
    out.push({
      kind: "model",
      id: family.entry.family,
      role: "upstream",
      path: [{ model: r.id }, ...r.path],
      via: `${r.id} names no base, but its name embeds ${family.entry.family}: inferred from the family table`,
      license: family.license.id,
      ...(resolved ? { resolved } : {}),
      licenseFrom: "family-name",
      licenseSource: family.entry.source,
    });
  }
  return out;
}

/**
 * A community model (re-upload, quantisation) that names no model ancestor but whose id embeds a family
 * (`unsloth/Qwen2.5-3B-Instruct-bnb-4bit`): that family, of that generation and size, stands in for its base.
 */
export function impliedBase(
  subjectId: string,
  family: FamilyMatch | undefined,
  reaches: Reach[],
): Reach | undefined {
  if (!family || family.entry.official || reaches.some((r) => r.kind === "model")) return undefined;
  const resolved = resolveLicense(family.license.id);
  return {
    kind: "model",
    id: family.entry.family,
    role: "upstream",
    path: [{ model: subjectId }],
    via: `${subjectId} names no base, but its name embeds ${family.entry.family}: inferred from the family table`,
    license: family.license.id,
    ...(resolved ? { resolved } : {}),
    licenseFrom: "family-name",
    licenseSource: family.entry.source,
  };
}

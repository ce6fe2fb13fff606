/**
 * Family inference for models whose chain was not read: a community re-upload or fine-tune whose id embeds a
 * family (`unsloth/Qwen2.5-3B-Instruct-bnb-4bit`) gets that family, of that generation and size, as an inferred
 * upstream, reported as inferred.
 */

import type { ModelRef } from "../schema/lineage.js";
import type { Reach } from "./collect-ancestors.js";
import { type FamilyMatch, familyFor } from "./knowledge.js";
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
  subject: ModelRef,
  family: FamilyMatch | undefined,
  reaches: Reach[],
): Reach | undefined {
  const subjectId = subject.id;
  const fromName = family ? undefined : unnamedFamily(subject);
  const match = family ?? fromName;
  if (!match || match.entry.official || reaches.some((r) => r.kind === "model")) return undefined;
  return familyReach(subjectId, match, fromName ? `the card's name '${subject.name}'` : subjectId);
}

/**
 * An import that could not give the subject an id names it from the card's title or own Hub page
 * (`llama-2-Finetuning-Alteon`); a family that name embeds stands in for the base as it does for an id.
 */
function unnamedFamily(subject: ModelRef): FamilyMatch | undefined {
  const unnamed = subject.id === "unknown" || subject.provenance?.confidence === 0;
  return unnamed && subject.name ? familyFor(subject.name) : undefined;
}

function familyReach(subjectId: string, family: FamilyMatch, named: string): Reach {
  const resolved = resolveLicense(family.license.id);
  return {
    kind: "model",
    id: family.entry.family,
    role: "upstream",
    path: [{ model: subjectId }],
    via: `${named} names no base, but embeds ${family.entry.family}: inferred from the family table`,
    license: family.license.id,
    ...(resolved ? { resolved } : {}),
    licenseFrom: "family-name",
    licenseSource: family.entry.source,
  };
}

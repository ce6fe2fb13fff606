/** Look-ups in the knowledge base: licences by id, alias or SPDX id; model families by id; known datasets. */
import { DATASETS } from "./data/datasets.js";
import { FAMILIES } from "./data/families.js";
import { LICENSES } from "./data/licenses.js";
import type { DatasetEntry, FamilyEntry, LicenseEntry } from "./terms.js";

const byKey = new Map<string, LicenseEntry>();
for (const entry of LICENSES) {
  for (const key of [entry.id, entry.spdx, ...(entry.aliases ?? [])]) {
    if (key !== undefined && !byKey.has(key.toLowerCase())) byKey.set(key.toLowerCase(), entry);
  }
}

/** The reviewed entry for a licence id, alias or SPDX id (case-insensitive), if any. */
export function licenseEntry(key: string): LicenseEntry | undefined {
  return byKey.get(key.trim().toLowerCase());
}

/** Every reviewed licence. */
export function licenseEntries(): readonly LicenseEntry[] {
  return LICENSES;
}

const families = FAMILIES.map((entry) => ({
  entry,
  regex: new RegExp(entry.pattern, entry.caseSensitive ? "" : "i"),
}));

/** A model id matched to a well-known family. */
export interface FamilyMatch {
  entry: FamilyEntry;
  license: LicenseEntry;
}

/** The family a model id belongs to (official entries first), or undefined. */
export function familyFor(modelId: string): FamilyMatch | undefined {
  for (const { entry, regex } of families) {
    if (!regex.test(modelId)) continue;
    const license = licenseEntry(entry.license);
    if (license) return { entry, license };
  }
  return undefined;
}

const datasets = new Map(DATASETS.map((d) => [d.id.toLowerCase(), d]));

/** A bare name without case, spaces, hyphens or underscores: `code_alpaca_20k` and `CodeAlpaca-20k` meet. */
const bare = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, "");
/**
 * Bare dataset names (no `org/`, as trainer configs give them: `dataset: sciq`) by the repository name or a usual
 * name of exactly one table entry; a name two entries share names neither.
 */
const byBareName = new Map<string, DatasetEntry | null>();
for (const d of DATASETS)
  for (const name of new Set([d.id.split("/").pop() ?? d.id, ...(d.names ?? [])].map(bare))) {
    const had = byBareName.get(name);
    byBareName.set(name, had === undefined || had === d ? d : null);
  }

/** The table entry of a well-known dataset, if any: by its Hub id, or a bare name only one entry has. */
export function datasetEntry(id: string): DatasetEntry | undefined {
  const key = id.trim();
  const exact = datasets.get(key.toLowerCase());
  if (exact || key.includes("/")) return exact;
  return byBareName.get(bare(key)) ?? undefined;
}

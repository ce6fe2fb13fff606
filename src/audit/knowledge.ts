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

const families = FAMILIES.map((entry) => ({ entry, regex: new RegExp(entry.pattern, "i") }));

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

/** The table entry of a well-known dataset, if any. */
export function datasetEntry(id: string): DatasetEntry | undefined {
  return datasets.get(id.trim().toLowerCase());
}

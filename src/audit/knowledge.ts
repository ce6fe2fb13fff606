/** Look-ups in the knowledge base: licences by id, alias or SPDX id; model families by id; known datasets. */
import { namedModel } from "../model/refs.js";
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

function matchFamily(name: string): FamilyMatch | undefined {
  for (const { entry, regex } of families) {
    if (!regex.test(name)) continue;
    const license = licenseEntry(entry.license);
    if (license) return { entry, license };
  }
  return undefined;
}

/**
 * The names a local folder may spell a model id as: its last two folders as `org/name` (a ModelScope or Hub
 * download, `…/hub/qwen/Qwen2___5-0___5B-Instruct`; the Hub cache's `models--org--name/snapshots/<sha>`), then
 * its last folder alone; ModelScope's `___` for a dot, `_` for `-`, and `_` between digits for a dot
 * (`internlm2_5-20b`, `ChatGLM3_6B`).
 */
export function localNames(ref: string): string[] {
  const parts = ref
    .replace(/^local:/, "")
    .split(/[\\/]+/)
    .filter((p) => p !== "" && p !== "." && p !== "..");
  const cached = parts.findIndex((p) => /^models--[^-].*--./.test(p));
  const names =
    cached >= 0
      ? [(parts[cached] as string).slice("models--".length).replace("--", "/")]
      : [parts.slice(-2).join("/"), parts.at(-1) ?? ""];
  return [
    ...new Set(
      names.flatMap((n) => {
        const dotted = n.replace(/___/g, ".");
        return [dotted, dotted.replace(/_/g, "-"), dotted.replace(/(?<=\d)_(?=\d)/g, ".")];
      }),
    ),
  ].filter((n) => n !== "");
}

/**
 * The family a model id belongs to (official entries first), or undefined. A local path's folder names are tried
 * when the whole path matches none (`localNames`) and `folders` allows (not for a chain's own intermediate outputs,
 * whose folder names describe the run, `llama3_lora_sft`); such a match is inferred, never official. So is a match
 * of a model named without an id (`name:Qwen2.5 3B Instruct`, read as `Qwen2.5-3B-Instruct`).
 */
export function familyFor(modelId: string, folders = true): FamilyMatch | undefined {
  // A model the files name without an id (`name:Llama 2 7B Chat`): its name, spelled as ids spell it.
  const named = namedModel(modelId)?.trim();
  if (named !== undefined) return inferredFrom([named.replace(/\s+/g, "-"), named]);
  const direct = matchFamily(modelId);
  if (direct || !folders || !modelId.startsWith("local:")) return direct;
  return inferredFrom(localNames(modelId));
}

/** The first family one of `names` belongs to, as an inference (never official). */
function inferredFrom(names: readonly string[]): FamilyMatch | undefined {
  for (const name of names) {
    const found = matchFamily(name);
    if (found) return { ...found, entry: { ...found.entry, official: false } };
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

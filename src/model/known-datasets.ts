/**
 * Canonical Hub ids of widely used training datasets, so that a dataset named only in words ("the Databricks
 * Dolly 15k dataset", "UltraChat 200k", "OpenOrca") can be resolved. Each id's source is its own Hub page,
 * https://huggingface.co/datasets/<id>. A resolution is always recorded as `inferred`, with the confidence below;
 * a name that matches no entry stays unresolved, and no id outside this table is ever produced.
 *
 * Names are compared lower case with `-` and `_` read as spaces (`UltraChat-200k` → `ultrachat 200k`), against
 * the id's own name (unless it is a common word) and the aliases listed. The entries are in
 * `known-datasets-chat.ts` (instruction, chat, preference, reasoning, code) and `known-datasets-tasks.ts` (task
 * datasets and other languages' instruction sets).
 */
import { CHAT_DATASETS, type KnownDataset } from "./known-datasets-chat.js";
import { TASK_DATASETS } from "./known-datasets-tasks.js";

const KNOWN: readonly KnownDataset[] = [...CHAT_DATASETS, ...TASK_DATASETS];

/** The confidence of a resolution through this table. */
export const KNOWN_DATASET_CONFIDENCE = 0.7;

/** A written name as compared: lower case, `-` and `_` read as spaces, one character for one. */
export function datasetNameForm(text: string): string {
  return text.toLowerCase().replace(/[-_]/g, " ");
}

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const d of KNOWN) {
    const own = d.id.split("/")[1] ?? d.id;
    for (const name of [...(d.noOwn ? [] : [own]), ...(d.aliases ?? [])]) {
      const key = datasetNameForm(name);
      // Two entries claiming one spelling would make it ambiguous: the first, more specific, keeps it.
      if (!index.has(key)) index.set(key, d.id);
    }
  }
  return index;
}

const INDEX = buildIndex();

/** Every spelling the table knows, in the form `datasetNameForm` gives. */
export function knownDatasetNames(): string[] {
  return [...INDEX.keys()];
}

/** The canonical Hub id of a dataset written by name, when the table knows the name. */
export function resolveKnownDataset(name: string): string | undefined {
  return INDEX.get(datasetNameForm(name.trim()));
}

/** Is `name` the id's own name (`ultrachat_200k` for `HuggingFaceH4/ultrachat_200k`), not an alias? */
export function isOwnDatasetName(name: string, id: string): boolean {
  return datasetNameForm(name.trim()) === datasetNameForm(id.split("/")[1] ?? id);
}

/** How many datasets the table holds. */
export function knownDatasetCount(): number {
  return KNOWN.length;
}

/** The source to cite for a resolution. */
export function knownDatasetSource(id: string): string {
  return `https://huggingface.co/datasets/${id}`;
}

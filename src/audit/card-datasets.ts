/**
 * Training data a card names only in prose ("fine-tunes TinyLlama on a transformed version of the Databricks
 * Dolly 15K dataset"): well-known datasets of the dataset table, recognised by their usual names, are added to a
 * step that names no data, so their licences and terms are audited. Pure; never throws.
 */
import { DATASET_LINK_GUESS_NOTE } from "../model/provenance-notes.js";
import type { LineageDocument } from "../schema/lineage.js";
import { isDataLabelLine } from "./card-labels.js";
import { webTextInProse } from "./card-web-text.js";
import { DATASETS } from "./data/datasets.js";
import { datasetEntry } from "./knowledge.js";

/** A dataset the card names, with the sentence it was read from. */
export interface ProseDataset {
  id: string;
  where: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each alias as a whole-word pattern; spaces, hyphens and underscores inside a name are interchangeable. */
const PATTERNS = DATASETS.flatMap((d) =>
  (d.names ?? []).map((name) => ({
    id: d.id,
    pattern: new RegExp(
      `(?<![\\w/-])${name
        .split(/[\s_-]+/)
        .map(escapeRe)
        .join("[\\s_-]?")}(?![\\w-])`,
      "i",
    ),
  })),
);

/** Short names read only as what a model was trained on: "fine-tuning the mistral 7B base model on alpaca". */
const TRAINED_ON = DATASETS.flatMap((d) =>
  (d.trainedOnNames ?? []).map((name) => ({
    id: d.id,
    pattern: new RegExp(
      `\\b(?:trained|train(?:ing)?|fine[\\s-]?tun(?:ed|ing|e)|finetun(?:ed|ing|e))\\b[^.\\n]{0,60}?\\bon\\s+(?:the\\s+)?${escapeRe(name)}(?![\\w-])(?![\\s_-]*(?:format|style|prompt|template))`,
      "i",
    ),
  })),
);

/** Words that make a sentence about evaluation, not training ("evaluated on", "benchmarks"). */
const EVALUATION = /\b(?:evaluat|benchmark|accuracy|score|test set|leaderboard)/i;

const DATA_HEADING = /^#{1,6}\s.*\b(?:datasets?|(?:training|fine-?tuning) data)\b/i;
const NOT_TRAINING_HEADING =
  /\b(?:evaluat|bench|test|generation|prep|format|process|ownership|citation|documentation|card|overview)/i;
const HUB_DATASET_LINK = /https?:\/\/huggingface\.co\/datasets\/([\w.-]+\/[\w.-]+)/g;

/**
 * Hub datasets linked in a card's own `## Dataset` / `## Training data` section (not one about evaluation,
 * generation or formats), or on a "Dataset:" field line in any of the languages `card-labels.ts` knows
 * (`* データセット： [...](https://huggingface.co/datasets/...)`): the data the card says the model was trained
 * on, whatever their licence.
 */
function linkedInDataSection(body: string, found: Map<string, ProseDataset>): void {
  let inData = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^#{1,6}\s/.test(line)) inData = DATA_HEADING.test(line) && !NOT_TRAINING_HEADING.test(line);
    if (inData || isDataLabelLine(line))
      for (const m of line.matchAll(HUB_DATASET_LINK)) {
        const id = m[1] ?? "";
        if (!found.has(id)) found.set(id, { id, where: line.trim().slice(0, 200) });
      }
  }
}

/** A verb that says a model was trained ("finetuning BLOOM models … on the OpenAssistant dataset (link)"). */
const TRAIN_VERB = /\b(?:trained|training|train|fine[\s-]?tun(?:ed|ing|e)|finetun(?:ed|ing|e))\b/i;

/**
 * Hub datasets linked after "on" in a sentence that says what a model was trained on ("code for finetuning BLOOM
 * models (…) for question answering on the OpenAssistant dataset (https://huggingface.co/datasets/OpenAssistant/oasst1)").
 */
function linkedAsTrainedOn(sentence: string, found: Map<string, ProseDataset>): void {
  const verb = TRAIN_VERB.exec(sentence);
  if (!verb) return;
  const after = sentence.slice(verb.index);
  const on = /\bon\b/i.exec(after);
  if (!on) return;
  for (const m of after.slice(on.index).matchAll(HUB_DATASET_LINK)) {
    const id = m[1] ?? "";
    if (!found.has(id)) found.set(id, { id, where: sentence.trim().slice(0, 200) });
  }
}

/**
 * Datasets a card names as its training data: well-known ones by name, others by a link in its data section or
 * in a sentence saying the model was trained on them.
 */
export function datasetsInProse(body: string): ProseDataset[] {
  const found = new Map<string, ProseDataset>();
  linkedInDataSection(body, found);
  for (const sentence of body.split(/(?<=[.!?])\s+|\n+/)) {
    if (EVALUATION.test(sentence)) continue;
    linkedAsTrainedOn(sentence, found);
    for (const p of [...PATTERNS, ...TRAINED_ON])
      if (!found.has(p.id) && p.pattern.test(sentence))
        found.set(p.id, { id: p.id, where: sentence.trim().slice(0, 200) });
  }
  for (const web of webTextInProse(body)) if (!found.has(web.id)) found.set(web.id, web);
  return [...found.values()];
}

/**
 * Does the step name no data the import read as its training data? A dataset only the card's one Hub dataset
 * link suggested (the import's last resort, `dataset-link-fallback.ts`) is a guess: the step still counts as
 * naming none, so the data the card's prose names reach it beside the guess.
 */
function namesNoData(step: LineageDocument["steps"][number]): boolean {
  const datasets = step.inputs?.datasets ?? [];
  return datasets.every((_, i) => step.sources?.[`inputs.datasets[${i}]`]?.note === DATASET_LINK_GUESS_NOTE);
}

/** Does every dataset the step names lack a known licence (a local `train.txt`, a Hub set the table lacks)? */
function namesOnlyUnknownData(step: LineageDocument["steps"][number]): boolean {
  const datasets = step.inputs?.datasets ?? [];
  return datasets.every((d) => d.license === undefined && datasetEntry(d.id ?? "") === undefined);
}

/** A dataset the card names, as a step's input marked inferred with the sentence it was read from. */
const inferredRef = (d: ProseDataset) => ({
  id: d.id,
  provenance: { source: "inferred" as const, note: `named by the card: '${d.where}'` },
});

/** The document with `added` appended to the datasets of step `at`, each marked inferred with its sentence. */
function addTo(
  doc: LineageDocument,
  at: number,
  added: ProseDataset[],
): { doc: LineageDocument; added: ProseDataset[] } {
  if (added.length === 0) return { doc, added };
  const steps = doc.steps.map((s, i) =>
    i === at
      ? {
          ...s,
          inputs: {
            ...s.inputs,
            datasets: [...(s.inputs?.datasets ?? []), ...added.map(inferredRef)],
          },
        }
      : s,
  );
  return { doc: { ...doc, steps }, added };
}

/**
 * The document with the datasets its card names in prose added to its first step that names no data (only
 * datasets the document does not already name). When every step names some, the website text the card names
 * as training data ("fine-tune GPT-2 on Wikipedia articles") goes to the first step whose data have no known
 * licence (a local `train.txt`): the card says where that data came from.
 */
export function withProseDatasets(
  doc: LineageDocument,
  body: string,
): { doc: LineageDocument; added: ProseDataset[] } {
  if (doc.steps.length === 0 && doc.bases.length > 0 && body !== "") return viaCardStep(doc, body);
  if (body === "") return { doc, added: [] };
  const named = new Set(
    doc.steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => (d.id ?? "").toLowerCase())),
  );
  const fresh = (list: ProseDataset[]): ProseDataset[] => list.filter((d) => !named.has(d.id.toLowerCase()));
  const at = doc.steps.findIndex(namesNoData);
  if (at >= 0) return addTo(doc, at, fresh(datasetsInProse(body)));
  const unknown = doc.steps.findIndex(namesOnlyUnknownData);
  return unknown >= 0 ? addTo(doc, unknown, fresh(webTextInProse(body))) : { doc, added: [] };
}

/**
 * A document with bases but no step (a card the import read no training from): when the card names well-known
 * training data, one fine-tune step from its bases to the subject carries them, so their licences reach it.
 */
function viaCardStep(doc: LineageDocument, body: string): { doc: LineageDocument; added: ProseDataset[] } {
  const added = datasetsInProse(body);
  if (added.length === 0) return { doc, added };
  const step = {
    kind: "fine-tune" as const,
    id: "card-data",
    inputs: {
      models: doc.bases.map((b) => ({ id: b.id })),
      datasets: added.map(inferredRef),
    },
    output: { id: doc.subject.id },
    provenance: { source: "inferred" as const, note: "the card names training data but no training step" },
  };
  return { doc: { ...doc, steps: [step] }, added };
}

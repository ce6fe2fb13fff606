/**
 * What each re-importable format carries, as code: `carriedBy(format, doc)` is the document a round trip
 * (export, then `readStandardExport`) restores. The property tests hold every reader to it, and the README's
 * table is written from the same lists.
 */

import type { DatasetRef, Hyperparameters, LineageDocument, ModelInput, Step } from "../schema/lineage.js";
import { flattenLines } from "./card-markup.js";

/** Formats that `readStandardExport` reads back. */
export const REIMPORTABLE_FORMATS = ["cyclonedx", "spdx3", "prov-jsonld", "hf-card"] as const;
export type ReimportableFormat = (typeof REIMPORTABLE_FORMATS)[number];

const KEY_HYPERPARAMETERS = [
  "learningRate",
  "epochs",
  "maxSteps",
  "globalBatchSize",
  "perDeviceBatchSize",
  "beta",
  "maxSequenceLength",
] as const satisfies readonly (keyof Hyperparameters)[];

function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}

function cardDataset(d: DatasetRef): DatasetRef {
  const out = pick(d, ["id", "subset", "split", "size"]);
  return (
    d.id === undefined && d.description !== undefined ? { ...out, description: d.description } : out
  ) as DatasetRef;
}

function cardInput(doc: LineageDocument, input: ModelInput, withWeight: boolean): ModelInput {
  const weight = withWeight && input.weight !== undefined ? { weight: input.weight } : {};
  if (input.step !== undefined) {
    const output = doc.steps.find((s) => s.id === input.step)?.output?.id;
    return output !== undefined ? { id: output, ...weight } : { step: input.step, ...weight };
  }
  return { id: input.id as string, ...weight };
}

function cardStep(doc: LineageDocument, step: Step): Step {
  const out: Record<string, unknown> = { id: step.id, kind: step.kind };
  if (step.kind === "fine-tune") {
    Object.assign(out, pick(step, ["objective", "parameterization"]));
    const adapter = step.adapter ? pick(step.adapter, ["rank", "quantizationBits"]) : {};
    if (Object.keys(adapter).length > 0) out.adapter = adapter;
  }
  if (step.kind === "merge") Object.assign(out, pick(step, ["method"]));
  if (step.kind === "quantization") Object.assign(out, pick(step, ["method", "format", "bits"]));
  if (step.kind === "other" && step.description !== undefined)
    out.description = flattenLines(step.description);
  if (step.kind === "merge" && step.baseModel) out.baseModel = cardInput(doc, step.baseModel, false);
  const models = (step.inputs?.models ?? []).map((m) => cardInput(doc, m, true));
  const datasets = (step.inputs?.datasets ?? []).map(cardDataset);
  if (models.length > 0 || datasets.length > 0)
    out.inputs = { ...(models.length > 0 ? { models } : {}), ...(datasets.length > 0 ? { datasets } : {}) };
  const hp = step.hyperparameters ? pick(step.hyperparameters, KEY_HYPERPARAMETERS) : {};
  if (Object.keys(hp).length > 0) out.hyperparameters = hp;
  if (step.output) out.output = { id: step.output.id };
  return out as unknown as Step;
}

/**
 * The part of a document that survives a round trip through `format`.
 *
 * @example
 * expect(readStandardExport(exportHfCard(doc), "README.md")?.document).toEqual(carriedBy("hf-card", doc));
 */
export function carriedBy(format: ReimportableFormat, doc: LineageDocument): LineageDocument {
  if (format !== "hf-card") return withoutEmptyMaps(doc);
  const subject = pick(doc.subject, ["id", "license", "licenseName", "licenseLink"]);
  const bases = doc.bases.map((b) => ({ id: b.id }));
  return { format: doc.format, subject, bases, steps: doc.steps.map((s) => cardStep(doc, s)) };
}

/**
 * Empty lists and maps (`inputs: {}`, `hyperparameters: {}`, `other: {}`) are not kept by any format; the
 * readers return documents without them.
 */
export function withoutEmptyMaps(doc: LineageDocument): LineageDocument {
  return { ...doc, steps: doc.steps.map(withoutEmpty) };
}

function withoutEmpty(step: Step): Step {
  const out: Record<string, unknown> = { ...step };
  const models = step.inputs?.models ?? [];
  const datasets = step.inputs?.datasets ?? [];
  if (step.inputs !== undefined) {
    if (models.length === 0 && datasets.length === 0) delete out.inputs;
    else
      out.inputs = { ...(models.length > 0 ? { models } : {}), ...(datasets.length > 0 ? { datasets } : {}) };
  }
  if (step.hyperparameters !== undefined) {
    const hp: Record<string, unknown> = { ...step.hyperparameters };
    if (hp.other !== undefined && Object.keys(hp.other as object).length === 0) delete hp.other;
    if (Object.keys(hp).length === 0) delete out.hyperparameters;
    else out.hyperparameters = hp;
  }
  return out as Step;
}

/**
 * A lineage document as rows: its content hash, the models and datasets it names, its steps as typed edges,
 * and its licence claims. Pure; both stores write exactly these rows, so they agree on what a document means.
 */
import { hash as oneShotHash } from "node:crypto";
import { indexReferences, resolveInput, stepModelInputs } from "../model/graph.js";
import type { LineageDocument, ModelRef, Step } from "../schema/lineage.js";
import { digestRows } from "./digest-rows.js";
import type { DocumentPlan, LicenseRow, PlannedStep } from "./plan-types.js";
import type { Relation } from "./store.js";

export type { DocumentPlan, LicenseRow, PlannedInput, PlannedStep } from "./plan-types.js";

/** Parameterisations whose result is an adapter (the Hub's `adapter` relation). */
const ADAPTER_LIKE = new Set(["lora", "qlora", "dora", "ia3", "prefix-tuning", "prompt-tuning"]);

/** Relation codes as stored (small integers; lower wins when a model has several incoming relations). */
export const RELATION_CODES = { merge: 0, quantized: 1, adapter: 2, finetune: 3 } as const satisfies Record<
  Relation,
  number
>;
export const RELATION_BY_CODE: readonly Relation[] = ["merge", "quantized", "adapter", "finetune"];

/** How the output of a step relates to its inputs. */
export function relationOf(step: Step): Relation {
  if (step.kind === "merge") return "merge";
  if (step.kind === "quantization") return "quantized";
  if (
    step.kind === "fine-tune" &&
    step.parameterization !== undefined &&
    ADAPTER_LIKE.has(step.parameterization)
  )
    return "adapter";
  return "finetune";
}

const quotedKeys = new Map<string, string>();

/** A key as JSON; keys repeat across documents, so their quoted forms are kept (up to 10,000). */
function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** JSON with object keys sorted at every level: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return canonicalText(value, false);
}

/**
 * {@link canonicalJson} of a value whose strings (keys and values) need no escaping: parsed from plain text
 * (scanJsonText: printable ASCII, no backslash), where JSON.stringify of a string is the string in quotes.
 * The same text, without a JSON.stringify call per leaf.
 */
export function canonicalPlainJson(value: unknown): string {
  return canonicalText(value, true);
}

/** The canonical text of both: `plain` writes strings and numbers without JSON.stringify. */
function canonicalText(value: unknown, plain: boolean): string {
  if (plain && typeof value === "string") return `"${value}"`;
  if (plain && typeof value === "number") return Number.isFinite(value) ? `${value}` : "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ",";
      out += item === undefined || typeof item === "function" ? "null" : canonicalText(item, plain);
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  // Documents often list their keys in order already: sorted only when they are not.
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  let out = "{";
  for (const key of keys) {
    const item = object[key];
    if (item === undefined || typeof item === "function") continue;
    if (out.length > 1) out += ",";
    out += plain ? `"${key}"` : quoteKey(key);
    out += ":";
    out += canonicalText(item, plain);
  }
  return `${out}}`;
}

/** The `step` columns every writer fills, in the order of {@link stepRowValues} (each writer puts id and document first). */
export const STEP_COLUMNS =
  "step_id, kind, name, objective, parameterization, method, hyperparameters, output, doc_hash, doc_source, dataset_names";

/**
 * A planned step's row values in the order of {@link STEP_COLUMNS}: its own values, its output model's id, and the
 * copy of what the ancestors answer shows (schema 8, migration-8.ts): the document's hash and source and the step's
 * dataset names as a sorted JSON array (null for none).
 */
export function stepRowValues(
  step: PlannedStep,
  output: number,
  document: { hash: string; source: string },
): (string | number | null)[] {
  const names = step.datasets.length === 0 ? null : JSON.stringify([...new Set(step.datasets)].sort());
  return [
    step.stepId,
    step.kind,
    step.name ?? null,
    step.objective ?? null,
    step.parameterization ?? null,
    step.method ?? null,
    step.hyperparameters ?? null,
    output,
    document.hash,
    document.source,
    names,
  ];
}

/**
 * The document's licence claims as `license_claim` rows (kind: 0 a model, 1 a dataset; entity; document;
 * license; license_name; license_link), models first; `model` and `dataset` are called in row order, so ids
 * assigned on first use come out in the same order in every writer.
 */
export function claimRows(
  plan: DocumentPlan,
  documentId: number,
  model: (name: string) => number,
  dataset: (name: string) => number,
): (string | number | null)[][] {
  const row = (kind: 0 | 1, entity: number, c: LicenseRow) => [
    kind,
    entity,
    documentId,
    c.license,
    c.licenseName ?? null,
    c.licenseLink ?? null,
  ];
  return [
    ...plan.modelLicenses.map((c) => row(0, model(c.entity), c)),
    ...plan.datasetLicenses.map((c) => row(1, dataset(c.entity), c)),
  ];
}

/** The first 52 bits of a hex content hash as a number: the registry's small index key for documents. */
export function hashKey(hash: string): number {
  return Number.parseInt(hash.slice(0, 13), 16);
}

/** The content hash the registry keys documents by: sha256 of the canonical JSON, hex. */
export function documentHash(document: LineageDocument): string {
  return oneShotHash("sha256", canonicalJson(document), "hex");
}

function methodOf(step: Step): string | undefined {
  return step.kind === "merge" || step.kind === "quantization" ? step.method : undefined;
}

/**
 * Breaks a document into rows. A step without an output id produces the subject when it is the last step,
 * and otherwise an anonymous checkpoint `SUBJECT#STEP`. Inputs that resolve nowhere are taken as model ids;
 * self-loops are dropped (they would be cycles). `plain`: every string of the document needs no escaping
 * in JSON (see {@link canonicalPlainJson}).
 */
export function planDocument(document: LineageDocument, plain = false): DocumentPlan {
  const body = plain ? canonicalPlainJson(document) : canonicalJson(document);
  const hash = oneShotHash("sha256", body, "hex");
  const subject = document.subject.id;
  const models = new Map<string, boolean>([[subject, false]]);
  const datasets = new Set<string>();
  const modelLicenses: LicenseRow[] = [];
  const datasetLicenses: LicenseRow[] = [];
  const seenLicense = new Set<string>();
  const claimModel = (ref: ModelRef | undefined, name: string): void => {
    if (ref?.license === undefined) return;
    const key = `m\u0000${name}\u0000${ref.license}`;
    if (seenLicense.has(key)) return;
    seenLicense.add(key);
    modelLicenses.push({
      entity: name,
      license: ref.license,
      ...(ref.licenseName !== undefined ? { licenseName: ref.licenseName } : {}),
      ...(ref.licenseLink !== undefined ? { licenseLink: ref.licenseLink } : {}),
    });
  };
  claimModel(document.subject, subject);
  for (const base of document.bases) {
    if (!models.has(base.id)) models.set(base.id, false);
    claimModel(base, base.id);
  }
  const last = document.steps.length - 1;
  const outputs = document.steps.map((step, i) => {
    if (step.output?.id !== undefined) return { name: step.output.id, anonymous: false };
    if (i === last) return { name: subject, anonymous: false };
    return { name: `${subject}#${step.id}`, anonymous: true };
  });
  const index = indexReferences(document);
  const steps: PlannedStep[] = document.steps.map((step, i) => {
    const output = outputs[i] ?? { name: subject, anonymous: false };
    if (!models.has(output.name)) models.set(output.name, output.anonymous);
    claimModel(step.output, output.name);
    const inputs: string[] = [];
    for (const input of stepModelInputs(step)) {
      const resolved = resolveInput(input, index, document);
      let name: string | undefined;
      if (resolved.kind === "base") name = resolved.id;
      else if (resolved.kind === "step") name = outputs[resolved.stepIndex]?.name;
      else if (resolved.reason === "unknown-model") name = resolved.reference;
      if (name === undefined || name === output.name || inputs.includes(name)) continue;
      if (!models.has(name)) models.set(name, false);
      inputs.push(name);
    }
    const stepDatasets: string[] = [];
    for (const dataset of step.inputs?.datasets ?? []) {
      if (dataset.id === undefined) continue;
      datasets.add(dataset.id);
      if (!stepDatasets.includes(dataset.id)) stepDatasets.push(dataset.id);
      if (dataset.license !== undefined) {
        const key = `d\u0000${dataset.id}\u0000${dataset.license}`;
        if (!seenLicense.has(key)) {
          seenLicense.add(key);
          datasetLicenses.push({ entity: dataset.id, license: dataset.license });
        }
      }
    }
    const planned: PlannedStep = {
      stepId: step.id,
      kind: step.kind,
      relation: relationOf(step),
      output: output.name,
      inputs,
      datasets: stepDatasets,
    };
    if (step.name !== undefined) planned.name = step.name;
    if (step.kind === "fine-tune") {
      if (step.objective !== undefined) planned.objective = step.objective;
      if (step.parameterization !== undefined) planned.parameterization = step.parameterization;
    }
    const method = methodOf(step);
    if (method !== undefined) planned.method = method;
    if (step.hyperparameters !== undefined) planned.hyperparameters = JSON.stringify(step.hyperparameters);
    return planned;
  });
  const parents = [...new Set(steps.filter((s) => s.output === subject).flatMap((s) => s.inputs))].sort();
  const digests = body.includes('"digest"')
    ? digestRows(document).filter((r) => (r.kind === 0 ? models.has(r.entity) : datasets.has(r.entity)))
    : [];
  return { hash, body, subject, models, datasets, steps, parents, modelLicenses, datasetLicenses, digests };
}

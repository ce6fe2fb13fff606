/**
 * schema.org JSON-LD for catalogues and search engines: the subject as a `SoftwareApplication` whose
 * `isBasedOn` chain names the models it was derived from (each with its own `isBasedOn`) and the datasets it
 * was trained on (`Dataset`), tagged with the defined term "Model fine-tune lineage".
 */
import { describeStep } from "../render/describe.js";
import type { DatasetRef, LineageDocument, ModelRef } from "../schema/lineage.js";
import type { ExportOptions, Json } from "./_shared.js";
import { buildExportModel, type CheckpointNode, type ExportModel, parentsOf } from "./model.js";

/** The CASRAI dictionary term this export is an instance of. */
export const LINEAGE_TERM = {
  "@type": "DefinedTerm",
  "@id": "https://casrai.org/dictionary/term/model-fine-tune-lineage",
  name: "Model fine-tune lineage",
  url: "https://casrai.org/dictionary/term/model-fine-tune-lineage",
  inDefinedTermSet: "https://casrai.org/dictionary/",
} as const;

function hubUrl(id: string, kind: "model" | "dataset"): string | undefined {
  if (!/^[\w.-]+\/[\w.-]+$/.test(id)) return undefined;
  return kind === "model" ? `https://huggingface.co/${id}` : `https://huggingface.co/datasets/${id}`;
}

function licence(license: string | undefined): Json {
  return license !== undefined ? { license } : {};
}

function datasetNode(dataset: DatasetRef): Json {
  const out: Json = { "@type": "Dataset", name: dataset.id ?? dataset.description };
  const url = dataset.url ?? (dataset.id ? hubUrl(dataset.id, "dataset") : undefined);
  if (url) out.url = url;
  if (dataset.id) out.identifier = dataset.id;
  if (dataset.description) out.description = dataset.description;
  if (dataset.revision) out.version = dataset.revision;
  return { ...out, ...licence(dataset.license) };
}

function modelNode(model: ExportModel, node: CheckpointNode, seen: Set<string>): Json {
  const ref: ModelRef | undefined = node.isSubject ? model.doc.subject : node.ref;
  const out: Json = { "@type": "SoftwareApplication", name: node.label };
  if (ref) {
    out.identifier = ref.id;
    const url = ref.url ?? hubUrl(ref.id, "model");
    if (url) out.url = url;
    if (ref.revision) out.softwareVersion = ref.revision;
    Object.assign(out, licence(ref.license));
  }
  out.applicationCategory = "Machine learning model";
  if (seen.has(node.key)) return out;
  seen.add(node.key);
  const step = node.stepIndex !== undefined ? model.steps[node.stepIndex] : undefined;
  if (step) {
    out.description = describeStep(step.step);
    const basedOn = [
      ...parentsOf(model, node).map((p) => modelNode(model, p, seen)),
      ...step.datasets.map((d) => datasetNode(d.dataset)),
    ];
    if (basedOn.length > 0) out.isBasedOn = basedOn;
  }
  return out;
}

/**
 * The schema.org JSON-LD object of a document.
 *
 * @example
 * toSchemaOrg(doc).isBasedOn; // the parents of the subject, each with its own isBasedOn
 */
export function toSchemaOrg(doc: LineageDocument, options: ExportOptions = {}): Json {
  const model = buildExportModel(doc);
  const root = modelNode(model, model.subject, new Set());
  if (doc.description !== undefined) root.abstract = doc.description;
  if (model.steps.length === 0 && model.bases.length > 0 && !model.bases.includes(model.subject))
    root.isBasedOn = model.bases.map((b) => modelNode(model, b, new Set()));
  const out: Json = { "@context": "https://schema.org/", ...root, keywords: [LINEAGE_TERM] };
  if (options.timestamp !== undefined) out.dateModified = options.timestamp;
  return out;
}

export function exportSchemaOrg(doc: LineageDocument, options: ExportOptions = {}): string {
  return `${JSON.stringify(toSchemaOrg(doc, options), null, 2)}\n`;
}

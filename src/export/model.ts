/**
 * The neutral shape every exporter serialises: checkpoints (bases, step outputs, the subject), steps with their
 * resolved model inputs and datasets. Built once per document, in document order, so that every format
 * names the same things the same way and output is reproducible.
 */
import { indexReferences, resolveInput } from "../model/graph.js";
import type { DatasetRef, LineageDocument, ModelInput, ModelRef, Step } from "../schema/lineage.js";

/** A model or checkpoint of the chain. */
export interface CheckpointNode {
  /** Stable key inside the export (`model:<id>` or `step:<id>:output`). */
  key: string;
  /** The model's id, or a label for a step output that has no id. */
  label: string;
  /** The model reference this node is exported from (absent for an unidentified step output). */
  ref?: ModelRef;
  role: "base" | "output" | "subject";
  /** The step producing it, for outputs: its position and id. */
  stepIndex?: number;
  stepId?: string;
  /** True when the subject is (also) this node. */
  isSubject: boolean;
}

export interface ModelUse {
  input: ModelInput;
  /** `model` for `inputs.models`, `baseModel` for a merge's reference model. */
  role: "model" | "baseModel";
  node: CheckpointNode;
}

export interface DatasetUse {
  dataset: DatasetRef;
  /** Position in `inputs.datasets`. */
  index: number;
  /** Stable key inside the export (`dataset:<step>:<index>`). */
  key: string;
  label: string;
}

export interface StepNode {
  step: Step;
  index: number;
  key: string;
  models: ModelUse[];
  datasets: DatasetUse[];
  output: CheckpointNode;
}

export interface ExportModel {
  doc: LineageDocument;
  /** Every checkpoint once: bases in order, then step outputs in step order, then the subject if new. */
  checkpoints: CheckpointNode[];
  steps: StepNode[];
  subject: CheckpointNode;
  /** Roots: the bases actually listed in the document. */
  bases: CheckpointNode[];
}

export const modelKey = (id: string): string => `model:${id}`;
export const stepKey = (id: string): string => `step:${id}`;
export const unidentifiedOutputKey = (stepId: string): string => `step:${stepId}:output`;
export const datasetKey = (stepId: string, index: number): string => `dataset:${stepId}:${index}`;

/** `HuggingFaceH4/ultrachat_200k` or the dataset's description. */
export function datasetLabel(dataset: DatasetRef): string {
  return dataset.id ?? dataset.description ?? "dataset";
}

/**
 * Builds the export model of a valid document. Inputs that do not resolve (only possible in invalid
 * documents) become checkpoints of their own, so that exporting never throws.
 *
 * @example
 * const model = buildExportModel(doc);
 * model.steps.map((s) => `${s.models.map((m) => m.node.label)} → ${s.output.label}`);
 */
export function buildExportModel(doc: LineageDocument): ExportModel {
  const byKey = new Map<string, CheckpointNode>();
  const checkpoints: CheckpointNode[] = [];
  const add = (node: CheckpointNode): CheckpointNode => {
    const existing = byKey.get(node.key);
    if (existing) return existing;
    byKey.set(node.key, node);
    checkpoints.push(node);
    return node;
  };
  const bases = doc.bases.map((ref) =>
    add({ key: modelKey(ref.id), label: ref.id, ref, role: "base", isSubject: false }),
  );
  const outputs = doc.steps.map((step, index) =>
    step.output
      ? add({
          key: modelKey(step.output.id),
          label: step.output.id,
          ref: step.output,
          role: "output",
          stepIndex: index,
          stepId: step.id,
          isSubject: false,
        })
      : add({
          key: unidentifiedOutputKey(step.id),
          label: `output of step ${step.id}`,
          role: "output",
          stepIndex: index,
          stepId: step.id,
          isSubject: false,
        }),
  );
  const subject = add({
    key: modelKey(doc.subject.id),
    label: doc.subject.id,
    ref: doc.subject,
    role: "subject",
    isSubject: true,
  });
  subject.isSubject = true;

  const index = indexReferences(doc);
  const nodeFor = (input: ModelInput): CheckpointNode => {
    const resolved = resolveInput(input, index, doc);
    if (resolved.kind === "base") return bases[resolved.baseIndex] ?? subject;
    if (resolved.kind === "step") return outputs[resolved.stepIndex] ?? subject;
    return add({
      key: modelKey(resolved.reference),
      label: resolved.reference,
      ref: { id: resolved.reference },
      role: "base",
      isSubject: false,
    });
  };

  const steps = doc.steps.map((step, i): StepNode => {
    const models: ModelUse[] = (step.inputs?.models ?? []).map((input) => ({
      input,
      role: "model",
      node: nodeFor(input),
    }));
    if (step.kind === "merge" && step.baseModel)
      models.push({ input: step.baseModel, role: "baseModel", node: nodeFor(step.baseModel) });
    const datasets = (step.inputs?.datasets ?? []).map((dataset, k) => ({
      dataset,
      index: k,
      key: datasetKey(step.id, k),
      label: datasetLabel(dataset),
    }));
    return { step, index: i, key: stepKey(step.id), models, datasets, output: outputs[i] ?? subject };
  });
  return { doc, checkpoints, steps, subject, bases };
}

/** Checkpoints a node was directly derived from (the model inputs of the step producing it). */
export function parentsOf(model: ExportModel, node: CheckpointNode): CheckpointNode[] {
  const step = node.stepIndex !== undefined ? model.steps[node.stepIndex] : undefined;
  if (!step) return [];
  const seen = new Set<string>();
  return step.models
    .map((m) => m.node)
    .filter((n) => {
      if (seen.has(n.key)) return false;
      seen.add(n.key);
      return true;
    });
}

/** Every dataset id used anywhere in the chain, once, in order of first use. */
export function datasetIds(model: ExportModel): string[] {
  const ids = new Set<string>();
  for (const step of model.steps) for (const d of step.datasets) if (d.dataset.id) ids.add(d.dataset.id);
  return [...ids];
}

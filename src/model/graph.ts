/**
 * Resolution of a document's model references: which base or step each input names. Shared by validation,
 * rendering and every exporter, so that all of them agree on what the chain is.
 */
import type { LineageDocument, ModelInput, Step } from "../schema/lineage.js";

/** What a model input resolves to. */
export type ResolvedInput =
  | { kind: "base"; baseIndex: number; id: string }
  | { kind: "step"; stepIndex: number; id: string | undefined }
  | { kind: "unresolved"; reference: string; reason: "unknown-model" | "unknown-step" };

/** The model inputs of a step: `inputs.models`, and a merge's `baseModel` if it has one. */
export function stepModelInputs(step: Step): ModelInput[] {
  const inputs = [...(step.inputs?.models ?? [])];
  if (step.kind === "merge" && step.baseModel !== undefined) inputs.push(step.baseModel);
  return inputs;
}

export interface ReferenceIndex {
  bases: Map<string, number>;
  stepIds: Map<string, number>;
  outputs: Map<string, number>;
}

/** Indexes base ids, step ids and step output ids (first occurrence wins; duplicates are a graph error). */
export function indexReferences(doc: LineageDocument): ReferenceIndex {
  const bases = new Map<string, number>();
  doc.bases.forEach((base, i) => {
    if (!bases.has(base.id)) bases.set(base.id, i);
  });
  const stepIds = new Map<string, number>();
  const outputs = new Map<string, number>();
  doc.steps.forEach((step, i) => {
    if (!stepIds.has(step.id)) stepIds.set(step.id, i);
    const out = step.output?.id;
    if (out !== undefined && !outputs.has(out)) outputs.set(out, i);
  });
  return { bases, stepIds, outputs };
}

/** Resolves one input against the index. Step outputs win over bases of the same id only when listed so. */
export function resolveInput(input: ModelInput, index: ReferenceIndex, doc: LineageDocument): ResolvedInput {
  if (input.step !== undefined) {
    const stepIndex = index.stepIds.get(input.step);
    if (stepIndex === undefined) return { kind: "unresolved", reference: input.step, reason: "unknown-step" };
    return { kind: "step", stepIndex, id: doc.steps[stepIndex]?.output?.id };
  }
  const id = input.id ?? "";
  const baseIndex = index.bases.get(id);
  if (baseIndex !== undefined) return { kind: "base", baseIndex, id };
  const stepIndex = index.outputs.get(id);
  if (stepIndex !== undefined) return { kind: "step", stepIndex, id };
  return { kind: "unresolved", reference: id, reason: "unknown-model" };
}

/** The label of a model input for people: its id, or `output of step X`. */
export function inputLabel(input: ModelInput, doc: LineageDocument): string {
  if (input.id !== undefined) return input.id;
  const step = doc.steps.find((s) => s.id === input.step);
  return step?.output?.id ?? `(output of step ${input.step})`;
}

/** Is this step a fine-tuning operation or a merge (the operations that make a lineage)? */
export function isTrainingOrMerge(step: Step): boolean {
  return step.kind === "fine-tune" || step.kind === "merge";
}

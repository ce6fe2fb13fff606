/**
 * Choosing the step to write and what it starts from: the step named by `--step` (the last step by default),
 * its input model — an earlier step's output or a base — and that model's revision, pinned when the lineage
 * records one (on the base, on the earlier step's output, or as `id@revision`).
 */
import type { LineageDocument, ModelInput, Step } from "../schema/lineage.js";
import { RecipeError } from "./model.js";

export interface ResolvedModel {
  id: string;
  revision?: string;
}

/** The step with `id`, or the last step; a `RecipeError` naming the step ids when there is none. */
export function chooseStep(doc: LineageDocument, id?: string): Step {
  const ids = doc.steps.map((s) => s.id);
  if (doc.steps.length === 0)
    throw new RecipeError("the document has no steps to write a recipe for", "no-steps");
  if (id === undefined) return doc.steps[doc.steps.length - 1] as Step;
  const step = doc.steps.find((s) => s.id === id);
  if (!step)
    throw new RecipeError(`no step '${id}' in the document (its steps: ${ids.join(", ")})`, "step-not-found");
  return step;
}

function splitRevision(id: string): ResolvedModel {
  const at = id.lastIndexOf("@");
  if (at > 0 && at < id.length - 1 && !id.slice(at + 1).includes("/"))
    return { id: id.slice(0, at), revision: id.slice(at + 1) };
  return { id };
}

function revisionOf(doc: LineageDocument, id: string): string | undefined {
  const base = doc.bases.find((b) => b.id === id && b.revision !== undefined);
  if (base) return base.revision;
  return doc.steps.find((s) => s.output?.id === id && s.output.revision !== undefined)?.output?.revision;
}

/** The model an input stands for, with its revision; undefined when an earlier step's output has no id. */
export function resolveInput(doc: LineageDocument, input: ModelInput): ResolvedModel | undefined {
  if (input.step !== undefined) {
    const output = doc.steps.find((s) => s.id === input.step)?.output;
    if (!output) return undefined;
    const named = splitRevision(output.id);
    const revision = output.revision ?? named.revision;
    return revision !== undefined ? { id: named.id, revision } : { id: named.id };
  }
  const named = splitRevision(input.id as string);
  const revision = named.revision ?? revisionOf(doc, named.id);
  return revision !== undefined && revision !== "main" ? { id: named.id, revision } : { id: named.id };
}

/** The step's input model: its first input, or the document's single base when the step names none. */
export function stepInput(doc: LineageDocument, step: Step): { model?: ResolvedModel; others: ModelInput[] } {
  const inputs = step.inputs?.models ?? [];
  const first = inputs[0];
  if (first) return { ...optional(resolveInput(doc, first)), others: inputs.slice(1) };
  const index = doc.steps.indexOf(step);
  const previous = index > 0 ? doc.steps[index - 1] : undefined;
  if (previous?.output) return { ...optional(resolveInput(doc, { step: previous.id })), others: [] };
  if (index === 0 && doc.bases.length === 1 && doc.bases[0])
    return { ...optional(resolveInput(doc, { id: doc.bases[0].id })), others: [] };
  return { others: [] };
}

function optional(model: ResolvedModel | undefined): { model?: ResolvedModel } {
  return model ? { model } : {};
}

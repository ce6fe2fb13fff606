/**
 * The steps a model's own files describe, reconciled with the Hub: cut where an input is another fetched model,
 * of the kind the Hub's relation requires, starting from the parents the Hub declares.
 */
import type { ExtractWarning } from "../extract/types.js";
import { indexReferences, resolveInput, stepModelInputs } from "../model/graph.js";
import type { ModelInput, Step } from "../schema/lineage.js";
import type { ChainNode } from "./chain-node.js";
import { readmeUrl } from "./hub-step.js";

/** The step kind the Hub's relation requires, when it requires one. */
const REQUIRED_KIND = { quantized: "quantization", merge: "merge" } as const;

export type Own = { steps: Step[]; producing: Step; notes: ExtractWarning[] };

/**
 * The steps of one model's own extracted document that lead to it, cut where an input is another fetched
 * model, reconciled with the Hub's metadata: the producing step must be of the kind the Hub's relation says
 * (a quantisation, a merge) and start from the parents the Hub declares. Returns undefined when the document
 * has no usable step, so a step is made from the Hub metadata instead.
 */
export function ownSteps(node: ChainNode, fetched: Set<string>, endpoint: string): Own | undefined {
  const doc = node.extract.document;
  const id = node.model.id;
  const { hub } = node;
  const notes: ExtractWarning[] = [];
  const file = readmeUrl(endpoint, node.model);
  let producing = doc.steps.filter((s) => s.output?.id === id).at(-1);
  if (!producing) {
    const last = doc.steps.at(-1);
    if (last && (last.output === undefined || last.output.id === doc.subject.id)) producing = last;
  }
  if (!producing) return undefined;
  const required =
    hub.relation === "quantized" || hub.relation === "merge" ? REQUIRED_KIND[hub.relation] : undefined;
  if (required && producing.kind !== required) {
    const other = doc.steps.filter((s) => s.kind === required).at(-1);
    notes.push({
      code: "hub.relation-conflict",
      message: `${id}: the Hub says ${hub.relation} (from ${hub.relationSource}) but the files describe a ${producing.kind} step; ${other ? `used the ${required} step` : "used the Hub's metadata"}`,
      file,
      field: "base_model_relation",
    });
    if (!other) return undefined;
    producing = other;
  }
  const index = indexReferences(doc);
  const closure = (start: Step) => {
    const keep = new Set<number>();
    const cut = new Map<string, string>(); // step id → the fetched model it produced
    const queue = [doc.steps.indexOf(start)];
    while (queue.length > 0) {
      const i = queue.pop() as number;
      if (keep.has(i)) continue;
      keep.add(i);
      for (const input of stepModelInputs(doc.steps[i] as Step)) {
        const resolved = resolveInput(input, index, doc);
        if (resolved.kind !== "step") continue;
        const producer = doc.steps[resolved.stepIndex];
        const out = producer?.output?.id;
        if (producer && out !== undefined && out !== id && fetched.has(out)) cut.set(producer.id, out);
        else queue.push(resolved.stepIndex);
      }
    }
    return { keep, cut };
  };
  const withoutStep = ({ step: _s, ...rest }: ModelInput): ModelInput => rest;
  let { keep, cut } = closure(producing);
  const referenced = new Set<string>();
  for (const i of keep)
    for (const input of stepModelInputs(doc.steps[i] as Step)) {
      if (input.id !== undefined) referenced.add(input.id);
      if (input.step !== undefined && cut.has(input.step)) referenced.add(cut.get(input.step) as string);
    }
  const missing = hub.parents.filter((p) => !referenced.has(p));
  let rewired: Step | undefined;
  if (missing.length > 0) {
    if (producing.kind === "merge") {
      rewired = {
        ...producing,
        inputs: {
          ...producing.inputs,
          models: [...(producing.inputs?.models ?? []), ...missing.map((p) => ({ id: p }))],
        },
      };
    } else if (hub.parents.length === 1) {
      rewired = {
        ...producing,
        inputs: { ...producing.inputs, models: hub.parents.map((p) => ({ id: p })) },
      };
    } else return undefined;
    notes.push({
      code: "hub.parent-rewired",
      message: `${id}: the Hub declares ${missing.join(", ")} as base model, which the extracted steps do not start from; used the Hub's declaration`,
      file,
      field: "base_model",
    });
    // Steps only reachable through the replaced inputs drop out.
    const start = doc.steps.indexOf(producing);
    const original = doc.steps[start] as Step;
    doc.steps[start] = rewired;
    ({ keep, cut } = closure(rewired));
    doc.steps[start] = original;
  }
  const rewrite = (input: ModelInput): ModelInput =>
    input.step !== undefined && cut.has(input.step)
      ? { ...withoutStep(input), id: cut.get(input.step) as string }
      : input;
  const producingIndex = doc.steps.indexOf(producing);
  const steps = doc.steps
    .map((step, i) => (i === producingIndex && rewired ? rewired : step))
    .filter((_, i) => keep.has(i))
    .map((step) => {
      const next = { ...step } as Step;
      if (step.inputs?.models) next.inputs = { ...step.inputs, models: step.inputs.models.map(rewrite) };
      if (next.kind === "merge" && next.baseModel) next.baseModel = rewrite(next.baseModel);
      return next;
    });
  const finalProducing = steps.find((s) => s.id === producing.id) as Step;
  return { steps, producing: finalProducing, notes };
}

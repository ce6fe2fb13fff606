/**
 * Test support: reading a written recipe back with ftl's own importer, and the parts of a step a round trip
 * must keep (objective, parameterisation, adapter, datasets, hyperparameters, input model; method, inputs and
 * parameters of a merge), with the fields the writer listed as not carried taken out first.
 */
import { extractFromFiles } from "../extract/index.js";
import { LOSS_VARIANTS } from "../extract/recipe-objective.js";
import type { LineageDocument, Step } from "../schema/lineage.js";
import type { NotCarried } from "./model.js";
import { resolveInput, stepInput } from "./resolve.js";
import { synonymFor } from "./training.js";

/** The document `ftl import` makes of a recipe's text (a neutral file name: nothing is read from the name). */
export function readBack(text: string): { document: LineageDocument; warnings: string[] } {
  const result = extractFromFiles([{ path: "recipe.yaml", text }]);
  return { document: result.document, warnings: result.warnings.map((w) => w.message) };
}

function removePath(target: Record<string, unknown>, path: string): void {
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return;
    node = (node as Record<string, unknown>)[part];
  }
  const last = parts[parts.length - 1] as string;
  if (Array.isArray(node)) node[Number(last)] = undefined;
  else if (typeof node === "object" && node !== null) delete (node as Record<string, unknown>)[last];
}

/** A copy of `step` without the fields the writer said it could not carry. */
export function withoutNotCarried(step: Step, notCarried: readonly NotCarried[]): Step {
  const copy = structuredClone(step) as unknown as Record<string, unknown>;
  for (const n of notCarried) removePath(copy, n.field);
  return copy as unknown as Step;
}

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : typeof v === "object" && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, sortKeys(x)]),
        )
      : v;

function modelKey(doc: LineageDocument, step: Step): string | undefined {
  const { model } = stepInput(doc, step);
  return model
    ? `${model.id}${model.revision && model.revision !== "main" ? `@${model.revision}` : ""}`
    : undefined;
}

function fineTuneParts(doc: LineageDocument, step: Step & { kind: "fine-tune" }) {
  const { other = {}, ...typed } = step.hyperparameters ?? {};
  const kept = Object.fromEntries(
    Object.entries(other)
      .map(([k, v]) => [synonymFor(k, "axolotl"), v] as const)
      .filter(([k, v]) => {
        // A key restating the objective (`rl: dpo`, `loss_type: ipo`) is the objective, compared as such.
        if (k === "rl" || k === "loss_type" || k === "pref_loss" || k === "stage")
          return !(typeof v === "string" && (LOSS_VARIANTS[v] === step.objective || v === step.objective));
        return true;
      }),
  );
  const adapter = { ...(step.adapter ?? {}) };
  if (step.parameterization === "qlora" && adapter.quantizationBits === undefined)
    adapter.quantizationBits = 4;
  if (Array.isArray(adapter.targetModules)) adapter.targetModules = [...adapter.targetModules].sort();
  return {
    objective: step.objective,
    parameterization: step.parameterization,
    adapter: step.parameterization === "full" ? {} : adapter,
    datasets: (step.inputs?.datasets ?? [])
      .filter(Boolean)
      .map((d) => ({ id: d.id, subset: d.subset, split: d.split, weight: d.weight, revision: d.revision })),
    hyperparameters: { ...typed, ...(Object.keys(kept).length > 0 ? { other: kept } : {}) },
    input: modelKey(doc, step),
  };
}

function mergeParts(doc: LineageDocument, step: Step & { kind: "merge" }) {
  const ref = (m: Parameters<typeof resolveInput>[1]) => {
    const r = resolveInput(doc, m);
    return r ? `${r.id}${r.revision ? `@${r.revision}` : ""}` : undefined;
  };
  return {
    method: step.method,
    base: step.baseModel ? ref(step.baseModel) : undefined,
    models: (step.inputs?.models ?? []).filter(Boolean).map((m) => ({
      model: ref(m),
      parameters: { ...(m.parameters ?? {}), ...(m.weight !== undefined ? { weight: m.weight } : {}) },
    })),
    parameters: step.parameters ?? {},
  };
}

/** The parts of a step a round trip must keep, in a plain sorted shape for `toEqual`. */
export function comparable(doc: LineageDocument, step: Step): unknown {
  if (step.kind === "fine-tune") return sortKeys(fineTuneParts(doc, step));
  if (step.kind === "merge") return sortKeys(mergeParts(doc, step));
  return sortKeys({ kind: step.kind });
}

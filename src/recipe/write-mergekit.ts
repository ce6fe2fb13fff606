/**
 * mergekit recipes (`mergekit-yaml FILE OUTPUT`): `merge_method`, `base_model`, `models[].model` with their
 * `parameters` (weight, density, t, …), the merge-wide `parameters` and `dtype`. A model reference is pinned
 * as mergekit writes it, `org/name@revision`.
 */
import { namedModel } from "../model/refs.js";
import type { MergeMethod } from "../model/vocabulary.js";
import type { LineageDocument, MergeStep, ModelInput } from "../schema/lineage.js";
import { localPath } from "./common.js";
import { Plan } from "./plan.js";
import { resolveInput } from "./resolve.js";

/** mergekit's name for each of ftl's merge methods (`other` has none). */
export const MERGEKIT_METHOD_NAMES: Partial<Record<MergeMethod, string>> = {
  linear: "linear",
  slerp: "slerp",
  ties: "ties",
  "dare-ties": "dare_ties",
  "dare-linear": "dare_linear",
  "task-arithmetic": "task_arithmetic",
  "model-stock": "model_stock",
  passthrough: "passthrough",
};

/** Methods that merge task vectors relative to a base model, which mergekit then requires. */
const NEEDS_BASE = new Set(["ties", "dare_ties", "dare_linear", "task_arithmetic", "model_stock", "slerp"]);

/** The path or Hub id mergekit loads for an input; undefined for an earlier output without an id or a mere name. */
function reference(doc: LineageDocument, input: ModelInput): string | undefined {
  const model = resolveInput(doc, input);
  if (!model || namedModel(model.id) !== undefined) return undefined;
  const id = localPath(model.id);
  return model.revision !== undefined ? `${id}@${model.revision}` : id;
}

function writeModels(plan: Plan, doc: LineageDocument, step: MergeStep): void {
  const models: Record<string, unknown>[] = [];
  (step.inputs?.models ?? []).forEach((input, i) => {
    const model = reference(doc, input);
    if (model === undefined) {
      const named = namedModel(input.id);
      const why = named
        ? `"${named}" is named without a Hub id or a path`
        : "an earlier step's output without an id cannot be named";
      plan.drop(`inputs.models[${i}]`, input, why);
      return;
    }
    const parameters = {
      ...(input.parameters ?? {}),
      ...(input.weight !== undefined ? { weight: input.weight } : {}),
    };
    models.push({ model, ...(Object.keys(parameters).length > 0 ? { parameters } : {}) });
  });
  if (models.length === 0)
    plan.placeholder("models", "models to merge", "the lineage names no input model with an id");
  else plan.put("models", models);
}

/** Writes a mergekit recipe for a merge step. */
export function writeMergekit(doc: LineageDocument, step: MergeStep) {
  const plan = new Plan();
  const method = step.method ? MERGEKIT_METHOD_NAMES[step.method] : undefined;
  if (method) plan.put("merge_method", method);
  else
    plan.placeholder(
      "merge_method",
      "merge method",
      step.method === "other"
        ? "the lineage records a method ftl has no mergekit name for"
        : "not recorded in the lineage",
    );
  const base = step.baseModel ? reference(doc, step.baseModel) : undefined;
  if (base !== undefined) plan.put("base_model", base);
  else if (method && NEEDS_BASE.has(method))
    plan.placeholder("base_model", `base model (${method} needs one)`);
  writeModels(plan, doc, step);
  const { dtype, ...rest } = step.parameters ?? {};
  if (Object.keys(rest).length > 0) plan.put("parameters", rest);
  if (typeof dtype === "string") plan.put("dtype", dtype);
  else {
    if (dtype !== undefined)
      plan.drop("parameters.dtype", dtype, "mergekit's dtype is a name (bfloat16, float16, …)");
    plan.leaveDefault("dtype", "dtype of the merge");
  }
  return { plan, run: "mergekit-yaml RECIPE.yaml ./merged" };
}

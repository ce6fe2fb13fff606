/** Flags a person gives to `ftl capture` fill in or override what the folder's files say about the step. */
import type { DatasetRef, Hyperparameters, Provenance, Step } from "../../schema/lineage.js";
import { CaptureError, type CaptureOptions } from "./types.js";

const DECLARED: Provenance = { source: "declared", by: "ftl capture" };

function mergeHyperparameters(files: Hyperparameters | undefined, given: Hyperparameters): Hyperparameters {
  const other = { ...(files?.other ?? {}), ...(given.other ?? {}) };
  return { ...(files ?? {}), ...given, ...(Object.keys(other).length > 0 ? { other } : {}) };
}

function mergeDatasets(files: DatasetRef[], given: DatasetRef[]): DatasetRef[] {
  const out = [...files];
  for (const d of given) {
    const at = d.id === undefined ? -1 : out.findIndex((f) => f.id === d.id);
    if (at === -1) out.push(d);
    else out[at] = d;
  }
  return out;
}

/** The step with the flags applied; each field a flag set gets a `declared` source. */
export function applyFlags(step: Step, options: CaptureOptions): Step {
  const sources: Record<string, Provenance> = { ...(step.sources ?? {}) };
  let next: Step = { ...step };
  if (options.objective !== undefined || options.parameterization !== undefined) {
    if (next.kind !== "fine-tune")
      throw new CaptureError(
        "not-applicable",
        `--objective and --param apply to a fine-tune; the folder's files describe a ${next.kind} step`,
      );
    if (options.objective !== undefined) {
      next = { ...next, objective: options.objective };
      sources.objective = DECLARED;
    }
    if (options.parameterization !== undefined) {
      next = { ...next, parameterization: options.parameterization };
      sources.parameterization = DECLARED;
    }
  }
  if (options.hyperparameters !== undefined && Object.keys(options.hyperparameters).length > 0) {
    next.hyperparameters = mergeHyperparameters(next.hyperparameters, options.hyperparameters);
    for (const [k, v] of Object.entries(options.hyperparameters))
      if (k === "other")
        for (const o of Object.keys(v as object)) sources[`hyperparameters.other.${o}`] = DECLARED;
      else sources[`hyperparameters.${k}`] = DECLARED;
  }
  if (options.datasets !== undefined && options.datasets.length > 0) {
    const datasets = mergeDatasets(next.inputs?.datasets ?? [], options.datasets);
    next.inputs = { ...(next.inputs ?? {}), datasets };
    for (const d of options.datasets) {
      const i = datasets.indexOf(d);
      sources[`inputs.datasets[${i}]`] = DECLARED;
    }
  }
  return Object.keys(sources).length > 0 ? { ...next, sources } : next;
}

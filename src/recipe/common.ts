/** Pieces every training writer uses: the input model, the output, and datasets' unrepresentable fields. */
import { LOCAL_PREFIX, namedModel, refKind } from "../model/refs.js";
import type { DatasetRef, FineTuneStep, LineageDocument } from "../schema/lineage.js";
import type { Plan } from "./plan.js";
import { stepInput } from "./resolve.js";

/** Writes the input model (and its revision when `revisionKey` is given and the lineage pins one). */
export function writeInputModel(
  plan: Plan,
  doc: LineageDocument,
  step: FineTuneStep,
  modelKey: string,
  revisionKey: string | undefined,
): void {
  const { model, others } = stepInput(doc, step);
  if (!model)
    plan.placeholder(modelKey, "input model", "the lineage names no input model with an id for this step");
  else if (namedModel(model.id) !== undefined)
    // A model the files only name (`name:…`) is no path or Hub id a framework can load.
    plan.placeholder(
      modelKey,
      "input model",
      `the lineage names it "${namedModel(model.id)}" without a Hub id or a path`,
    );
  else {
    plan.put(modelKey, localPath(model.id));
    if (model.revision !== undefined) {
      if (revisionKey) plan.put(revisionKey, model.revision);
      else plan.drop("inputs.models[0].revision", model.revision, "the framework has no revision key");
    }
  }
  others.forEach((m, i) => {
    plan.drop(`inputs.models[${i + 1}]`, m, "a fine-tune recipe trains one model");
  });
}

/** Writes where the result goes: the Hub repository when the output is a Hub id, else the output folder. */
export function writeOutput(
  plan: Plan,
  step: FineTuneStep,
  keys: { hub?: string; push?: string; dir: string },
  dirPrefix: string,
): void {
  const id = step.output?.id;
  if (id === undefined) {
    plan.leaveDefault(keys.dir, "output folder (the lineage names no output)");
    return;
  }
  // A bare name (`zephyr-7b-dpo-full`) is a Hub repository under the user's own account, as the handbook writes it.
  const bare = /^[A-Za-z0-9][\w.-]*$/.test(id);
  if (keys.hub && ((refKind(id) === "hub" && !id.includes("@")) || bare)) {
    plan.put(keys.hub, id);
    if (keys.push) plan.put(keys.push, true);
    plan.put(keys.dir, `${dirPrefix}/${id.split("/").pop()}`);
  } else plan.put(keys.dir, localPath(id));
  if (step.output?.revision !== undefined)
    plan.drop("output.revision", step.output.revision, "a recipe cannot choose the commit it produces");
}

/** The datasets a recipe can name (with an id), listing description-only ones as not carried. */
export function namedDatasets(plan: Plan, step: FineTuneStep): { data: DatasetRef; index: number }[] {
  const out: { data: DatasetRef; index: number }[] = [];
  (step.inputs?.datasets ?? []).forEach((data, index) => {
    if (data.id !== undefined) out.push({ data, index });
    else plan.drop(`inputs.datasets[${index}]`, data.description, "a dataset without an id cannot be loaded");
  });
  return out;
}

/** Lists the dataset fields a format has no key for. */
export function dropDatasetFields(
  plan: Plan,
  data: DatasetRef,
  index: number,
  carried: readonly (keyof DatasetRef)[],
  format: string,
): void {
  for (const field of ["subset", "split", "revision", "weight", "size", "digest"] as const) {
    if (data[field] === undefined || carried.includes(field)) continue;
    plan.drop(
      `inputs.datasets[${index}].${field}`,
      data[field],
      `${format} has no key for a dataset's ${field}`,
    );
  }
}

/** Placeholder for the training data when no dataset has an id. */
export function noDatasets(plan: Plan, step: FineTuneStep, key: string, example = ""): void {
  const described = (step.inputs?.datasets ?? []).map((d) => d.description).filter(Boolean);
  plan.placeholder(
    key,
    "training data",
    described.length > 0
      ? `the lineage describes the data only as: ${described.join("; ")}`
      : "no dataset is recorded in the lineage",
    example,
  );
}

/** A `local:` reference as the path a framework reads. */
export function localPath(id: string): string {
  return id.startsWith(LOCAL_PREFIX) ? id.slice(LOCAL_PREFIX.length) : id;
}

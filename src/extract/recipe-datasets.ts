/**
 * The training datasets a recipe names, in every layout the recipe readers know (TRL / alignment-handbook
 * mixers, open-instruct's lists, axolotl's `datasets[]` and `pretraining_dataset`, LLaMA-Factory's names),
 * each with the key and line it came from.
 */
import { refKind } from "../model/refs.js";
import type { DatasetRef } from "../schema/lineage.js";
import { extracted, fact, type StepFacts } from "./facts.js";
import { commaList, isObj, type Obj, str } from "./recipe-values.js";

const FORMAT_FIELD = /^\{your[^{}\s]{0,80}\}$/i;

function datasetFact(file: string, field: string, line: number | undefined, dataset: DatasetRef) {
  return fact(dataset, extracted(file, { field, line }));
}

export function readDatasets(obj: Obj, file: string, step: StepFacts, lines: Map<string, number>): void {
  const push = (field: string, d: DatasetRef) => {
    // A template's placeholder (`--data_path data_path`, `<your_dataset>`, `{your_dataset_path.json}`: dev
    // y7-card-camoscio-italian-alpaca-lora-llama7b) names no data; an f-string's `{data_path}` is the program's value.
    if (d.id !== undefined && (refKind(d.id) === "placeholder" || FORMAT_FIELD.test(d.id))) return;
    if (d.split && /^(test|eval|valid|dev)/i.test(d.split)) {
      step.notes.push(`evaluation split ${d.id}:${d.split} not counted as training data`);
      return;
    }
    step.datasets.push(datasetFact(file, field, lines.get(field.split(/[.[]/)[0] ?? ""), d));
  };
  const mixer = obj.dataset_mixer;
  if (isObj(mixer)) {
    for (const [id, w] of Object.entries(mixer))
      push(`dataset_mixer.${id}`, { id, ...(typeof w === "number" ? { weight: w } : {}) });
  }
  const list = obj.dataset_mixer_list;
  if (Array.isArray(list)) {
    for (let i = 0; i < list.length; i += 2) {
      const id = str(list[i]);
      const w = Number(list[i + 1]);
      if (id) push(`dataset_mixer_list[${i}]`, { id, ...(Number.isFinite(w) ? { weight: w } : {}) });
    }
  }
  const mixture = obj.dataset_mixture;
  const mixtureList = isObj(mixture) ? mixture.datasets : undefined;
  if (Array.isArray(mixtureList)) {
    mixtureList.forEach((d, i) => {
      if (!isObj(d) || !str(d.id)) return;
      push(`dataset_mixture.datasets[${i}]`, {
        id: str(d.id) as string,
        ...(str(d.config) ? { subset: str(d.config) } : {}),
        ...(str(d.split) ? { split: str(d.split) } : {}),
        ...(typeof d.weight === "number" ? { weight: d.weight } : {}),
      });
    });
  } else if (isObj(mixture)) {
    for (const [id, w] of Object.entries(mixture))
      if (id !== "datasets")
        push(`dataset_mixture.${id}`, { id, ...(typeof w === "number" ? { weight: w } : {}) });
  }
  // The training file of transformers' example scripts (`run_clm.py --train_file`) and of Firefly's train args.
  const trainFile = str(obj.train_file);
  if (trainFile) push("train_file", { id: trainFile });
  const name = str(obj.dataset_name);
  if (name)
    push("dataset_name", {
      id: name,
      ...(str(obj.dataset_config) ? { subset: str(obj.dataset_config) } : {}),
      // TRL's ScriptArguments: the split trained on (its default `train` is not written by anyone who means it).
      ...(str(obj.dataset_train_split) ? { split: str(obj.dataset_train_split) } : {}),
    });
  const axolotl = obj.datasets;
  if (Array.isArray(axolotl)) {
    axolotl.forEach((d, i) => {
      const id = isObj(d) ? str(d.path) : str(d);
      if (!id) return;
      push(`datasets[${i}].path`, {
        id,
        ...(isObj(d) && str(d.name) ? { subset: str(d.name) } : {}),
        ...(isObj(d) && str(d.split) ? { split: str(d.split) } : {}),
      });
    });
  }
  const pretraining = obj.pretraining_dataset;
  for (const [i, d] of (Array.isArray(pretraining)
    ? pretraining
    : pretraining
      ? [pretraining]
      : []
  ).entries()) {
    const id = isObj(d) ? str(d.path) : str(d);
    if (id)
      push(Array.isArray(pretraining) ? `pretraining_dataset[${i}].path` : "pretraining_dataset", {
        id,
        ...(isObj(d) && str(d.name) ? { subset: str(d.name) } : {}),
        ...(isObj(d) && str(d.split) ? { split: str(d.split) } : {}),
      });
  }
  const factory = str(obj.dataset);
  if (factory) for (const id of commaList(factory)) push("dataset", { id });
}

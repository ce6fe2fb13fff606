/**
 * A project's own flat settings file (`training.yaml` of a ROLL/verl-style project, dev
 * t1-ne-zh-aflow-roll-qwen25-7b-grpo-lora-workflows; a settings-only `config.json`): read as a summary of the run,
 * it also names the model it starts from (`base_model`, `model_name_or_path`, `model_path`, `model_id`), its training data
 * (`train_dataset`, `train_file`, `data_path` …) and, with `adv_estimator`, the RL objective. Only string values that
 * name a model or a dataset count; the rest stays unsaid.
 */

import { modelRef } from "../model/refs.js";
import type { Objective } from "../model/vocabulary.js";
import { datasetRef } from "./dataset-ref.js";
import { extracted, fact, type StepFacts } from "./facts.js";
import { type Obj, str } from "./recipe-values.js";

const MODEL_KEYS = [
  "base_model",
  "model_name_or_path",
  "pretrained_model_name_or_path",
  "model_path",
  "base_model_path",
  "model_id",
  "model_name",
  "modelname",
  // A project's own `model:` key, when its value is a Hub id or a path (dev s11-rcp-supportbot-mistral7b-v03-qlora-sft).
  "model",
];
const DATA_KEYS = [
  "train_dataset",
  "train_file",
  "train_data",
  "train_data_path",
  "train_path",
  "data_path",
  "dataset_path",
  "train_dataset_path",
  "dataset_name",
  "dataset_id",
];
/** verl's `adv_estimator` values (and projects that copy the name). */
const ESTIMATORS: Readonly<Record<string, Objective>> = { grpo: "grpo", rloo: "rloo", gae: "rlhf-ppo" };

export function readSummaryRefs(obj: Obj, file: string, step: StepFacts): void {
  const at = (field: string) => extracted(file, { field, confidence: 0.8 });
  const modelKey = MODEL_KEYS.find((k) => str(obj[k]) !== undefined);
  const model = modelKey ? modelRef(str(obj[modelKey]) as string) : undefined;
  if (modelKey && model && step.inputs.length === 0) step.inputs.push(fact({ id: model }, at(modelKey)));
  const dataKey = DATA_KEYS.find((k) => str(obj[k]) !== undefined);
  const data = dataKey ? (str(obj[dataKey]) as string) : undefined;
  // A generic folder (`./data`) says where files are, not which data.
  const generic = data !== undefined && /^(?:\.\/)?(?:data|datasets?|train|training_data)\/?$/i.test(data);
  if (dataKey && data && !generic && !/\$|[<>]/.test(data) && step.datasets.length === 0)
    step.datasets.push(fact({ id: datasetRef(data) }, at(dataKey)));
  const estimator = str(obj.adv_estimator)?.toLowerCase();
  const objective = estimator ? ESTIMATORS[estimator] : undefined;
  if (objective && !step.objective) step.objective = fact(objective, at("adv_estimator"));
}

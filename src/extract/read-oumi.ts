/**
 * Oumi training configs (`oumi train -c train.yaml`, the layout of oumi-ai/oumi's `configs/recipes/*`): `model.model_name`,
 * `data.train.datasets[].dataset_name`, `training` (`trainer_type` such as `TRL_SFT`, `TRL_DPO`, `TRL_GRPO`;
 * `use_peft`; the trainer arguments; `output_dir`) and `peft` (`q_lora`, `lora_r`, `lora_alpha`,
 * `lora_target_modules`). Oumi's own `OUMI` and `HF` trainers train SFT.
 */
import type { Objective } from "../model/vocabulary.js";
import { readMappedKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred, localOutput } from "./facts.js";
import { nestedLines } from "./read-verl.js";
import { isObj, type Obj, str } from "./recipe-values.js";

const TRAINERS: Record<string, Objective> = {
  TRL_SFT: "sft",
  OUMI: "sft",
  HF: "sft",
  TRL_DPO: "dpo",
  TRL_KTO: "kto",
  TRL_GRPO: "grpo",
  VERL_GRPO: "grpo",
  TRL_GKD: "distillation",
};

/** An Oumi config: `model.model_name`, a `training` section, and a `data` section. */
export function isOumiConfig(obj: Obj): boolean {
  return (
    isObj(obj.model) && typeof obj.model.model_name === "string" && isObj(obj.training) && isObj(obj.data)
  );
}

/** The names of the training datasets, in order. */
function trainDatasets(data: Obj): string[] {
  const train = isObj(data.train) ? data.train : {};
  const list = Array.isArray(train.datasets) ? train.datasets : [];
  return list.flatMap((d) => (isObj(d) && typeof d.dataset_name === "string" ? [d.dataset_name] : []));
}

export function readOumi(obj: Obj, text: string, file: string, out: FileFacts): void {
  const lines = nestedLines(text);
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const model = obj.model as Obj;
  const training = obj.training as Obj;
  const peft = isObj(obj.peft) ? obj.peft : {};
  const step = emptyStep("fine-tune", extracted(file, { note: "Oumi training config" }));
  step.inputs.push(fact({ id: model.model_name as string }, at("model.model_name")));
  for (const id of trainDatasets(obj.data as Obj))
    step.datasets.push(fact({ id }, at("data.train.datasets")));
  const trainer = str(training.trainer_type)?.toUpperCase();
  if (trainer && TRAINERS[trainer])
    step.objective = fact(TRAINERS[trainer] as Objective, at("training.trainer_type"));
  if (training.use_peft === true)
    step.parameterization = fact(
      peft.q_lora === true ? "qlora" : "lora",
      at(peft.q_lora === true ? "peft.q_lora" : "training.use_peft"),
    );
  else step.parameterization = fact("full", at("training.use_peft"));
  const keys: Obj = { ...training, max_seq_length: model.model_max_length, optim: training.optimizer };
  for (const k of ["lora_r", "lora_alpha", "lora_dropout"]) keys[k] = peft[k];
  keys.target_modules = peft.lora_target_modules;
  const where: Record<string, string> = {
    ...Object.fromEntries(Object.keys(training).map((k) => [k, `training.${k}`])),
    max_seq_length: "model.model_max_length",
    optim: "training.optimizer",
    lora_r: "peft.lora_r",
    lora_alpha: "peft.lora_alpha",
    lora_dropout: "peft.lora_dropout",
    target_modules: "peft.lora_target_modules",
  };
  readMappedKeys(keys, where, file, step, out.warnings, lines);
  const dir = str(training.output_dir);
  if (dir)
    step.output = fact(
      `local:${dir}`,
      localOutput(file, "training.output_dir", lines.get("training.output_dir")),
    );
  step.framework = fact({ name: "oumi" }, inferred(file, "recognised as an Oumi training config", 0.9));
  out.steps.push(step);
}

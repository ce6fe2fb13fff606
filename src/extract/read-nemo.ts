/**
 * NVIDIA NeMo (1.x) and NeMo-Aligner fine-tuning configs (`megatron_gpt_finetuning_config.yaml` and its copies):
 * `model.restore_from_path` (the `.nemo` checkpoint trained from), `model.peft.peft_scheme` (`lora`, `ptuning`,
 * `ia3`, `adapter`, or none: all weights), `model.peft.lora_tuning.adapter_dim` (the rank),
 * `model.data.train_ds.file_names` (local JSONL files), `model.optim.lr`, `trainer.max_steps` / `max_epochs`, and
 * NeMo-Aligner's sections (`model.dpo`, `trainer.dpo`, `trainer.ppo`, `trainer.rm`) for the objective. A `max_epochs`
 * of 1000 or more is NeMo's "until max_steps" sentinel, not a count.
 */
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { readMappedKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred } from "./facts.js";
import { nestedLines } from "./read-verl.js";
import { isObj, type Obj, str } from "./recipe-values.js";

const SCHEMES: Record<string, Parameterization> = {
  lora: "lora",
  ia3: "ia3",
  ptuning: "prefix-tuning",
  "p-tuning": "prefix-tuning",
  adapter: "other",
  none: "full",
};

/** A NeMo config: `trainer` and `model` sections, the model restored from a checkpoint or given PEFT or data. */
export function isNemoConfig(obj: Obj): boolean {
  if (!isObj(obj.trainer) || !isObj(obj.model)) return false;
  const model = obj.model;
  const data = isObj(model.data) ? model.data : {};
  return "restore_from_path" in model || isObj(model.peft) || isObj(data.train_ds);
}

function objectiveOf(obj: Obj): { objective: Objective; field: string } | undefined {
  const model = obj.model as Obj;
  const trainer = obj.trainer as Obj;
  if (isObj(model.dpo) || isObj(trainer.dpo))
    return { objective: "dpo", field: isObj(model.dpo) ? "model.dpo" : "trainer.dpo" };
  if (isObj(trainer.ppo)) return { objective: "rlhf-ppo", field: "trainer.ppo" };
  if (isObj(trainer.rm)) return { objective: "reward-model", field: "trainer.rm" };
  return undefined;
}

export function readNemo(obj: Obj, text: string, file: string, out: FileFacts): void {
  const lines = nestedLines(text);
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const model = obj.model as Obj;
  const trainer = obj.trainer as Obj;
  const step = emptyStep("fine-tune", extracted(file, { note: "NeMo fine-tuning config" }));
  const restored = str(model.restore_from_path);
  if (restored) step.inputs.push(fact({ id: restored }, at("model.restore_from_path")));
  const data = isObj(model.data) ? model.data : {};
  const train = isObj(data.train_ds) ? data.train_ds : {};
  const files = Array.isArray(train.file_names) ? train.file_names : [train.file_names];
  for (const f of files)
    if (typeof f === "string" && f !== "???")
      step.datasets.push(fact({ id: f }, at("model.data.train_ds.file_names")));
  const stated = objectiveOf(obj);
  if (stated) step.objective = fact(stated.objective, at(stated.field));
  else if (step.datasets.length > 0 || "file_names" in train)
    step.objective = fact(
      "sft",
      inferred(file, "a NeMo fine-tuning config with training data and no alignment section", 0.7),
    );
  const peft = isObj(model.peft) ? model.peft : undefined;
  const scheme = peft ? (str(peft.peft_scheme)?.toLowerCase() ?? "none") : "none";
  step.parameterization = fact(
    SCHEMES[scheme] ?? "other",
    peft ? at("model.peft.peft_scheme") : inferred(file, "no PEFT section: all weights", 0.7),
  );
  const lora = peft && isObj(peft.lora_tuning) ? peft.lora_tuning : {};
  const optim = isObj(model.optim) ? model.optim : {};
  const epochs = Number(trainer.max_epochs);
  const keys: Obj = {
    learning_rate: optim.lr,
    weight_decay: optim.weight_decay,
    max_steps: trainer.max_steps,
    num_train_epochs: Number.isFinite(epochs) && epochs < 1000 ? epochs : undefined,
    global_batch_size: train.global_batch_size ?? model.global_batch_size,
    micro_batch_size: train.micro_batch_size ?? model.micro_batch_size,
    max_seq_length: train.max_seq_length,
    lora_r: lora.adapter_dim,
    lora_dropout: lora.adapter_dropout,
    seed: model.seed,
  };
  const dataAt = (k: string) => (k in train ? `model.data.train_ds.${k}` : `model.${k}`);
  const where: Record<string, string> = {
    learning_rate: "model.optim.lr",
    weight_decay: "model.optim.weight_decay",
    max_steps: "trainer.max_steps",
    num_train_epochs: "trainer.max_epochs",
    global_batch_size: dataAt("global_batch_size"),
    micro_batch_size: dataAt("micro_batch_size"),
    max_seq_length: "model.data.train_ds.max_seq_length",
    lora_r: "model.peft.lora_tuning.adapter_dim",
    lora_dropout: "model.peft.lora_tuning.adapter_dropout",
    seed: "model.seed",
  };
  readMappedKeys(keys, where, file, step, out.warnings, lines);
  step.framework = fact({ name: "nemo" }, inferred(file, "recognised as a NeMo config", 0.9));
  out.steps.push(step);
}

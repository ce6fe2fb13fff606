/**
 * A project's own training config in sections (`model:`, `lora:`/`qlora:`, `quantization:`, `data:`,
 * `training:`, `dpo:` …), the shape small projects give the settings their script reads (dev
 * s11-rcp-finreason-qwen25-7b-qlora-sft-then-dpo, s11-rcp-ethics-qwen25-15b-qlora-dpo-pku-saferlhf,
 * s11-rcp-barista-smollm2-135m-lora-sft). Its sections are flattened into the keys a training recipe has
 * (`model.name` → `model_name_or_path`, `training.*`, `lora.r` → `lora_r`, `data.train_path` → the dataset) and read
 * as one; no framework is asserted (the project's script is not named by the file), and a section named for an
 * objective (`dpo:`) states it.
 */
import type { Objective } from "../model/vocabulary.js";
import { extracted, type FileFacts, fact } from "./facts.js";
import { readRecipe } from "./read-recipe.js";
import { isObj, type Obj, str } from "./recipe-values.js";

const MODEL_KEYS = [
  "name",
  "base_model",
  "model_name",
  "name_or_path",
  "model_name_or_path",
  "model_id",
  "path",
  "id",
];
/** Keys that name the model at the top of a config whose settings sit in sections. */
const TOP_MODEL_KEYS = [
  "model_name_or_path",
  "base_model",
  "model_name",
  "pretrained_model_name_or_path",
  "model_id",
];
const DATA_KEYS = ["dataset_name", "dataset", "train_path", "train_file", "train_data", "path", "name"];
const TRAINING = ["training", "train", "trainer", "training_args", "training_arguments", "hyperparameters"];
const ADAPTER = ["lora", "qlora", "peft", "adapter"];
const OBJECTIVES: Readonly<Record<string, Objective>> = {
  sft: "sft",
  dpo: "dpo",
  orpo: "orpo",
  kto: "kto",
  simpo: "simpo",
  grpo: "grpo",
  ppo: "rlhf-ppo",
};

/** Keys naming the checkpoint of an earlier stage that this one starts from. */
const STARTS = [
  "sft_checkpoint",
  "sft_adapter",
  "sft_adapter_path",
  "sft_model",
  "sft_model_path",
  "init_checkpoint",
];

const first = (section: Obj, keys: readonly string[]): string | undefined =>
  keys.map((k) => str(section[k])).find((v) => v !== undefined);

/**
 * Sections named for a trainer's arguments class (`UnslothTrainingArguments:`, `SFTConfig:`,
 * `TrainingArguments:`), which hold what a `training:` section does.
 */
function argumentSections(obj: Obj): unknown[] {
  return Object.keys(obj)
    .filter((k) => /^\w{0,40}(?:TrainingArguments|Config|Args)$/.test(k))
    .map((k) => obj[k]);
}

/** The model named one level down in the model section (`model: train: model_name: org/name`). */
function nestedName(model: Obj): string | undefined {
  for (const v of Object.values(model))
    if (isObj(v)) {
      const name = first(v, MODEL_KEYS);
      if (name) return name;
    }
  return undefined;
}

/** Copies a section's plain values to the top level, where nothing set them. */
function lift(flat: Obj, section: Obj): void {
  for (const [k, v] of Object.entries(section)) if (!isObj(v) && flat[k] === undefined) flat[k] = v;
}

/** The sectioned config flattened, or undefined when `obj` is not one (a model section and a training section). */
export function flattenSections(obj: Obj): { flat: Obj; objective?: string } | undefined {
  const model = isObj(obj.model) ? obj.model : undefined;
  const training = [...TRAINING.map((k) => obj[k]), ...argumentSections(obj)].find(isObj);
  if (!training) return undefined;
  // The model in its own section, or at the top beside the sections (`"model_name": "Open-Orca/Mistral-7B-OpenOrca"`
  // over `"trainer": {…}, "lora": {…}`: blind dev z2-rcp-verbalist-7b-config-mistral-openorca-ru-lora-8bit), or one
  // level down in the model section (`model: train: model_name: …`: dev y2-ne-ko-csat-qwen25-32b-unsloth-dora-…).
  const name = model ? (first(model, MODEL_KEYS) ?? nestedName(model)) : first(obj, TOP_MODEL_KEYS);
  if (!name || !["learning_rate", "num_train_epochs", "max_steps"].some((k) => k in training))
    return undefined;
  const flat: Obj = { model_name_or_path: name };
  lift(flat, training);
  lift(flat, model ?? obj);
  const data = [obj.data, obj.dataset].find(isObj);
  if (data) {
    const set = first(data, DATA_KEYS);
    if (set) flat.dataset_name = set;
    for (const k of ["max_seq_length", "max_length"]) if (data[k] !== undefined) flat[k] ??= data[k];
  }
  // The adapter's section at the top, or inside the training section (`training: lora: {enabled: true, r: 32}`:
  // blind dev g10-rcp-tinyllama-chat-lora-recipe-nlg-custom-yaml).
  const adapterKey = ADAPTER.find((k) => isObj(obj[k]) || isObj(training[k]));
  const adapter = adapterKey ? ([obj[adapterKey], training[adapterKey]].find(isObj) as Obj) : undefined;
  if (adapter && adapter.enabled !== false && (adapter.r !== undefined || adapter.rank !== undefined)) {
    flat.use_peft = true;
    flat.lora_r = adapter.r ?? adapter.rank;
    if (adapter.alpha !== undefined || adapter.lora_alpha !== undefined)
      flat.lora_alpha = adapter.lora_alpha ?? adapter.alpha;
    if (adapterKey === "qlora") flat.use_qlora = true;
    if (adapter.use_dora === true) flat.use_dora = true;
  }
  const quant = [obj.quantization, obj.bnb, obj.bitsandbytes].find(isObj);
  if (quant) lift(flat, quant);
  const objective = Object.keys(OBJECTIVES).find((k) => isObj(obj[k]));
  if (objective) lift(flat, obj[objective] as Obj);
  // A stage that starts from an earlier stage's checkpoint (`sft_checkpoint: checkpoints/sft` in a DPO config)
  // starts from that checkpoint, not from the model the adapter is loaded onto.
  const start = STARTS.map((k) => str(flat[k])).find((v) => v !== undefined);
  if (start) flat.model_name_or_path = start;
  return { flat, ...(objective ? { objective } : {}) };
}

/** Reads a sectioned config into `out` (see the file comment); false when `obj` is not one. */
export function readSectionedConfig(obj: Obj, file: string, text: string, out: FileFacts): boolean {
  const found = flattenSections(obj);
  if (!found) return false;
  readRecipe("trl-recipe", found.flat, file, text, out);
  for (const step of out.steps) {
    // The file does not name the script that reads it: no framework.
    delete step.framework;
    const section = found.objective;
    const stated = section ? OBJECTIVES[section] : undefined;
    if (stated && (!step.objective || step.objective.source.source === "inferred"))
      step.objective = fact(
        stated,
        extracted(file, { field: section, note: `the config's ${section} section` }),
      );
  }
  return true;
}

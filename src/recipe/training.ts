/**
 * What the four training formats share: the step's hyperparameters, adapter settings and other trainer keys
 * mapped to each framework's key names, with values the framework's types cannot hold listed as not carried.
 */
import { OTHER_HYPERPARAMETERS } from "../extract/config-fields.js";
import type { HyperparameterKey } from "../model/hyperparameters.js";
import type { Objective } from "../model/vocabulary.js";
import type { FineTuneStep } from "../schema/lineage.js";
import {
  type KeyInfo,
  TRANSFORMERS_OPTIMIZERS,
  TRANSFORMERS_SCHEDULERS,
  valueFits,
} from "./keys/key-table.js";
import type { Plan } from "./plan.js";

export type TrainingFormat = "trl" | "alignment-handbook" | "axolotl" | "llama-factory";

const TRANSFORMERS_NAMES: Partial<Record<HyperparameterKey, string>> = {
  learningRate: "learning_rate",
  epochs: "num_train_epochs",
  maxSteps: "max_steps",
  perDeviceBatchSize: "per_device_train_batch_size",
  gradientAccumulationSteps: "gradient_accumulation_steps",
  warmupRatio: "warmup_ratio",
  warmupSteps: "warmup_steps",
  scheduler: "lr_scheduler_type",
  optimizer: "optim",
  weightDecay: "weight_decay",
  maxSequenceLength: "max_length",
  seed: "seed",
  beta: "beta",
};

/** Each framework's key for ftl's typed hyperparameters (precision is written as bf16/fp16/tf32 flags). */
export const HYPERPARAMETER_NAMES: Record<TrainingFormat, Partial<Record<HyperparameterKey, string>>> = {
  trl: TRANSFORMERS_NAMES,
  "alignment-handbook": TRANSFORMERS_NAMES,
  axolotl: {
    learningRate: "learning_rate",
    epochs: "num_epochs",
    maxSteps: "max_steps",
    perDeviceBatchSize: "micro_batch_size",
    gradientAccumulationSteps: "gradient_accumulation_steps",
    warmupRatio: "warmup_ratio",
    warmupSteps: "warmup_steps",
    scheduler: "lr_scheduler",
    optimizer: "optimizer",
    weightDecay: "weight_decay",
    maxSequenceLength: "sequence_len",
    seed: "seed",
    beta: "rl_beta",
  },
  "llama-factory": {
    ...TRANSFORMERS_NAMES,
    maxSequenceLength: "cutoff_len",
    beta: "pref_beta",
  },
};

const LABELS: Record<HyperparameterKey, string> = {
  learningRate: "learning rate",
  epochs: "epochs",
  maxSteps: "max steps",
  globalBatchSize: "global batch size",
  perDeviceBatchSize: "per-device batch size",
  gradientAccumulationSteps: "gradient accumulation steps",
  warmupRatio: "warm-up ratio",
  warmupSteps: "warm-up steps",
  scheduler: "learning-rate schedule",
  optimizer: "optimizer",
  weightDecay: "weight decay",
  maxSequenceLength: "sequence length",
  precision: "precision",
  seed: "seed",
  beta: "beta",
};

/** Objectives whose trainers take a beta (DPO's KL weight, ORPO's lambda, SimPO's scale, …). */
export const BETA_OBJECTIVES: readonly Objective[] = [
  "dpo",
  "ipo",
  "kto",
  "orpo",
  "simpo",
  "cpo",
  "grpo",
  "rloo",
];

/** Keys in `hyperparameters.other` that restate the objective; the writers state it themselves. */
export const OBJECTIVE_KEYS = new Set(["rl", "loss_type", "pref_loss", "stage"]);

const NAME = /^[a-z][a-z0-9_]*$/;

function fitsName(format: TrainingFormat, key: HyperparameterKey, value: unknown): boolean {
  if (key === "scheduler")
    return format === "axolotl"
      ? typeof value === "string" && NAME.test(value)
      : (TRANSFORMERS_SCHEDULERS as readonly string[]).includes(String(value));
  if (key === "optimizer")
    return format === "axolotl"
      ? typeof value === "string" && NAME.test(value)
      : TRANSFORMERS_OPTIMIZERS.includes(String(value));
  return true;
}

/**
 * Writes the step's hyperparameters under the framework's names. Required ones (learning rate, epochs or max
 * steps, per-device batch size, and beta for preference objectives) become placeholders when unknown; the
 * rest are listed as left to the framework's default.
 */
export function writeHyperparameters(
  plan: Plan,
  step: FineTuneStep,
  format: TrainingFormat,
  keys: Map<string, KeyInfo>,
): void {
  const hp = step.hyperparameters ?? {};
  const names = HYPERPARAMETER_NAMES[format];
  const objective = step.objective;
  const needsBeta = objective !== undefined && BETA_OBJECTIVES.includes(objective);
  const order: HyperparameterKey[] = [
    "learningRate",
    "epochs",
    "maxSteps",
    "perDeviceBatchSize",
    "gradientAccumulationSteps",
    "globalBatchSize",
    "warmupRatio",
    "warmupSteps",
    "scheduler",
    "optimizer",
    "weightDecay",
    "maxSequenceLength",
    "seed",
    "beta",
  ];
  for (const key of order) {
    const value = hp[key];
    const name = names[key];
    const info = name ? keys.get(name) : undefined;
    if (value === undefined) {
      if (key === "beta" && !needsBeta) continue;
      if (key === "epochs" && hp.maxSteps !== undefined) continue;
      if (key === "maxSteps") continue; // the length is the epochs, or their placeholder
      if (key === "warmupSteps" && hp.warmupRatio !== undefined) continue;
      if (key === "warmupRatio" && hp.warmupSteps !== undefined) continue;
      if (!name || !info) continue;
      const required =
        key === "learningRate" || key === "perDeviceBatchSize" || key === "epochs" || key === "beta";
      if (required) plan.placeholder(name, key === "epochs" ? "epochs (or max steps)" : LABELS[key]);
      else plan.leaveDefault(name, LABELS[key]);
      continue;
    }
    if (!name || !info)
      plan.drop(`hyperparameters.${key}`, value, `${format} has no key for the ${LABELS[key]}`);
    else if (!valueFits(info.type, value))
      plan.drop(`hyperparameters.${key}`, value, `not a value ${info.cls}.${name} takes (${info.type})`);
    else if (!fitsName(format, key, value))
      plan.drop(
        `hyperparameters.${key}`,
        value,
        `not a name ${format} knows for the ${LABELS[key]} (${name})`,
      );
    else plan.put(name, value);
  }
  writePrecision(plan, hp.precision, keys);
}

function writePrecision(plan: Plan, precision: string | undefined, keys: Map<string, KeyInfo>): void {
  if (precision === undefined) {
    plan.leaveDefault("bf16", "precision (bf16/fp16)");
    return;
  }
  if ((precision === "bf16" || precision === "fp16" || precision === "tf32") && keys.has(precision))
    plan.put(precision, true);
  else plan.drop("hyperparameters.precision", precision, "no flag of this framework selects it");
}

/**
 * Preference parameters the frameworks name differently (TRL `desirable_weight`, axolotl
 * `kto_desirable_weight`, LLaMA-Factory `kto_chosen_weight`): one row per parameter, one name per format.
 */
export const PREFERENCE_SYNONYMS: readonly Record<TrainingFormat, string>[] = [
  {
    trl: "label_smoothing",
    "alignment-handbook": "label_smoothing",
    axolotl: "dpo_label_smoothing",
    "llama-factory": "dpo_label_smoothing",
  },
  {
    trl: "desirable_weight",
    "alignment-handbook": "desirable_weight",
    axolotl: "kto_desirable_weight",
    "llama-factory": "kto_chosen_weight",
  },
  {
    trl: "undesirable_weight",
    "alignment-handbook": "undesirable_weight",
    axolotl: "kto_undesirable_weight",
    "llama-factory": "kto_rejected_weight",
  },
];

/** A key under the given format's name for the same preference parameter, or the key itself. */
export function synonymFor(key: string, format: TrainingFormat): string {
  const row = PREFERENCE_SYNONYMS.find((r) => Object.values(r).includes(key));
  return row ? row[format] : key;
}

/** Writes `hyperparameters.other` entries the framework has a key for; lists the rest. */
export function writeOtherKeys(
  plan: Plan,
  other: Record<string, unknown> | undefined,
  field: string,
  keys: Map<string, KeyInfo>,
  written: ReadonlySet<string>,
  format: TrainingFormat,
): void {
  for (const [original, value] of Object.entries(other ?? {})) {
    const key = synonymFor(original, format);
    if (OBJECTIVE_KEYS.has(key) || written.has(key)) continue;
    const info = keys.get(key);
    const at = `${field}.${original}`;
    if (!info) plan.drop(at, value, "the framework has no key of this name");
    else if (!OTHER_HYPERPARAMETERS.has(key.toLowerCase()))
      plan.drop(at, value, "a framework key ftl's importer does not model (written, it would not read back)");
    else if (!valueFits(info.type, value))
      plan.drop(at, value, `not a value ${info.cls}.${key} takes (${info.type})`);
    else plan.put(key, value);
  }
}

/**
 * The variant the step records under `other.loss_type` / `other.pref_loss` when it belongs to the step's
 * objective (a DPO step's `hinge`), else undefined; a variant of another objective is listed as not carried.
 */
export function objectiveVariant(
  plan: Plan,
  step: FineTuneStep,
  variants: Readonly<Record<string, Objective>>,
): string | undefined {
  const other = step.hyperparameters?.other ?? {};
  for (const key of ["loss_type", "pref_loss"]) {
    const value = other[key];
    if (value === undefined) continue;
    if (typeof value === "string" && variants[value] === step.objective) return value;
    plan.drop(
      `hyperparameters.other.${key}`,
      value,
      `not a variant of ${step.objective ?? "the objective"} here`,
    );
  }
  return undefined;
}

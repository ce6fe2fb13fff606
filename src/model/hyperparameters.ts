/**
 * Trainer hyperparameter names (transformers, TRL, axolotl, LLaMA-Factory, open-instruct) mapped to ftl's typed
 * keys, and conversion of loose `key=value` input into a typed `Hyperparameters` object.
 */
import type { Hyperparameters } from "../schema/lineage.js";
import { lookupTable } from "./lookup.js";
import { PRECISIONS, type Precision } from "./vocabulary.js";

/** The typed keys of `Hyperparameters`, without the open `other` map. */
export const HYPERPARAMETER_KEYS = [
  "learningRate",
  "epochs",
  "maxSteps",
  "globalBatchSize",
  "perDeviceBatchSize",
  "gradientAccumulationSteps",
  "warmupRatio",
  "warmupSteps",
  "scheduler",
  "optimizer",
  "weightDecay",
  "maxSequenceLength",
  "precision",
  "seed",
  "beta",
] as const;
export type HyperparameterKey = (typeof HYPERPARAMETER_KEYS)[number];

type ValueKind = "number" | "integer" | "string" | "precision";

export const HYPERPARAMETER_KINDS = {
  learningRate: "number",
  epochs: "number",
  maxSteps: "integer",
  globalBatchSize: "integer",
  perDeviceBatchSize: "integer",
  gradientAccumulationSteps: "integer",
  warmupRatio: "number",
  warmupSteps: "integer",
  scheduler: "string",
  optimizer: "string",
  weightDecay: "number",
  maxSequenceLength: "integer",
  precision: "precision",
  seed: "integer",
  beta: "number",
} as const satisfies Record<HyperparameterKey, ValueKind>;

/** Names trainers and model cards use, lower-cased, mapped to the typed key. */
export const HYPERPARAMETER_ALIASES: Readonly<Record<string, HyperparameterKey>> = lookupTable({
  learning_rate: "learningRate",
  lr: "learningRate",
  learningrate: "learningRate",
  num_train_epochs: "epochs",
  num_epochs: "epochs",
  epochs: "epochs",
  max_steps: "maxSteps",
  maxsteps: "maxSteps",
  // The Trainer's card writes max_steps as `training_steps` (transformers' TrainingSummary, blind dev
  // x2-tac-whisper-tiny-norwegian-bokmal-ncc-s: "- training_steps: 100000").
  training_steps: "maxSteps",
  total_train_batch_size: "globalBatchSize",
  global_batch_size: "globalBatchSize",
  globalbatchsize: "globalBatchSize",
  per_device_train_batch_size: "perDeviceBatchSize",
  train_batch_size: "perDeviceBatchSize",
  micro_batch_size: "perDeviceBatchSize",
  perdevicebatchsize: "perDeviceBatchSize",
  gradient_accumulation_steps: "gradientAccumulationSteps",
  gradientaccumulationsteps: "gradientAccumulationSteps",
  warmup_ratio: "warmupRatio",
  lr_scheduler_warmup_ratio: "warmupRatio",
  warmupratio: "warmupRatio",
  warmup_steps: "warmupSteps",
  lr_scheduler_warmup_steps: "warmupSteps",
  warmupsteps: "warmupSteps",
  lr_scheduler_type: "scheduler",
  lr_scheduler: "scheduler",
  scheduler: "scheduler",
  optim: "optimizer",
  optimizer: "optimizer",
  weight_decay: "weightDecay",
  weightdecay: "weightDecay",
  max_seq_length: "maxSequenceLength",
  max_length: "maxSequenceLength",
  sequence_len: "maxSequenceLength",
  cutoff_len: "maxSequenceLength",
  model_max_length: "maxSequenceLength",
  max_sequence_length: "maxSequenceLength",
  maxsequencelength: "maxSequenceLength",
  precision: "precision",
  seed: "seed",
  beta: "beta",
  dpo_beta: "beta",
  pref_beta: "beta",
  kto_beta: "beta",
  rl_beta: "beta",
  orpo_beta: "beta",
});

/** The typed key a trainer's name maps to, if any (`learning_rate` → `learningRate`). */
export function hyperparameterKeyFor(name: string): HyperparameterKey | undefined {
  const lower = name.trim().toLowerCase().replaceAll("-", "_");
  return HYPERPARAMETER_ALIASES[lower];
}

/**
 * Parses a command-line or card value: numbers (`2e-5`, `1.0`), booleans and `null` become JSON values, the
 * rest stays a string.
 */
export function parseLooseValue(raw: string): string | number | boolean | null {
  const value = raw.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  if (/^(null|none)$/i.test(value)) return null;
  return value;
}

export interface HyperparameterProblem {
  name: string;
  message: string;
}

function coerce(
  kind: ValueKind,
  value: unknown,
): { ok: true; value: string | number } | { ok: false; expected: string } {
  const parsed = typeof value === "string" ? parseLooseValue(value) : value;
  switch (kind) {
    case "number":
      return typeof parsed === "number" && Number.isFinite(parsed)
        ? { ok: true, value: parsed }
        : { ok: false, expected: "a number" };
    case "integer":
      return typeof parsed === "number" && Number.isInteger(parsed)
        ? { ok: true, value: parsed }
        : { ok: false, expected: "a whole number" };
    case "string":
      return typeof parsed === "string" || typeof parsed === "number"
        ? { ok: true, value: String(value).trim() }
        : { ok: false, expected: "a name" };
    case "precision": {
      const p = String(value).trim().toLowerCase();
      const named = p === "bfloat16" ? "bf16" : p === "float16" ? "fp16" : p === "float32" ? "fp32" : p;
      return (PRECISIONS as readonly string[]).includes(named)
        ? { ok: true, value: named as Precision }
        : { ok: false, expected: `one of ${PRECISIONS.join(", ")}` };
    }
  }
}

/**
 * The unit a card may write after a count, by key: "2048 tokens", "100 steps", "3 epochs", and ("- **Batch Size**: 4
 * per device", "- **Gradient Accumulation**: 4 steps": blind dev w3-card-onurkan-llama2-7b-oasst1-qlora-sft-hf-card)
 * a batch per device and accumulation steps.
 */
const STEPS = /^(\d+)\s*steps?$/i;
const UNITS: Partial<Record<HyperparameterKey, RegExp>> = {
  maxSequenceLength: /^(\d+)\s*tokens?$/i,
  maxSteps: STEPS,
  warmupSteps: STEPS,
  epochs: /^(\d+(?:\.\d+)?)\s*epochs?$/i,
  gradientAccumulationSteps: STEPS,
  perDeviceBatchSize: /^(\d+)\s*(?:per[ -](?:device|gpu)|\/\s?(?:device|gpu))$/i,
};

/** A count written with the unit of its key ("- **Max Sequence Length:** 2048 tokens") is the count. */
function withoutUnit(key: HyperparameterKey, raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const m = UNITS[key]?.exec(raw.trim());
  return m?.[1] ?? raw;
}

/**
 * Builds typed hyperparameters from trainer-named entries. Known names go to typed keys (converted and
 * checked), unknown names go to `other` under their own name, and values that do not fit are reported.
 *
 * @example
 * hyperparametersFromEntries({ learning_rate: "2e-5", num_train_epochs: "1", lora_r: "64" })
 * // → { hyperparameters: { learningRate: 2e-5, epochs: 1, other: { lora_r: 64 } }, problems: [] }
 */
export function hyperparametersFromEntries(entries: Readonly<Record<string, unknown>>): {
  hyperparameters: Hyperparameters;
  problems: HyperparameterProblem[];
} {
  const typed: Record<string, string | number> = {};
  const other: Record<string, unknown> = {};
  const problems: HyperparameterProblem[] = [];
  for (const [name, raw] of Object.entries(entries)) {
    const key = (HYPERPARAMETER_KEYS as readonly string[]).includes(name)
      ? (name as HyperparameterKey)
      : hyperparameterKeyFor(name);
    if (key === undefined) {
      if (name.toLowerCase() === "bf16" || name.toLowerCase() === "fp16") {
        const flag = typeof raw === "string" ? parseLooseValue(raw) : raw;
        if (flag === true) typed.precision = name.toLowerCase();
        continue;
      }
      other[name] = typeof raw === "string" ? parseLooseValue(raw) : raw;
      continue;
    }
    const result = coerce(HYPERPARAMETER_KINDS[key], withoutUnit(key, raw));
    if (result.ok) typed[key] = result.value;
    else problems.push({ name, message: `${name}: expected ${result.expected}, got ${JSON.stringify(raw)}` });
  }
  const hyperparameters: Hyperparameters = { ...(typed as Hyperparameters) };
  if (Object.keys(other).length > 0) hyperparameters.other = other as Hyperparameters["other"];
  return { hyperparameters, problems };
}

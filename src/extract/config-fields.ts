/**
 * Reading the keys trainers share (hyperparameters, LoRA settings) from a parsed config object into a step.
 * Used by every recipe and output-folder reader.
 */
import { hyperparameterKeyFor, hyperparametersFromEntries } from "../model/hyperparameters.js";
import { lookupTable } from "../model/lookup.js";
import { emptyStep, extracted, type Fact, fact, type StepFacts } from "./facts.js";
import type { ExtractWarning } from "./types.js";

/** Hyperparameters the schema wants at least 1. */
const AT_LEAST_ONE = new Set([
  "maxSteps",
  "globalBatchSize",
  "perDeviceBatchSize",
  "gradientAccumulationSteps",
  "maxSequenceLength",
]);

/** Trainer keys kept under `hyperparameters.other` (the rest of a config is not lineage). */
export const OTHER_HYPERPARAMETERS = new Set([
  "max_prompt_length",
  "loss_type",
  "pref_loss",
  "max_samples",
  "num_devices",
  "sample_packing",
  "packing",
  "max_grad_norm",
  "rpo_alpha",
  "neftune_noise_alpha",
  "lr_scheduler_kwargs",
  "label_smoothing",
  "dpo_norm",
  "alpha",
  "orpo_alpha",
  "simpo_gamma",
  "cpo_alpha",
  "kto_desirable_weight",
  "kto_undesirable_weight",
  // The same preference parameters under TRL's and LLaMA-Factory's names.
  "desirable_weight",
  "undesirable_weight",
  "kto_chosen_weight",
  "kto_rejected_weight",
  "dpo_label_smoothing",
  "num_generations",
  "rl",
  "pretraining_dataset",
]);

/** Adapter keys of PEFT, TRL, axolotl and LLaMA-Factory, to the `Adapter` field they fill. */
export const ADAPTER_KEYS: Readonly<Record<string, string>> = lookupTable({
  r: "rank",
  lora_r: "rank",
  lora_rank: "rank",
  rank: "rank",
  lora_alpha: "alpha",
  lora_dropout: "dropout",
  target_modules: "targetModules",
  lora_target_modules: "targetModules",
  lora_target: "targetModules",
  use_rslora: "useRslora",
  lora_use_rslora: "useRslora",
  peft_use_rslora: "useRslora",
});

/** Converts an adapter value to the schema's shape; undefined when it does not fit. */
export function adapterValue(field: string, raw: unknown): unknown {
  switch (field) {
    case "rank": {
      const n = typeof raw === "string" ? Number(raw) : raw;
      return typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : undefined;
    }
    case "alpha": {
      const n = typeof raw === "string" ? Number(raw) : raw;
      return typeof n === "number" && Number.isFinite(n) ? n : undefined;
    }
    case "dropout": {
      const n = typeof raw === "string" ? Number(raw) : raw;
      return typeof n === "number" && n >= 0 && n <= 1 ? n : undefined;
    }
    case "targetModules": {
      if (raw === "all-linear" || raw === "all") return "all-linear";
      const list = Array.isArray(raw)
        ? raw
        : typeof raw === "string"
          ? raw.split(/[,\s]+/).filter(Boolean)
          : undefined;
      if (!list || list.length === 0 || !list.every((m) => typeof m === "string" && m.trim() !== ""))
        return undefined;
      return [...list].map((m) => String(m).trim()).sort();
    }
    case "useRslora":
      return typeof raw === "boolean" ? raw : undefined;
    default:
      return undefined;
  }
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === "" || (Array.isArray(raw) && raw.length === 0);
}

const TRUE = new Set<unknown>([true, "true", "True"]);
/** `quant: 4bit`, `quantization: "4bit-nf4-double-quant"`, `quantization: bnb_8bit`: the bits a setting loads the base in. */
const BITS_TEXT = /^(?:bnb[-_ ]?)?([48])[-_ ]?bits?(?:$|[-_ ])/i;

/**
 * The bits a training config loads its frozen base in (`load_in_4bit: true`, dev
 * n-int-sizifs-llama2-7b-lora-tuner-continued `"load_in_8bit": true`; `quant: 4bit`, dev
 * s11-rcp-supportbot-mistral7b-v03-qlora-sft; `"quantization": "4bit-nf4-double-quant"`, dev
 * s10-fld-mistral-7b-instruct-v02-qlora-sft-blueprint), if the key is such a setting. An adapter over it is QLoRA
 * (chain-rules.ts); a full fine-tune never reads it.
 */
function quantisedBaseBits(key: string, raw: unknown): 4 | 8 | undefined {
  // `load_4bit: true` is a project's shorter spelling (blind dev g10-rcp-mistral-7b-instruct-qlora-bioasq-local-train-file).
  if (key === "load_in_4bit" || key === "load_in_8bit" || key === "load_4bit" || key === "load_8bit")
    return TRUE.has(raw) ? (key.includes("4bit") ? 4 : 8) : undefined;
  if (key !== "quant" && key !== "quantization" && key !== "quantize") return undefined;
  const m = typeof raw === "string" ? BITS_TEXT.exec(raw.trim()) : null;
  return m ? (Number(m[1]) as 4 | 8) : undefined;
}

/**
 * Reads hyperparameters and adapter settings from the top level of `obj` into `step`. Values of the wrong type
 * become warnings naming the file and key.
 */
export function readTrainingKeys(
  obj: Record<string, unknown>,
  file: string,
  step: StepFacts,
  warnings: ExtractWarning[],
  options: { confidence?: number; fieldPrefix?: string; lines?: Map<string, number> } = {},
): void {
  const confidence = options.confidence ?? 1;
  const prefix = options.fieldPrefix ?? "";
  const prov = (key: string) =>
    extracted(file, { field: `${prefix}${key}`, line: options.lines?.get(key), confidence });
  for (const [key, raw] of Object.entries(obj)) {
    if (isEmpty(raw)) continue;
    const lower = key.toLowerCase();
    const adapterField = ADAPTER_KEYS[lower];
    if (adapterField) {
      const value = adapterValue(adapterField, raw);
      if (value === undefined) {
        if (typeof raw !== "object")
          warnings.push({
            code: "extract.wrong-type",
            message: `${file}: ${prefix}${key} = ${JSON.stringify(raw)} is not a valid adapter ${adapterField}`,
            file,
            field: `${prefix}${key}`,
          });
        continue;
      }
      step.adapter[adapterField] = fact(value, prov(key));
      continue;
    }
    const bits = quantisedBaseBits(lower, raw);
    if (bits !== undefined) {
      step.adapter.quantizationBits ??= fact(bits, prov(key));
      continue;
    }
    if (lower === "bf16" || lower === "fp16" || lower === "tf32") {
      if (raw === true || raw === "true" || raw === "True")
        step.hyperparameters.precision ??= fact(lower, prov(key));
      continue;
    }
    const typed = hyperparameterKeyFor(key);
    if (typed) {
      if (typeof raw === "object") continue;
      const { hyperparameters, problems } = hyperparametersFromEntries({ [key]: raw });
      const value = (hyperparameters as Record<string, unknown>)[typed];
      if (value === undefined) {
        warnings.push({
          code: "extract.wrong-type",
          message: `${file}: ${problems[0]?.message ?? `${key}: unexpected value ${JSON.stringify(raw)}`}`,
          file,
          field: `${prefix}${key}`,
        });
        continue;
      }
      if (typed === "learningRate" && !((value as number) > 0)) continue;
      // A count below 1 is a trainer's "unset" or "no limit" (`max_steps: -1`; ms-swift 2.x `--max_length -1`,
      // dev e-rcp-climate-zoo-swift-llava-next-8b-lora), not a value: the schema wants these at least 1.
      if (AT_LEAST_ONE.has(typed) && (value as number) < 1) continue;
      // No warm-up written out is a trainer's default left in the file, not a choice anyone reports.
      const isDefault = (typed === "warmupSteps" || typed === "warmupRatio") && value === 0;
      const source = isDefault ? { ...prov(key), confidence: Math.min(confidence, 0.8) } : prov(key);
      step.hyperparameters[typed] ??= fact(value, source);
      continue;
    }
    if (OTHER_HYPERPARAMETERS.has(lower) && (typeof raw !== "object" || raw === null)) {
      step.hyperparameters[`other.${key}`] ??= fact(raw, prov(key));
    }
  }
}

/** The value of a fact as a number, if it is one. */
export function numberOf(f: Fact<unknown> | undefined): number | undefined {
  return typeof f?.value === "number" ? f.value : undefined;
}

/** Looks like a Hub id (`org/name`) rather than a local path or a bare name. */
export function isHubId(id: string): boolean {
  return (
    /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(id) &&
    !id.startsWith("./") &&
    !/^(saves|output|outputs|data|models?|checkpoints?)\//i.test(id)
  );
}

/** Line numbers of top-level keys of a YAML text (`key:` at column 0). */
export function topLevelLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const row = text.slice(start, end === -1 ? undefined : end);
    const m = /^["']?([A-Za-z_][\w.-]*)["']?\s*:/.exec(row);
    if (m?.[1] && !lines.has(m[1])) lines.set(m[1], line);
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return lines;
}

/** Is this a setting name a card's lists are read for (a hyperparameter, an adapter setting, bf16/fp16)? */
export function knownKey(key: string): boolean {
  const lower = key.toLowerCase();
  return (
    hyperparameterKeyFor(key) !== undefined ||
    lower in ADAPTER_KEYS ||
    OTHER_HYPERPARAMETERS.has(lower) ||
    lower === "bf16" ||
    lower === "fp16"
  );
}

/**
 * Settings a nested config keeps under its own keys (torchtune's `optimizer.lr`, nanotron's
 * `tokens.micro_batch_size`, NeMo's `model.peft.lora_tuning.adapter_dim`), read under the trainer names of `values`
 * and recorded with the field and line they come from (`where`: trainer name → the config's own key).
 * Hyperparameters and adapter settings are taken.
 */
export function readMappedKeys(
  values: Record<string, unknown>,
  where: Readonly<Record<string, string>>,
  file: string,
  step: StepFacts,
  warnings: ExtractWarning[],
  lines: Map<string, number>,
): void {
  const sub = emptyStep("fine-tune", step.origin);
  readTrainingKeys(values, file, sub, warnings, {
    lines: new Map(Object.keys(values).map((k) => [k, lines.get(where[k] ?? k) ?? 0])),
  });
  const mapped = <T>(f: Fact<T>): Fact<T> => {
    const field = f.source.field ? (where[f.source.field] ?? f.source.field) : undefined;
    return { ...f, source: { ...f.source, ...(field ? { field } : {}) } };
  };
  for (const [k, f] of Object.entries(sub.hyperparameters)) step.hyperparameters[k] = mapped(f);
  Object.assign(
    step.adapter,
    Object.fromEntries(Object.entries(sub.adapter).map(([k, f]) => [k, mapped(f)])),
  );
}

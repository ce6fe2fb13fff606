/**
 * Adapter settings (rank, alpha, dropout, target modules, rsLoRA, quantised base) under each training
 * framework's names. Rank and alpha are required for an adapter; unknown, they are placeholders.
 */
import type { Adapter, FineTuneStep } from "../schema/lineage.js";
import { type KeyInfo, valueFits } from "./keys/key-table.js";
import type { Plan } from "./plan.js";
import type { TrainingFormat } from "./training.js";

interface AdapterNames {
  rank: string;
  alpha: string;
  dropout: string;
  targetModules: string;
  useRslora: string;
}

export const ADAPTER_NAMES: Record<TrainingFormat, AdapterNames> = {
  trl: {
    rank: "lora_r",
    alpha: "lora_alpha",
    dropout: "lora_dropout",
    targetModules: "lora_target_modules",
    useRslora: "use_rslora",
  },
  "alignment-handbook": {
    rank: "lora_r",
    alpha: "lora_alpha",
    dropout: "lora_dropout",
    targetModules: "lora_target_modules",
    useRslora: "use_rslora",
  },
  axolotl: {
    rank: "lora_r",
    alpha: "lora_alpha",
    dropout: "lora_dropout",
    targetModules: "lora_target_modules",
    useRslora: "peft_use_rslora",
  },
  "llama-factory": {
    rank: "lora_rank",
    alpha: "lora_alpha",
    dropout: "lora_dropout",
    targetModules: "lora_target",
    useRslora: "use_rslora",
  },
};

function targetValue(format: TrainingFormat, modules: Adapter["targetModules"]): [string, unknown] {
  const names = ADAPTER_NAMES[format];
  if (modules === "all-linear") {
    if (format === "axolotl") return ["lora_target_linear", true];
    if (format === "llama-factory") return [names.targetModules, "all"];
    return [names.targetModules, "all-linear"];
  }
  return [names.targetModules, format === "llama-factory" ? (modules ?? []).join(",") : modules];
}

/** Writes the adapter keys of an adapter parameterisation; `quantizationBits` is the writer's own business. */
export function writeAdapter(
  plan: Plan,
  step: FineTuneStep,
  format: TrainingFormat,
  keys: Map<string, KeyInfo>,
): void {
  const adapter = step.adapter ?? {};
  const names = ADAPTER_NAMES[format];
  const put = (field: keyof AdapterNames, key: string, value: unknown) => {
    const info = keys.get(key);
    if (!info || !valueFits(info.type, value))
      plan.drop(
        `adapter.${field}`,
        value,
        info ? `not a value ${info.cls}.${key} takes (${info.type})` : "no key",
      );
    else plan.put(key, value);
  };
  if (adapter.rank !== undefined) put("rank", names.rank, adapter.rank);
  else plan.placeholder(names.rank, "LoRA rank");
  if (adapter.alpha !== undefined) put("alpha", names.alpha, adapter.alpha);
  else plan.placeholder(names.alpha, "LoRA alpha");
  if (adapter.dropout !== undefined) put("dropout", names.dropout, adapter.dropout);
  else plan.leaveDefault(names.dropout, "LoRA dropout");
  if (adapter.targetModules !== undefined) {
    const [key, value] = targetValue(format, adapter.targetModules);
    put("targetModules", key, value);
  } else plan.leaveDefault(names.targetModules, "LoRA target modules");
  if (adapter.useRslora !== undefined) put("useRslora", names.useRslora, adapter.useRslora);
  for (const [key, value] of Object.entries(adapter.other ?? {})) {
    const info = keys.get(key);
    if (info && valueFits(info.type, value)) plan.put(key, value);
    else plan.drop(`adapter.other.${key}`, value, "the framework has no key of this name");
  }
}

/** Adapter facts a full fine-tune cannot carry (a full step with a rank is a contradiction worth showing). */
export function dropAdapter(plan: Plan, step: FineTuneStep): void {
  for (const [key, value] of Object.entries(step.adapter ?? {}))
    plan.drop(`adapter.${key}`, value, `a ${step.parameterization ?? "full"} fine-tune has no adapter keys`);
}

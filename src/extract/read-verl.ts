/**
 * verl and EasyR1 settings, as dotted keys (`actor_rollout_ref.model.path=...` on a command line, or the same
 * keys nested in a YAML config): the model trained, its data, the optimiser's learning rate, epochs, LoRA rank,
 * and the objective from `algorithm.adv_estimator` (`gae` is PPO with a critic, `grpo`, `rloo`; other
 * estimators such as `reinforce_plus_plus` are kept by name as objective `other`).
 */

import { lookupTable } from "../model/lookup.js";
import type { Objective } from "../model/vocabulary.js";
import type { DatasetRef } from "../schema/lineage.js";
import { readTrainingKeys } from "./config-fields.js";
import { extracted, type Fact, fact, inferred, localOutput, type StepFacts } from "./facts.js";
import type { ExtractWarning } from "./types.js";

type Obj = Record<string, unknown>;

/** verl `algorithm.adv_estimator` values. */
export const ADV_ESTIMATORS: Readonly<Record<string, Objective>> = lookupTable({
  gae: "rlhf-ppo",
  grpo: "grpo",
  grpo_passk: "grpo",
  drgrpo: "grpo",
  rloo: "rloo",
});

/** Keys naming the trained model, most specific first. */
const MODEL_KEYS = [
  "actor_rollout_ref.model.path",
  "worker.actor.model.model_path",
  "model.partial_pretrain",
  "model.path",
];
const DATA_KEYS = ["data.train_files"];
/** Dotted keys to trainer names `readTrainingKeys` knows. */
const HP_KEYS: Readonly<Record<string, string>> = lookupTable({
  "actor_rollout_ref.actor.optim.lr": "learning_rate",
  "worker.actor.optim.lr": "learning_rate",
  "optim.lr": "learning_rate",
  "trainer.total_epochs": "num_train_epochs",
  "trainer.total_training_steps": "max_steps",
  "trainer.max_steps": "max_steps",
  "actor_rollout_ref.actor.optim.lr_warmup_steps_ratio": "warmup_ratio",
  "worker.actor.optim.lr_warmup_ratio": "warmup_ratio",
  "optim.warmup_steps_ratio": "warmup_ratio",
  "data.seed": "seed",
  "data.micro_batch_size_per_gpu": "per_device_train_batch_size",
  "data.max_length": "max_seq_length",
  "actor_rollout_ref.model.lora_rank": "lora_rank",
  "actor_rollout_ref.model.lora_alpha": "lora_alpha",
  "actor_rollout_ref.model.target_modules": "target_modules",
  "model.lora_rank": "lora_rank",
  "model.lora_alpha": "lora_alpha",
  "model.target_modules": "target_modules",
  "worker.actor.model.lora.rank": "lora_rank",
  "worker.actor.model.lora.alpha": "lora_alpha",
  "worker.actor.model.lora.target_modules": "target_modules",
});
const OUTPUT_KEYS = ["trainer.default_local_dir", "trainer.save_checkpoint_path"];

/** Does this flattened object hold verl / EasyR1 settings? */
export function isVerlConfig(flat: Obj): boolean {
  return MODEL_KEYS.slice(0, 3).some((k) => k in flat) || "algorithm.adv_estimator" in flat;
}

/** A nested object's leaves as dotted keys (`{a: {b: 1}}` → `{"a.b": 1}`); lists stay values. */
export function flatten(obj: Obj, prefix = "", out: Obj = {}): Obj {
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) flatten(v as Obj, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** Line of every dotted key of a block-style YAML text (`a:` then `  b:` → `a.b`). */
export function nestedLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const stack: { indent: number; key: string }[] = [];
  text.split("\n").forEach((row, i) => {
    const m = /^(\s*)["']?([A-Za-z_][\w.-]*)["']?\s*:(\s|$)/.exec(row);
    if (!m?.[2]) return;
    const indent = (m[1] ?? "").length;
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    stack.push({ indent, key: m[2] });
    const path = stack.map((s) => s.key).join(".");
    if (!lines.has(path)) lines.set(path, i + 1);
  });
  return lines;
}

/** `['a.parquet', 'b.parquet']`, `[a,b]`, a list, or one path → the paths. */
export function listOf(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === "string" && x.trim() !== "");
  if (typeof raw !== "string") return [];
  const s = raw.trim();
  const inner = /^\[(.*)\]$/s.exec(s)?.[1];
  return (inner === undefined ? [s] : inner.split(","))
    .map((x) => x.trim().replace(/^["']|["']$/g, ""))
    .filter(Boolean);
}

function datasetOf(path: string): DatasetRef {
  // EasyR1 names a Hub dataset's split after `@` (`hiyouga/math12k@train`).
  const m = /^([A-Za-z0-9][\w.-]*\/[\w.-]+)@([\w.-]+)$/.exec(path);
  return m?.[1] && m[2] ? { id: m[1], split: m[2] } : { id: path };
}

export interface VerlRead {
  file: string;
  lines: Map<string, number>;
  warnings: ExtractWarning[];
  /** Where the values come from, for provenance notes (`verl command`, `EasyR1 config`). */
  confidence?: number;
}

function objectiveOf(flat: Obj, r: VerlRead): Fact<Objective> | undefined {
  const raw = flat["algorithm.adv_estimator"];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const name = raw.trim().toLowerCase();
  const at = extracted(r.file, {
    field: "algorithm.adv_estimator",
    line: r.lines.get("algorithm.adv_estimator"),
  });
  return fact(ADV_ESTIMATORS[name] ?? "other", at);
}

/** Reads verl / EasyR1 dotted keys into `step`. */
export function readVerlKeys(flat: Obj, step: StepFacts, r: VerlRead): void {
  const at = (field: string, confidence = r.confidence ?? 1) =>
    extracted(r.file, { field, line: r.lines.get(field), confidence });
  const model = MODEL_KEYS.find((k) => typeof flat[k] === "string" && (flat[k] as string).trim() !== "");
  if (model) step.inputs.push(fact({ id: (flat[model] as string).trim() }, at(model)));
  for (const key of DATA_KEYS)
    for (const path of listOf(flat[key])) step.datasets.push(fact(datasetOf(path), at(key)));
  const renamed: Obj = {};
  const lines = new Map<string, number>();
  for (const [dotted, name] of Object.entries(HP_KEYS))
    if (flat[dotted] !== undefined && renamed[name] === undefined) {
      renamed[name] = flat[dotted];
      const line = r.lines.get(dotted);
      if (line) lines.set(name, line);
    }
  // `lora_rank: 0` is verl's "no LoRA": the LoRA settings beside it do not apply.
  const zeroRank = Number(renamed.lora_rank) === 0;
  if (zeroRank) for (const k of ["lora_rank", "lora_alpha", "target_modules"]) delete renamed[k];
  const sub = { ...step, hyperparameters: {}, adapter: {} } as StepFacts;
  readTrainingKeys(renamed, r.file, sub, r.warnings, { lines, confidence: r.confidence });
  // Provenance names the file's own dotted key, not the trainer name it was read as.
  const dottedOf = (name: string) =>
    Object.keys(HP_KEYS).find((d) => HP_KEYS[d] === name && flat[d] !== undefined);
  const relabel = (f: Fact<unknown>) => {
    const d = f.source.field ? dottedOf(f.source.field) : undefined;
    return d ? { ...f, source: { ...f.source, field: d } } : f;
  };
  for (const [k, f] of Object.entries(sub.hyperparameters)) step.hyperparameters[k] ??= relabel(f);
  for (const [k, f] of Object.entries(sub.adapter)) step.adapter[k] ??= relabel(f);
  const rank = step.adapter.rank?.value;
  const rankField = step.adapter.rank?.source.field;
  if (typeof rank === "number" && rank > 0 && rankField) step.parameterization = fact("lora", at(rankField));
  else {
    const zero = zeroRank ? dottedOf("lora_rank") : undefined;
    step.parameterization = fact(
      "full",
      zero ? at(zero, 0.9) : inferred(r.file, "no LoRA rank set: verl trains all weights", 0.7),
    );
  }
  const output = OUTPUT_KEYS.find((k) => typeof flat[k] === "string" && (flat[k] as string).trim() !== "");
  if (output)
    step.output = fact((flat[output] as string).trim(), localOutput(r.file, output, r.lines.get(output)));
  const objective = objectiveOf(flat, r);
  if (objective) {
    step.objective = objective;
    const name = String(flat["algorithm.adv_estimator"]).trim();
    if (!ADV_ESTIMATORS[name.toLowerCase()]) step.notes.push(`algorithm.adv_estimator: ${name}`);
  }
}

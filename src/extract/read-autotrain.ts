/**
 * Hugging Face AutoTrain configs (`autotrain --config x.yml`, the layout of autotrain-advanced's
 * `configs/llm_finetuning/*.yml`): `task` (`llm-sft`, `llm-dpo`, `llm-orpo`, `llm-reward`, `llm-generic`, or a
 * non-LLM task such as `text_classification`), `base_model`, `project_name` (the local output folder), `data.path`
 * (a Hub dataset or a local folder), `params` (`lr`, `epochs`, `batch_size`, `peft`, `quantization`, `lora_r`, …)
 * and `hub` (`username`, `push_to_hub`). With `peft: true` AutoTrain trains a LoRA adapter over the base loaded
 * in `quantization` (`int4`, `int8`: QLoRA); without it, all weights.
 */
import type { Objective } from "../model/vocabulary.js";
import { readMappedKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { nestedLines } from "./read-verl.js";
import { isObj, type Obj, str } from "./recipe-values.js";
import type { ExtractWarning } from "./types.js";

/** AutoTrain's LLM trainers by task name (`llm-sft`) or `params.trainer` (`sft`). */
const TRAINERS: Record<string, Objective> = { sft: "sft", dpo: "dpo", orpo: "orpo", reward: "reward-model" };

/** An AutoTrain config: a string `task`, a string `base_model`, and a `params` map. */
export function isAutotrainConfig(obj: Obj): boolean {
  return typeof obj.task === "string" && typeof obj.base_model === "string" && isObj(obj.params);
}

/** AutoTrain's parameter names, as the trainer arguments ftl reads. */
const RENAMED: Record<string, string> = {
  lr: "learning_rate",
  epochs: "num_train_epochs",
  batch_size: "per_device_train_batch_size",
  gradient_accumulation: "gradient_accumulation_steps",
  model_max_length: "max_seq_length",
  scheduler: "lr_scheduler_type",
  optimizer: "optim",
};

function objectiveOf(task: string, params: Obj): { objective: Objective; field: string } | undefined {
  const fromTask = /^llm-(\w+)$/.exec(task)?.[1];
  if (fromTask && TRAINERS[fromTask]) return { objective: TRAINERS[fromTask] as Objective, field: "task" };
  const trainer = str(params.trainer)?.toLowerCase();
  return trainer && TRAINERS[trainer]
    ? { objective: TRAINERS[trainer] as Objective, field: "params.trainer" }
    : undefined;
}

function readParameterization(
  step: StepFacts,
  params: Obj,
  at: (field: string) => ReturnType<typeof extracted>,
) {
  if (params.peft !== true) {
    step.parameterization = fact("full", at("params.peft"));
    return;
  }
  const quantization = str(params.quantization)?.toLowerCase();
  const bits = quantization === "int4" ? 4 : quantization === "int8" ? 8 : undefined;
  step.parameterization = fact(bits ? "qlora" : "lora", at(bits ? "params.quantization" : "params.peft"));
  if (bits) step.adapter.quantizationBits = fact(bits, at("params.quantization"));
}

/** The Hub repository AutoTrain pushes to: `hub.username`/`project_name`, when both are written out. */
function pushedTo(obj: Obj): string | undefined {
  const hub = isObj(obj.hub) ? obj.hub : {};
  const user = str(hub.username);
  const project = str(obj.project_name);
  if (hub.push_to_hub !== true || !user || !project || /\$\{?\w/.test(user)) return undefined;
  return `${user}/${project}`;
}

export function readAutotrain(obj: Obj, text: string, file: string, out: FileFacts): void {
  const step = autotrainStep(obj, file, nestedLines(text), out.warnings);
  step.origin = extracted(file, { note: "AutoTrain config" });
  out.steps.push(step);
}

/** Flags of `autotrain llm --train` that are not training parameters. */
const COMMAND_KEYS = new Set([
  "train",
  "model",
  "data_path",
  "project_name",
  "username",
  "push_to_hub",
  "token",
]);

/**
 * `autotrain llm --train --model X --data-path D --project-name P --trainer sft --peft --quantization int4 --lr …`:
 * the same settings as a config's, as flags (`--data-path` for `data.path`, `--push-to-hub --username U`).
 */
export function autotrainCommand(
  args: { obj: Obj; lines: Map<string, number> },
  file: string,
  warnings: ExtractWarning[],
): StepFacts | undefined {
  const flags: Obj = {};
  const lines = new Map<string, number>();
  for (const [k, v] of Object.entries(args.obj)) {
    const key = k.replace(/-/g, "_");
    flags[key] = v;
    lines.set(key, args.lines.get(k) ?? 0);
  }
  if (flags.train !== true || typeof flags.model !== "string") return undefined;
  const params = Object.fromEntries(Object.entries(flags).filter(([k]) => !COMMAND_KEYS.has(k)));
  const obj: Obj = {
    task: "llm",
    base_model: flags.model,
    params,
    ...(typeof flags.project_name === "string" ? { project_name: flags.project_name } : {}),
    ...(typeof flags.data_path === "string" ? { data: { path: flags.data_path } } : {}),
    hub: { username: flags.username, push_to_hub: flags.push_to_hub },
  };
  const keyLines = new Map<string, number>([
    ["base_model", lines.get("model") ?? 0],
    ["data.path", lines.get("data_path") ?? 0],
    ["project_name", lines.get("project_name") ?? 0],
    ["hub.username", lines.get("username") ?? 0],
    ...[...lines].map(([k, v]): [string, number] => [`params.${k}`, v]),
  ]);
  const step = autotrainStep(obj, file, keyLines, warnings);
  // A command is a recipe run, like the other trainers' commands (read-command.ts).
  step.recipe = true;
  step.finalRun = false;
  return step;
}

function autotrainStep(
  obj: Obj,
  file: string,
  lines: Map<string, number>,
  warnings: ExtractWarning[],
): StepFacts {
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const task = str(obj.task)?.toLowerCase() ?? "";
  const params = isObj(obj.params) ? obj.params : {};
  const step = emptyStep("fine-tune", extracted(file, { note: "AutoTrain settings" }));
  step.inputs.push(fact({ id: str(obj.base_model) as string }, at("base_model")));
  const data = isObj(obj.data) ? str(obj.data.path) : undefined;
  if (data) step.datasets.push(fact({ id: data }, at("data.path")));
  const objective = objectiveOf(task, params);
  if (objective) step.objective = fact(objective.objective, at(objective.field));
  readParameterization(step, params, at);
  const keys: Obj = {};
  const where: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "peft" || k === "quantization" || k === "trainer") continue;
    // `block_size` is the length examples are cut or packed to; the model's maximum length, when given, is the
    // sequence length (dev g14-rcp-autotrain-llama32-dpo).
    if (k === "block_size" && params.model_max_length !== undefined) continue;
    const name = RENAMED[k] ?? (k === "block_size" ? "max_seq_length" : k);
    keys[name] = v;
    where[name] = `params.${k}`;
  }
  readMappedKeys(keys, where, file, step, warnings, lines);
  const pushed = pushedTo(obj);
  const project = str(obj.project_name);
  if (pushed) step.output = fact(pushed, at("hub.username"));
  else if (project) step.output = fact(`local:${project}`, at("project_name"));
  step.framework = fact({ name: "autotrain" }, inferred(file, "recognised as AutoTrain's settings", 0.9));
  return step;
}

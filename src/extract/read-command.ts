/**
 * Training commands, in a shell script or quoted in a card: `accelerate launch open_instruct/dpo_tune.py
 * --model_name_or_path X ...`, `trl sft ...`, `llamafactory-cli train --stage sft ...`, `swift sft ...`,
 * OpenRLHF `deepspeed --module openrlhf.cli.train_dpo --pretrain X`, verl `python -m verl.trainer.main_ppo
 * a.b=c ...`. The flags become an object read by the recipe readers; the objective comes from what the command
 * states (`--loss_type`, `--stage`, `--rlhf_type`, `algorithm.adv_estimator`) or else from the name of the
 * script, module or subcommand that trains (`dpo_tune_cache.py` → dpo, `finetune.py` → sft, `main_ppo` → PPO).
 */

import { lookupTable } from "../model/lookup.js";
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { SCRIPT_NAME_OBJECTIVE_CONFIDENCE } from "./calibration.js";
import { type Args, type Entry, findEntry, mayHaveEntry, parseArgs } from "./command-args.js";
import { mergeLoraStep } from "./command-merge.js";
import { configArgument, configFlag, loadedConfig } from "./command-overlay.js";
import { withProducers } from "./command-producers.js";
import {
  dropPlaceholders,
  olmoCoreCheckpoint,
  parameterizationOfEntry,
  trains,
  verlConfigNote,
} from "./command-rules.js";
import { downloadedCopyStep } from "./evidence/quant-downloads.js";
import { emptyStep, extracted, type Fact, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { autotrainCommand } from "./read-autotrain.js";
import { readLitgpt } from "./read-litgpt.js";
import { readMlxCommands } from "./read-mlx-command.js";
import { lmdeployLite } from "./read-quantize-code.js";
import { type RecipeKind, readRecipe, recipeKind } from "./read-recipe.js";
import { taskVectorFlags } from "./read-task-vector.js";
import { isVerlConfig, readVerlKeys } from "./read-verl.js";
import { xtunerCommand } from "./read-xtuner-command.js";
import { LOSS_VARIANTS } from "./recipe-objective.js";
import { isObj } from "./recipe-values.js";
import { withoutShownAdapterRuns } from "./resumed-adapter.js";
import {
  normaliseScriptFlags,
  ppoFlagsObjective,
  SCRIPT_ALIASES,
  SWIFT2_ALIASES,
  scriptParameterization,
} from "./script-flags.js";
import { shellCommands } from "./shell-words.js";
import { NAME_OBJECTIVE_WORDS, PROMPT_METHODS } from "./terms.js";
import type { ExtractWarning } from "./types.js";

type Obj = Record<string, unknown>;

/**
 * Words that say SFT in a script's name. `finetune.py`, `finetune_lora.sh` name only fine-tuning, not what it optimised (LABELING.md: objective null when the
 * files do not say): no objective from them (dev: 1 of 3 such guesses right).
 */
const SFT_WORDS = new Set(["supervised", "sft"]);

/** Flag names of other trainers, to the names the recipe readers know. */
const ALIASES: Readonly<Record<string, string>> = lookupTable({
  mixer_list: "dataset_mixer_list",
  dpo_loss_type: "loss_type",
  pretrain: "model_name_or_path",
  model: "model_name_or_path",
  prompt_data: "dataset",
  save_path: "output_dir",
  max_epochs: "num_train_epochs",
  micro_train_batch_size: "per_device_train_batch_size",
  max_len: "max_seq_length",
  seq_len: "max_seq_length",
  dataset_path: "dataset",
  data_path: "dataset",
  // A project's own script (`--train_data_path data/train.json`: dev s1-ne-zh-afac2024-chatglm3-6b-qlora-readme-args;
  // `--train_data_dir`, `--train_path`)
  train_data_path: "dataset",
  train_data_dir: "dataset",
  train_data_file: "dataset",
  train_path: "dataset",
  // `--data_name_or_path maywell/ko_wikidata_QA` (dev t9-rcp-ko-gemma2-2b-it-lora-sft-ko-wikidata-qa), the dataset's
  // counterpart of `--model_name_or_path`.
  data_name_or_path: "dataset",
  dataset_name_or_path: "dataset",
  "train_module.optim.lr": "learning_rate",
});

/**
 * Flags a project's own training script takes (no framework named by the command), to the names the recipe
 * readers know: `python src/run_sft.py --base_model X --train_jsonl a.jsonl --save_dir out --epochs 2 --lr 1e-4
 * --grad_accum 16` (dev t10-rcp-llama31-8b-lora-helpful-then-safety-sft-then-dpo). `--batch_size` is left out: in
 * alpaca-lora's `finetune.py` and its copies it is the global batch beside `--micro_batch_size`.
 */
const PROJECT_ALIASES: Readonly<Record<string, string>> = lookupTable({
  base_model: "model_name_or_path",
  base_model_name: "model_name_or_path",
  train_jsonl: "dataset",
  train_json: "dataset",
  train_data: "dataset",
  train_dataset: "dataset",
  save_dir: "output_dir",
  output_path: "output_dir",
  epochs: "num_train_epochs",
  num_epochs: "num_train_epochs",
  lr: "learning_rate",
  grad_accum: "gradient_accumulation_steps",
  grad_accum_steps: "gradient_accumulation_steps",
  gradient_accumulation: "gradient_accumulation_steps",
  resume_adapter: "adapter_name_or_path",
  // `trainer.py --model_path EleutherAI/polyglot-ko-12.8b --seq_length=1024 --lora --lora_r 16` (blind dev
  // g9-rcp-polyglot-ko-128b-lora-r16-deepspeed-trainer-sh).
  model_path: "model_name_or_path",
  seq_length: "max_seq_length",
  lora: "use_peft",
});

/** ms-swift `--rlhf_type` values. */
const SWIFT_RLHF: Readonly<Record<string, Objective>> = lookupTable({
  ...LOSS_VARIANTS,
  ppo: "rlhf-ppo",
  rm: "reward-model",
  gkd: "distillation",
});

const SWIFT_TRAIN_TYPES: Readonly<Record<string, Parameterization>> = lookupTable({
  lora: "lora",
  qlora: "qlora",
  dora: "dora",
  full: "full",
  longlora: "lora",
  adalora: "lora",
  ia3: "ia3",
});

/** The objective a script, module or subcommand name gives (`dpo_tune_cache.py` → dpo). */
export function objectiveOfEntry(name: string): Objective | undefined {
  const base = (name.split("/").pop() ?? name).replace(/\.py$/i, "");
  const tokens = base
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (const t of tokens) if (NAME_OBJECTIVE_WORDS[t] && t !== "sft") return NAME_OBJECTIVE_WORDS[t];
  // open-instruct's `finetune.py` is its SFT script (allenai/open-instruct docs: "finetune.py … SFT").
  if (/(^|[/.])open_instruct[/.]finetune(\.py)?$/.test(name)) return "sft";
  return tokens.some((t) => SFT_WORDS.has(t)) ? "sft" : undefined;
}

/** The framework the command runs, when the command shows it; undefined for a project's own script. */
function framework(entry: Entry, obj: Obj): string | undefined {
  if (entry.kind === "llama-factory" || "stage" in obj || "finetuning_type" in obj) return "llama-factory";
  if (entry.kind === "swift") return "ms-swift";
  if (entry.kind === "trl" || /(^|\/)trl\//.test(entry.name)) return "trl";
  if (/openrlhf/i.test(entry.name)) return "openrlhf";
  if (/open_instruct/i.test(entry.name) || "dataset_mixer_list" in obj) return "open-instruct";
  if (/^verl\./.test(entry.name)) return "verl";
  return undefined;
}

/** The flags renamed for the recipe readers; OpenRLHF's `train_batch_size` is the global batch. */
function renamed(args: Args, fw: string | undefined): Args {
  const obj: Obj = {};
  const lines = new Map<string, number>();
  for (const [k, v] of Object.entries(args.obj)) {
    let key =
      ALIASES[k] ??
      SCRIPT_ALIASES[k] ??
      (fw === "ms-swift" ? SWIFT2_ALIASES[k] : fw === undefined ? PROJECT_ALIASES[k] : undefined) ??
      k;
    if (fw === "openrlhf" && k === "train_batch_size") key = "total_train_batch_size";
    if (key === "dataset" && Array.isArray(v)) obj[key] = v.join(",");
    else obj[key] ??= v;
    const line = args.lines.get(k);
    if (line) lines.set(key, line);
  }
  return { obj, lines, positional: args.positional };
}

function entryObjective(entry: Entry, file: string): Fact<Objective> | undefined {
  if (entry.kind === "swift" && entry.name === "rlhf") return undefined;
  const objective = objectiveOfEntry(entry.name);
  if (!objective) return undefined;
  if (entry.kind === "trl" || entry.kind === "swift")
    return fact(objective, extracted(file, { field: "command", line: entry.line, note: entry.name }));
  // `dpo_tune_cache.py`, `main_ppo` name what they optimise; `supervised_train.py` says SFT without the word:
  // a guess, below the 0.9 bucket. (`finetune.py` alone gives no objective: see SFT_WORDS.)
  const generic = objective === "sft" && !/(^|[^a-z])sft([^a-z]|$)/i.test(entry.name);
  return fact(
    objective,
    inferred(
      file,
      `from the name of ${entry.name}, the ${entry.kind} that trains${generic ? " (a name that says only fine-tuning)" : ""}`,
      generic ? 0.7 : SCRIPT_NAME_OBJECTIVE_CONFIDENCE,
      "command",
    ),
  );
}

function recipeKindOf(fw: string | undefined, obj: Obj): RecipeKind {
  if (fw === "open-instruct") return "open-instruct";
  const kind = recipeKind(obj);
  return kind === "llama-factory" || kind === "open-instruct" ? kind : "trl-recipe";
}

/** Settings only ms-swift and OpenRLHF state: the kind of adapter, a LoRA rank, a preference variant. */
function applyTrainerSettings(
  step: StepFacts,
  obj: Obj,
  fw: string | undefined,
  file: string,
  lines: Map<string, number>,
) {
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const trainType = typeof obj.train_type === "string" ? obj.train_type.toLowerCase() : undefined;
  const bits = Number(obj.quantization_bit);
  if (trainType)
    step.parameterization = fact(
      trainType === "lora" && (bits === 4 || bits === 8)
        ? "qlora"
        : (SWIFT_TRAIN_TYPES[trainType] ?? PROMPT_METHODS[trainType] ?? "other"),
      at("train_type"),
    );
  else if (fw === "openrlhf" || fw === "ms-swift") {
    const rank = Number(obj.lora_rank);
    if (rank > 0) step.parameterization = fact(obj.load_in_4bit === true ? "qlora" : "lora", at("lora_rank"));
  }
  if (fw === "ms-swift")
    // ms-swift samples a dataset with `id#N`.
    step.datasets = step.datasets.map((d) => {
      const m = /^(.+)#(\d+)$/.exec(d.value.id ?? "");
      return m?.[1]
        ? { ...d, value: { ...d.value, id: m[1], size: { count: Number(m[2]), unit: "samples" } } }
        : d;
    });
  const rlhf = typeof obj.rlhf_type === "string" ? obj.rlhf_type.toLowerCase() : undefined;
  if (rlhf) {
    step.objective = fact(SWIFT_RLHF[rlhf] ?? "other", at("rlhf_type"));
    if (!SWIFT_RLHF[rlhf] || SWIFT_RLHF[rlhf] !== rlhf) step.notes.push(`rlhf_type: ${rlhf}`);
  }
}

function readFlags(
  entry: Entry,
  args: Args,
  file: string,
  warnings: ExtractWarning[],
): StepFacts | undefined {
  const fw = framework(entry, args.obj);
  const { obj, lines } = renamed(args, fw);
  const inner: FileFacts = { file, kind: "command", bases: [], steps: [], warnings };
  readRecipe(recipeKindOf(fw, obj), obj, file, "", inner, lines);
  const step = inner.steps.at(-1);
  if (!step) return undefined;
  if (inner.steps.length === 2) step.resumed = inner.steps[0];
  if (fw) step.framework = fact({ name: fw }, inferred(file, `a ${fw} training command`, 0.9));
  else {
    delete step.framework;
    // "Full unless LoRA is asked for" and "SFT when it has data" are TRL's and open-instruct's defaults, not
    // every script's: a project's own script states its objective or names it.
    if (step.parameterization?.source.confidence === 0.7) delete step.parameterization;
    if (step.objective?.source.source === "inferred") delete step.objective;
  }
  applyTrainerSettings(step, obj, fw, file, lines);
  return step;
}

/**
 * A project's script or module whose name says it prepares data, evaluates, exports or serves
 * (`python -m scripts.prepare_data --config configs/data.yaml`, `scripts.eval_harness`: blind dev
 * g8-ne-zh-qwen25-7b-chinese-instruct-sft-then-dpo) and says nothing of training: no training step.
 */
const NOT_TRAINING_ENTRY =
  /(?:^|[_-])(?:prepare|preprocess(?:ing)?|process|data|dataset|download|infer|inference|predict|generate|eval|evaluate|harness|export|serve|server|app|demo|chat|test)s?(?:[_-]|$)/i;
const TRAINING_WORD = /train|tun|sft|dpo|orpo|kto|grpo|ppo|rlhf|distil|pretrain|merge|quant/i;

function preparesOrUses(entry: Entry): boolean {
  if (entry.kind !== "script" && entry.kind !== "module") return false;
  const last = (entry.name.split(/[\\/]/).pop() ?? entry.name).replace(/\.py$/i, "").split(".").pop() ?? "";
  return NOT_TRAINING_ENTRY.test(last) && !TRAINING_WORD.test(last);
}

/** The step one command describes, or undefined when it trains nothing ftl can see. */
export function readCommandWords(
  words: Parameters<typeof findEntry>[0],
  file: string,
  warnings: ExtractWarning[],
  scriptObjective?: Fact<Objective>,
  candidates?: StepFacts[],
  quoted = false,
): StepFacts | undefined {
  const entry = findEntry(words);
  if (!entry || entry.kind === "axolotl" || preparesOrUses(entry)) return undefined;
  const args = parseArgs(words, entry.args);
  if (entry.kind === "litgpt") return litgptCommand(entry, args, file, warnings);
  if (entry.kind === "lmdeploy") return lmdeployLite(entry, args, file);
  if (entry.kind === "xtuner") return xtunerCommand(entry, args, file);
  if (entry.kind === "autotrain") return autotrainCommand(args, file, warnings);
  const vector =
    entry.kind === "script" ? taskVectorFlags(entry.name, args.obj, file, args.lines) : undefined;
  if (vector) {
    vector.recipe = true;
    return vector;
  }
  const merge = mergeLoraStep(entry, args, file, quoted);
  if (merge) return merge;
  // `swift export` without a merge or a quantisation (a format conversion, a push) trains nothing.
  if (entry.kind === "swift" && !/^(?:sft|pt|rlhf)$/.test(entry.name)) return undefined;
  normaliseScriptFlags(args.obj);
  const origin = extracted(file, { line: entry.line, note: `training command (${entry.name})` });
  let step: StepFacts | undefined;
  if (isVerlConfig(args.obj) || /^verl\./.test(entry.name)) {
    step = emptyStep("fine-tune", origin);
    readVerlKeys(args.obj, step, { file, lines: args.lines, warnings });
    step.framework = fact({ name: "verl" }, inferred(file, "a verl training command", 0.9));
  } else step = readFlags(entry, args, file, warnings);
  if (!step) return undefined;
  step.origin = origin;
  step.recipe = true;
  if (entry.kind === "script" && /\.py$/i.test(entry.name))
    step.script = { name: entry.name, flags: args.obj, lines: args.lines };
  step.finalRun = false;
  olmoCoreCheckpoint(entry, args, step, file);
  const byName = entryObjective(entry, file);
  // `beta` alone is no statement of DPO: GRPO and PPO scripts take a KL `--beta` too.
  const weakObjective =
    !step.objective || step.objective.source.source === "inferred" || step.objective.source.field === "beta";
  if (byName && weakObjective) step.objective = byName;
  ppoFlagsObjective(args.obj, step, file, args.lines);
  parameterizationOfEntry(entry, step, file);
  scriptParameterization(entry, args.obj, step, file);
  // A model flag that is only a placeholder still says the command trains a model (one the reader supplies).
  const modelGiven = step.inputs.length > 0;
  dropPlaceholders(step, warnings);
  if (!step.objective && /^verl\.trainer\.main_ppo$/.test(entry.name))
    step.objective = fact(
      "rlhf-ppo",
      inferred(file, "verl's main_ppo without adv_estimator runs PPO (gae)", 0.7),
    );
  verlConfigNote(args, step, file);
  step.objective ??= scriptObjective;
  // The settings file a script loads (its YAML argument, a settings flag): folded into this step when it is
  // among the files (command-overlay.ts), the command's own values winning (dev s3-rcp-dpo-finetuning-qwen2-05b-cvalues).
  if (entry.kind === "script" || entry.kind === "module") {
    configArgument(args.positional, step, file);
    configFlag(args.obj, args.lines, step, file);
  }
  if (trains(step, modelGiven)) return step;
  // A model it loads and a folder it writes: it may have made what a later command trains from.
  if (step.inputs.length > 0 && step.output) candidates?.push(step);
  if (entry.kind !== "script" && entry.kind !== "module") return undefined;
  // Kept until the files are grouped: it becomes a run when the config it loads is among them.
  if (!loadedConfig(step)) return undefined;
  step.parameters.configOnly = fact(true, origin);
  return step;
}

/**
 * `litgpt finetune_lora ORG/NAME --data Alpaca2k --train.epochs 3`: the flags as the nested settings of a LitGPT
 * config (`--data JSON --data.json_path f` → `data: {class_path: JSON, json_path: f}`), the model the positional.
 */
function litgptCommand(
  entry: Entry,
  args: Args,
  file: string,
  warnings: ExtractWarning[],
): StepFacts | undefined {
  const obj: Obj = {};
  const lines = new Map<string, number>();
  for (const [key, value] of Object.entries(args.obj)) {
    const path = key.split(".");
    let at = obj;
    for (const part of path.slice(0, -1)) {
      const next = at[part];
      at[part] = typeof next === "string" ? { class_path: next } : isObj(next) ? next : {};
      at = at[part] as Obj;
    }
    const last = path[path.length - 1] as string;
    if (isObj(at[last]) && typeof value === "string") (at[last] as Obj).class_path = value;
    else at[last] = value;
    lines.set(key, args.lines.get(key) ?? entry.line);
  }
  const model = args.positional[0];
  if (model && !model.unknown && obj.checkpoint_dir === undefined && obj.initial_checkpoint_dir === undefined)
    obj[entry.name === "pretrain" ? "initial_checkpoint_dir" : "checkpoint_dir"] = model.text;
  const inner: FileFacts = { file, kind: "command", bases: [], steps: [], warnings };
  readLitgpt(obj, file, inner, lines, { command: entry.name, line: entry.line });
  const step = inner.steps[0];
  if (!step) return undefined;
  step.recipe = true;
  step.finalRun = false;
  return step;
}

/**
 * The training steps of the commands in `text` (a whole `.sh` file, or a card's code block starting at line
 * `lineOffset + 1`, `quoted` in the card). Commands that train nothing ftl recognises are skipped.
 */
export function readCommands(
  text: string,
  file: string,
  lineOffset = 0,
  warnings: ExtractWarning[] = [],
  quoted = false,
): StepFacts[] {
  const steps: StepFacts[] = readMlxCommands(text, file, lineOffset);
  if (!mayHaveEntry(text)) return steps;
  const byFileName = scriptFileObjective(file, lineOffset);
  const candidates: StepFacts[] = [];
  for (const command of shellCommands(text, lineOffset)) {
    const step = readCommandWords(command.words, file, warnings, byFileName, candidates, quoted);
    if (!step) continue;
    // The run that trained the adapter this one resumes (resumed-adapter.ts) goes before it.
    if (step.resumed) steps.push(step.resumed);
    delete step.resumed;
    steps.push(step);
  }
  return withProducers(withoutShownAdapterRuns(steps), candidates);
}

/**
 * The objective a shell script's own file name gives (`run_train_sft.sh` → sft), used only when its command
 * states none and its entry point's name gives none; never for a command quoted in a card (line offset > 0).
 */
function scriptFileObjective(file: string, lineOffset: number): Fact<Objective> | undefined {
  const parts = file.split(/[/\\]/);
  const name = parts.pop() ?? file;
  if (lineOffset > 0 || !/\.(sh|bash|zsh)$/i.test(name)) return undefined;
  // …or its folder's (`train/sft/finetune_lora.sh`, dev r-rcp-flagalpha-llama2-chinese-sft-qlora).
  const folder = parts.at(-1) ?? "";
  const own = objectiveOfEntry(name.replace(/\.\w+$/, ""));
  const objective = own ?? objectiveOfEntry(folder);
  const what = own ? `the script file ${name}` : `the folder ${folder} of the script`;
  return objective ? fact(objective, inferred(file, `from the name of ${what}`, 0.6, "command")) : undefined;
}

/** Reads a shell script into `out`. */
export function readShellScript(text: string, file: string, out: FileFacts): void {
  out.kind = "shell-script";
  out.steps.push(...readCommands(text, file, 0, out.warnings));
  // A script that only fetches one quantised copy (`huggingface-cli download TheBloke/X-GGUF x.Q4_K_M.gguf`) is
  // about that copy, as a card that downloads it is (dev g2-qnt-gjbex-mistrallite-7b-gguf).
  const copy = out.steps.length === 0 ? downloadedCopyStep(text, file) : undefined;
  if (copy) out.steps.push(copy);
  if (out.steps.length === 0)
    out.warnings.push({
      code: "file.unrecognised",
      message: `${file}: a shell script with no training command ftl recognises; file skipped`,
      file,
    });
}

/** Does this text look like a shell script (by name or by its `#!` line)? */
export function isShellScript(path: string, text: string): boolean {
  return /\.(sh|bash|zsh)$/i.test(path) || /^#!\s*\S*\b(ba|z|da)?sh\b/.test(text);
}

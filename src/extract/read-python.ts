/**
 * Python training code among the files (`train.py`, `config.py`, a project's `training/trainer.py`): what the code
 * itself states, each fact citing its file and line. The trainer class it builds names the objective
 * (`DPOTrainer(` → DPO, `RewardTrainer(` → reward model; a plain `Trainer(` names none); `LoraConfig(r=16)` or
 * unsloth's `get_peft_model(model, r=32)` is a LoRA adapter, QLoRA with `load_in_4bit=True`, DoRA with
 * `use_dora=True`; `load_dataset("org/name")` and `load_dataset("json", data_files="x.jsonl")` name the data;
 * `AutoModel….from_pretrained("org/name")` (or a trainer's `model="org/name"`) the base; keyword arguments of
 * `TrainingArguments(` / `DPOConfig(` … the hyperparameters. Code without a trainer states no objective and no
 * parameterisation is guessed: training without an adapter is left unsaid.
 *
 * The files of one project are one program when exactly one of them builds a trainer (the others are its
 * modules); several trainer files are several runs. Files whose names say they only run a model (`inference.py`,
 * `app.py`) are not read.
 */
import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { emptyStep, extracted, type Fact, type FileFacts, fact, type StepFacts } from "./facts.js";
import { programConfig } from "./program-config.js";
import {
  assignments,
  blankNonCode,
  callArguments,
  findCalls,
  literal,
  moduleConstants,
  type PyCall,
  type PyValue,
  pyValue,
} from "./python-scan.js";
import { readMergekitString } from "./read-python-yaml.js";
import { quantizeCode } from "./read-quantize-code.js";
import { readRecipe } from "./read-recipe.js";
import { readTaskVectorCode } from "./read-task-vector.js";
import { isXtunerConfig, readXtunerConfig } from "./read-xtuner.js";
import type { SourceFile } from "./types.js";

/** TRL's trainer and config prefixes, to objectives. */
export const TRL_OBJECTIVES: Readonly<Record<string, Objective>> = {
  SFT: "sft",
  DPO: "dpo",
  OnlineDPO: "dpo",
  ORPO: "orpo",
  KTO: "kto",
  CPO: "cpo",
  GRPO: "grpo",
  PPO: "rlhf-ppo",
  PPOv2: "rlhf-ppo",
  RLOO: "rloo",
  Reward: "reward-model",
  GKD: "distillation",
};
const CONFIG_CALL = /^(?:(\w+)Config|TrainingArguments|Seq2SeqTrainingArguments)$/;
const NOT_TRAINING =
  /(^|[_-])(infer|inference|predict|generate|generation|eval|evaluate|serve|server|app|demo|chat|test)s?([_.-]|$)/i;
const FILE_FORMATS = new Set(["json", "csv", "parquet", "text", "arrow", "pandas"]);
const MODEL_LOADERS =
  /^(AutoModel\w*|\w+For(CausalLM|SequenceClassification|Seq2SeqLM|ConditionalGeneration)|FastLanguageModel|FastModel|FastVisionModel)$/;
const ADAPTER_KEYS: Readonly<Record<string, string>> = {
  r: "lora_r",
  lora_alpha: "lora_alpha",
  lora_dropout: "lora_dropout",
  target_modules: "lora_target_modules",
};

/** A command-line value the code passes on: `args.batch_size`, `script_args.lr`. */
const ARGS_FIELD = /^(?:args|opt|opts|cli|flags|script_args|cli_args)\.(\w+)$/;

const trainerObjective = (name: string) => {
  const prefix = /^(\w*)Trainer$/.exec(name)?.[1];
  return prefix !== undefined ? TRL_OBJECTIVES[prefix] : undefined;
};
const isTrainer = (name: string) => /^\w*Trainer$/.test(name) && !/^(Base|Callback)/.test(name);
const isConfig = (name: string) => {
  const m = CONFIG_CALL.exec(name);
  return m !== null && (m[1] === undefined || m[1] in TRL_OBJECTIVES);
};

/** What one file of a program states, with the line of each. */
interface Part {
  file: string;
  trainers: PyCall[];
  calls: PyCall[];
  vars: Map<string, PyValue>;
  /** Module-level settings (`LEARNING_RATE = 1e-4`, `MODEL_ID = "Qwen/Qwen3-0.6B"`) under recipe key names. */
  constants: Map<string, { value: PyValue; line: number }>;
}

function readPart(file: SourceFile): Part {
  const code = blankNonCode(file.text);
  const wanted = (n: string) =>
    isTrainer(n) ||
    isConfig(n) ||
    n === "LoraConfig" ||
    n === "get_peft_model" ||
    n === "load_dataset" ||
    n === "from_pretrained" ||
    n === "BitsAndBytesConfig" ||
    n === "merge_and_unload" ||
    n === "save_pretrained" ||
    n === "push_to_hub";
  const calls = findCalls(code, wanted);
  return {
    file: file.path,
    trainers: calls.filter((c) => isTrainer(c.name)),
    calls,
    vars: assignments(code),
    constants: moduleConstants(code),
  };
}

/** Where a setting was read; `byDefault`: the value is an argparse default, which the command line may override. */
type Where = { file: string; line: number; key: string; byDefault?: boolean };

/** The program's settings as a recipe object, with where each key was read. */
function settings(parts: Part[]): {
  obj: Record<string, unknown>;
  at: Map<string, Where>;
  flagKeys: Record<string, string>;
} {
  const obj: Record<string, unknown> = {};
  const at = new Map<string, Where>();
  const flagKeys: Record<string, string> = {};
  const set = (key: string, value: PyValue | undefined, p: Part, c: PyCall, raw?: string) => {
    if (value === undefined || key in obj) return;
    obj[key] = value;
    // Names with a dot that `pyValue` resolves are argparse attributes (`args.lr`) or class attributes
    // (`self.lr`, set in `__init__`); only the first are a command line's defaults.
    const name = raw?.trim() ?? "";
    const byDefault = literal(name) === undefined && name.includes(".") && !name.startsWith("self.");
    at.set(key, { file: p.file, line: c.line, key, ...(byDefault ? { byDefault } : {}) });
  };
  for (const p of parts)
    for (const c of p.calls) {
      const { positional, keywords } = callArguments(c.args);
      const value = (k: string) => pyValue(keywords.get(k), p.vars);
      if (isConfig(c.name) || isTrainer(c.name))
        for (const [k, raw] of keywords) {
          if (k === "model" || k === "args") continue;
          set(k, value(k), p, c, raw);
          const flag = ARGS_FIELD.exec(raw)?.[1];
          if (flag) flagKeys[flag] ??= k;
        }
      if (isTrainer(c.name)) set("model_name_or_path", value("model"), p, c);
      if (c.name === "LoraConfig" || c.name === "get_peft_model") {
        const rank = value("r");
        if (rank === undefined && c.name === "get_peft_model") continue;
        set("use_peft", true, p, c);
        for (const [k, key] of Object.entries(ADAPTER_KEYS)) set(key, value(k), p, c);
        set("use_dora", value("use_dora"), p, c);
      }
      for (const bits of ["load_in_4bit", "load_in_8bit"]) if (value(bits) === true) set(bits, true, p, c);
      const loader = c.name === "from_pretrained" && MODEL_LOADERS.test(c.callee.split(".").at(-2) ?? "");
      // unsloth loads the model for the sequence length it trains at.
      if (loader && /^Fast/.test(c.callee)) set("max_seq_length", value("max_seq_length"), p, c);
      if (loader)
        set(
          "model_name_or_path",
          value(keywords.has("model_name") ? "model_name" : "pretrained_model_name_or_path") ??
            pyValue(positional[0], p.vars),
          p,
          c,
        );
    }
  // Module-level settings fill what no call states.
  for (const p of parts)
    for (const [key, c] of p.constants)
      if (!(key in obj)) {
        obj[key] = c.value;
        at.set(key, { file: p.file, line: c.line, key });
        if (key === "lora_r" && !("use_peft" in obj)) {
          obj.use_peft = true;
          at.set("use_peft", { file: p.file, line: c.line, key });
        }
      }
  return { obj, at, flagKeys };
}

/** `load_dataset(…)` calls: a Hub id, or a local file for the file formats; evaluation splits left out. */
function datasets(parts: Part[]): Fact<{ id: string }>[] {
  const out: Fact<{ id: string }>[] = [];
  for (const p of parts)
    for (const c of p.calls) {
      if (c.name !== "load_dataset") continue;
      const { positional, keywords } = callArguments(c.args);
      const split = pyValue(keywords.get("split"), p.vars);
      if (typeof split === "string" && /^(test|eval|valid|dev)/i.test(split)) continue;
      const first = pyValue(positional[0] ?? keywords.get("path"), p.vars);
      if (typeof first !== "string") continue;
      const files = FILE_FORMATS.has(first) ? trainFiles(keywords.get("data_files"), p.vars) : first;
      if (typeof files !== "string" || !/^[\w./~-]+$/.test(files) || files === "") continue;
      const local = FILE_FORMATS.has(first) || /^(\.|\/|~)/.test(files) || /\.\w{2,7}$/.test(files);
      const id = local ? `local:${files}` : files;
      if (!out.some((d) => d.value.id === id))
        out.push(fact({ id }, extracted(p.file, { field: "load_dataset", line: c.line })));
    }
  return out;
}

/**
 * The training file a `data_files=` argument names: a string, a name assigned one, the `train` entry of a dict
 * (`{"train": "../data/train.jsonl"}`, `dict(train=path)`: blind dev g13-ne-zh-qwen2-05b-lora-deploy), or a list's
 * only file.
 */
function trainFiles(raw: string | undefined, vars: Map<string, PyValue>): PyValue | undefined {
  const t = raw?.trim() ?? "";
  const entry =
    /^\{\s*["']train["']\s*:\s*([^,}]{1,300})/.exec(t) ?? /^dict\(\s*train\s*=\s*([^,)]{1,300})/.exec(t);
  if (entry) return pyValue(entry[1], vars);
  const list = /^\[\s*(["'][^"'\n]{1,300}["'])[\s,]*\]$/.exec(t);
  return pyValue(list ? list[1] : raw, vars);
}

/** Re-points each fact read from a key to the file and line it came from. */
function cite(step: StepFacts, at: Map<string, Where>): void {
  const facts: (Fact<unknown> | undefined)[] = [
    ...Object.values(step.hyperparameters),
    ...Object.values(step.adapter),
    ...step.inputs,
    ...step.datasets,
    step.output,
    step.parameterization,
  ];
  for (const f of facts) {
    const w = f?.source.field ? at.get(f.source.field) : undefined;
    if (f && w) f.source = { ...f.source, file: w.file, line: w.line };
    // An argparse default (`num_train_epochs=args.epochs`, `--epochs` defaulting to 100) is what runs only when the
    // command line does not say otherwise.
    if (f && w?.byDefault)
      f.source = {
        ...f.source,
        confidence: 0.7,
        note: "the script's argparse default; the command line may override it",
      };
  }
}

function parameterization(obj: Record<string, unknown>): Parameterization | undefined {
  if (obj.use_peft !== true) return undefined;
  if (obj.load_in_4bit === true || obj.load_in_8bit === true) return "qlora";
  return obj.use_dora === true ? "dora" : "lora";
}

/** One program's step, or undefined when it trains nothing ftl can see. */
function readProgram(parts: Part[], entry: Part, text: string): FileFacts {
  const out: FileFacts = { file: entry.file, kind: "python-script", bases: [], steps: [], warnings: [] };
  const { obj, at, flagKeys } = settings([entry, ...parts.filter((p) => p !== entry)]);
  const lines = new Map([...at].map(([k, w]) => [k, w.line]));
  readRecipe("trl-recipe", obj, entry.file, text, out, lines);
  const step = out.steps[0];
  if (!step) return out;
  delete step.objective;
  delete step.parameterization;
  const trainer = entry.trainers.find((t) => trainerObjective(t.name));
  const objective = trainer ? trainerObjective(trainer.name) : undefined;
  if (trainer && objective)
    step.objective = fact(objective, extracted(entry.file, { field: trainer.name, line: trainer.line }));
  const p = parameterization(obj);
  const pAt = at.get("use_peft");
  if (p && pAt) step.parameterization = fact(p, extracted(pAt.file, { field: "use_peft", line: pAt.line }));
  cite(step, at);
  const loaded = datasets([entry, ...parts.filter((x) => x !== entry)]);
  step.datasets = [...loaded, ...step.datasets.filter((d) => !loaded.some((l) => l.value.id === d.value.id))];
  step.origin = extracted(entry.file, { line: trainer?.line, note: "Python training code" });
  const config = programConfig(text, entry.file);
  if (config && step.parameters.config === undefined)
    step.parameters.config = fact(
      config.file,
      extracted(entry.file, { field: "settings file", line: config.line }),
    );
  step.recipe = true;
  step.flagKeys = flagKeys;
  if (!/\btrl\b/.test(text)) delete step.framework;
  const merge = adapterMerge(parts.includes(entry) ? parts : [entry, ...parts], step);
  if (merge) out.steps.push(merge);
  return out;
}

/**
 * PEFT's `merge_and_unload()` after training folds the adapter into the base: an adapter-merge step, its output the
 * first `save_pretrained(X)` / `push_to_hub(X)` after it in the same file. Only for a LoRA program.
 */
function adapterMerge(parts: Part[], trained: StepFacts): StepFacts | undefined {
  if (!trained.parameterization) return undefined;
  for (const p of parts) {
    const merge = p.calls.find((c) => c.name === "merge_and_unload");
    if (!merge) continue;
    const step = emptyStep(
      "adapter-merge",
      extracted(p.file, { line: merge.line, note: "merge_and_unload()" }),
    );
    step.inputs.push(...trained.inputs);
    const save = p.calls.find(
      (c) => (c.name === "save_pretrained" || c.name === "push_to_hub") && c.line >= merge.line,
    );
    const target = save ? pyValue(callArguments(save.args).positional[0], p.vars) : undefined;
    if (save && typeof target === "string" && /^[\w./~-]+$/.test(target)) {
      const id = /^[\w.-]+\/[\w.-]+$/.test(target) && !/^\./.test(target) ? target : `local:${target}`;
      step.output = fact(id, extracted(p.file, { line: save.line, field: save.name }));
      if (
        trained.output &&
        trained.output.value.replace(/^local:(\.\/)?/, "") === target.replace(/^\.\//, "")
      )
        delete trained.output;
    }
    return step;
  }
  return undefined;
}

/** A program that quantises the model it loads (read-quantize-code.ts), as the facts of its file. */
function quantizedProgram(f: SourceFile): FileFacts | undefined {
  const step = quantizeCode(f.text, f.path);
  return step ? { file: f.path, kind: "python-script", bases: [], steps: [step], warnings: [] } : undefined;
}

/**
 * Programs that train nothing and derive a model another way, in the order they are tried: one model's difference
 * from another added to a third (read-task-vector.ts), a mergekit configuration written as a string
 * (read-python-yaml.ts), a post-training quantisation (read-quantize-code.ts).
 */
const DERIVATIONS: readonly ((f: SourceFile) => FileFacts | undefined)[] = [
  readTaskVectorCode,
  readMergekitString,
  quantizedProgram,
];

/** Reads the Python files given together: one program per trainer file (see the file comment). */
export function readPythonFiles(files: SourceFile[]): FileFacts[] {
  // XTuner configs are settings, not programs: read apart (read-xtuner.ts).
  const xtuner = files.filter((f) => isXtunerConfig(f.text));
  if (xtuner.length > 0)
    return [...xtuner.map(readXtunerConfig), ...readPythonFiles(files.filter((f) => !xtuner.includes(f)))];
  const text = (p: Part) => files.find((f) => f.path === p.file)?.text ?? "";
  const read = files.filter((f) => !NOT_TRAINING.test(f.path.split(/[\\/]/).pop() ?? "")).map(readPart);
  const trained = read.filter((p) => p.trainers.length > 0);
  // No trainer class: a program that wraps a loaded model in a PEFT adapter and steps its own loop trains it too.
  const entries = trained.length > 0 ? trained : read.filter((p) => handWrittenLoop(p, text(p)));
  // A program that trains nothing but derives a model another way is read apart, each kind in turn.
  for (const derive of DERIVATIONS) {
    const found = files.flatMap((f) => {
      const part = read.find((p) => p.file === f.path);
      const facts = part && part.trainers.length === 0 ? derive(f) : undefined;
      return facts ? [facts] : [];
    });
    if (found.length > 0)
      return [...found, ...readPythonFiles(files.filter((f) => !found.some((d) => d.file === f.path)))];
  }
  if (entries.length === 1 && entries[0]) return [readProgram(read, entries[0], text(entries[0]))];
  // No trainer among the files: a settings module (`config.py`) that names a model and at least two training
  // settings describes the run its project's script makes.
  if (entries.length === 0)
    return read
      .filter(
        (p) => p.constants.has("model_name_or_path") && [...p.constants.keys()].filter(isSetting).length >= 2,
      )
      .map((p) => readProgram([p], p, text(p)));
  return entries.map((e) => readProgram([e], e, text(e)));
}

/**
 * A training loop written by hand around a PEFT adapter (dev s8-fld-tinyllama-intermediate-cli-qa-lora: a model
 * loaded with `from_pretrained`, wrapped by `get_peft_model`, then `loss.backward()` and `optimizer.step()`).
 */
function handWrittenLoop(p: Part, text: string): boolean {
  const peft = p.calls.some((c) => c.name === "get_peft_model");
  const loaded = p.calls.some((c) => c.name === "from_pretrained");
  return peft && loaded && text.includes(".backward(") && /\boptim\w*\.step\(/.test(text);
}

const isSetting = (key: string) =>
  hyperparameterKeyFor(key) !== undefined || key === "per_device_train_batch_size";

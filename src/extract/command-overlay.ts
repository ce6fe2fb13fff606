/**
 * A training command that loads a config file and overrides some of its keys (EasyR1's `python3 -m
 * verl.trainer.main config=examples/config.yaml worker.actor.model.model_path=Qwen/Qwen3-4B ...`) describes one
 * run: the config's values where the command says nothing, the command's where it does. When the config is
 * among the files read, its step is folded into the command's step (each value keeps the provenance of the
 * file it came from) and the config says nothing on its own.
 */
import { extracted, type FileFacts, fact, type StepFacts } from "./facts.js";

/**
 * A script given a YAML config as its argument (`python scripts/run_sft.py recipes/x/sft/config_full.yaml`,
 * the alignment-handbook and TRL scripts' HfArgumentParser form) loads it: kept as `config` for the fold below,
 * and marked `configOnly` when the command says nothing else that trains.
 */
export function configArgument(
  positional: { text: string; line: number }[],
  step: StepFacts,
  file: string,
): void {
  if (loadedConfig(step)) return;
  const arg = positional.find((w) => /\.ya?ml$/i.test(w.text) && !w.text.includes("$"));
  if (!arg) return;
  step.parameters.config = fact(arg.text, extracted(file, { field: "config file argument", line: arg.line }));
}

/**
 * Flags that hand the script its training settings as a file (`--train_args_json QLoRA.json`, dev
 * s1-ne-zh-afac2024-chatglm3-6b-qlora-readme-args; `--config cfg.yaml`, `--training_args args.json`). A DeepSpeed,
 * accelerate (`--config_file`) or FSDP config is about the hardware, never the run's settings, and is not one.
 */
const SETTINGS_FLAG = /^(?:train(?:ing)?_?args(?:_(?:json|file|path))?|args_(?:json|file)|config|cfg)$/i;
const SETTINGS_FILE = /^[\w./-]{1,200}\.(?:json|ya?ml)$/i;

/** A settings file the command passes by flag, kept as `config` for the fold below (see configArgument). */
export function configFlag(
  flags: Record<string, unknown>,
  lines: Map<string, number>,
  step: StepFacts,
  file: string,
): void {
  if (loadedConfig(step)) return;
  for (const [key, value] of Object.entries(flags)) {
    if (!SETTINGS_FLAG.test(key) || typeof value !== "string" || !SETTINGS_FILE.test(value)) continue;
    step.parameters.config = fact(value, extracted(file, { field: key, line: lines.get(key) }));
    return;
  }
}

/** The config file a command step loads (`config=...`), as the command wrote it. */
export function loadedConfig(step: StepFacts): string | undefined {
  const v = step.parameters.config?.value;
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

const parts = (p: string) => p.replace(/\\/g, "/").replace(/^\.\//, "").split("/").filter(Boolean);
const folder = (p: string) => parts(p).slice(0, -1).join("/");

/** Does the file at `path` hold the config the command at `from` names as `ref`? */
function names(path: string, ref: string, from: string): boolean {
  const file = parts(path);
  const wanted = parts(ref);
  if (file.at(-1) !== wanted.at(-1)) return false;
  // `examples/config.yaml` from the repository root, or the file beside the script; or a file in a sub-folder
  // of the command's folder whose path from there ends the reference (`sft/config_full.yaml` beside a README
  // that runs `recipes/gpt2-nl/sft/config_full.yaml`), a folder and the file at least.
  const suffix = file.slice(-wanted.length).join("/") === wanted.join("/");
  const base = parts(folder(from));
  const inside = base.every((p, i) => file[i] === p) ? file.slice(base.length) : [];
  const tail = inside.length >= 2 && wanted.slice(-inside.length).join("/") === inside.join("/");
  return suffix || tail || folder(path) === folder(from);
}

/** A weak default (`full` at 0.7, a name-derived objective) gives way to what the other file states. */
const weak = (f: { source: { source: string; confidence?: number } } | undefined) =>
  f === undefined || (f.source.source === "inferred" && (f.source.confidence ?? 0.5) <= 0.7);

function fold(config: StepFacts, command: StepFacts, configFile: string): StepFacts {
  const out: StepFacts = {
    ...config,
    origin: command.origin,
    adapter: { ...config.adapter, ...command.adapter },
    hyperparameters: { ...config.hyperparameters, ...command.hyperparameters },
    inputs: command.inputs.length > 0 ? command.inputs : config.inputs,
    datasets: command.datasets.length > 0 ? command.datasets : config.datasets,
    software: [...config.software, ...command.software],
    parameters: { ...config.parameters, ...command.parameters },
    notes: [...command.notes, `values the command does not set come from ${configFile}`, ...config.notes],
    recipe: true,
    finalRun: false,
  };
  const objectiveFromCommand =
    command.objective && (weak(config.objective) || command.objective.source.source === "extracted");
  if (objectiveFromCommand) out.objective = command.objective;
  if (command.parameterization && !weak(command.parameterization))
    out.parameterization = command.parameterization;
  if (command.output) out.output = command.output;
  if (command.framework && !config.framework) out.framework = command.framework;
  return out;
}

/**
 * Folds each config a command loads into the command's step, when exactly one file read is that config and it
 * describes one training step. Returns the files; folded configs keep their file but lose their step.
 */
export function foldLoadedConfigs(files: FileFacts[]): FileFacts[] {
  for (const f of files) {
    f.steps = f.steps.map((step) => {
      const ref = loadedConfig(step);
      if (!ref || step.kind !== "fine-tune") return step;
      const candidates = files.filter(
        (c) =>
          c !== f && names(c.file, ref, f.file) && c.steps.length === 1 && c.steps[0]?.kind === "fine-tune",
      );
      const config = candidates.length === 1 ? candidates[0] : undefined;
      const configStep = config?.steps[0];
      if (!config || !configStep) return step;
      delete step.parameters.configOnly;
      config.steps = [];
      config.warnings.push({
        code: "extract.config-loaded",
        message: `${config.file}: loaded by the command in ${f.file}, which overrides some of its values; read as one run`,
        file: config.file,
      });
      return fold(configStep, step, config.file);
    });
    // A command kept only because it loads a config that is not among the files trains nothing ftl can see,
    // unless it states a method (the corpus guide counts a method as concrete) or a card's prose about the
    // same step was merged into it.
    f.steps = f.steps.filter((s) => {
      if (s.parameters.configOnly === undefined) return true;
      delete s.parameters.configOnly;
      return (
        s.inputs.length > 0 ||
        s.datasets.length > 0 ||
        Object.keys(s.hyperparameters).length > 0 ||
        s.objective !== undefined ||
        s.parameterization !== undefined
      );
    });
    dropProseEchoes(f);
  }
  return files;
}

/**
 * A card that runs its recipes in commands and also tells the same procedure in words ("three steps: continued
 * pretraining, supervised finetuning and DPO") describes each step twice. Prose steps that name nothing (no
 * model, dataset, output or setting) and whose objectives the card's loaded recipes all have are those
 * recipes' steps told in words: dropped, so that the card is one chain.
 */
function dropProseEchoes(f: FileFacts): void {
  const loaded = f.steps.filter((s) => s.recipe && s.objective);
  if (loaded.length === 0) return;
  const objectives = new Set(loaded.map((s) => s.objective?.value));
  const echo = (s: StepFacts) =>
    s.origin.note === "from the card's prose" &&
    !s.recipe &&
    s.objective !== undefined &&
    objectives.has(s.objective.value) &&
    s.inputs.every((i) => !i.value.id) &&
    s.datasets.length === 0 &&
    s.output === undefined &&
    Object.keys(s.hyperparameters).length === 0;
  if (f.steps.some((s) => !s.recipe && !echo(s))) return;
  f.steps = f.steps.filter((s) => !echo(s));
}

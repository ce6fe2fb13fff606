/**
 * Rules for single trainers' commands: OLMo-core's positional checkpoint, a verl / EasyR1 command's `config=`
 * overlay and run name, placeholders a README leaves for the reader (`your_dataset`, `/PATH/TO/MODEL`), and
 * whether a command trains at all.
 */
import type { Provenance } from "../schema/lineage.js";
import type { Args, Entry } from "./command-args.js";
import { extracted, fact, inferred, type StepFacts } from "./facts.js";
import { objectiveFromNames } from "./read-recipe.js";
import type { ExtractWarning } from "./types.js";

/** OLMo-core's training scripts take `train RUN_NAME CHECKPOINT CLUSTER` before their overrides. */
export function olmoCoreCheckpoint(entry: Entry, args: Args, step: StepFacts, file: string): void {
  const [command, , checkpoint] = args.positional;
  if (step.inputs.length > 0 || !/src\/scripts\/train\//.test(entry.name) || command?.text !== "train")
    return;
  step.framework = fact({ name: "olmo-core" }, inferred(file, "an OLMo-core training script", 0.9));
  // The open-instruct reader's "full unless LoRA is asked for" does not hold for OLMo-core's own flags.
  if (step.parameterization?.source.field === "use_peft" && step.parameterization.source.confidence === 0.7)
    delete step.parameterization;
  // OLMo-core counts its global batch in tokens, not sequences.
  if (step.hyperparameters.globalBatchSize?.source.field === "global_batch_size") {
    delete step.hyperparameters.globalBatchSize;
    step.notes.push("global_batch_size is in tokens (OLMo-core)");
  }
  if (checkpoint && /[/\\]/.test(checkpoint.text))
    step.inputs.push(
      fact(
        { id: checkpoint.text },
        extracted(file, {
          field: "CHECKPOINT",
          line: checkpoint.line,
          confidence: 0.8,
          note: "OLMo-core script argument: train RUN_NAME CHECKPOINT CLUSTER",
        }),
      ),
    );
}

/** Dataset names templates leave for the user to fill (`--dataset your_dataset`, `<DATA>`, a bare `$DATA`). */
const DATASET_PLACEHOLDER = /^(?:your[-_ ]?\w*|<[^>]*>|\$\{?\w+\}?|\{\{[^}]*\}\})$/i;
/** Paths a README leaves for the reader to replace (`/PATH/TO/LLAMA2`, `path_to_llama_hf_dir`). */
const PLACEHOLDER_PATH = /(^|[/\\])path[/_ -]?to([/_ -]|$)|(^|[/\\_-])your[-_]/i;

function placeholder(value: string, what: string, at: Provenance, warnings: ExtractWarning[]): boolean {
  warnings.push({
    code: "extract.placeholder",
    message: `${at.file}${at.line ? `:${at.line}` : ""}: ${JSON.stringify(value)} in ${at.field ?? "the command"} is a placeholder, not a ${what}; not counted`,
    file: at.file ?? "",
    ...(at.field ? { field: at.field } : {}),
  });
  return false;
}

export function dropPlaceholders(step: StepFacts, warnings: ExtractWarning[]): void {
  step.datasets = step.datasets.filter(
    (d) =>
      !d.value.id ||
      !(DATASET_PLACEHOLDER.test(d.value.id) || PLACEHOLDER_PATH.test(d.value.id)) ||
      placeholder(d.value.id, "dataset", d.source, warnings),
  );
  step.inputs = step.inputs.filter(
    (i) => !PLACEHOLDER_PATH.test(i.value.id) || placeholder(i.value.id, "model", i.source, warnings),
  );
  if (step.output && PLACEHOLDER_PATH.test(step.output.value)) {
    placeholder(step.output.value, "model", step.output.source, warnings);
    delete step.output;
  }
}

/**
 * Does the step show training: an objective, or a learning rate, epochs or steps, about a named model or
 * dataset? A template whose model flag is a placeholder (`--model_name_or_path path/to/llama-2`) trains too
 * when it states both an objective and a number of epochs, steps or a learning rate.
 */
export function trains(step: StepFacts, modelGiven = false): boolean {
  const hp = step.hyperparameters;
  const amount = hp.learningRate || hp.epochs || hp.maxSteps;
  const said = step.objective !== undefined || amount;
  if (step.inputs.length > 0 || step.datasets.length > 0) return Boolean(said);
  return modelGiven && step.objective !== undefined && Boolean(amount);
}

/**
 * A verl / EasyR1 command that loads a config (`config=examples/config.yaml`) overrides it: the note names the
 * config, and the run's name gives the objective when neither the command nor its module states one.
 */
export function verlConfigNote(args: Args, step: StepFacts, file: string): void {
  const config = args.obj.config;
  if (typeof config === "string") {
    step.notes.push(`loads config ${config}; the command's values override it`);
    // Kept for `foldLoadedConfigs`: a fine-tune step's parameters are not written to the document.
    step.parameters.config = fact(
      config,
      extracted(file, { field: "config", line: args.lines.get("config") }),
    );
  }
  const name = args.obj["trainer.experiment_name"];
  if (step.objective || typeof name !== "string") return;
  const objective = objectiveFromNames(name);
  if (objective && objective !== "reward-model")
    step.objective = fact(
      objective,
      inferred(
        file,
        `from the run name ${name}; the command states no objective`,
        0.6,
        "trainer.experiment_name",
      ),
    );
}

/** `qlora.py`, `train_lora.py`, `dora_finetune`: the script's name says how it trains, when no flag does. */
export function parameterizationOfEntry(entry: Entry, step: StepFacts, file: string): void {
  if (step.parameterization && step.parameterization.source.confidence !== 0.7) return;
  const tokens = (entry.name.split("/").pop() ?? entry.name).toLowerCase().split(/[^a-z0-9]+/);
  const value = (["qlora", "dora", "lora"] as const).find((t) => tokens.includes(t));
  if (value)
    step.parameterization = fact(
      value,
      inferred(file, `from the name of ${entry.name}, the script that trains`, 0.8, "command"),
    );
}

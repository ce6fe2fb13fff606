/**
 * Training and merge recipes: TRL / alignment-handbook, open-instruct, axolotl, LLaMA-Factory (training and
 * export), mergekit, and GGUF manifests. Each recipe describes one step.
 */
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { AXOLOTL_DEFAULT_SFT_CONFIDENCE } from "./calibration.js";
import { numberOf, readTrainingKeys, topLevelLines } from "./config-fields.js";
import {
  emptyStep,
  extracted,
  type FileFacts,
  fact,
  inferred,
  localOutput,
  type StepFacts,
} from "./facts.js";
import {
  compressorModifiers,
  readCompressorRecipe,
  readFactoryExport,
  readManifest,
  readMergekit,
} from "./read-derived-recipes.js";
import { readDatasets } from "./recipe-datasets.js";
import { runCommandObjective, statedObjective } from "./recipe-objective.js";
import { framework, isObj, type Obj, str } from "./recipe-values.js";
import { resumedAdapter } from "./resumed-adapter.js";
import { NAME_OBJECTIVE_WORDS, PROMPT_METHODS } from "./terms.js";

export type RecipeKind =
  | "mergekit"
  | "llama-factory"
  | "llama-factory-export"
  | "axolotl"
  | "open-instruct"
  | "trl-recipe"
  | "gguf-manifest"
  | "llm-compressor";

/** Recognises a recipe by its keys; undefined when the object is no recipe ftl knows. */
export function recipeKind(obj: Obj): RecipeKind | undefined {
  if ("merge_method" in obj || ("slices" in obj && Array.isArray(obj.slices))) return "mergekit";
  // mergekit-evolve: the merge sits under `genome:` (models, merge_method, base_model); `tasks:` are its fitness tests.
  if (isObj(obj.genome) && "merge_method" in obj.genome) return "mergekit";
  if (Array.isArray(obj.experts) && obj.experts.some((e) => isObj(e) && "source_model" in e))
    return "mergekit";
  if ("parent_id" in obj && "variants" in obj) return "gguf-manifest";
  if (compressorModifiers(obj).size > 0) return "llm-compressor";
  // A training run's flags may carry export settings (`llamafactory-cli train --stage sft … --export_dir X`: blind
  // dev w2-rcp-lf-qwen25-7b-instruct-qlora-law-sft-export); `train` does not export, so the stage decides.
  if (
    "export_dir" in obj &&
    !("stage" in obj) &&
    ("adapter_name_or_path" in obj || "model_name_or_path" in obj)
  )
    return "llama-factory-export";
  if ("stage" in obj || "finetuning_type" in obj) return "llama-factory";
  if (
    "base_model" in obj &&
    ("adapter" in obj ||
      "sequence_len" in obj ||
      "micro_batch_size" in obj ||
      "rl" in obj ||
      "datasets" in obj ||
      "base_model_config" in obj)
  )
    return "axolotl";
  if ("dataset_mixer_list" in obj || ("use_flash_attn" in obj && "model_name_or_path" in obj))
    return "open-instruct";
  if (
    "model_name_or_path" in obj &&
    ("tokenizer_name" in obj || "use_slow_tokenizer" in obj) &&
    "dataset_mixer" in obj
  )
    return "open-instruct";
  if (
    "model_name_or_path" in obj &&
    ("dataset_mixer" in obj ||
      "dataset_mixture" in obj ||
      "dataset_name" in obj ||
      "learning_rate" in obj ||
      "num_train_epochs" in obj)
  )
    return "trl-recipe";
  return undefined;
}

/** The first objective word among the tokens of `texts` (`zephyr-7b-dpo-full` → dpo). */
export function objectiveFromNames(...texts: (string | undefined)[]): Objective | undefined {
  for (const text of texts) {
    if (!text) continue;
    for (const token of text.toLowerCase().split(/[^a-z0-9]+/)) {
      // "Distill" in a name is the base's lineage (DeepSeek-R1-Distill-…), not this recipe's objective.
      if (token === "distill" || token === "distillation") continue;
      // Names use more words than prose: "reward" names a reward model's run (TRL's `reward_config.yaml`).
      const hit = NAME_OBJECTIVE_WORDS[token];
      if (hit) return hit;
    }
  }
  return undefined;
}

function setInput(obj: Obj, key: string, file: string, step: StepFacts, lines: Map<string, number>): void {
  const id = str(obj[key]);
  if (!id) return;
  // A checkpoint on a branch (`model_revision: it-SFT`) is a different model from the branch `main`.
  const revision = str(obj.model_revision) ?? str(obj.revision) ?? str(obj.revision_of_model);
  const pinned = revision && revision !== "main" && !id.includes("@") ? `${id}@${revision}` : id;
  step.inputs.push(fact({ id: pinned }, extracted(file, { field: key, line: lines.get(key) })));
}

function setOutput(obj: Obj, file: string, step: StepFacts, lines: Map<string, number>): void {
  // `hub_model_id` with `push_to_hub: false` is a leftover: the run wrote to output_dir only.
  const hub = obj.push_to_hub === false ? undefined : str(obj.hub_model_id);
  const dir = str(obj.output_dir) ?? str(obj.export_dir);
  if (hub)
    step.output = fact(hub, extracted(file, { field: "hub_model_id", line: lines.get("hub_model_id") }));
  else if (dir) {
    const key = obj.output_dir !== undefined ? "output_dir" : "export_dir";
    step.output = fact(dir, localOutput(file, key, lines.get(key)));
  }
}

function parameterize(
  step: StepFacts,
  value: Parameterization,
  file: string,
  field: string,
  line?: number,
  confidence = 1,
): void {
  step.parameterization = fact(value, extracted(file, { field, line, confidence }));
}

function quantBits(obj: Obj, step: StepFacts, file: string, lines: Map<string, number>): number | undefined {
  const key =
    obj.load_in_4bit === true ? "load_in_4bit" : obj.load_in_8bit === true ? "load_in_8bit" : undefined;
  const bits =
    key === "load_in_4bit"
      ? 4
      : key === "load_in_8bit"
        ? 8
        : typeof obj.quantization_bit === "number"
          ? obj.quantization_bit
          : undefined;
  if (bits !== undefined && [2, 3, 4, 8].includes(bits))
    step.adapter.quantizationBits = fact(
      bits,
      extracted(file, { field: key ?? "quantization_bit", line: lines.get(key ?? "quantization_bit") }),
    );
  return bits;
}

const TRAIN_MODES = new Set(["full", "lora", "qlora"]);

function readTrainingRecipe(
  kind: RecipeKind,
  obj: Obj,
  file: string,
  text: string,
  out: FileFacts,
  given?: Map<string, number>,
): void {
  const lines = given ?? topLevelLines(text);
  const step = emptyStep("fine-tune", extracted(file, { note: `${kind} recipe` }));
  step.finalRun = false;
  readTrainingKeys(obj, file, step, out.warnings, { lines });
  // axolotl's `trl:` block holds the preference parameters (`trl.beta`).
  if (isObj(obj.trl)) readTrainingKeys(obj.trl, file, step, out.warnings, { fieldPrefix: "trl." });
  readDatasets(obj, file, step, lines);
  setOutput(obj, file, step, lines);
  const names = [
    str(obj.hub_model_id),
    str(obj.output_dir),
    str(obj.run_name),
    str(obj.wandb_name),
    str(obj.exp_name),
  ];
  let objective: Objective | undefined;
  let objectiveField: string | undefined;
  let objectiveNote: string | undefined;
  let objectiveConfidence: number | undefined;
  if (kind === "axolotl") {
    setInput(obj, "base_model", file, step, lines);
    framework(step, "axolotl", file);
    const adapter = str(obj.adapter)?.toLowerCase();
    const bits = quantBits(obj, step, file, lines);
    if (adapter === "lora" && obj.gptq === true) parameterize(step, "qlora", file, "gptq", lines.get("gptq"));
    else if (adapter === "qlora" || (adapter === "lora" && bits === 4))
      parameterize(step, "qlora", file, "adapter", lines.get("adapter"));
    else if (adapter === "lora")
      parameterize(step, obj.peft_use_dora === true ? "dora" : "lora", file, "adapter", lines.get("adapter"));
    else if (adapter === undefined) parameterize(step, "full", file, "adapter", undefined, 0.7);
    if (obj.lora_target_linear === true && !step.adapter.targetModules)
      step.adapter.targetModules = fact(
        "all-linear",
        extracted(file, { field: "lora_target_linear", line: lines.get("lora_target_linear") }),
      );
  } else if (kind === "llama-factory") {
    setInput(obj, "model_name_or_path", file, step, lines);
    framework(step, "llama-factory", file);
    const ft = str(obj.finetuning_type)?.toLowerCase();
    const bits = quantBits(obj, step, file, lines);
    if (ft === "lora")
      parameterize(
        step,
        bits === 4 ? "qlora" : obj.use_dora === true ? "dora" : "lora",
        file,
        "finetuning_type",
        lines.get("finetuning_type"),
      );
    else if (ft === "full") parameterize(step, "full", file, "finetuning_type", lines.get("finetuning_type"));
    else if (ft)
      parameterize(
        step,
        PROMPT_METHODS[ft] ?? "other",
        file,
        "finetuning_type",
        lines.get("finetuning_type"),
      );
  } else {
    setInput(obj, "model_name_or_path", file, step, lines);
    framework(step, kind === "open-instruct" ? "open-instruct" : "trl", file);
    const lora = obj.use_peft === true || obj.use_lora === true || obj.use_qlora === true;
    const bits = quantBits(obj, step, file, lines);
    if (lora) {
      const key = obj.use_peft !== undefined ? "use_peft" : obj.use_qlora === true ? "use_qlora" : "use_lora";
      const p = bits === 4 || obj.use_qlora === true ? "qlora" : obj.use_dora === true ? "dora" : "lora";
      parameterize(step, p, file, key, lines.get(key));
    } else if (TRAIN_MODES.has(str(obj.train_mode)?.toLowerCase() ?? "")) {
      // Firefly's train args: `train_mode: full | lora | qlora`.
      const mode = str(obj.train_mode)?.toLowerCase() as Parameterization;
      parameterize(
        step,
        mode === "lora" && bits === 4 ? "qlora" : mode,
        file,
        "train_mode",
        lines.get("train_mode"),
      );
    } else if (obj.use_peft === false || obj.use_lora === false) {
      const key = obj.use_peft === false ? "use_peft" : "use_lora";
      parameterize(step, "full", file, key, lines.get(key));
    } else parameterize(step, "full", file, "use_peft", undefined, 0.7);
  }
  const stated = statedObjective(obj) ?? (kind === "trl-recipe" ? runCommandObjective(text) : undefined);
  if (stated) {
    [objective, objectiveField] = [stated.objective, stated.field];
    if (stated.variant) step.notes.push(`${stated.field}: ${stated.variant}`);
  } else if (kind === "axolotl" && obj.pretraining_dataset !== undefined)
    [objective, objectiveField] = ["continued-pretraining", "pretraining_dataset"];
  else if (kind !== "axolotl" && kind !== "llama-factory") {
    const byName = objectiveFromNames(...names, file.replace(/\.[a-z]+$/i, ""));
    if (byName) [objective, objectiveField] = [byName, undefined];
    else if ("beta" in obj) [objective, objectiveField] = ["dpo", "beta"];
    else if (step.datasets.length > 0) {
      objective = "sft";
      objectiveNote = "a recipe that names its data and no objective: SFT, the trainers' default";
      objectiveConfidence = 0.8;
    }
  } else if (kind === "axolotl" && step.datasets.length > 0) {
    objective = "sft";
    objectiveNote = "axolotl trains SFT on its datasets when no `rl` is set";
  }
  if (objective) {
    step.objective = fact(
      objective,
      objectiveField
        ? extracted(file, { field: objectiveField, line: lines.get(objectiveField) })
        : inferred(
            file,
            objectiveNote ?? "from the recipe's file, run or output name",
            objectiveConfidence ?? (objectiveNote ? AXOLOTL_DEFAULT_SFT_CONFIDENCE : 0.8),
          ),
    );
  } else {
    const byName = objectiveFromNames(...names, file.replace(/\.[a-z]+$/i, ""));
    if (byName)
      step.objective = fact(byName, inferred(file, "no objective key; from the recipe's names", 0.6));
  }
  const before = resumedAdapter(obj, file, step, lines);
  if (before) out.steps.push(before);
  out.steps.push(step);
}

/**
 * Reads a recipe object into `out`. `lines` gives the line of each key when the object was not read from YAML
 * text (a command line's flags); without it, lines are those of the top-level keys of `text`.
 */
/**
 * LLaMA-Factory's chat / API / web config (`llamafactory-cli chat x.yaml`: `model_name_or_path`,
 * `adapter_name_or_path`, `template`, `finetuning_type`, `infer_backend`; dev
 * s9-ne-zh-qilv-qwen2-7b-gptq-int4-lf-lora-poem-style): it loads a trained adapter, and names no training.
 */
function factoryInference(obj: Obj): boolean {
  const trains = "stage" in obj || "do_train" in obj || "dataset" in obj || "num_train_epochs" in obj;
  return !trains && ("adapter_name_or_path" in obj || "infer_backend" in obj);
}

export function readRecipe(
  kind: RecipeKind,
  obj: Obj,
  file: string,
  text: string,
  out: FileFacts,
  lines?: Map<string, number>,
): void {
  if (kind === "llama-factory" && factoryInference(obj)) {
    out.warnings.push({
      code: "extract.inference-config",
      message: `${file}: a LLaMA-Factory inference config (an adapter to load, no stage, dataset or do_train): it uses a model and trains none`,
      file,
    });
    return;
  }
  switch (kind) {
    case "mergekit":
      readMergekit(isObj(obj.genome) && "merge_method" in obj.genome ? obj.genome : obj, file, text, out);
      return;
    case "llama-factory-export":
      readFactoryExport(obj, file, text, out);
      return;
    case "gguf-manifest":
      readManifest(obj, file, text, out);
      return;
    case "llm-compressor":
      readCompressorRecipe(obj, file, out);
      return;
    default:
      readTrainingRecipe(kind, obj, file, text, out, lines);
      return;
  }
}

export { numberOf };

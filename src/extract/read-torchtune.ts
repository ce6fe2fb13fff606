/**
 * YAML configs of trainers whose settings nest: torchtune recipes (`model._component_`,
 * `checkpointer.checkpoint_dir`, `optimizer.lr`, `loss._component_`), verl / EasyR1 configs
 * (`worker.actor.model.model_path`, `algorithm.adv_estimator`, read by `read-verl.ts`), and mlx-lm LoRA configs
 * (`model`, `data`, `fine_tune_type`, `lora_parameters.rank`), and nanotron configs (read-nanotron.ts).
 *
 * torchtune loads a local copy of the model (`checkpoint_dir: /tmp/Meta-Llama-3-8B-Instruct/`): the step's
 * input is that path as written, unless the file's own `tune download ORG/NAME --output-dir <that path>` line
 * says which Hub model the folder holds.
 */
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { readMappedKeys, readTrainingKeys } from "./config-fields.js";
import {
  emptyStep,
  extracted,
  type FileFacts,
  fact,
  inferred,
  localOutput,
  type StepFacts,
} from "./facts.js";
import { isAutotrainConfig, readAutotrain } from "./read-autotrain.js";
import { isLitgptConfig, readLitgpt } from "./read-litgpt.js";
import { isLudwigConfig, readLudwig } from "./read-ludwig.js";
import { readMlx } from "./read-mlx.js";
import { isNanotronConfig, readNanotron } from "./read-nanotron.js";
import { isNemoConfig, readNemo } from "./read-nemo.js";
import { isOumiConfig, readOumi } from "./read-oumi.js";
import { flatten, isVerlConfig, nestedLines, readVerlKeys } from "./read-verl.js";
import { isObj, type Obj, str } from "./recipe-values.js";
import { interpolate, torchtuneInput } from "./torchtune-input.js";

export type NestedConfigKind =
  | "torchtune"
  | "verl"
  | "easyr1"
  | "mlx-lm"
  | "nanotron"
  | "litgpt"
  | "autotrain"
  | "oumi"
  | "ludwig"
  | "nemo";

const component = (v: unknown): string | undefined => (isObj(v) ? str(v._component_) : undefined);

/** Recognises a nested trainer config by its keys. */
export function nestedConfigKind(obj: Obj): NestedConfigKind | undefined {
  const model = component(obj.model) ?? component(obj.policy_model);
  if (model?.startsWith("torchtune.")) return "torchtune";
  const flat = flatten(obj);
  if (isVerlConfig(flat)) return "worker.actor.model.model_path" in flat ? "easyr1" : "verl";
  if (str(obj.model) && ("fine_tune_type" in obj || isObj(obj.lora_parameters))) return "mlx-lm";
  if (isNanotronConfig(obj)) return "nanotron";
  if (isLitgptConfig(obj)) return "litgpt";
  if (isAutotrainConfig(obj)) return "autotrain";
  if (isOumiConfig(obj)) return "oumi";
  if (isLudwigConfig(obj)) return "ludwig";
  if (isNemoConfig(obj)) return "nemo";
  return undefined;
}

/** torchtune losses by class name. */
function lossObjective(loss: string): Objective | undefined {
  const name = (loss.split(".").pop() ?? loss).toLowerCase();
  if (/simpo/.test(name)) return "simpo";
  if (/ipo/.test(name)) return "ipo";
  if (/dpo|rso/.test(name)) return "dpo";
  if (/grpo/.test(name)) return "grpo";
  if (/ppo/.test(name)) return "rlhf-ppo";
  if (/kl|distill/.test(name)) return "distillation";
  // torchtune's cross-entropy losses: `CrossEntropyLoss`, `CEWithChunkedOutputLoss` (its default since 0.3),
  // `LinearCrossEntropyLoss` (dev t10-rcp-torchtune-llama3-8b-instruct-lora-medical-local-json).
  if (/crossentropy|^cewith/.test(name)) return "sft";
  return undefined;
}

function torchtuneParameterization(
  model: Obj,
  file: string,
  lines: Map<string, number>,
): StepFacts["parameterization"] {
  const builder = (str(model._component_)?.split(".").pop() ?? "").toLowerCase();
  const at = (field: string, confidence = 1) =>
    extracted(file, { field: `model.${field}`, line: lines.get(`model.${field}`), confidence });
  let value: Parameterization;
  let field = "_component_";
  if (model.use_dora === true) [value, field] = ["dora", "use_dora"];
  else if (builder.startsWith("qlora_") || (builder.startsWith("lora_") && model.quantize_base === true))
    value = "qlora";
  else if (builder.startsWith("lora_")) value = "lora";
  else
    return fact("full", inferred(file, `model builder ${builder} has no adapter`, 0.8, "model._component_"));
  return fact(value, at(field));
}

function readTorchtune(obj: Obj, text: string, file: string, out: FileFacts): void {
  const lines = nestedLines(text);
  const step = emptyStep("fine-tune", extracted(file, { note: "torchtune recipe config" }));
  const model = (isObj(obj.model) ? obj.model : isObj(obj.policy_model) ? obj.policy_model : {}) as Obj;
  step.parameterization = torchtuneParameterization(model, file, lines);
  if (step.parameterization?.value !== "full") {
    readTrainingKeys(model, file, step, out.warnings, {
      fieldPrefix: "model.",
      lines: prefixed(lines, "model."),
    });
    if (Array.isArray(model.lora_attn_modules))
      step.adapter.targetModules = fact(
        [...model.lora_attn_modules].map(String).sort(),
        extracted(file, { field: "model.lora_attn_modules", line: lines.get("model.lora_attn_modules") }),
      );
  }
  torchtuneInput(obj, text, file, step, lines);
  torchtuneData(obj, file, step, lines);
  torchtuneHyperparameters(obj, file, step, lines, out);
  torchtuneObjective(obj, file, step, lines);
  step.framework = fact(
    { name: "torchtune" },
    inferred(file, "recognised as a torchtune recipe config", 0.95),
  );
  out.steps.push(step);
}

/**
 * torchtune's generic dataset builders take their data from `source` (a Hub id, or a file format with
 * `data_files`): the builder's name is no dataset (dev t10-rcp-torchtune-llama3-8b-instruct-lora-medical-local-json:
 * `instruct_dataset` with `source: json`, `data_files: …/train.json`). Named builders (`alpaca_cleaned_dataset`) are.
 */
const GENERIC_BUILDER =
  /(?:^|\.)(?:instruct_dataset|chat_dataset|text_completion_dataset|preference_dataset|multimodal_chat_dataset|SFTDataset|PreferenceDataset|TextCompletionDataset|ConcatDataset|PackedDataset)$/;

function torchtuneData(obj: Obj, file: string, step: StepFacts, lines: Map<string, number>): void {
  const many = Array.isArray(obj.dataset);
  const datasets = many ? (obj.dataset as unknown[]) : obj.dataset ? [obj.dataset] : [];
  datasets.forEach((d, i) => {
    const at = (key: string) => {
      const field = `dataset${many ? `[${i}]` : ""}.${key}`;
      return extracted(file, { field, line: lines.get(field) });
    };
    const source = isObj(d) ? str(d.source) : undefined;
    const files = isObj(d) ? str(d.data_files) : undefined;
    const built = component(d);
    if (source && !/^(json|csv|text|parquet|arrow)$/i.test(source))
      step.datasets.push(fact({ id: source }, at("source")));
    else if (source && files) step.datasets.push(fact({ id: `local:${files}` }, at("data_files")));
    else if (built && !GENERIC_BUILDER.test(built))
      step.datasets.push(fact({ id: built }, at("_component_")));
  });
}

function torchtuneHyperparameters(
  obj: Obj,
  file: string,
  step: StepFacts,
  lines: Map<string, number>,
  out: FileFacts,
): void {
  const keys: Obj = {
    learning_rate: isObj(obj.optimizer) ? obj.optimizer.lr : undefined,
    num_train_epochs: obj.epochs,
    max_steps: obj.num_steps,
    per_device_train_batch_size: obj.batch_size,
    gradient_accumulation_steps: obj.gradient_accumulation_steps,
    warmup_steps: isObj(obj.lr_scheduler) ? obj.lr_scheduler.num_warmup_steps : undefined,
    max_seq_length: isObj(obj.tokenizer) ? obj.tokenizer.max_seq_len : undefined,
    seed: obj.seed,
  };
  const where: Record<string, string> = {
    learning_rate: "optimizer.lr",
    num_train_epochs: "epochs",
    max_steps: "num_steps",
    per_device_train_batch_size: "batch_size",
    warmup_steps: "lr_scheduler.num_warmup_steps",
    max_seq_length: "tokenizer.max_seq_len",
  };
  readMappedKeys(keys, where, file, step, out.warnings, lines);
  const scheduler = isObj(obj.lr_scheduler) ? str(obj.lr_scheduler._component_) : undefined;
  const schedule = scheduler ? /(cosine|linear|constant|polynomial)/.exec(scheduler)?.[1] : undefined;
  if (schedule)
    step.hyperparameters.scheduler = fact(
      schedule,
      extracted(file, {
        field: "lr_scheduler._component_",
        line: lines.get("lr_scheduler._component_"),
        confidence: 0.9,
      }),
    );
}

/** Does the recipe train on torchtune's text-completion builder (unstructured text)? */
function textCompletion(obj: Obj): boolean {
  const list = Array.isArray(obj.dataset) ? obj.dataset : [obj.dataset];
  return list.some((d) =>
    /(?:^|\.)(?:text_completion_dataset|TextCompletionDataset)$/.test(component(d) ?? ""),
  );
}

function torchtuneObjective(obj: Obj, file: string, step: StepFacts, lines: Map<string, number>): void {
  // The knowledge-distillation recipes add a `kd_loss` (teacher KL) to the cross-entropy `loss`
  // (torchtune recipes/knowledge_distillation_single_device.py reads cfg.kd_loss): the step distils.
  const kd = isObj(obj.kd_loss) ? str(obj.kd_loss._component_) : undefined;
  const loss = kd ?? (isObj(obj.loss) ? str(obj.loss._component_) : undefined);
  const field = kd ? "kd_loss._component_" : "loss._component_";
  let objective = kd ? "distillation" : loss ? lossObjective(loss) : undefined;
  // Cross-entropy over raw text (`text_completion_dataset`) is continued pre-training, not SFT.
  if (objective === "sft" && textCompletion(obj)) objective = "continued-pretraining";
  if (objective)
    step.objective = fact(objective, extracted(file, { field, line: lines.get(field), confidence: 0.9 }));
  const output = str(obj.output_dir);
  if (output)
    step.output = fact(interpolate(output, obj), localOutput(file, "output_dir", lines.get("output_dir")));
}

/** The sub-map of `lines` under `prefix`, keyed without it. */
function prefixed(lines: Map<string, number>, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of lines) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), v);
  return out;
}

/** Reads a nested trainer config into `out`. */
export function readNestedConfig(
  kind: NestedConfigKind,
  obj: Obj,
  text: string,
  file: string,
  out: FileFacts,
): void {
  out.kind = kind;
  if (kind === "torchtune") readTorchtune(obj, text, file, out);
  else if (kind === "mlx-lm") readMlx(obj, text, file, out);
  else if (kind === "nanotron") readNanotron(obj, text, file, out);
  else if (kind === "litgpt") readLitgpt(obj, file, out, nestedLines(text));
  else if (kind === "autotrain") readAutotrain(obj, text, file, out);
  else if (kind === "oumi") readOumi(obj, text, file, out);
  else if (kind === "ludwig") readLudwig(obj, text, file, out);
  else if (kind === "nemo") readNemo(obj, text, file, out);
  else readVerlConfig(kind, obj, text, file, out);
  // A recipe describes a run of its own: two recipes are two runs.
  // mlx-lm saves its config beside the adapter it trained (`adapter_config.json`), LitGPT its settings beside the
  // checkpoint (`hyperparameters.yaml`): that is the run itself.
  const saved =
    (kind === "mlx-lm" && /(^|[\\/])adapter_config\.json$/i.test(file)) ||
    (kind === "litgpt" && /(^|[\\/])hyperparameters\.ya?ml$/i.test(file));
  for (const s of out.steps) {
    s.recipe = !saved;
    s.finalRun = saved;
  }
}

function readVerlConfig(kind: NestedConfigKind, obj: Obj, text: string, file: string, out: FileFacts): void {
  const step = emptyStep("fine-tune", extracted(file, { note: `${kind} config` }));
  readVerlKeys(flatten(obj), step, { file, lines: nestedLines(text), warnings: out.warnings });
  step.framework = fact(
    { name: kind === "easyr1" ? "easyr1" : "verl" },
    inferred(file, `recognised as a ${kind} config`, 0.9),
  );
  out.steps.push(step);
}

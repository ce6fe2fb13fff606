/**
 * Files a training run leaves in its output folder: PEFT adapter_config.json, config.json, trainer_state.json,
 * training_args.json/.yaml, all_results.json, generation_config.json, and loose run summaries.
 */
import { readTrainingKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred } from "./facts.js";
import { isObj, type Obj, str } from "./recipe-values.js";
import { readSummaryRefs } from "./summary-refs.js";
import { PEFT_TYPES } from "./terms.js";

export type OutputFileKind =
  | "adapter-config"
  | "model-config"
  | "trainer-state"
  | "training-args"
  | "results"
  | "generation-config"
  | "training-summary";

function wrongType(out: FileFacts, field: string, expected: string, value: unknown): void {
  out.warnings.push({
    code: "extract.wrong-type",
    message: `${out.file}: ${field} should be ${expected}, got ${JSON.stringify(value)?.slice(0, 60)}; ignored`,
    file: out.file,
    field,
  });
}

function readAdapterConfig(obj: Obj, out: FileFacts): void {
  const file = out.file;
  const step = emptyStep("fine-tune", extracted(file, { note: "PEFT adapter config" }));
  step.finalRun = true;
  const base = obj.base_model_name_or_path;
  if (typeof base === "string" && base.trim())
    step.inputs.push(fact({ id: base.trim() }, extracted(file, { field: "base_model_name_or_path" })));
  else if (base !== undefined && base !== null) wrongType(out, "base_model_name_or_path", "a model id", base);
  const peft = str(obj.peft_type)?.toLowerCase();
  if (peft) {
    const p = obj.use_dora === true ? "dora" : (PEFT_TYPES[peft] ?? "other");
    // PEFT writes peft_type LORA for QLoRA adapters too: "lora" is right unless the base was quantised.
    step.parameterization = fact(
      p,
      extracted(file, {
        field: obj.use_dora === true ? "use_dora" : "peft_type",
        confidence: p === "lora" ? 0.85 : 1,
      }),
    );
  } else if (obj.peft_type !== undefined) wrongType(out, "peft_type", "a PEFT type name", obj.peft_type);
  const adapterKeys: Obj = {};
  for (const k of ["r", "lora_alpha", "lora_dropout", "target_modules", "use_rslora"])
    if (k in obj) adapterKeys[k] = obj[k];
  readTrainingKeys(adapterKeys, file, step, out.warnings);
  const rev = str(obj.revision);
  if (rev) step.notes.push(`base revision ${rev} (adapter_config revision)`);
  if (str(obj.task_type)) step.notes.push(`PEFT task type ${str(obj.task_type)}`);
  out.steps.push(step);
}

function readModelConfig(obj: Obj, out: FileFacts): void {
  const file = out.file;
  const name = str(obj._name_or_path);
  const q = obj.quantization_config;
  if (isObj(q)) {
    const method = str(q.quant_method)?.toLowerCase();
    const step = emptyStep("quantization", extracted(file, { field: "quantization_config" }));
    step.finalRun = true;
    const known = ["gptq", "awq", "bitsandbytes", "exl2", "hqq"] as const;
    const m = known.find((k) => k === method) ?? (method ? "other" : undefined);
    if (m) step.quantMethod = fact(m, extracted(file, { field: "quantization_config.quant_method" }));
    const bits =
      typeof q.bits === "number"
        ? q.bits
        : q.load_in_4bit === true
          ? 4
          : q.load_in_8bit === true
            ? 8
            : undefined;
    if (bits !== undefined) step.bits = fact(bits, extracted(file, { field: "quantization_config.bits" }));
    if (typeof q.group_size === "number")
      step.parameters.group_size = fact(
        q.group_size,
        extracted(file, { field: "quantization_config.group_size" }),
      );
    if (name)
      step.inputs.push(
        fact(
          { id: name },
          extracted(file, {
            field: "_name_or_path",
            confidence: 0.6,
            note: "the path the model was loaded from before saving",
          }),
        ),
      );
    out.steps.push(step);
    return;
  }
  if (name) {
    const step = emptyStep("fine-tune", extracted(file, { field: "_name_or_path" }));
    step.finalRun = true;
    step.weak = true;
    step.inputs.push(
      fact(
        { id: name },
        extracted(file, {
          field: "_name_or_path",
          confidence: 0.6,
          note: "the path the model was loaded from before saving",
        }),
      ),
    );
    out.steps.push(step);
  }
  const version = str(obj.transformers_version);
  if (version) {
    const step = out.steps[out.steps.length - 1];
    step?.software.push(
      fact({ name: "transformers", version }, extracted(file, { field: "transformers_version" })),
    );
  }
}

function readTrainerState(obj: Obj, out: FileFacts): void {
  const file = out.file;
  const step = emptyStep("fine-tune", extracted(file, { note: "trainer state" }));
  step.finalRun = true;
  const keys: Obj = {};
  if (obj.num_train_epochs !== undefined) keys.num_train_epochs = obj.num_train_epochs;
  if (obj.train_batch_size !== undefined) keys.train_batch_size = obj.train_batch_size;
  // The Trainer writes the number of optimiser steps it planned (from epochs or from max_steps).
  if (typeof obj.max_steps === "number" && obj.max_steps > 0) keys.max_steps = obj.max_steps;
  // What the Trainer planned (epochs, steps, batch) may differ from what the card says was run.
  readTrainingKeys(keys, file, step, out.warnings, { confidence: 0.85 });
  if (typeof obj.global_step === "number")
    step.hyperparameters["other.global_step"] = fact(
      obj.global_step,
      extracted(file, { field: "global_step" }),
    );
  else if (obj.global_step !== undefined) wrongType(out, "global_step", "a number", obj.global_step);
  if (obj.log_history !== undefined && !Array.isArray(obj.log_history))
    wrongType(out, "log_history", "a list", obj.log_history);
  const history = Array.isArray(obj.log_history) ? obj.log_history : [];
  const summary = [...history].reverse().find((h) => isObj(h) && typeof h.train_runtime === "number") as
    | Obj
    | undefined;
  if (summary && typeof summary.train_runtime === "number")
    step.hardware = fact(
      { hours: Math.round((summary.train_runtime / 3600) * 100) / 100 },
      extracted(file, { field: "log_history[-1].train_runtime" }),
    );
  const best = str(obj.best_model_checkpoint);
  if (best) step.notes.push(`best checkpoint ${best} (trainer_state best_model_checkpoint)`);
  out.steps.push(step);
}

function readTrainingArgs(obj: Obj, out: FileFacts): void {
  const file = out.file;
  const step = emptyStep("fine-tune", extracted(file, { note: "training arguments" }));
  step.finalRun = true;
  readTrainingKeys(obj, file, step, out.warnings);
  const hub = str(obj.hub_model_id);
  if (hub) step.output = fact(hub, extracted(file, { field: "hub_model_id" }));
  const name = str(obj.model_name_or_path);
  if (name) step.inputs.push(fact({ id: name }, extracted(file, { field: "model_name_or_path" })));
  out.steps.push(step);
}

function readResults(obj: Obj, out: FileFacts): void {
  const file = out.file;
  const step = emptyStep("fine-tune", extracted(file, { note: "run results" }));
  step.finalRun = true;
  if (typeof obj.train_runtime === "number")
    step.hardware = fact(
      { hours: Math.round((obj.train_runtime / 3600) * 100) / 100 },
      extracted(file, { field: "train_runtime" }),
    );
  if (typeof obj.epoch === "number") step.notes.push(`trained for ${obj.epoch} epochs (${file} epoch)`);
  out.steps.push(step);
}

function readGenerationConfig(obj: Obj, out: FileFacts): void {
  const version = str(obj.transformers_version);
  if (!version) return;
  const step = emptyStep("fine-tune", extracted(out.file, { note: "generation config" }));
  step.finalRun = true;
  step.software.push(
    fact({ name: "transformers", version }, extracted(out.file, { field: "transformers_version" })),
  );
  out.steps.push(step);
}

function readSummary(obj: Obj, out: FileFacts): void {
  const file = out.file;
  const step = emptyStep("fine-tune", extracted(file, { note: "run summary", confidence: 0.8 }));
  step.finalRun = true;
  readTrainingKeys(obj, file, step, out.warnings, { confidence: 0.8 });
  readSummaryRefs(obj, file, step);
  if (step.adapter.rank && !step.parameterization)
    step.parameterization = fact("lora", inferred(file, "a LoRA rank is given", 0.8));
  out.steps.push(step);
}

/** Recognises an output-folder file by name, then by keys. */
export function outputFileKind(basename: string, obj: Obj): OutputFileKind | undefined {
  const name = basename.toLowerCase();
  if (
    name === "adapter_config.json" ||
    ("peft_type" in obj && ("r" in obj || "base_model_name_or_path" in obj))
  )
    return "adapter-config";
  if (name === "trainer_state.json" || ("log_history" in obj && "global_step" in obj)) return "trainer-state";
  if (/(^|[_-])generation_config\.json$/.test(name)) return "generation-config";
  if (/(^|[_-])(all|train|eval)_results\.json$/.test(name) || ("train_runtime" in obj && "epoch" in obj))
    return "results";
  if (/(^|[_-])training_args\.(json|ya?ml|bin)$/.test(name) || /^(trainer|training)_config\.json$/.test(name))
    return "training-args";
  if ("architectures" in obj || "_name_or_path" in obj) return "model-config";
  // A project's own training settings saved as `config.json` (`run_config/config.json` with `learning_rate`,
  // `per_device_train_batch_size`, `data_path`, dev q-ne-zh-qiaoban-child-companion-sft) describe no model: read as a
  // summary of settings, not as a framework's recipe (nothing in it names one).
  if (name === "config.json") return settingsOnly(obj) ? "training-summary" : "model-config";
  return undefined;
}

/** Training settings and no key of a model's own config: `learning_rate` and a batch size or an epoch count. */
function settingsOnly(obj: Obj): boolean {
  return (
    "learning_rate" in obj &&
    ["per_device_train_batch_size", "batch_size", "micro_batch_size", "num_epochs", "num_train_epochs"].some(
      (k) => k in obj,
    ) &&
    ![
      "hidden_size",
      "vocab_size",
      "num_hidden_layers",
      "num_attention_heads",
      "d_model",
      "n_layer",
      "n_embd",
    ].some((k) => k in obj)
  );
}

/** Counts keys that look like training settings (for loose summaries). */
export function trainingKeyCount(obj: Obj, isKnown: (key: string) => boolean): number {
  return Object.keys(obj).filter(isKnown).length;
}

export function readOutputFile(kind: OutputFileKind, obj: Obj, out: FileFacts): void {
  switch (kind) {
    case "adapter-config":
      readAdapterConfig(obj, out);
      return;
    case "model-config":
      readModelConfig(obj, out);
      return;
    case "trainer-state":
      readTrainerState(obj, out);
      return;
    case "training-args":
      readTrainingArgs(obj, out);
      return;
    case "results":
      readResults(obj, out);
      return;
    case "generation-config":
      readGenerationConfig(obj, out);
      return;
    case "training-summary":
      readSummary(obj, out);
      return;
  }
}

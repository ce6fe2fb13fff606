/**
 * LLaMA-Factory's newer config layout (`llamafactory-cli sft|dpo|rm config.yaml`, its `examples/v1/`), read from
 * the framework's own argument classes (`src/llamafactory/v1/config/*_args.py` and its plugins): `model`,
 * `train_dataset`, `peft_config` (`name: lora|freeze`, `r`, `lora_alpha`, `use_dora`, …), `quant_config`
 * (`name: bnb`, `quantization_bit`), `micro_batch_size`, `global_batch_size`, `cutoff_len`, `learning_rate`,
 * `num_train_epochs`, `max_steps`, `optim_config.name`, `lr_scheduler_config.name`, `seed`, `output_dir`.
 * The objective is the CLI command, which the YAML does not hold: it is inferred from the file's or the
 * dataset file's name when they say it (`v1_dpo_demo.yaml`), else left unknown.
 */
import { readTrainingKeys, topLevelLines } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { objectiveFromNames } from "./read-recipe.js";
import { commaList, isObj, type Obj, str } from "./recipe-values.js";

/** The v1 layout: a `model` string with `train_dataset` or plugin configs, and none of the old keys. */
export function isFactoryV1(obj: Obj): boolean {
  if (typeof obj.model !== "string" || "stage" in obj || "finetuning_type" in obj) return false;
  return (
    "train_dataset" in obj || isObj(obj.peft_config) || ("micro_batch_size" in obj && "cutoff_len" in obj)
  );
}

function readPlugins(
  obj: Obj,
  file: string,
  step: StepFacts,
  lines: Map<string, number>,
  out: FileFacts,
): void {
  const peft = isObj(obj.peft_config) ? obj.peft_config : undefined;
  const quant = isObj(obj.quant_config) ? obj.quant_config : undefined;
  const at = (field: string) => extracted(file, { field, line: lines.get(field.split(".")[0] ?? field) });
  const bits = typeof quant?.quantization_bit === "number" ? quant.quantization_bit : quant ? 4 : undefined;
  if (bits === 4 || bits === 8)
    step.adapter.quantizationBits = fact(bits, at("quant_config.quantization_bit"));
  const name = str(peft?.name)?.toLowerCase();
  if (name === "lora") {
    const p = peft?.use_dora === true ? "dora" : bits ? "qlora" : "lora";
    step.parameterization = fact(p, at("peft_config.name"));
    readTrainingKeys(peft ?? {}, file, step, out.warnings, { fieldPrefix: "peft_config.", lines });
  } else if (name === "freeze") step.parameterization = fact("other", at("peft_config.name"));
  else if (!peft)
    step.parameterization = fact(
      "full",
      inferred(file, "no peft_config: LLaMA-Factory trains all weights", 0.9),
    );
}

function readSettings(
  obj: Obj,
  file: string,
  step: StepFacts,
  lines: Map<string, number>,
  out: FileFacts,
): void {
  const flat: Obj = {};
  for (const k of [
    "micro_batch_size",
    "global_batch_size",
    "cutoff_len",
    "learning_rate",
    "num_train_epochs",
    "max_steps",
    "seed",
    "bf16",
  ])
    if (obj[k] !== undefined && obj[k] !== null) flat[k] = obj[k];
  readTrainingKeys(flat, file, step, out.warnings, { lines });
  const optim = isObj(obj.optim_config) ? str(obj.optim_config.name) : undefined;
  if (optim)
    step.hyperparameters.optimizer = fact(
      optim,
      extracted(file, { field: "optim_config.name", line: lines.get("optim_config") }),
    );
  const sched = isObj(obj.lr_scheduler_config) ? str(obj.lr_scheduler_config.name) : undefined;
  if (sched)
    step.hyperparameters.scheduler = fact(
      sched,
      extracted(file, { field: "lr_scheduler_config.name", line: lines.get("lr_scheduler_config") }),
    );
}

/** Reads a LLaMA-Factory v1 config into one fine-tune step. */
export function readFactoryV1(obj: Obj, file: string, text: string, out: FileFacts): void {
  const lines = topLevelLines(text);
  out.kind = "llama-factory";
  const step = emptyStep("fine-tune", extracted(file, { note: "LLaMA-Factory v1 config" }));
  step.recipe = true;
  const model = str(obj.model);
  if (model)
    step.inputs.push(fact({ id: model }, extracted(file, { field: "model", line: lines.get("model") })));
  const data = str(obj.train_dataset);
  if (data)
    for (const id of commaList(data))
      step.datasets.push(
        fact({ id }, extracted(file, { field: "train_dataset", line: lines.get("train_dataset") })),
      );
  readPlugins(obj, file, step, lines, out);
  readSettings(obj, file, step, lines, out);
  const dir = str(obj.output_dir);
  if (dir) step.output = fact(dir, extracted(file, { field: "output_dir", line: lines.get("output_dir") }));
  const byName = objectiveFromNames(file.replace(/\.[a-z]+$/i, ""), data);
  if (byName)
    step.objective = fact(
      byName,
      inferred(file, "the CLI command is not in the config; from the file or dataset name", 0.7),
    );
  step.framework = fact(
    { name: "llama-factory" },
    inferred(file, "recognised as a LLaMA-Factory v1 config", 0.9),
  );
  out.steps.push(step);
}

/**
 * Ludwig LLM configs (`ludwig train --config model.yaml --dataset data.csv`): `model_type: llm`, `base_model`,
 * `adapter` (`type: lora`, `r`, `alpha`, `dropout`), `quantization.bits` (LoRA over a 4- or 8-bit base: QLoRA),
 * `trainer` (`type: finetune`, `learning_rate`, `batch_size`, `epochs`, `gradient_accumulation_steps`) and the
 * prompt's input and output features. The dataset is given on the command line, not in the config. Ludwig's
 * `finetune` trainer learns the output feature from the prompt: supervised fine-tuning.
 */
import type { Parameterization } from "../model/vocabulary.js";
import { readMappedKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred } from "./facts.js";
import { nestedLines } from "./read-verl.js";
import { isObj, type Obj, str } from "./recipe-values.js";

/** A Ludwig LLM config: `model_type: llm` with a `base_model`. */
export function isLudwigConfig(obj: Obj): boolean {
  return str(obj.model_type)?.toLowerCase() === "llm" && typeof obj.base_model === "string";
}

const ADAPTERS: Record<string, Parameterization> = { lora: "lora", adalora: "other", ia3: "ia3" };

export function readLudwig(obj: Obj, text: string, file: string, out: FileFacts): void {
  const lines = nestedLines(text);
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const step = emptyStep("fine-tune", extracted(file, { note: "Ludwig LLM config" }));
  step.inputs.push(fact({ id: obj.base_model as string }, at("base_model")));
  const adapter = isObj(obj.adapter) ? obj.adapter : undefined;
  const bits = isObj(obj.quantization) ? Number(obj.quantization.bits) : Number.NaN;
  const type = adapter ? (str(adapter.type)?.toLowerCase() ?? "lora") : undefined;
  if (!adapter)
    step.parameterization = fact("full", inferred(file, "a Ludwig LLM config with no adapter", 0.8));
  else if (type === "lora" && (bits === 4 || bits === 8)) {
    step.parameterization = fact("qlora", at("quantization.bits"));
    step.adapter.quantizationBits = fact(bits, at("quantization.bits"));
  } else step.parameterization = fact(ADAPTERS[type ?? ""] ?? "other", at("adapter.type"));
  const trainer = isObj(obj.trainer) ? obj.trainer : {};
  if (str(trainer.type)?.toLowerCase() === "finetune")
    step.objective = fact("sft", inferred(file, "Ludwig's finetune trainer learns the prompt's output", 0.8));
  const keys: Obj = {
    ...trainer,
    per_device_train_batch_size: trainer.batch_size,
    num_train_epochs: trainer.epochs,
    lora_r: adapter?.r,
    lora_alpha: adapter?.alpha,
    lora_dropout: adapter?.dropout,
  };
  delete keys.type;
  delete keys.batch_size;
  delete keys.epochs;
  const where: Record<string, string> = {
    ...Object.fromEntries(Object.keys(trainer).map((k) => [k, `trainer.${k}`])),
    per_device_train_batch_size: "trainer.batch_size",
    num_train_epochs: "trainer.epochs",
    lora_r: "adapter.r",
    lora_alpha: "adapter.alpha",
    lora_dropout: "adapter.dropout",
  };
  readMappedKeys(keys, where, file, step, out.warnings, lines);
  step.framework = fact({ name: "ludwig" }, inferred(file, "recognised as a Ludwig LLM config", 0.9));
  out.steps.push(step);
}

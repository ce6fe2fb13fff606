/** mlx-lm LoRA configs (`mlx_lm.lora --config`): `model`, `data`, `fine_tune_type`, `lora_parameters.rank`, `iters`. */
import type { Parameterization } from "../model/vocabulary.js";
import { readTrainingKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred } from "./facts.js";
import { nestedLines } from "./read-verl.js";
import { isObj, type Obj, str } from "./recipe-values.js";

export function readMlx(obj: Obj, text: string, file: string, out: FileFacts): void {
  const lines = nestedLines(text);
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const step = emptyStep("fine-tune", extracted(file, { note: "mlx-lm LoRA config" }));
  step.inputs.push(fact({ id: str(obj.model) as string }, at("model")));
  const data = str(obj.data) ?? str(obj.hf_dataset);
  if (data) step.datasets.push(fact({ id: data }, at(str(obj.data) ? "data" : "hf_dataset")));
  const type = str(obj.fine_tune_type)?.toLowerCase();
  const kinds: Record<string, Parameterization> = { lora: "lora", dora: "dora", full: "full" };
  if (type) step.parameterization = fact(kinds[type] ?? "other", at("fine_tune_type"));
  else
    step.parameterization = fact(
      "lora",
      inferred(file, "mlx-lm trains LoRA unless fine_tune_type says otherwise", 0.7),
    );
  const params = isObj(obj.lora_parameters) ? obj.lora_parameters : {};
  const keys: Obj = {
    ...obj,
    lora_rank: params.rank,
    lora_alpha: params.alpha ?? params.scale,
    lora_dropout: params.dropout,
    max_steps: obj.iters,
  };
  readTrainingKeys(keys, file, step, out.warnings, {
    lines: new Map([
      ...lines,
      ["lora_rank", lines.get("lora_parameters.rank") ?? 0],
      ["max_steps", lines.get("iters") ?? 0],
    ]),
  });
  if (obj.train === true)
    step.objective = fact(
      "sft",
      inferred(file, "mlx-lm `train: true` fine-tunes on the data's completions", 0.7),
    );
  const adapter = str(obj.adapter_path);
  if (adapter)
    step.output = fact(
      adapter,
      extracted(file, {
        field: "adapter_path",
        line: lines.get("adapter_path"),
        confidence: 0.6,
        note: "local adapter folder",
      }),
    );
  step.framework = fact({ name: "mlx-lm" }, inferred(file, "recognised as an mlx-lm config", 0.9));
  out.steps.push(step);
}

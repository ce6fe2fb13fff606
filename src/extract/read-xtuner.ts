/**
 * XTuner's Python configs (InternLM's fine-tuning toolkit: `internlm2_5_chat_20b_qlora_alpaca_e3.py`, dev
 * t8-ne-zh-seasage-xtuner-internlm25-20b-qlora-warship, and the same config quoted in a README). The settings are
 * module constants ("PART 1 Settings"): `pretrained_model_name_or_path`, the data path (`data_path`,
 * `alpaca_en_path`: a Hub id or a local file), `max_length`, `batch_size` (per device), `accumulative_counts`,
 * `max_epochs`, `lr`, `warmup_ratio`. The model dict names the objective (`type=SupervisedFinetune` is SFT, `DPO`,
 * `ORPO`, `RewardModel`), `lora=dict(r=64, lora_alpha=16, …)` the adapter and `load_in_4bit=True` a 4-bit base
 * (QLoRA). Values written as expressions are left out, never computed.
 */
import type { Objective } from "../model/vocabulary.js";
import { datasetRef } from "./dataset-ref.js";
import { extracted, type FileFacts, fact } from "./facts.js";
import { lineOf } from "./line-of.js";
import { blankNonCode, topLevelLiterals } from "./python-scan.js";
import { readRecipe } from "./read-recipe.js";
import type { SourceFile } from "./types.js";

/** XTuner's settings, to the recipe keys ftl reads. */
const SETTINGS: Readonly<Record<string, string>> = {
  pretrained_model_name_or_path: "model_name_or_path",
  max_length: "max_seq_length",
  batch_size: "per_device_train_batch_size",
  accumulative_counts: "gradient_accumulation_steps",
  max_epochs: "num_train_epochs",
  lr: "learning_rate",
  warmup_ratio: "warmup_ratio",
  weight_decay: "weight_decay",
  seed: "seed",
};

/** XTuner's model classes, to objectives. */
const MODELS: Readonly<Record<string, Objective>> = {
  SupervisedFinetune: "sft",
  DPO: "dpo",
  ORPO: "orpo",
  RewardModel: "reward-model",
};

/** A data path constant: `data_path`, `dataset_name_or_path`, `alpaca_en_path`, `alpaca_zh_path`. */
const DATA_NAME = /^(?:data|dataset|\w+_(?:en|zh))(?:_name)?(?:_or)?_path$|^data_files?$/;

/** Is this text an XTuner config (it imports xtuner and sets the model path)? */
export function isXtunerConfig(text: string): boolean {
  return /^[ \t]*from xtuner[. ]/m.test(text) && /^pretrained_model_name_or_path[ \t]*=/m.test(text);
}

/**
 * Is a code block of a card XTuner's settings: the model path and one of XTuner's own names (a README often quotes
 * only "PART 1 Settings", without the imports).
 */
export function isXtunerSettings(text: string): boolean {
  return /^pretrained_model_name_or_path[ \t]*=/m.test(text) && XTUNER_MARKS.some((mark) => mark.test(text));
}

/** XTuner's own names, one pattern each (simple enough for the regex-safety check to decide). */
const XTUNER_MARKS = [
  /^[ \t]*from xtuner[. ]/m,
  /^accumulative_counts[ \t]*=/m,
  /\bSupervisedFinetune\b/,
  /^max_epochs[ \t]*=/m,
];

/**
 * The text a diff leaves (`- data_path = 'timdettmers/openassistant-guanaco'` / `+ data_path = '/root/data.json'`,
 * the way tutorials show a config's changes): its context and added lines, markers removed. Undefined when the
 * text is no diff (no line both added and removed).
 */
export function diffResult(text: string): string | undefined {
  const rows = text.split("\n");
  const added = rows.filter((r) => /^\+(?!\+\+)/.test(r)).length;
  const removed = rows.filter((r) => /^-(?!--)/.test(r)).length;
  if (added === 0 || removed === 0) return undefined;
  // Removed lines and the file headers (`--- a/x`, `+++ b/x`) go; added and context lines lose their marker.
  return rows
    .filter((r) => !r.startsWith("-") && !r.startsWith("+++"))
    .map((r) => (r.startsWith("+") ? r.slice(1).replace(/^ /, "") : r.replace(/^ /, "")))
    .join("\n");
}

/** The `lora=dict(…)` block (its first 600 characters) and its line, when there is one. */
function loraBlock(code: string): { text: string; line: number } | undefined {
  const at = code.search(/\blora\s*=\s*dict\(/);
  return at < 0 ? undefined : { text: code.slice(at, at + 600), line: lineOf(code, at) };
}

/** A keyword's number in the lora block (`r=64`). */
function loraValue(block: string, key: string): number | undefined {
  const m = new RegExp(`\\b${key}\\s*=\\s*(\\d+(?:\\.\\d+)?)`).exec(block);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/** The step an XTuner config states (see the file comment). */
export function readXtunerConfig(file: SourceFile): FileFacts {
  const out: FileFacts = { file: file.path, kind: "recipe", bases: [], steps: [], warnings: [] };
  const code = blankNonCode(file.text);
  const consts = topLevelLiterals(code);
  const obj: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  for (const [name, key] of Object.entries(SETTINGS)) {
    const c = consts.get(name);
    if (c) {
      obj[key] = c.value;
      lines.set(key, c.line);
    }
  }
  const data = [...consts].find(([name, c]) => DATA_NAME.test(name) && typeof c.value === "string");
  if (data) {
    const path = String(data[1].value);
    obj.dataset_name = datasetRef(path);
    lines.set("dataset_name", data[1].line);
  }
  const lora = loraBlock(code);
  const rank = lora ? loraValue(lora.text, "r") : undefined;
  if (lora && rank !== undefined) {
    obj.use_peft = true;
    obj.lora_r = rank;
    const alpha = loraValue(lora.text, "lora_alpha");
    if (alpha !== undefined) obj.lora_alpha = alpha;
    if (/\bload_in_4bit\s*=\s*True\b/.test(code)) obj.load_in_4bit = true;
  }
  readRecipe("trl-recipe", obj, file.path, file.text, out, lines);
  const step = out.steps[0];
  if (!step) return out;
  delete step.framework;
  const model = /\btype\s*=\s*(SupervisedFinetune|DPO|ORPO|RewardModel)\b/.exec(code);
  const objective = model?.[1] ? MODELS[model[1]] : undefined;
  const line = model ? lineOf(code, model.index) : undefined;
  if (objective) step.objective = fact(objective, extracted(file.path, { field: "model.type", line }));
  else delete step.objective;
  if (lora && rank !== undefined) {
    step.parameterization = fact(
      obj.load_in_4bit === true ? "qlora" : "lora",
      extracted(file.path, { field: "lora", line: lora.line }),
    );
  } else delete step.parameterization;
  step.origin = extracted(file.path, { note: "XTuner config" });
  step.recipe = true;
  return out;
}

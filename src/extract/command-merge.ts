/**
 * Commands that fold a trained adapter into its base: an adapter-merge step, never a training run of its own.
 * - axolotl's `python -m axolotl.cli.merge_lora cfg.yml --lora_model_dir=./qlora-out` (and the `axolotl merge-lora`
 *   CLI), whose input is the adapter folder (dev q-rcp-shisa-openhermes25-axolotl-qlora-local-data);
 * - a project's merge script run from a command file (not a card's usage line), named for merging an adapter
 *   (`merge_lora_weights.py`, `merge_peft_adapter.py`) or
 *   given an adapter flag (`python merge.py --base_model_name_or_path X --peft_model_path Y --output_dir Z`; blind
 *   dev g12-rcp-turkish-alpaca-tr-llama31-lora, g12-rcp-vigogne2-13b-enno-qlora-merge): its base and adapter are
 *   its inputs, its output folder its output. Two bare words after a merge-adapter script are the adapter and the
 *   output (`merge_lora_weights.py ./outputs/x ./models/x`).
 * - ms-swift's `swift export --ckpt_dir CKPT --merge_lora true` and `swift merge-lora --ckpt_dir CKPT` (dev
 *   y2-rcp-swift-internvl2-8b-lora-sft-merge; swift 3 names the adapter `--adapters`), and its quantising export
 *   `swift export --quant_method awq --quant_bits 4` (a quantisation step; ms-swift's export arguments).
 * XTuner's merge command is read by read-xtuner-command.ts.
 */
import { modelRef } from "../model/refs.js";
import type { QuantizationMethod } from "../model/vocabulary.js";
import type { Args, Entry } from "./command-args.js";
import { emptyStep, extracted, fact, type StepFacts } from "./facts.js";

const MERGE_ENTRY = /(?:^|\.)merge_lora$|^merge-lora$/;
/** A script file named for merging (`merge.py`, `merge_lora_weights.py`, `scripts/merge_peft_adapter.py`). */
const MERGE_SCRIPT = /(?:^|[_-])merge(?:[_-]|$)/i;
const ADAPTER_WORD = /lora|peft|adapter/i;
const BASE_FLAGS = ["base_model_name_or_path", "base_model", "base_model_path", "model_name_or_path", "base"];
const ADAPTER_FLAGS = [
  "peft_model_path",
  "peft_model",
  "peft_path",
  "lora_model",
  "lora_model_path",
  "lora_path",
  "lora_dir",
  "lora_weights",
  "adapter_path",
  "adapter_model",
  "adapter_dir",
  "adapter_name_or_path",
  "adapter_model_name",
];
const OUTPUT_FLAGS = [
  "output_dir",
  "output_path",
  "output",
  "output_name",
  "save_path",
  "save_dir",
  "export_dir",
];

/**
 * The adapter-merge step of a merge command, undefined for any other command. A project merge script `quoted` in a
 * card (a usage line, "python merge_lora.py …" as instructions) is how to run it, not a run the labels count; a shell
 * script that merges is one.
 */
export function mergeLoraStep(
  entry: Entry,
  args: Args,
  file: string,
  quoted: boolean,
): StepFacts | undefined {
  if (entry.kind === "swift") return swiftExport(entry, args, file);
  if (MERGE_ENTRY.test(entry.name)) return axolotlMerge(entry, args, file);
  return entry.kind === "script" && !quoted ? mergeScript(entry, args, file) : undefined;
}

function axolotlMerge(entry: Entry, args: Args, file: string): StepFacts {
  const step = emptyStep(
    "adapter-merge",
    extracted(file, { line: entry.line, note: `adapter merge (${entry.name})` }),
  );
  const dir = args.obj.lora_model_dir;
  const ref = typeof dir === "string" ? modelRef(dir, true) : undefined;
  if (ref)
    step.inputs.push(
      fact({ id: ref }, extracted(file, { field: "lora_model_dir", line: args.lines.get("lora_model_dir") })),
    );
  return step;
}

const stringFlag = (args: Args, keys: readonly string[]) => {
  const key = keys.find((k) => typeof args.obj[k] === "string");
  return key ? { key, value: args.obj[key] as string } : undefined;
};

function mergeScript(entry: Entry, args: Args, file: string): StepFacts | undefined {
  const name = (entry.name.split(/[\\/]/).pop() ?? entry.name).replace(/\.py$/i, "");
  if (!MERGE_SCRIPT.test(name)) return undefined;
  const adapterFlag = stringFlag(args, ADAPTER_FLAGS);
  if (!adapterFlag && !ADAPTER_WORD.test(name)) return undefined;
  const step = emptyStep(
    "adapter-merge",
    extracted(file, { line: entry.line, note: `adapter merge (${entry.name})` }),
  );
  const add = (raw: string, field: string, line: number | undefined, alwaysLocal: boolean) => {
    const ref = modelRef(raw, alwaysLocal);
    if (ref) step.inputs.push(fact({ id: ref }, extracted(file, { field, line })));
  };
  const base = stringFlag(args, BASE_FLAGS);
  if (base) add(base.value, base.key, args.lines.get(base.key), false);
  if (adapterFlag) add(adapterFlag.value, adapterFlag.key, args.lines.get(adapterFlag.key), true);
  // No flags: two bare words are the adapter and the output.
  const words = args.positional.filter((w) => !w.unknown).map((w) => w.text);
  const [bareAdapter, bareOutput] = !adapterFlag && !base && words.length === 2 ? words : [];
  if (bareAdapter) add(bareAdapter, "adapter", entry.line, true);
  const output = stringFlag(args, OUTPUT_FLAGS);
  const out = output ? modelRef(output.value, true) : bareOutput ? modelRef(bareOutput, true) : undefined;
  const at = output
    ? { field: output.key, line: args.lines.get(output.key) }
    : { field: "output", line: entry.line };
  if (out) step.output = fact(out, extracted(file, at));
  return step.inputs.length > 0 || step.output ? step : undefined;
}

const SWIFT_QUANT: Readonly<Record<string, QuantizationMethod>> = {
  awq: "awq",
  gptq: "gptq",
  bnb: "bitsandbytes",
  hqq: "hqq",
};

/** `swift export` / `swift merge-lora`: the adapter merge or quantisation it runs; undefined for anything else. */
function swiftExport(entry: Entry, args: Args, file: string): StepFacts | undefined {
  const { obj } = args;
  const merge = entry.name === "merge-lora" || obj.merge_lora === true || obj.merge_lora === "true";
  const quant = typeof obj.quant_method === "string" ? obj.quant_method.toLowerCase() : undefined;
  if (entry.name !== "export" && entry.name !== "merge-lora") return undefined;
  const at = (field?: string) =>
    extracted(file, { line: field ? (args.lines.get(field) ?? entry.line) : entry.line, field });
  if (!merge && !quant) return undefined;
  const step = emptyStep(merge ? "adapter-merge" : "quantization", {
    ...at(),
    note: `swift ${entry.name}${merge ? " (merge_lora)" : ` (quant_method ${quant})`}`,
  });
  const adapter = stringFlag(args, ["ckpt_dir", "adapters"]);
  const model = stringFlag(args, ["model", "model_id_or_path", "model_type"]);
  if (merge && adapter) {
    const ref = modelRef(adapter.value, true);
    if (ref) step.inputs.push(fact({ id: ref }, at(adapter.key)));
  } else if (!merge && model && model.key !== "model_type") {
    const ref = modelRef(model.value, false);
    if (ref) step.inputs.push(fact({ id: ref }, at(model.key)));
  }
  if (!merge && quant) step.quantMethod = fact(SWIFT_QUANT[quant] ?? "other", at("quant_method"));
  const output = stringFlag(args, ["output_dir"]);
  const out = output ? modelRef(output.value, true) : undefined;
  if (out) step.output = fact(out, at("output_dir"));
  return step;
}

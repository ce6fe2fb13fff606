/**
 * mlx-lm commands, in a shell script or quoted in a card: `mlx_lm.lora --model M --train --data D` trains an
 * adapter (LoRA unless `--fine-tune-type` says otherwise), `mlx_lm.fuse --model M --adapter-path A --save-path S`
 * folds it into the model (an adapter merge whose output is the saved folder). `mlx_lm.generate` and a
 * `mlx_lm.lora` without `--train` (a test run) train nothing. dev g-ne-ko-mlx-lora-qwen25-fuse-gguf.
 * The flags are mlx-lm's own (mlx-lm `lora.py` / `fuse.py` argument parsers: `--model`, `--train`, `--data`,
 * `--fine-tune-type`, `--iters`, `--batch-size`, `--learning-rate`, `--adapter-path`, `--save-path`).
 */
import { modelRef } from "../model/refs.js";
import type { Parameterization } from "../model/vocabulary.js";
import { emptyStep, extracted, type Fact, fact, inferred, type StepFacts } from "./facts.js";
import { shellCommands, type Word } from "./shell-words.js";

type Flags = Map<string, Word | true>;

/** `mlx_lm.lora`, `mlx_lm lora`, `python -m mlx_lm.lora`: the tool and where its flags start. */
function tool(words: Word[]): { name: "lora" | "fuse"; at: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]?.text ?? "";
    const dotted = /^mlx_lm\.(lora|fuse)$/.exec(w);
    if (dotted) return { name: dotted[1] as "lora" | "fuse", at: i + 1 };
    const next = words[i + 1]?.text;
    if (w === "mlx_lm" && (next === "lora" || next === "fuse")) return { name: next, at: i + 2 };
  }
  return undefined;
}

/** `--fine-tune-type lora`, `--train`: flag names with `_` for `-`, each with its value or `true`. */
function flagsOf(words: Word[], from: number): Flags {
  const flags: Flags = new Map();
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (!w?.text.startsWith("--")) continue;
    const [name = "", inline] = w.text.slice(2).split("=", 2);
    const key = name.replaceAll("-", "_");
    const next = words[i + 1];
    if (inline !== undefined) flags.set(key, { text: inline, line: w.line });
    else if (next && !next.text.startsWith("--")) {
      flags.set(key, next);
      i++;
    } else flags.set(key, true);
  }
  return flags;
}

const word = (f: Word | true | undefined): Word | undefined =>
  f === undefined || f === true ? undefined : f;

/** The adapter folder: `--adapter-path`, else mlx-lm's default `adapters` (its `lora.py` and `fuse.py` defaults). */
function adapterOf(flags: Flags, file: string): Fact<string> {
  const w = word(flags.get("adapter_path"));
  const given = w ? modelRef(w.text, true) : undefined;
  if (w && given)
    return fact(
      given,
      extracted(file, {
        field: "--adapter-path",
        line: w.line,
        confidence: 0.6,
        note: "local adapter folder",
      }),
    );
  return fact(
    "local:adapters",
    inferred(
      file,
      "mlx-lm writes and reads the adapter in ./adapters unless --adapter-path says otherwise",
      0.6,
    ),
  );
}

function loraStep(flags: Flags, file: string): StepFacts | undefined {
  const model = word(flags.get("model"));
  const id = model ? modelRef(model.text) : undefined;
  if (!flags.has("train") || !model || !id) return undefined;
  const at = (field: string, w: Word, confidence = 0.8) =>
    extracted(file, { field, line: w.line, confidence, note: "mlx-lm command" });
  const step = emptyStep("fine-tune", at("mlx_lm.lora", model));
  step.inputs.push(fact({ id }, at("--model", model)));
  const data = word(flags.get("data"));
  if (data) step.datasets.push(fact({ id: data.text }, at("--data", data)));
  const type = word(flags.get("fine_tune_type"));
  const kinds: Record<string, Parameterization> = { lora: "lora", dora: "dora", full: "full" };
  step.parameterization = type
    ? fact(kinds[type.text.toLowerCase()] ?? "other", at("--fine-tune-type", type))
    : fact("lora", inferred(file, "mlx-lm trains LoRA unless --fine-tune-type says otherwise", 0.7));
  const numbers: [string, string][] = [
    ["iters", "maxSteps"],
    ["batch_size", "perDeviceBatchSize"],
    ["learning_rate", "learningRate"],
  ];
  for (const [flag, key] of numbers) {
    const w = word(flags.get(flag));
    const n = w ? Number(w.text) : Number.NaN;
    if (w && Number.isFinite(n) && n > 0) step.hyperparameters[key] = fact(n, at(`--${flag}`, w));
  }
  step.output = adapterOf(flags, file);
  step.framework = fact({ name: "mlx-lm" }, inferred(file, "an mlx-lm command", 0.9));
  return step;
}

function fuseStep(flags: Flags, file: string): StepFacts | undefined {
  const model = word(flags.get("model"));
  const id = model ? modelRef(model.text) : undefined;
  if (!model || !id) return undefined;
  const at = (field: string, w: Word) =>
    extracted(file, { field, line: w.line, confidence: 0.8, note: "mlx-lm command" });
  const step = emptyStep("adapter-merge", at("mlx_lm.fuse", model));
  // As for LLaMA-Factory's export: the merge's input is the adapter the training wrote, which joins the two steps.
  const adapter = adapterOf(flags, file);
  step.inputs.push(fact({ id: adapter.value }, adapter.source));
  const save = word(flags.get("save_path"));
  const out = save ? modelRef(save.text, true) : undefined;
  if (save && out) step.output = fact(out, at("--save-path", save));
  step.framework = fact({ name: "mlx-lm" }, inferred(file, "an mlx-lm command", 0.9));
  return step;
}

/** The steps the mlx-lm commands of a shell text take, in order. */
export function readMlxCommands(text: string, file: string, lineOffset = 0): StepFacts[] {
  if (!text.includes("mlx_lm")) return [];
  const steps: StepFacts[] = [];
  for (const command of shellCommands(text, lineOffset)) {
    const found = tool(command.words);
    if (!found) continue;
    const flags = flagsOf(command.words, found.at);
    const step = found.name === "lora" ? loraStep(flags, file) : fuseStep(flags, file);
    if (step) steps.push(step);
  }
  return steps;
}

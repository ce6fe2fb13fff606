/**
 * Post-training quantisation written as code or as a command: a quantisation step from the model the code loads to
 * the folder it saves, with the method its library makes (blind dev g8-qnt-vistral-7b-chat-autoawq-w4-g128-script,
 * g8-qnt-zh-internlm2-chat-1-8b-lmdeploy-w4a16-awq).
 *
 * - AutoAWQ: `AutoAWQForCausalLM.from_pretrained(path)`, `model.quantize(…)`, `model.save_quantized(out)`: AWQ.
 * - AutoGPTQ: `AutoGPTQForCausalLM.from_pretrained(path, quantize_config)`, `.quantize(…)`, `.save_quantized(out)`;
 *   GPTQModel: `GPTQModel.load(path, …)`, `.quantize(…)`, `.save(out)`: GPTQ.
 * - llm-compressor: `oneshot(model=path, recipe=…, output_dir=out)`: GPTQ with a `GPTQModifier`, AWQ with an
 *   `AWQModifier`, otherwise another scheme (FP8, W8A8 by `QuantizationModifier`).
 * - AutoRound: `AutoRound(model, …)` then `quantize_and_save(out)` or `save_quantized(out)`: another method.
 * - LMDeploy: `lmdeploy lite auto_awq MODEL --work-dir OUT` (AWQ), `lmdeploy lite auto_gptq …` (GPTQ).
 * - unsloth: `FastLanguageModel.from_pretrained(path)` then `model.save_pretrained_gguf(out, tokenizer,
 *   quantization_method="q4_k_m")` or `push_to_hub_gguf("org/name", …)`: GGUF (dev y1-qnt-m7bi-llmlat-unsloth-gguf).
 *   A program that also trains is read by read-python.ts; this reads one that only converts.
 *
 * The code must both quantise (`.quantize(`, `oneshot(`, `quantize_and_save(`) and name what it loads; a script that
 * only loads a quantised model to serve it quantises nothing.
 */
import type { QuantizationMethod } from "../model/vocabulary.js";
import type { Args, Entry } from "./command-args.js";
import { emptyStep, extracted, fact, type StepFacts } from "./facts.js";
import {
  assignments,
  blankNonCode,
  callArguments,
  codeModelRef,
  findCalls,
  type PyCall,
  pyValue,
} from "./python-scan.js";
import { COMPRESSOR_METHODS } from "./read-derived-recipes.js";

const NOTE = "post-training quantisation in code";
const SAVES = new Set([
  "save_quantized",
  "quantize_and_save",
  "save",
  "save_pretrained_gguf",
  "push_to_hub_gguf",
]);
const WANTED = new Set(["from_pretrained", "load", "oneshot", "AutoRound", "quantize", ...SAVES]);

/** The library the code quantises with, and the method it makes. */
function libraryOf(code: string): { method: QuantizationMethod; loader?: string } | undefined {
  if (code.includes("AutoAWQForCausalLM")) return { method: "awq", loader: "AutoAWQForCausalLM" };
  if (code.includes("AutoGPTQForCausalLM")) return { method: "gptq", loader: "AutoGPTQForCausalLM" };
  if (code.includes("GPTQModel")) return { method: "gptq", loader: "GPTQModel" };
  if (code.includes("oneshot(")) {
    const modifier = Object.keys(COMPRESSOR_METHODS).find((m) => code.includes(m));
    return { method: (modifier && COMPRESSOR_METHODS[modifier]) || "other" };
  }
  if (code.includes("AutoRound(")) return { method: "other" };
  if (code.includes("save_pretrained_gguf(") || code.includes("push_to_hub_gguf("))
    return { method: "gguf", loader: "FastLanguageModel" };
  return undefined;
}

/** Is row `at` inside an `if False:` block (the nearest less-indented line above opens one)? */
function underIfFalse(rows: string[], at: number): boolean {
  const indent = (r: string) => r.length - r.trimStart().length;
  const own = indent(rows[at] ?? "");
  for (let i = at - 1; i >= 0 && i >= at - 200; i--) {
    const row = rows[i] ?? "";
    if (row.trim() === "" || indent(row) >= own) continue;
    return /^\s*if\s+False\s*:/.test(row);
  }
  return false;
}

/** The call that loads the model: the library's loader, else the first model `from_pretrained`. */
function loadedModel(calls: PyCall[], loader: string | undefined): PyCall | undefined {
  const loads = calls.filter((c) => c.name === "from_pretrained" || c.name === "load");
  const own = loader ? loads.find((c) => c.callee.includes(loader)) : undefined;
  return own ?? loads.find((c) => c.name === "from_pretrained" && /ForCausalLM|AutoModel/.test(c.callee));
}

/** The quantisation step of a Python program or code block, or undefined when it quantises nothing. */
export function quantizeCode(text: string, file: string, firstLine = 1): StepFacts | undefined {
  const code = blankNonCode(text);
  const lib = libraryOf(code);
  if (!lib) return undefined;
  const rows = text.split("\n");
  // unsloth's notebooks offer each GGUF export under `if False:`: an option, not what was run.
  const calls = findCalls(code, (n) => WANTED.has(n)).filter(
    (c) => !c.name.endsWith("_gguf") || !underIfFalse(rows, c.line - 1),
  );
  const quantises = calls.some(
    (c) =>
      c.name === "quantize" ||
      c.name === "oneshot" ||
      c.name === "quantize_and_save" ||
      c.name === "save_pretrained_gguf" ||
      c.name === "push_to_hub_gguf",
  );
  if (!quantises) return undefined;
  const vars = assignments(code);
  const oneshot = calls.find((c) => c.name === "oneshot");
  const at = (line: number) => line + firstLine - 1;
  const step = emptyStep("quantization", extracted(file, { line: at(calls[0]?.line ?? 1), note: NOTE }));
  step.quantMethod = fact(lib.method, extracted(file, { line: at(calls[0]?.line ?? 1), note: NOTE }));
  let input: string | undefined;
  let inputLine: number | undefined;
  let output: string | undefined;
  let outputLine: number | undefined;
  if (oneshot) {
    const { keywords } = callArguments(oneshot.args);
    input = codeModelRef(pyValue(keywords.get("model"), vars));
    output = codeModelRef(pyValue(keywords.get("output_dir"), vars));
    inputLine = outputLine = oneshot.line;
  }
  const load = input ? undefined : loadedModel(calls, lib.loader);
  if (load) {
    const { positional, keywords } = callArguments(load.args);
    input = codeModelRef(
      pyValue(
        positional[0] ?? keywords.get("model_path") ?? keywords.get("pretrained_model_name_or_path"),
        vars,
      ),
    );
    inputLine = load.line;
  }
  const save = output
    ? undefined
    : calls.find((c) => SAVES.has(c.name) && (c.name !== "save" || lib.loader === "GPTQModel"));
  if (save) {
    const { positional, keywords } = callArguments(save.args);
    output = codeModelRef(
      pyValue(positional[0] ?? keywords.get("output_dir") ?? keywords.get("save_dir"), vars),
    );
    outputLine = save.line;
    // unsloth's GGUF type (`quantization_method = "q4_k_m"`).
    const type = pyValue(keywords.get("quantization_method"), vars);
    if (typeof type === "string" && /^[\w]{2,12}$/.test(type))
      step.format = fact(
        type.toUpperCase(),
        extracted(file, { line: at(save.line), field: "quantization_method" }),
      );
  }
  if (!input && !output) return undefined;
  if (input)
    step.inputs.push(
      fact({ id: input }, extracted(file, { line: inputLine && at(inputLine), field: "model" })),
    );
  if (output)
    step.output = fact(output, extracted(file, { line: outputLine && at(outputLine), field: "output" }));
  step.recipe = true;
  return step;
}

/** `lmdeploy lite auto_awq MODEL --work-dir OUT` (and `auto_gptq`): a quantisation from MODEL saved to OUT. */
export function lmdeployLite(entry: Entry, args: Args, file: string): StepFacts | undefined {
  const [sub, model] = args.positional;
  const method: QuantizationMethod | undefined =
    sub?.text === "auto_awq" ? "awq" : sub?.text === "auto_gptq" ? "gptq" : undefined;
  if (!method || !model || model.unknown) return undefined;
  const note = `lmdeploy lite ${sub?.text}`;
  const step = emptyStep("quantization", extracted(file, { line: entry.line, note }));
  step.quantMethod = fact(method, extracted(file, { line: entry.line, note }));
  const input = codeModelRef(model.text);
  if (input) step.inputs.push(fact({ id: input }, extracted(file, { line: model.line, field: "model" })));
  const out = codeModelRef(args.obj.work_dir);
  if (out) step.output = fact(out, extracted(file, { line: args.lines.get("work_dir"), field: "work_dir" }));
  step.recipe = true;
  return step;
}

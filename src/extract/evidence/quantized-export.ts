/**
 * A model converted or quantised by a command the card quotes: llama.cpp's `convert_hf_to_gguf.py DIR --outfile
 * F` and `llama-quantize IN OUT TYPE`, unsloth's `model.save_pretrained_gguf("dir", tokenizer,
 * quantization_method="q4_k_m")` / `push_to_hub_gguf("org/name", …)`, mlx-lm's `mlx_lm.convert --hf-path M -q`.
 * The tools' own arguments (llama.cpp `convert_hf_to_gguf.py` and `tools/quantize` usage, unsloth
 * `save_pretrained_gguf`, mlx-lm `convert.py` argument parser). dev g-ne-ko-mlx-lora-qwen25-fuse-gguf. AutoGPTQ's
 * example scripts' `--pretrained_model_dir M --quantized_model_dir D`.
 *
 * A card that only converts gives the quantisation step over the converted model; a card that trains and then
 * converts gives it after the training (`exportStep`, added by `cardSteps`).
 */
import type { QuantizationMethod } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { emptyStep, extracted, type Fact, fact, type StepFacts } from "../facts.js";
import type { Block } from "../markdown.js";
import { shellCommands, type Word } from "../shell-words.js";
import type { QuantEvidence } from "./quantized-upload.js";

/** convert_hf_to_gguf.py flags that take a value (the rest are switches). */
const CONVERT_VALUE_FLAGS = new Set([
  "outfile",
  "outtype",
  "model-name",
  "vocab-type",
  "metadata",
  "split-max-tensors",
  "split-max-size",
]);
const QUANTIZE_VALUE_FLAGS = new Set([
  "imatrix",
  "include-weights",
  "exclude-weights",
  "output-tensor-type",
  "token-embedding-type",
  "override-kv",
]);

interface Export {
  method: QuantizationMethod;
  input?: Word;
  output?: Word;
  format?: string;
  line: number;
}

/** The positional words after `from`, skipping `--flag value` pairs of the flags that take a value. */
function positional(words: Word[], from: number, valued: Set<string>): Word[] {
  const out: Word[] = [];
  for (let i = from; i < words.length; i++) {
    const w = words[i]?.text ?? "";
    if (w.startsWith("-")) {
      const name = w.replace(/^-+/, "");
      if (!name.includes("=") && valued.has(name)) i++;
      continue;
    }
    const word = words[i];
    if (word && !word.unknown) out.push(word);
  }
  return out;
}

function flag(words: Word[], name: string): Word | undefined {
  const at = words.findIndex((w) => w.text === `--${name}`);
  const inline = words.find((w) => w.text.startsWith(`--${name}=`));
  if (inline) return { ...inline, text: inline.text.slice(name.length + 3) };
  return at >= 0 ? words[at + 1] : undefined;
}

function fromCommand(words: Word[], line: number): Export | undefined {
  const at = words.findIndex((w) => /(?:^|\/)convert[-_]hf[-_]to[-_]gguf\.py$/.test(w.text));
  if (at >= 0) {
    const [input] = positional(words, at + 1, CONVERT_VALUE_FLAGS);
    return {
      method: "gguf",
      input,
      output: flag(words, "outfile"),
      format: flag(words, "outtype")?.text,
      line,
    };
  }
  const q = words.findIndex((w) => /(?:^|\/)(?:llama-quantize|quantize)(?:\.exe)?$/.test(w.text));
  if (q >= 0) {
    const [input, output, type] = positional(words, q + 1, QUANTIZE_VALUE_FLAGS);
    if (input && /\.gguf$/i.test(input.text))
      return { method: "gguf", input, output, format: type?.text, line };
  }
  // AutoGPTQ's example scripts (`quant_with_alpaca.py --pretrained_model_dir M --quantized_model_dir D`, blind dev
  // x1-ne-ko-koalpaca-polyglot-gptq-autogptq): their own flags say GPTQ.
  const gptqOut = flag(words, "quantized_model_dir");
  const gptqIn = flag(words, "pretrained_model_dir");
  if (gptqOut && gptqIn) return { method: "gptq", input: gptqIn, output: gptqOut, line };
  const m = words.findIndex(
    (w) =>
      w.text === "mlx_lm.convert" || (w.text === "mlx_lm" && words[words.indexOf(w) + 1]?.text === "convert"),
  );
  if (m >= 0) {
    const input = flag(words, "hf-path") ?? flag(words, "model");
    const output = flag(words, "mlx-path");
    if (input) return { method: "other", input, output, line };
  }
  return undefined;
}

/**
 * unsloth: `save_pretrained_gguf("dir", tokenizer, quantization_method = "q4_k_m")`, `push_to_hub_gguf(...)`. Its
 * notebooks offer each export under `if False:` (or commented out): those are options, not what was run.
 */
function fromUnsloth(text: string, line: number): Export | undefined {
  const rows = text.split("\n");
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? "";
    const m = /\.(?:save_pretrained_gguf|push_to_hub_gguf)\(\s*["']([^"'\n]{1,200})["']/.exec(row);
    if (!m?.[1] || /^\s*#/.test(row) || /\bif\s+False\s*:/.test(`${rows[i - 1] ?? ""} ${row}`)) continue;
    const format = /quantization_method\s*=\s*(?:\[\s*)?["'](\w{2,12})["']/.exec(row)?.[1];
    return { method: "gguf", output: { text: m[1], line: line + i }, format, line: line + i };
  }
  return undefined;
}

/** The first conversion or quantisation the card's code blocks run. */
function findExport(blocks: Block[]): Export | undefined {
  let convert: Export | undefined;
  for (const block of blocks) {
    if (block.type !== "code") continue;
    const unsloth = fromUnsloth(block.text, block.line + 1);
    if (unsloth) return unsloth;
    for (const command of shellCommands(block.text, block.line)) {
      const found = fromCommand(command.words, command.line);
      if (!found) continue;
      // convert, then quantize the converted file: one step from the model to the quantised file.
      if (convert && found.input && convert.output && found.input.text === convert.output.text)
        return { ...convert, output: found.output, format: found.format };
      if (convert) return convert;
      convert = found;
    }
  }
  return convert;
}

export function readQuantExport(blocks: Block[], state: CardState): void {
  // Words that said the card is a copy without naming its source leave the command to name it.
  if (state.quant?.source) return;
  const found = findExport(blocks);
  if (!found) return;
  const at = (line: number, field: string) => extracted(state.file, { line, field, confidence: 0.8 });
  const said = state.quant;
  const ev: QuantEvidence = {
    ...said,
    method: said?.method ?? fact(found.method, at(found.line, "command")),
    exported: said === undefined,
  };
  if (found.input) ev.source = fact(found.input.text, at(found.input.line, "command.input"));
  if (found.output) ev.output = fact(found.output.text, at(found.output.line, "command.save_dir"));
  if (found.format) ev.format = fact(found.format, at(found.line, "command.format"));
  state.quant = ev;
}

/** The quantisation step a training card's quoted commands run after the training. */
export function exportStep(file: string, ev: QuantEvidence): StepFacts {
  const said = ev.fromProse ? ev.method?.source : undefined;
  const step = emptyStep("quantization", said ?? extracted(file, { field: "command", confidence: 0.8 }));
  if (ev.source) step.inputs.push(fact({ id: ev.source.value }, ev.source.source));
  if (ev.output) step.output = ev.output;
  if (ev.method) step.quantMethod = ev.method;
  if (ev.format) step.format = ev.format;
  return step;
}

/**
 * A card that trained its model and then converted it (`exportStep`) names the trained model and, apart, the
 * converted copy: the training made the card's model, the conversion its copy.
 */
export function namedBeforeExport(steps: StepFacts[], subject: Fact<string> | undefined): void {
  const [before, after] = steps.slice(-2);
  if (!subject || !before || !after || after.kind !== "quantization" || !after.output) return;
  if (before.output || after.output.value.toLowerCase() === subject.value.toLowerCase()) return;
  before.output = subject;
}

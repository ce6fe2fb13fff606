/**
 * Task arithmetic done by hand ("chat vector": the weights an instruction-tuned model gained over its base, added to
 * another model of the same architecture): a merge of three models, the target, the tuned model and the base whose
 * difference is added, as mergekit's `task_arithmetic` with the base as `base_model`.
 *
 * - In Python: three models loaded with `from_pretrained`, the difference of two of their state dicts
 *   (`inst.state_dict()[k] - base.state_dict()[k]`, or of dicts taken from them), and the third one saved
 *   (`target.save_pretrained(…)`): blind dev g6-mrg-swallow-ms-chat-vector-ja.
 * - As a script's flags: `--target_model X --tuned_model Y --base_model Z` on a script whose name says it merges or
 *   makes a vector (`merge_task_vector_mt_bench.py`): dev x1-ne-ja-task-vector-merge-optuna-chatntq.
 *
 * The method is what the code does, so it is stated as `task-arithmetic`, inferred (a weight on the difference, or
 * layers left out, do not change the kind of merge).
 */
import {
  emptyStep,
  extracted,
  type Fact,
  type FileFacts,
  fact,
  type InputFact,
  inferred,
  type StepFacts,
} from "./facts.js";
import { assignments, blankNonCode, callArguments, codeModelRef, findCalls, pyValue } from "./python-scan.js";
import type { SourceFile } from "./types.js";

const LOAD = /^\s*(\w+)\s*=\s*[\w.]+\.from_pretrained\(/;
const STATE_DICT = /^\s*(\w+)\s*=\s*(\w+)\.state_dict\(\)\s*$/;
const NOTE = "the weights one model gained over another, added to a third: task arithmetic (a chat vector)";

interface Operand {
  name: string;
  /** `name.state_dict()[k]` (the model itself) rather than `name[k]` (a dict taken from it). */
  direct: boolean;
}

const SD = ".state_dict()";
const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
const skipSpaces = (code: string, i: number, step: 1 | -1) => {
  let k = i;
  while (k >= 0 && k < code.length && (code[k] === " " || code[k] === "\t") && Math.abs(k - i) < 4) k += step;
  return k;
};

/** The operand ending at `end` (inclusive) in `x.state_dict()[k]` or `x[k]`, read backwards. */
function operandBefore(code: string, end: number): Operand | undefined {
  if (code[end] !== "]") return undefined;
  const open = code.lastIndexOf("[", end);
  if (open < 0 || end - open > 41 || code.slice(open, end).includes("\n")) return undefined;
  const direct = code.slice(0, open).endsWith(SD);
  let k = (direct ? open - SD.length : open) - 1;
  const last = k;
  while (k >= 0 && last - k < 40 && isWord(code[k])) k--;
  return k < last && !isWord(code[k]) ? { name: code.slice(k + 1, last + 1), direct } : undefined;
}

/** The operand starting at `start` in `x.state_dict()[…` or `x[…`. */
function operandAfter(code: string, start: number): Operand | undefined {
  let k = start;
  while (k < code.length && k - start < 40 && isWord(code[k])) k++;
  if (k === start) return undefined;
  const name = code.slice(start, k);
  const direct = code.startsWith(SD, k);
  const bracket = skipSpaces(code, direct ? k + SD.length : k, 1);
  return code[bracket] === "[" ? { name, direct } : undefined;
}

/** The first `a.state_dict()[k] - b.state_dict()[k]` (or `a_sd[k] - b_sd[k]`) in the code, by string scanning. */
function difference(code: string): { left: Operand; right: Operand; at: number } | undefined {
  for (let at = code.indexOf("]"); at !== -1; at = code.indexOf("]", at + 1)) {
    const minus = skipSpaces(code, at + 1, 1);
    if (code[minus] !== "-" || code[minus + 1] === "=") continue;
    const left = operandBefore(code, at);
    const right = left ? operandAfter(code, skipSpaces(code, minus + 1, 1)) : undefined;
    if (left && right) return { left, right, at };
  }
  return undefined;
}

/** Does the code call `name.method(` (not `other_name.method(`)? */
function calledOn(code: string, name: string, method: string): boolean {
  const call = `${name}.${method}(`;
  for (let at = code.indexOf(call); at !== -1; at = code.indexOf(call, at + 1))
    if (!/[\w.]/.test(code[at - 1] ?? "")) return true;
  return false;
}

function mergeStep(
  file: string,
  line: number | undefined,
  models: { target: Fact<InputFact>; tuned: Fact<InputFact>; base: Fact<InputFact> },
): StepFacts {
  const step = emptyStep("merge", extracted(file, { line, note: NOTE }));
  step.inputs.push(models.target, models.tuned);
  step.mergeBase = fact(models.base.value.id, models.base.source);
  step.mergeMethod = fact("task-arithmetic", inferred(file, NOTE, 0.8, "code"));
  return step;
}

/** The merge a Python file makes by adding one model's difference from another to a third, if it does. */
export function readTaskVectorCode(file: SourceFile): FileFacts | undefined {
  const code = blankNonCode(file.text);
  const diff = difference(code);
  if (!diff) return undefined;
  const vars = assignments(code);
  const lines = code.split("\n");
  const loads = new Map<string, Fact<InputFact>>();
  const calls = findCalls(code, (n) => n === "from_pretrained");
  lines.forEach((row, i) => {
    const name = LOAD.exec(row)?.[1];
    const call = name ? calls.find((c) => c.line === i + 1) : undefined;
    const value = call ? pyValue(callArguments(call.args).positional[0], vars) : undefined;
    const id = codeModelRef(value);
    if (name && id && !/tokenizer/i.test(name))
      loads.set(name, fact({ id }, extracted(file.path, { line: i + 1, field: "from_pretrained" })));
  });
  // Dicts taken from the models (`inst_sd = inst.state_dict()`) stand for them.
  const owner = new Map<string, string>();
  for (const row of lines) {
    const m = STATE_DICT.exec(row);
    if (m?.[1] && m[2]) owner.set(m[1], m[2]);
  }
  const modelOf = (name: string, direct: boolean) => (direct ? name : (owner.get(name) ?? name));
  const tunedName = modelOf(diff.left.name, diff.left.direct);
  const baseName = modelOf(diff.right.name, diff.right.direct);
  const tuned = loads.get(tunedName);
  const base = loads.get(baseName);
  // The third model is the one the program saves (a model loaded later to try the result is not).
  const saves = (name: string) =>
    calledOn(code, name, "save_pretrained") || calledOn(code, name, "push_to_hub");
  const others = [...loads.keys()].filter((k) => k !== tunedName && k !== baseName && saves(k));
  const targetName = others.length === 1 ? others[0] : undefined;
  const target = targetName ? loads.get(targetName) : undefined;
  if (!tuned || !base || !target) return undefined;
  const line = code.slice(0, diff.at).split("\n").length;
  const out: FileFacts = { file: file.path, kind: "python-script", bases: [], steps: [], warnings: [] };
  const step = mergeStep(file.path, line, { target, tuned, base });
  step.recipe = true;
  out.steps.push(step);
  return out;
}

/** `--target_model X --tuned_model Y --base_model Z` on a merging script (its flags as a command's object). */
export function taskVectorFlags(
  script: string,
  flags: Record<string, unknown>,
  file: string,
  lines: Map<string, number>,
): StepFacts | undefined {
  if (!/merge|vector/i.test(script.split("/").pop() ?? "")) return undefined;
  const ref = (key: string): Fact<InputFact> | undefined => {
    const id = codeModelRef(flags[key]);
    return id ? fact({ id }, extracted(file, { field: key, line: lines.get(key) })) : undefined;
  };
  const target = ref("target_model");
  const tuned = ref("tuned_model") ?? ref("instruct_model") ?? ref("chat_model");
  const base = ref("base_model");
  if (!target || !tuned || !base) return undefined;
  const step = mergeStep(file, lines.get("target_model"), { target, tuned, base });
  const output = codeModelRef(flags.output_dir);
  if (output)
    step.output = fact(output, extracted(file, { field: "output_dir", line: lines.get("output_dir") }));
  return step;
}

/**
 * A small, linear scanner for Python training code: comments and triple-quoted strings (docstrings, notebook
 * markdown exported by Colab) are blanked so that nothing in them counts; calls are found with their argument
 * text (brackets balanced, strings respected); keyword arguments are split at top-level commas; literals and
 * simple module-level assignments (`max_seq_length = 2048`) are read as values. No regular expression here
 * scans more than one token at a time.
 */

import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import { refKind } from "../model/refs.js";

/** One call in the code: `DPOConfig(beta=0.1, …)` → name `DPOConfig`, callee `DPOConfig`, its argument text. */
export interface PyCall {
  /** The last name before the bracket (`from_pretrained` in `AutoModel.from_pretrained(`). */
  name: string;
  /** The dotted callee as written (`FastLanguageModel.from_pretrained`). */
  callee: string;
  args: string;
  line: number;
}

/** Blanks comments and triple-quoted strings (newlines kept, so lines stay right); ordinary strings are kept. */
export function blankNonCode(text: string): string {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === "#") {
      while (i < n && text[i] !== "\n") {
        out.push(" ");
        i++;
      }
      continue;
    }
    if ((c === '"' || c === "'") && text.startsWith(c.repeat(3), i)) {
      const close = text.indexOf(c.repeat(3), i + 3);
      const end = close < 0 ? n : close + 3;
      for (let j = i; j < end; j++) out.push(text[j] === "\n" ? "\n" : " ");
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      out.push(text.slice(i, Math.min(j + 1, n)));
      i = j + 1;
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join("");
}

/** The index just past the bracket that closes the one at `open`, or -1 (strings respected; at most `limit` chars). */
function closing(code: string, open: number, limit = 8000): number {
  let depth = 0;
  const end = Math.min(code.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < end && code[j] !== c && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The dotted name that ends right before `at` (`AutoModel.from_pretrained`), scanning back over word characters and dots. */
function nameBefore(code: string, at: number): string | undefined {
  let i = at;
  while (i > 0 && i > at - 120 && /[\w.]/.test(code[i - 1] as string)) i--;
  const name = code.slice(i, at).replace(/^[\d.]+/, "");
  return /^[A-Za-z_]/.test(name) ? name : undefined;
}

/** Every call in (blanked) code whose last name `wanted` accepts, with its argument text. */
export function findCalls(code: string, wanted: (name: string) => boolean): PyCall[] {
  const calls: PyCall[] = [];
  let line = 1;
  let lineAt = 0;
  for (let i = code.indexOf("("); i >= 0; i = code.indexOf("(", i + 1)) {
    const callee = nameBefore(code, i);
    if (!callee) continue;
    const name = callee.split(".").pop() ?? callee;
    if (!wanted(name)) continue;
    const end = closing(code, i);
    if (end < 0) continue;
    for (let j = lineAt; j < i; j++) if (code.charCodeAt(j) === 10) line++;
    lineAt = i;
    calls.push({ name, callee, args: code.slice(i + 1, end - 1), line });
  }
  return calls;
}

/** The top-level comma-separated parts of an argument list. */
export function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < args.length && args[j] !== c && args[j] !== "\n") j += args[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = args.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** Positional arguments and `key=value` keyword arguments (raw text) of an argument list. */
export function callArguments(args: string): { positional: string[]; keywords: Map<string, string> } {
  const positional: string[] = [];
  const keywords = new Map<string, string>();
  for (const part of splitArgs(args)) {
    const eq = part.indexOf("=");
    const key = eq > 0 ? part.slice(0, eq).trim() : "";
    if (eq > 0 && /^[A-Za-z_]\w*$/.test(key) && part[eq + 1] !== "=")
      keywords.set(key, part.slice(eq + 1).trim());
    else positional.push(part);
  }
  return { positional, keywords };
}

export type PyValue = string | number | boolean;

/** A Python literal (`"x"`, `2e-4`, `True`), or undefined for anything else (names, expressions, f-strings). */
export function literal(raw: string): PyValue | undefined {
  const t = raw.trim();
  if (/^("[^"\n]*"|'[^'\n]*')$/.test(t)) return t.slice(1, -1);
  if (t === "True" || t === "False") return t === "True";
  if (/^[+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t.replace(/_/g, ""));
  return undefined;
}

/**
 * The repository a `snapshot_download("org/name", …)` call (huggingface_hub's or ModelScope's) fetches: its result is
 * that model's local copy, so a name assigned it stands for the model. Not a dataset (`repo_type="dataset"`).
 */
export function downloadedRepo(raw: string): string | undefined {
  const m =
    /^\s*(?:[A-Za-z_][\w.]*\.)?snapshot_download\(\s*(?:(?:repo_id|model_id)\s*=\s*)?(["'])([^"'\n]+)\1([^()]*)\)\s*(?:#.*)?$/.exec(
      raw,
    );
  if (!m || /\brepo_type\s*=\s*["']dataset/.test(m[3] ?? "")) return undefined;
  return m[2];
}

/** A literal, or the repository a `snapshot_download` call fetches. */
const assigned = (raw: string): PyValue | undefined => literal(raw) ?? downloadedRepo(raw);

/** The start of a function definition line (`def load(` / `async def load(`). */
const DEF_START = /^\s*(?:async\s+)?def\s+\w+\s*\(/;

/** A one-line function signature's parameters with a string default (`def load(model_name="google/flan-t5-base"):`). */
function stringDefaults(line: string): [string, PyValue][] {
  const start = line.length <= 500 ? DEF_START.exec(line) : null;
  const close = line.lastIndexOf(")");
  if (!start || close < start[0].length) return [];
  return line
    .slice(start[0].length, close)
    .split(",")
    .flatMap((piece): [string, PyValue][] => {
      const eq = piece.indexOf("=");
      const name = eq > 0 ? (piece.slice(0, eq).split(":")[0] ?? "").trim() : "";
      const value = eq > 0 ? literal(piece.slice(eq + 1)) : undefined;
      return /^[A-Za-z_]\w*$/.test(name) && value !== undefined && value !== null ? [[name, value]] : [];
    });
}

/**
 * Simple assignments of a literal to a name (`base_model_name = "Qwen/Qwen2.5-7B-Instruct"`), a function
 * parameter's literal default (`def load_base_model(model_name="google/flan-t5-base"):`, what the call in its body
 * loads when called bare; `def __init__(self, max_seq_length=1024, load_in_4bit=True)`), and an attribute a class
 * sets from one (`self.load_in_4bit = load_in_4bit`, read where `self.load_in_4bit` is passed: blind dev
 * g14-rcp-unsloth-sft-class-script); the first of a name wins.
 */
export function assignments(code: string): Map<string, PyValue> {
  const vars = new Map<string, PyValue>();
  for (const line of code.split("\n")) {
    if (DEF_START.test(line)) {
      for (const [name, v] of stringDefaults(line)) if (!vars.has(name)) vars.set(name, v);
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 1 || line[eq + 1] === "=") continue;
    const name = line.slice(0, eq).trim();
    if (!/^(?:self\.)?[A-Za-z_]\w*$/.test(name)) continue;
    // `self.load_in_4bit = load_in_4bit` in a class's `__init__`: the attribute holds the parameter's default.
    const v =
      assigned(line.slice(eq + 1)) ??
      (name.startsWith("self.") ? vars.get(line.slice(eq + 1).trim()) : undefined);
    if (v !== undefined && !vars.has(name)) vars.set(name, v);
  }
  argparseDefaults(code, vars);
  return vars;
}

/**
 * An argparse script's defaults as the parsed namespace's attributes: `parser.add_argument("--model-path",
 * default="outputs/merged")` then `args = parser.parse_args()` gives `args.model_path` (dev
 * y1-qnt-sentinelops-qwen-coder-lora-awq). Only the names `parse_args()` is assigned to, only literal defaults.
 */
function argparseDefaults(code: string, vars: Map<string, PyValue>): void {
  if (!code.includes("add_argument(") || !code.includes("parse_args(")) return;
  // The names `x = parser.parse_args(…)` assigns: the lines found by index, each line's left side by a pattern.
  const receivers = code
    .split("\n")
    .filter((row) => row.includes(".parse_args("))
    .map((row) => /^\s{0,8}([A-Za-z_]\w{0,40})\s{0,4}=/.exec(row)?.[1])
    .filter((name): name is string => name !== undefined);
  if (receivers.length === 0) return;
  for (const call of findCalls(code, (n) => n === "add_argument")) {
    const { positional, keywords } = callArguments(call.args);
    const flag = positional.map((p) => literal(p)).find((v) => typeof v === "string" && v.startsWith("--"));
    const dest = literal(keywords.get("dest") ?? "");
    const name =
      typeof dest === "string" ? dest : typeof flag === "string" ? flag.slice(2).replace(/-/g, "_") : "";
    const value = literal(keywords.get("default") ?? "");
    if (!/^[A-Za-z_]\w*$/.test(name) || value === undefined || value === null) continue;
    for (const r of receivers) if (!vars.has(`${r}.${name}`)) vars.set(`${r}.${name}`, value);
  }
}

/** A value: a literal, or a name assigned a literal in the same code. */
export function pyValue(raw: string | undefined, vars: Map<string, PyValue>): PyValue | undefined {
  if (raw === undefined) return undefined;
  const lit = literal(raw);
  if (lit !== undefined) return lit;
  const name = raw.trim();
  return /^(?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*$/.test(name) ? vars.get(name) : undefined;
}

/** Names of module-level constants, lower-cased, to recipe keys (beyond the hyperparameter names ftl knows). */
const CONSTANT_KEYS: Readonly<Record<string, string>> = {
  model_id: "model_name_or_path",
  model_name: "model_name_or_path",
  base_model: "model_name_or_path",
  base_model_name: "model_name_or_path",
  model_name_or_path: "model_name_or_path",
  dataset_id: "dataset_name",
  dataset_name: "dataset_name",
  output_dir: "output_dir",
  batch_size: "per_device_train_batch_size",
  grad_accum_steps: "gradient_accumulation_steps",
  gradient_accumulation: "gradient_accumulation_steps",
  lora_r: "lora_r",
  lora_rank: "lora_r",
  lora_alpha: "lora_alpha",
};

/** A file's top-level `NAME = literal` lines, by name as written, with their lines; the first of a name wins. */
export function topLevelLiterals(code: string): Map<string, { value: PyValue; line: number }> {
  const out = new Map<string, { value: PyValue; line: number }>();
  code.split("\n").forEach((row, i) => {
    const eq = row.indexOf("=");
    if (eq < 1 || /^\s/.test(row) || row[eq + 1] === "=") return;
    const name = row.slice(0, eq).trim();
    const value = assigned(row.slice(eq + 1));
    if (value !== undefined && !out.has(name)) out.set(name, { value, line: i + 1 });
  });
  return out;
}

/** A file's top-level `NAME = literal` lines whose names are settings, under recipe key names. */
export function moduleConstants(code: string): Map<string, { value: PyValue; line: number }> {
  const out = new Map<string, { value: PyValue; line: number }>();
  for (const [raw, c] of topLevelLiterals(code)) {
    const name = raw.toLowerCase();
    const key = CONSTANT_KEYS[name] ?? (hyperparameterKeyFor(name) ? name : undefined);
    if (key && !out.has(key)) out.set(key, c);
  }
  return out;
}

/**
 * A model a program names by a string value (`from_pretrained("…")`, `model_path = "…"`), as ftl writes it: a Hub
 * id, else a local path; undefined for anything else (an expression, an f-string, a number).
 */
export function codeModelRef(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^[\w./~-]+$/.test(value)) return undefined;
  return refKind(value) === "hub" && !value.startsWith(".") ? value : `local:${value}`;
}
